"""Matching and accepting, without a book: invariants over random statements and documents."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.imports.accept import accept, line_tokens
from ledgerdesk.services.imports.matching import LineMatch, OpenDocumentIndex
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.read_models import DocumentSummary

DAY = dt.date(2024, 1, 1)
NAMES = ["Acme Retail", "Bay Cafe", "Paper Supplies"]
cents = st.integers(1, 500).map(lambda c: Decimal(c).scaleb(-2) * 100)  # few distinct amounts


def summary(i: int, kind: DocumentKind, contact: int, outstanding: Decimal) -> DocumentSummary:
    prefix = "INV" if kind is DocumentKind.SALES_INVOICE else "BILL"
    return DocumentSummary(
        id=i, kind=kind, number=f"{prefix}-{i:05}", contact_id=contact,
        contact_name=NAMES[contact], issue_date=DAY, due_date=DAY + dt.timedelta(days=i),
        reference=f"PO{i % 3}", total=Money(outstanding, "EUR"),
        outstanding=Money(outstanding, "EUR"), lifecycle=Lifecycle.AUTHORISED,
    )


documents = st.lists(
    st.tuples(st.sampled_from([DocumentKind.SALES_INVOICE, DocumentKind.BILL]),
              st.integers(0, 2), cents), max_size=12,
).map(lambda docs: [summary(i + 1, *d) for i, d in enumerate(docs)])

lines = st.lists(
    st.tuples(cents, st.booleans(), st.integers(0, 14), st.sampled_from(["", *NAMES])),
    max_size=12,
).map(lambda ls: [
    StatementLine(row, DAY, amount if money_in else -amount,
                  f"INV-{ref:05} BILL-{ref:05} PO{ref % 3}" if ref else "", party)
    for row, (amount, money_in, ref, party) in enumerate(ls, start=2)
])


@given(documents, lines)
def test_accepting_never_over_allocates_and_follows_the_sign(docs, statement):
    index = OpenDocumentIndex(docs)
    matches = [LineMatch(line, index.suggest(line)) for line in statement]
    planned, unmatched, excess = accept(matches, line_tokens(statement), {}, best=True)
    assert excess == []  # a suggestion always takes the whole amount
    by_id = {d.id: d for d in docs}
    allocated: dict[int, Decimal] = defaultdict(Decimal)
    lines_by_row = {line.row: line for line in statement}
    for payment in planned:
        line = lines_by_row[payment.row]
        (allocation,) = payment.command.allocations
        doc = by_id[allocation.document_id]
        assert payment.command.amount == allocation.amount == abs(line.amount)
        assert (payment.command.kind is PaymentKind.CUSTOMER_RECEIPT) == (line.amount > 0)
        assert doc.kind is (DocumentKind.SALES_INVOICE if line.amount > 0 else DocumentKind.BILL)
        assert payment.command.contact_id == doc.contact_id
        allocated[doc.id] += allocation.amount
    assert all(allocated[i] <= by_id[i].outstanding.amount for i in allocated)
    rows = [p.row for p in planned] + [u.line.row for u in unmatched]
    assert sorted(rows) == sorted(lines_by_row)  # every line accepted or reported, once


@given(documents, lines)
def test_suggestions_are_ranked_and_each_can_take_the_whole_amount(docs, statement):
    index = OpenDocumentIndex(docs)
    for line in statement:
        found = index.suggest(line)
        assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
        assert all(s.document.outstanding.amount >= abs(line.amount) and s.reason for s in found)


def test_the_same_statement_gives_the_same_tokens_and_repeated_lines_differ():
    line = StatementLine(2, DAY, Decimal("5.00"), "ref", "x")
    again = StatementLine(3, DAY, Decimal("5.00"), "ref", "x")
    tokens = line_tokens([line, again])
    assert tokens == line_tokens([line, again]) and tokens[2] != tokens[3]


named_lines = st.lists(
    st.tuples(cents, st.integers(1, 12), st.booleans()), max_size=12,
).map(lambda ls: [
    StatementLine(row, DAY, amount, "", "", (f"INV-{doc:05}",), keep_excess=keep)
    for row, (amount, doc, keep) in enumerate(ls, start=2)
])


@given(documents, named_lines, st.sets(st.integers(2, 14)))
def test_an_excess_is_kept_only_on_a_marked_line(docs, statement, keep):
    invoices = [d for d in docs if d.kind is DocumentKind.SALES_INVOICE]
    index = OpenDocumentIndex(invoices)
    matches = [index.match(line, False) for line in statement]
    planned, unmatched, excess = accept(matches, line_tokens(statement), {}, best=True,
                                        keep=keep)
    by_row = {line.row: line for line in statement}
    for payment in planned:
        line = by_row[payment.row]
        allocated = sum(a.amount for a in payment.command.allocations)
        kept = payment.command.amount - allocated
        assert payment.command.keep_excess_as_credit == (kept > 0)
        assert kept == 0 or line.keep_excess or line.row in keep
    refused = [e.row for e in excess if not e.kept]
    assert all(e.excess > 0 for e in excess)
    rows = [p.row for p in planned] + [u.line.row for u in unmatched] + refused
    assert sorted(rows) == sorted(by_row)  # each line recorded, reported or refused, once
