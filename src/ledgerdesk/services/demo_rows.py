"""Turning one planned chunk of the demo book into rows for ``BulkWriter`` (``bulk_rows``).

Ids are handed out here, from the book's ``next_ids()``, so a batch refers to its own
documents, payments and entries.  Documents take their ids and their gap-free numbers in
issue-date order per kind, continuing the series from one chunk to the next.  Entries are
what ``domain.postings`` posts, worked out in minor units: a document's control account
takes its total, each line account its net, the tax account the tax, merged per account;
a payment moves its amount between the bank and the control account.  Whatever was voided
gets its reversal.  ``DomainCheck`` compares a sample of records with the domain's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from ledgerdesk.domain.documents import DocumentKind, Lifecycle, side_sign
from ledgerdesk.domain.numbering import DEFAULT_PREFIXES, NUMBER_WIDTH
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.bulk_rows import NextIds, RowBatch
from ledgerdesk.services.demo_check import DomainCheck
from ledgerdesk.services.demo_plan import ChunkPlan, PlanDoc, PlanPayment

_ISSUE = attrgetter("issue")
_DRAFT = Lifecycle.DRAFT


@dataclass(slots=True)
class Counts:
    invoices: int = 0
    bills: int = 0
    credit_notes: int = 0
    payments: int = 0
    voided: int = 0


class IsoDates(dict[dt.date, str]):
    """``dates[day]`` is ``day.isoformat()``, made once per day."""

    def __missing__(self, day: dt.date) -> str:
        text = self[day] = day.isoformat()
        return text


class RowBuilder:
    """Rows for planned chunks of one book, numbering documents and counting records."""

    def __init__(self, check: DomainCheck, seed: int, ids: NextIds) -> None:
        self.check = check
        self.currency = check.currency
        self._serials: dict[str, int] = {kind.value: 0 for kind in DocumentKind}
        self.counts = Counts()
        self._doc_id, self._payment_id = ids.documents, ids.payments
        self._application_id, self._entry_id = ids.credit_applications, ids.journal_entries
        self._token = f"demo-{seed}-"
        self._iso = IsoDates()
        roles = check.roles
        # Per kind: value, sign, control account, memo words (and the number prefix).  Keyed
        # by the enum's value, read as ``_value_``: an enum member hashes, and ``.value``
        # reads, through Python code, a tenth of the building time at these numbers.
        self._doc_kinds = {
            kind.value: (kind.value, side_sign(kind.side) * kind.control_sign,
                         roles.control_for(kind), kind.label.capitalize(),
                         DEFAULT_PREFIXES[kind])
            for kind in DocumentKind
        }
        self._payment_kinds = {
            kind.value: (kind.value, 1 if kind.money_in else -1,
                         roles.receivable if side_sign(kind.side) == 1 else roles.payable,
                         kind.value.replace("_", " ").capitalize())
            for kind in PaymentKind
        }
        # Sampled records' rows, kept until their entry is checked with them.
        self._sampled: dict[tuple[str, int], list[tuple]] = {}
        # Voided records: (their batch, entry index, first and end line index, entry date,
        # void date).
        self._reversals: list[tuple[RowBatch, int, int, int, dt.date, dt.date]] = []

    def batches(self, plan: ChunkPlan) -> Iterator[RowBatch]:
        """Number, give ids to and write out everything ``plan`` holds, in three batches.

        Documents, payments and allocations first, then the documents' entries, then the
        payments' entries and the reversals: a writer in another process can load each as
        soon as it comes, rather than wait for the whole chunk.
        """
        docs = sorted(plan.docs, key=_ISSUE)
        self._number(docs, plan)
        self._give_ids(docs, plan)
        records = RowBatch()
        self._documents(records, docs)
        self._payments(records, plan.payments)
        self._documents(records, plan.prepayments)
        self._applications(records, plan)
        yield records
        journal = RowBatch()
        self._document_entries(journal, [d for d in docs if d.lifecycle is not _DRAFT])
        yield journal
        journal = RowBatch()
        self._payment_entries(journal, plan.payments)
        self._reverse(journal)
        self._count(plan)
        for credit in plan.prepayments:
            credit.source = None  # the only cycle in a plan: let reference counting free it
        yield journal

    @property
    def numbers(self) -> dict[DocumentKind, int]:
        """The last number taken, per kind."""
        return {kind: self._serials[kind.value] for kind in DocumentKind}

    def _number(self, docs: list[PlanDoc], plan: ChunkPlan) -> None:
        """Gap-free numbers per kind, in issue-date order; references that quote them."""
        serials, kinds = self._serials, self._doc_kinds
        for doc in [d for d in docs if d.lifecycle is not _DRAFT] + sorted(
            plan.prepayments, key=_ISSUE
        ):
            kind = doc.kind._value_
            serials[kind] = serial = serials[kind] + 1
            doc.number = f"{kinds[kind][4]}{serial:0{NUMBER_WIDTH}d}"
        serial = self.counts.payments
        for payment in plan.payments:
            serial += 1
            payment.token = f"{self._token}{serial:09d}"
            first = payment.allocations[0][0] if payment.allocations else None
            if first is None:
                continue
            if payment.kind is PaymentKind.SUPPLIER_PAYMENT and first.reference:
                payment.reference = first.reference
            else:
                payment.reference = first.number or ""

    def _give_ids(self, docs: list[PlanDoc], plan: ChunkPlan) -> None:
        for records, attribute in ((docs, "_doc_id"), (plan.payments, "_payment_id"),
                                   (plan.prepayments, "_doc_id")):
            next_id = getattr(self, attribute)
            for record in records:
                record.id = next_id
                next_id += 1
            setattr(self, attribute, next_id)

    def _documents(self, batch: RowBatch, docs: list[PlanDoc]) -> None:
        rows, lines, iso, currency = batch.documents, batch.document_lines, self._iso, self.currency
        every = self.check.every
        for doc in docs:
            doc_id = doc.id
            rows.append((
                doc_id, doc.kind._value_, doc.contact.id, doc.number, doc.reference,
                iso[doc.issue], iso[doc.due], currency, "1", doc.mode._value_,
                doc.lifecycle._value_, doc.total, doc.source.id if doc.source else None, "{}",
                "PER_LINE",  # the catalogue prices each line on its own
            ))
            first = len(lines)
            for position, line in enumerate(doc.lines, start=1):
                lines.append((doc_id, position, *line.row))
            if doc_id % every == 0:
                if doc.lifecycle is _DRAFT or doc.kind.is_prepayment:  # nothing posted
                    self.check.document(doc, [rows[-1], *lines[first:]], None)
                else:
                    self._sampled["document", doc_id] = [rows[-1], *lines[first:]]

    def _payments(self, batch: RowBatch, payments: list[PlanPayment]) -> None:
        rows, allocations, iso = batch.payments, batch.allocations, self._iso
        currency, bank = self.currency, self.check.bank
        for p in payments:
            payment_id, voided = p.id, 0 if p.void_on is None else 1
            rows.append((payment_id, p.kind._value_, p.contact.id, iso[p.date], p.amount,
                         currency, bank, p.reference, p.token, 0 if p.credit is None else 1,
                         voided))
            first = len(allocations)
            for doc, amount in p.allocations:
                allocations.append((doc.id, amount, payment_id, None, voided))
            if payment_id % self.check.every == 0:
                self._sampled["payment", payment_id] = [rows[-1], *allocations[first:]]

    def _applications(self, batch: RowBatch, plan: ChunkPlan) -> None:
        rows, allocations, iso = batch.credit_applications, batch.allocations, self._iso
        for application in plan.applications:
            application_id = self._application_id
            self._application_id += 1
            credit_id = application.credit.id
            rows.append((application_id, credit_id, iso[application.date]))
            for target, amount in application.allocations:
                allocations.append((target.id, amount, None, application_id, 0))
                allocations.append((credit_id, amount, None, application_id, 0))

    def _document_entries(self, batch: RowBatch, posted: list[PlanDoc]) -> None:
        entries, lines, iso, currency = (batch.journal_entries, batch.journal_lines, self._iso,
                                         self.currency)
        tax_code, kinds, every = self.check.roles.sales_tax, self._doc_kinds, self.check.every
        for doc in posted:
            _, sign, control, words, _ = kinds[doc.kind._value_]
            entry_id = self._entry_id
            self._entry_id += 1
            entries.append((entry_id, iso[doc.issue], f"{words} {doc.number}", "DOCUMENT",
                             doc.id, None))
            first = len(lines)
            merged = {control: doc.total * sign}
            for line in doc.lines:
                merged[line.account] = merged.get(line.account, 0) - line.net * sign
            merged[tax_code] = merged.get(tax_code, 0) - doc.tax * sign
            for code, minor in merged.items():
                if minor:
                    lines.append((entry_id, code, minor, currency, ""))
            if doc.void_on is not None:
                self._reversals.append((batch, len(entries) - 1, first, len(lines), doc.issue,
                                        doc.void_on))
            if doc.id % every == 0:
                self.check.document(doc, self._sampled.pop(("document", doc.id)),
                                    [entries[-1], *lines[first:]])

    def _payment_entries(self, batch: RowBatch, payments: list[PlanPayment]) -> None:
        entries, lines, iso, currency = (batch.journal_entries, batch.journal_lines, self._iso,
                                         self.currency)
        bank, kinds, every = self.check.bank, self._payment_kinds, self.check.every
        for p in payments:
            _, sign, control, words = kinds[p.kind._value_]
            entry_id = self._entry_id
            self._entry_id += 1
            memo = f"{words} {p.contact.name}".strip()
            if p.reference:
                memo += f" ({p.reference})"
            entries.append((entry_id, iso[p.date], memo, "PAYMENT", p.id, None))
            amount = p.amount * sign
            lines.append((entry_id, bank, amount, currency, ""))
            lines.append((entry_id, control, -amount, currency, ""))
            if p.void_on is not None:
                self._reversals.append((batch, len(entries) - 1, len(lines) - 2, len(lines),
                                        p.date, p.void_on))
            if p.id % every == 0:
                self.check.payment(p, self._sampled.pop(("payment", p.id)),
                                   [entries[-1], *lines[-2:]])

    def _reverse(self, batch: RowBatch) -> None:
        """Each voided record's entry undone line by line, dated no earlier than it."""
        entries, lines, iso = batch.journal_entries, batch.journal_lines, self._iso
        for posted, index, first, end, posted_on, void_on in self._reversals:
            original_id, _, memo, source_type, source_id, _ = original = (
                posted.journal_entries[index])
            entry_id = self._entry_id
            self._entry_id += 1
            entries.append((entry_id, iso[max(void_on, posted_on)], f"Void {memo}", source_type,
                            source_id, original_id))
            start = len(lines)
            posted_lines = posted.journal_lines[first:end]
            for _, code, minor, currency, line_memo in posted_lines:
                lines.append((entry_id, code, -minor, currency, line_memo))
            if entry_id % self.check.every == 0:
                self.check.reversal([original, *posted_lines], [entries[-1], *lines[start:]],
                                    void_on)
        self._reversals.clear()

    def _count(self, plan: ChunkPlan) -> None:
        counts = self.counts
        for doc in plan.docs:
            kind = doc.kind
            if kind is DocumentKind.SALES_INVOICE:
                counts.invoices += 1
            elif kind is DocumentKind.BILL:
                counts.bills += 1
            else:
                counts.credit_notes += 1
            counts.voided += doc.lifecycle is Lifecycle.VOIDED
        counts.payments += len(plan.payments)
        counts.voided += sum(p.void_on is not None for p in plan.payments)
