"""Hypothesis on opening balances, which only make sense on a book with nothing in it yet:
balanced lines give a trial balance on the date equal to the lines, the control accounts
equal what is outstanding, every open document keeps the rules of a document brought in
(overdue ones too) and ``check`` passes; the same lines one cent off change nothing."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledgerdesk.domain.document_rules import validate_document
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.opening import OpeningLine
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.opening import record_opening_balances
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage.book import create_book

AS_OF = dt.date(2025, 3, 31)
PLAIN = ("1000", "1010", "1500", "2200", "3000", "3100", "6000")
CONTROL = ("1100", "2000")
cents = st.integers(1, 10**9)


@st.composite
def opening_lines(draw: st.DrawFn) -> list[OpeningLine]:
    lines = []
    for i in range(draw(st.integers(0, 5))):
        code, amount, debit = draw(st.sampled_from(CONTROL)), draw(cents), draw(st.booleans())
        lines.append(_line(code, amount, debit, contact=draw(st.sampled_from(("A", "B"))),
                           number=f"OLD-{i}", due=AS_OF + dt.timedelta(draw(st.integers(-90, 90)))))
    for _ in range(draw(st.integers(1, 5))):
        lines.append(_line(draw(st.sampled_from(PLAIN)), draw(cents), draw(st.booleans())))
    balance = sum(ln.signed for ln in lines)
    if balance:
        lines.append(_line(draw(st.sampled_from(PLAIN)), int(abs(balance) * 100), balance < 0))
    return draw(st.permutations(lines))


def _line(code: str, amount: int, debit: bool, contact: str = "", number: str = "",
          due: dt.date | None = None) -> OpeningLine:
    value = Decimal(amount).scaleb(-2)
    return OpeningLine(code, value if debit else None, None if debit else value,
                       contact, number, due)


def _book(folder: str):
    book = create_book(Path(folder) / "o.book")
    initialise_book(book, "Opening Co", "EUR")
    return book


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=opening_lines())
def test_balanced_lines_are_the_trial_balance_and_the_documents_are_open(lines) -> None:
    with tempfile.TemporaryDirectory() as folder:
        book = _book(folder)
        try:
            record_opening_balances(book, AS_OF, lines, create_contacts=True)
            expected = Counter()
            for ln in lines:
                expected[ln.account_code] += ln.signed
            shown = {r.code: r.balance.amount for r in book.queries().trial_balance(AS_OF)
                     if not r.balance.is_zero}
            assert shown == {code: v for code, v in expected.items() if v}
            open_docs = list(book.queries().list_documents(list(DocumentKind), open_only=True))
            assert sorted(d.number for d in open_docs) == sorted(
                ln.number for ln in lines if ln.number)
            assert all(d.outstanding == d.total for d in open_docs)
            with book.read() as tx:  # so another book's invoice or bill import takes them
                assert [p for d in open_docs for p in validate_document(
                    tx.get_document(d.id), tx.get_contact(d.contact_id), tx.accounts(),
                    base_currency="EUR", authorising=True, brought_in=True)] == []
            report = check_book(book)
            assert report.ok, report.invariants
        finally:
            book.close()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=opening_lines(), which=st.integers(0, 99))
def test_lines_a_cent_off_change_nothing(lines, which) -> None:
    index = which % len(lines)
    off = lines[index]
    bumped = OpeningLine(off.account_code, off.debit and off.debit + Decimal("0.01"),
                         off.credit and off.credit + Decimal("0.01"), off.contact, off.number,
                         off.due_date)
    lines = [*lines[:index], bumped, *lines[index + 1:]]
    with tempfile.TemporaryDirectory() as folder:
        book = _book(folder)
        try:
            before = Path(folder, "o.book").read_bytes()
            try:
                record_opening_balances(book, AS_OF, lines, create_contacts=True)
            except ValidationFailed as exc:
                assert [p.code for p in exc.problems] == ["unbalanced"]
            else:
                raise AssertionError("unbalanced opening balances were recorded")
            assert book.queries().trial_balance() == []
            assert Path(folder, "o.book").read_bytes() == before
        finally:
            book.close()
