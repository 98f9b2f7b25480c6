"""The demo's rows checked against the domain, record by record, for a sample.

``demo_rows`` writes plain rows in minor units without building a ``Money`` per amount.
``DomainCheck`` proves that shortcut honest: for each sampled record it builds the real
domain object (``Document``, ``Payment``), lets the domain compute its total and the journal
entry ``domain.postings`` posts for it (or the ``JournalEntry.reversal`` that voids it),
renders those the slow, obvious way into rows, and requires them to equal the rows written.
The small demo checks every record; a big one checks one record in ``every``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ledgerdesk.domain.documents import Document
from ledgerdesk.domain.ledger import JournalEntry, JournalLine, SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, Payment
from ledgerdesk.domain.postings import ChartRoles, document_entry, payment_entry
from ledgerdesk.services.demo_plan import PlanDoc, PlanPayment


class DomainCheck:
    """Compares sampled demo rows with what the domain makes of the same record."""

    def __init__(self, currency: str, roles: ChartRoles, bank: str, every: int) -> None:
        self.currency = currency
        self.roles = roles
        self.bank = bank
        self.every = every
        self.checked = 0

    def document(self, doc: PlanDoc, rows: list[tuple], entry: list[tuple] | None) -> None:
        """``rows``: the document row then its line rows; ``entry``: its entry, then lines."""
        domain = self.domain_document(doc)
        totals = domain.totals()
        expected = [(
            doc.id, domain.kind.value, domain.contact_id, domain.number, domain.reference,
            domain.issue_date.isoformat(), domain.due_date.isoformat(), domain.currency,
            str(domain.exchange_rate), domain.tax_mode.value, domain.lifecycle.value,
            totals.total.minor_units, domain.source_payment_id, "{}",
            domain.tax_rounding.value,
        )] + [
            (doc.id, position, ln.description, str(ln.quantity), str(ln.unit_price),
             ln.account_code, str(ln.tax_rate), str(ln.discount_percent), ln.tax_code_id)
            for position, ln in enumerate(domain.lines, start=1)
        ]
        _same(rows, expected, f"document {domain.number}")
        if entry is not None:
            posted = document_entry(dataclasses.replace(domain, id=doc.id), self.roles)
            self._entry(entry, posted)
        self.checked += 1

    def payment(self, payment: PlanPayment, rows: list[tuple], entry: list[tuple]) -> None:
        """``rows``: the payment row then its allocation rows; ``entry`` as for documents."""
        domain = dataclasses.replace(self.domain_payment(payment), id=payment.id)
        voided = int(domain.voided)
        expected = [(
            payment.id, domain.kind.value, domain.contact_id, domain.date.isoformat(),
            domain.amount.minor_units, domain.amount.currency, domain.bank_account_code,
            domain.reference, domain.client_token, int(domain.keep_excess_as_credit), voided,
        )] + [
            (a.document_id, a.amount.minor_units, payment.id, None, voided)
            for a in domain.allocations
        ]
        _same(rows, expected, f"payment {domain.client_token}")
        self._entry(entry, payment_entry(domain, self.roles, payment.contact.name))
        self.checked += 1

    def reversal(self, original: list[tuple], reversal: list[tuple], date: dt.date) -> None:
        """A voiding entry (rows) against the domain's reversal of the original (rows)."""
        posted = _entry_of(original)
        expected = posted.reversal(max(date, posted.date), f"Void {posted.memo}")
        self._entry(reversal, expected)

    def _entry(self, rows: list[tuple], expected: JournalEntry) -> None:
        ours = _entry_of(rows)
        if ours != dataclasses.replace(expected, id=ours.id) or not ours.is_balanced():
            raise AssertionError(f"demo entry {ours.memo!r} differs from the domain's: "
                                 f"{ours} {expected}")

    def domain_document(self, doc: PlanDoc) -> Document:
        prepaid = Money.from_minor(doc.total, self.currency) if doc.kind.is_prepayment else None
        return Document(
            kind=doc.kind, contact_id=doc.contact.id, issue_date=doc.issue, due_date=doc.due,
            currency=self.currency, lines=tuple(ln.item for ln in doc.lines),
            tax_mode=doc.mode, reference=doc.reference, number=doc.number,
            lifecycle=doc.lifecycle, prepayment_amount=prepaid,
            source_payment_id=doc.source.id if doc.source is not None else None,
        )

    def domain_payment(self, payment: PlanPayment) -> Payment:
        def money(minor: int) -> Money:
            return Money.from_minor(minor, self.currency)

        return Payment(
            kind=payment.kind, contact_id=payment.contact.id, date=payment.date,
            amount=money(payment.amount), bank_account_code=self.bank,
            allocations=tuple(Allocation(doc.id, money(amount))  # type: ignore[arg-type]
                              for doc, amount in payment.allocations),
            keep_excess_as_credit=payment.credit is not None, reference=payment.reference,
            client_token=payment.token, voided=payment.void_on is not None,
        )


def _entry_of(rows: list[tuple]) -> JournalEntry:
    """The ``JournalEntry`` that an entry row and its line rows stand for."""
    (entry_id, date, memo, source_type, source_id, reverses_id), *lines = rows
    if any(line[0] != entry_id for line in lines):
        raise AssertionError(f"demo entry {memo!r} has lines of another entry")
    return JournalEntry(
        dt.date.fromisoformat(date), memo, SourceType(source_type), source_id,
        tuple(JournalLine(code, Money.from_minor(minor, currency), line_memo)
              for _, code, minor, currency, line_memo in lines),
        reverses_id, entry_id,
    )


def _same(ours: list[tuple], expected: list[tuple], what: str) -> None:
    if ours != expected:
        raise AssertionError(f"demo rows for {what} differ from the domain's: {ours} {expected}")
