"""The payment half of a transaction: payments, their allocations, credit applications."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import and_, insert, select, update

from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, CreditApplication, Payment
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.storage.mapping import payment_from_row
from ledgerdesk.storage.tables import allocations as allocation_rows
from ledgerdesk.storage.tables import credit_applications, documents, payments
from ledgerdesk.storage.tx_base import TransactionBase


def payment_token(payment: Payment) -> str:
    """The payment's client token, or a fresh one when the caller left it empty."""
    return payment.client_token or uuid.uuid4().hex


class PaymentStore(TransactionBase):
    def add_payment(self, payment: Payment) -> int:
        currency = payment.amount.currency
        token = payment_token(payment)
        payment_id = self._exec(insert(payments).values(
            kind=payment.kind.value, contact_id=payment.contact_id, date=payment.date,
            amount_minor=payment.amount, currency=currency,
            bank_account_code=payment.bank_account_code, reference=payment.reference,
            client_token=token, keep_excess_as_credit=int(payment.keep_excess_as_credit),
            voided=int(payment.voided), exchange_rate=payment.rate,
        )).inserted_primary_key[0]
        if payment.allocations:
            self._exec(insert(allocation_rows), [
                {"document_id": a.document_id, "amount_minor": a.amount,
                 "payment_id": payment_id, "voided": int(payment.voided), "home_minor": a.home}
                for a in payment.allocations
            ])
        self._audit("add", "payment", payment_id, {
            "kind": payment.kind.value, "contact_id": payment.contact_id,
            "amount": str(payment.amount), "client_token": token,
            "allocations": [[a.document_id, str(a.amount.amount)] for a in payment.allocations],
        })
        return payment_id

    def get_payment(self, payment_id: int) -> Payment | None:
        row = self._conn.execute(select(payments).where(payments.c.id == payment_id)).first()
        return None if row is None else self._with_allocations(row)

    def find_payment_by_token(self, client_token: str) -> Payment | None:
        row = self._conn.execute(
            select(payments).where(payments.c.client_token == client_token)
        ).first()
        return None if row is None else self._with_allocations(row)

    def _with_allocations(self, row) -> Payment:
        rows = self._conn.execute(
            select(allocation_rows.c.document_id, allocation_rows.c.amount_minor,
                   documents.c.currency)
            .join(documents, documents.c.id == allocation_rows.c.document_id)
            .where(allocation_rows.c.payment_id == row.id)
            .order_by(allocation_rows.c.id)
        )
        return payment_from_row(row, rows)

    def mark_payment_voided(self, payment_id: int) -> None:
        voided = self._conn.scalar(select(payments.c.voided).where(payments.c.id == payment_id))
        if voided is None:
            raise NotFound(f"There is no payment {payment_id}.")
        if voided:
            raise NotAllowed(f"Payment {payment_id} is already void.")
        self._exec(update(payments).where(payments.c.id == payment_id).values(voided=1))
        released = self._exec(
            update(allocation_rows)
            .where(allocation_rows.c.payment_id == payment_id, allocation_rows.c.voided == 0)
            .values(voided=1)
        ).rowcount
        self._audit("void", "payment", payment_id, {"allocations_voided": released})

    def add_credit_application(
        self, credit_id: int, date: dt.date, allocations: Iterable[Allocation],
        credit_homes: Sequence[Money | None] = (),
    ) -> int:
        """``allocations`` on the target documents, each mirrored on the credit; a foreign
        one with what it took off the control account at home, for the target (its
        ``home``) and for the credit (``credit_homes``, in the same order)."""
        pairs = list(allocations)
        homes = list(credit_homes) or [None] * len(pairs)
        application_id = self._exec(
            insert(credit_applications).values(credit_id=credit_id, date=date, voided=0)
        ).inserted_primary_key[0]
        rows = []
        for allocation, credit_home in zip(pairs, homes, strict=True):
            base = {"amount_minor": allocation.amount, "credit_application_id": application_id,
                    "voided": 0}
            rows.append({"document_id": allocation.document_id, **base,
                         "home_minor": allocation.home})
            rows.append({"document_id": credit_id, **base, "home_minor": credit_home})
        if rows:
            self._exec(insert(allocation_rows), rows)
        self._audit("apply_credit", "credit_application", application_id, {
            "credit_id": credit_id, "date": date.isoformat(),
            "allocations": [[a.document_id, str(a.amount.amount)] for a in pairs],
        })
        return application_id

    def get_credit_application(self, application_id: int) -> CreditApplication | None:
        row = self._conn.execute(
            select(credit_applications).where(credit_applications.c.id == application_id)
        ).first()
        if row is None:
            return None
        targets = self._conn.execute(
            select(allocation_rows.c.document_id, allocation_rows.c.amount_minor,
                   documents.c.currency)
            .join(documents, documents.c.id == allocation_rows.c.document_id)
            .where(and_(allocation_rows.c.credit_application_id == application_id,
                        allocation_rows.c.document_id != row.credit_id))
            .order_by(allocation_rows.c.id)
        )
        return CreditApplication(
            id=row.id, credit_id=row.credit_id, date=row.date, voided=bool(row.voided),
            allocations=tuple(
                Allocation(t.document_id, Money.from_minor(t.amount_minor, t.currency))
                for t in targets
            ),
        )

    def mark_credit_application_voided(self, application_id: int) -> None:
        voided = self._conn.scalar(
            select(credit_applications.c.voided)
            .where(credit_applications.c.id == application_id)
        )
        if voided is None:
            raise NotFound(f"There is no credit application {application_id}.")
        if voided:
            raise NotAllowed(f"Credit application {application_id} is already void.")
        self._exec(update(credit_applications)
                   .where(credit_applications.c.id == application_id).values(voided=1))
        released = self._exec(
            update(allocation_rows)
            .where(allocation_rows.c.credit_application_id == application_id,
                   allocation_rows.c.voided == 0)
            .values(voided=1)
        ).rowcount
        self._audit("void", "credit_application", application_id,
                    {"allocations_voided": released})
