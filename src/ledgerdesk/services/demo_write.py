"""Writing one planned chunk of the demo book through a ``BulkWriter``.

Order matters because ids come back from each step: documents, then payments (which
allocate to them), then the credits kept from payments' excess, then credit applications,
then the journal (entries name their document or payment), then the reversals of whatever
was voided (which name the entries they reverse).  Numbers are handed out here, in issue
date order per kind, continuing the book's gap-free series from one chunk to the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.numbering import DEFAULT_PREFIXES, format_number
from ledgerdesk.domain.payments import Allocation, PaymentKind
from ledgerdesk.services.demo_build import Builder, reversal
from ledgerdesk.services.demo_plan import ChunkPlan, PlanDoc, PlanPayment

if TYPE_CHECKING:
    from ledgerdesk.services.ports import BulkWriter

_ISSUE = attrgetter("issue")


@dataclass(slots=True)
class Counts:
    invoices: int = 0
    bills: int = 0
    credit_notes: int = 0
    payments: int = 0
    voided: int = 0


class ChunkWriter:
    """Writes planned chunks, numbering documents and counting what was written."""

    def __init__(self, builder: Builder, verify_every: int) -> None:
        self.builder = builder
        self.verify_every = verify_every
        self.numbers: dict[DocumentKind, int] = dict.fromkeys(DocumentKind, 0)
        self.counts = Counts()

    def write(self, bulk: BulkWriter, plan: ChunkPlan) -> None:
        """Number, build and write everything ``plan`` holds, in dependency order."""
        build = self.builder
        self._number(plan)
        docs, payments = plan.docs, plan.payments
        _set_ids(docs, bulk.add_documents([build.document(d) for d in docs]))
        serial = self.counts.payments
        _set_ids(payments, bulk.add_payments(
            [build.payment(p, serial + i) for i, p in enumerate(payments, start=1)]))
        if plan.prepayments:
            prepayments = plan.prepayments
            _set_ids(prepayments, bulk.add_documents([build.document(d) for d in prepayments]))
        if plan.applications:
            money = build.money
            bulk.add_credit_applications([
                (app.credit.id, app.date, [Allocation(t.id, money[m]) for t, m in app.allocations])
                for app in plan.applications  # type: ignore[misc]
            ])
        self._post(bulk, [d for d in docs if d.lifecycle is not Lifecycle.DRAFT], payments)
        self._count(plan)
        for credit in plan.prepayments:
            credit.source = None  # the only cycle in a plan: let reference counting free it

    def _post(
        self, bulk: BulkWriter, posted: list[PlanDoc], payments: list[PlanPayment]
    ) -> None:
        build = self.builder
        doc_entries = [build.document_entry(d) for d in posted]
        pay_entries = [build.payment_entry(p) for p in payments]
        entries = doc_entries + pay_entries
        ids = bulk.post_entries(entries)
        sources: list[PlanDoc | PlanPayment] = [*posted, *payments]
        reversals = [
            reversal(entry, entry_id, source.void_on)
            for source, entry, entry_id in zip(sources, entries, ids, strict=True)
            if source.void_on is not None
        ]
        if reversals:
            bulk.post_entries(reversals)
        step = self.verify_every
        build.verify(list(zip(posted, doc_entries, strict=True))[::step],
                     list(zip(payments, pay_entries, strict=True))[::step])

    def _number(self, plan: ChunkPlan) -> None:
        """Gap-free numbers per kind, in issue-date order; references that quote them."""
        numbers = self.numbers
        numbered = sorted((d for d in plan.docs if d.lifecycle is not Lifecycle.DRAFT), key=_ISSUE)
        for doc in numbered + sorted(plan.prepayments, key=_ISSUE):
            numbers[doc.kind] = serial = numbers[doc.kind] + 1
            doc.number = format_number(DEFAULT_PREFIXES[doc.kind], serial)
        for payment in plan.payments:
            first = payment.allocations[0][0] if payment.allocations else None
            if first is None:
                continue
            if payment.kind is PaymentKind.SUPPLIER_PAYMENT and first.reference:
                payment.reference = first.reference
            else:
                payment.reference = first.number or ""

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


def _set_ids(items: list, ids: list[int]) -> None:
    if len(ids) != len(items):
        raise AssertionError(f"the book returned {len(ids)} ids for {len(items)} records")
    for item, item_id in zip(items, ids, strict=True):
        item.id = item_id
