"""The CSV writer: formula guard (the convention an importer reads back), BOM, exact numbers,
and rows written as they arrive rather than collected first."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.money import Money
from ledgerdesk.reports.csv_format import (
    BOM,
    FORMULA_STARTS,
    Column,
    cell_text,
    guard_cell,
    minor_text,
    read_csv,
    unguard_cell,
    write_csv,
)

COLUMNS = (
    Column("name", "Name", 10, lambda r: r[0]),
    Column("amount", "Amount", 10, lambda r: r[1], numeric=True),
)


def written(rows, *, bom: bool = False) -> str:
    out = io.StringIO()
    write_csv(COLUMNS, rows, out, bom=bom)
    return out.getvalue()


def test_a_formula_in_a_name_comes_out_as_text() -> None:
    name = '=HYPERLINK("http://x","y")'
    text = written([(name, Money.of("5", "EUR"))])
    (row,) = list(csv.reader(io.StringIO(text)))[1:]
    assert row == ["'" + name, "5.00"]


def test_every_formula_start_is_guarded_in_text_but_numbers_stay_numbers() -> None:
    for start in FORMULA_STARTS:
        assert guard_cell(f"{start}1") == f"'{start}1"
    text = written([("-12.50", Money.of("-12.50", "EUR")), ("+1", Decimal("-3")), ("@a", -7)])
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert rows == [["'-12.50", "-12.50"], ["'+1", "-3"], ["'@a", "-7"]]


def test_ordinary_text_dates_and_flags_are_written_as_they_are() -> None:
    out = io.StringIO()
    columns = (Column("d", "D", 10, lambda r: r[0]), Column("f", "F", 3, lambda r: r[1]),
               Column("t", "T", 3, lambda r: r[2]), Column("n", "N", 3, lambda r: r[3]))
    write_csv(columns, [(dt.date(2024, 2, 29), True, "O'Brien", None)], out)
    assert out.getvalue() == "d,f,t,n\n2024-02-29,yes,O'Brien,\n"


@given(st.text() | st.text(alphabet="'=+-@\t\rx", max_size=4))
def test_every_text_reads_back_exactly_as_it_was(text: str) -> None:
    assert unguard_cell(guard_cell(text)) == text


def test_a_text_that_already_looks_guarded_is_guarded_again() -> None:
    assert guard_cell("'=x") == "''=x" and unguard_cell("''=x") == "'=x"
    assert guard_cell("''") == "'''" and guard_cell("'tis") == "'tis"


@given(st.lists(st.tuples(st.text(), st.integers(-10**12, 10**12)), max_size=5))
def test_read_csv_gives_back_the_written_text(rows) -> None:
    safe = rows  # every text comes back, even one that looks guarded
    text = written([(t, Money.from_minor(n, "EUR")) for t, n in safe], bom=True)
    back = list(read_csv(io.StringIO(text, newline="")))
    assert back[0] == ["name", "amount"]
    assert [(t, Money.of(a, "EUR").minor_units) for t, a in back[1:]] == safe


def test_bom_only_when_asked() -> None:
    assert written([]) == "name,amount\n"
    assert written([], bom=True) == BOM + "name,amount\n"
    assert written([], bom=True).encode("utf-8")[:3] == b"\xef\xbb\xbf"


def test_rows_are_written_as_they_arrive() -> None:
    out = io.StringIO()

    def rows():
        for i in range(3):
            # Everything yielded before is already in the file when the next row is asked for.
            assert out.getvalue().count("\n") == 1 + i
            yield (f"row {i}", i)

    assert write_csv(COLUMNS, rows(), out) == 3
    assert out.getvalue().count("\n") == 4


@given(st.integers(-(10**12), 10**12), st.sampled_from(["EUR", "JPY", "KWD", "USD"]))
def test_minor_text_says_what_money_says(minor: int, currency: str) -> None:
    assert minor_text(minor, currency) == cell_text(Money.from_minor(minor, currency))


def test_ready_columns_are_written_as_given_and_numeric_text_is_never_guarded() -> None:
    out = io.StringIO()
    columns = (Column("a", "A", 3, lambda r: r, ready=True),
               Column("n", "N", 3, lambda r: r, numeric=True))
    write_csv(columns, ["-1"], out)
    assert out.getvalue() == "a,n\n-1,-1\n"


def test_progress_is_reported_and_an_exception_from_it_cancels() -> None:
    seen: list[int] = []
    assert write_csv(COLUMNS, (("r", i) for i in range(7)), io.StringIO(), progress=seen.append,
                     every=3) == 7
    assert seen == [3, 6, 7]

    class Cancelled(Exception):
        pass

    def cancel_at_four(count: int) -> None:
        if count >= 4:
            raise Cancelled

    asked = []

    def rows():
        for i in range(100):
            asked.append(i)
            yield ("r", i)

    with pytest.raises(Cancelled):
        write_csv(COLUMNS, rows(), io.StringIO(), progress=cancel_at_four, every=2)
    assert len(asked) == 4  # nothing read past the cancel
