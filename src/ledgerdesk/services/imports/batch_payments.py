"""Bank statement payments imported in batches: each checked like ``record_payment_in``,
all written at once.

Every payment is built and validated by the use case's own functions against outstanding
amounts read inside the transaction, once for the whole statement; each accepted payment
then lowers what its documents owe before the next line is checked, so two lines cannot
over-allocate one invoice.  The allocation trigger re-checks every row as it goes in.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ledgerdesk.domain.allocation import validate_payment
from ledgerdesk.domain.documents import Document, DocumentKind, Lifecycle
from ledgerdesk.domain.fx import with_home
from ledgerdesk.domain.lock import locked_out
from ledgerdesk.domain.payments import OpenDocument, Payment
from ledgerdesk.domain.postings import payment_entry
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.exchange_account import exchange_account_in
from ledgerdesk.services.imports.accept import PlannedPayment
from ledgerdesk.services.imports.apply import Created, Progress, Step, refusal_problems
from ledgerdesk.services.imports.batch_documents import PROGRESS_EVERY
from ledgerdesk.services.imports.cached import CachedReads
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.fields import ColumnMapping
from ledgerdesk.services.lock import lock_date
from ledgerdesk.services.outbox import enqueue_payment
from ledgerdesk.services.payments import build_payment
from ledgerdesk.services.ports import Transaction
from ledgerdesk.services.setup import base_currency, chart_roles


def payments_step(payments: list[PlannedPayment], mapping: ColumnMapping) -> Step:
    def step(tx: Transaction, problems: list[RowProblem], created: list[Created],
             progress: Progress | None = None) -> None:
        reads = CachedReads(tx)
        recorded = reads.tx.payment_tokens_in(p.command.client_token for p in payments)
        wanted = {a.document_id for p in payments for a in p.command.allocations}
        owed = dict(reads.tx.open_documents(wanted)) if wanted else {}
        home = base_currency(reads.tx)
        ready: list[tuple[PlannedPayment, Payment]] = []
        lock = lock_date(reads)
        for done, planned in enumerate(payments):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(payments))  # may raise to cancel: everything rolls back
            if planned.command.client_token in recorded:
                continue  # as record_payment_in: the same line imported before
            if why := locked_out(lock, planned.command.date, "the payment"):
                problems.append(RowProblem(planned.row, "", why))  # refuses the file
                continue
            payment, found = build_payment(reads, planned.command, reads.accounts())
            if payment is not None and not found:
                found = validate_payment(payment, owed)
            if payment is None or found:
                problems.extend(refusal_problems(ValidationFailed(found), mapping,
                                                 planned.row, [planned.row]))
                continue
            payment = dataclasses.replace(
                payment, allocations=with_home(payment.allocations, owed, home))
            _use(owed, payment)
            ready.append((planned, payment))
        _write(reads, [payment for _, payment in ready])
        created.extend(Created(planned.row, planned.words) for planned, _ in ready)
        if progress is not None:
            progress(len(payments), len(payments))
    return step


def _use(owed: dict[int, OpenDocument], payment: Payment) -> None:
    for allocation in payment.allocations:
        doc = owed[allocation.document_id]
        taken = (allocation.home or allocation.amount).minor_units
        owed[doc.id] = dataclasses.replace(doc, outstanding=doc.outstanding - allocation.amount,
                                           taken_home_minor=doc.taken_home_minor + taken)


def _write(reads: CachedReads, payments: list[Payment]) -> None:
    """The payments, their postings, and a credit for each excess kept (``_keep_excess``)."""
    if not payments:
        return
    roles = chart_roles(reads.accounts())
    home = base_currency(reads.tx)
    if any({p.amount.currency, p.settles_in} != {home} for p in payments):
        roles.exchange = exchange_account_in(reads.tx)
    with reads.tx.batch() as writer:
        ids = writer.add_payments(payments)
        saved = [dataclasses.replace(p, id=i) for p, i in zip(payments, ids, strict=True)]
        writer.post_entries([payment_entry(p, roles, _name(reads, p.contact_id), home)
                             for p in saved])
        keeping: dict[DocumentKind, list[Payment]] = defaultdict(list)
        for p in saved:
            if p.kind.prepayment_kind is not None and p.excess.is_positive:
                keeping[p.kind.prepayment_kind].append(p)
        for kind, kept in keeping.items():
            numbers = reads.tx.take_numbers(kind, len(kept))
            writer.add_documents([_credit(kind, p, n) for p, n in zip(kept, numbers, strict=True)])
    for payment in saved:  # same transaction: pushed to linked remotes exactly once
        enqueue_payment(reads.tx, payment)


def _credit(kind: DocumentKind, payment: Payment, number: str) -> Document:
    return Document(
        kind=kind, contact_id=payment.contact_id, issue_date=payment.date,
        due_date=payment.date, currency=payment.amount.currency, number=number,
        lifecycle=Lifecycle.AUTHORISED, prepayment_amount=payment.excess,
        source_payment_id=payment.id, reference=payment.reference, exchange_rate=payment.rate,
    )


def _name(reads: CachedReads, contact_id: int) -> str:
    contact = reads.get_contact(contact_id)
    return contact.name if contact else ""
