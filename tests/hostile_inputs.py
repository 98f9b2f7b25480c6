"""Hypothesis strategies for hostile command-line input: text, numbers, dates, files, CSV.

Each strategy mixes values a user could mistype or a script could pass (controls, bidi
overrides, NUL, bytes that are not UTF-8, 10,000 characters, numbers and dates past every
limit) with valid ones from the small demo book, so that a command gets past its parser
often enough to reach the services and the storage behind it.  The attack tests
(``tests/cli/test_attack_*.py``, ``tests/sync/test_attack_sync.py``) draw from here; the
harness that runs the commands is ``cli_attack``.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

LONG = "x" * 10_000

#: Text no field, name or number should choke on.
NASTY_TEXT = (
    "", " ", "-", "--", "-x", "--x", "--help=x", "=", "==", "a=b", "=1", "x=",
    "\x00", "a\x00b", "\u202e", "Evil \u202eCod.exe", "\u2066x\u2069", "\x1b[31mred\x1b[0m",
    "\x07", "\r", "\n", "a\nb", "\t", "\x7f", "\x85", "\u2028", "\ufeff", "\u200b",
    "\udcff", "caf\udce9", LONG, "é", "e\u0301", "🙂", "ß", "İ", "Ω", "中文", "مرحبا",
    "²", "٣", "１２", "'", '"', "\\", "%s", "{0}", "{}", "%(x)s", "' OR 1=1 --", "NULL",
    "None", "/", ".", "..", "~", "$HOME", "*", "0", "-1", "1", "99999999999999999999",
)

#: Amounts and counts at and past every edge.
NASTY_NUMBERS = (
    "1e309", "-1e309", "-0", "0", "-0.00", "NaN", "nan", "sNaN", "inf", "-Infinity",
    "99999999999999999999.999", "1,2,3", "1.2.3", "1_000", "+5", ".5", "5.", "0x10",
    "1e5", "١٢٣", "１２", "9" * 400, "0." + "0" * 30 + "1", "-1", "1.005", "0.001",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1 000", "12 ",
)

#: Dates on and past the calendar a book keeps (0001-01-01 to 9999-12-31).
NASTY_DATES = (
    "0001-01-01", "9999-12-31", "10000-01-01", "2024-02-30", "-0001-01-01", "0000-00-00",
    "0000-01-01", "2024-13-01", "2024-02-29", "2023-02-29", "20240101", "2024-1-1",
    "2024/01/01", " 2024-01-01 ", "2024-01-01T00:00", "٢٠٢٤-٠١-٠١", "２０２４-０１-０１",
    "9999-12-32", "99999-01-01", "",
)

#: Valid things in the small demo book (``ledgerdesk demo``, seed 7).
DEMO_CONTACTS = ("1", "33", "Harbour Lights Café", "harbour lights café",
                 "Pinewood Digital Agency", "Meadowbank Primary School")
DEMO_DOCUMENTS = ("INV-00001", "inv-00002", "INV-00118", "BILL-00001", "CN-00001",
                  "SCN-00001", "CC-00001", "SC-00001")
DEMO_ACCOUNTS = ("1000", "1010", "1100", "2000", "4000", "6000")
#: Payments the demo book takes: (contact, document, amounts it can pay).
DEMO_PAYMENTS = (
    ("Meadowbank Primary School", "INV-00029", ("100", "50.00", "0.01", "150")),
    ("Copperleaf Interiors", "INV-00004", ("7.50", "7.49", "20")),
    ("PaperTrail Stationers", "BILL-00011", ("4224.00", "1000", "5000")),
    ("Meadowbank Primary School", "CN-00003", ("114.00", "14")),
)


def lone_surrogates() -> st.SearchStrategy[str]:
    """What a byte that is not UTF-8 in a command line becomes in Python (surrogateescape)."""
    return st.integers(0xDC80, 0xDCFF).map(chr)


def texts() -> st.SearchStrategy[str]:
    nasty = st.sampled_from(NASTY_TEXT)
    odd = st.one_of(nasty, lone_surrogates())
    return st.one_of(
        nasty,
        st.text(max_size=30),
        st.builds(lambda a, b, c: a + b + c, odd, st.text(max_size=10), odd),
    )


def numbers() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NASTY_NUMBERS),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.integers().map(str),
        st.floats().map(repr),
        st.text(alphabet="0123456789.,-+eE _", max_size=25),
        st.sampled_from(("10", "10.00", "0.01", "120.50")),
    )


def dates() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NASTY_DATES),
        st.dates().map(lambda d: d.isoformat()),
        st.text(alphabet="0123456789-/ ", max_size=12),
        texts(),
    )


def either(valid: tuple[str, ...], hostile: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A valid value from the demo book as often as a hostile one."""
    return st.one_of(st.sampled_from(valid), hostile)


def mostly(valid: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any], odds: int = 4
           ) -> st.SearchStrategy[Any]:
    """``hostile`` one time in ``odds``, else ``valid``: with several arguments each mostly
    valid, a command often gets past its parser to the services behind it."""
    return st.integers(1, odds).flatmap(lambda i: hostile if i == 1 else valid)


@st.composite
def spoiled(draw: st.DrawFn, valid: dict[str, str | None],
            hostile: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """``valid`` (option: value) with one value, now and then two, made hostile (or left
    out: None), so that the rest of the command gets as far as that value takes it."""
    chosen = dict(valid)
    names = sorted(hostile)
    for name in draw(st.lists(st.sampled_from(names), min_size=0, max_size=2, unique=True)):
        chosen[name] = draw(st.none() | hostile[name])
    return chosen


# ---- files ------------------------------------------------------------------------------

#: Kinds of file for a PATH, a FILE or an output, made by ``cli_attack.Scene.file``.
BOOK_LIKE = ("book", "book", "book", "the-book", "missing", "folder", "in-missing-folder", "empty",
             "random-bytes", "csv", "truncated-book", "not-utf8-name", "long-name",
             "nul-name", "link-loop", "link-to-book", "dev-null", "empty-name")
OUTPUTS = ("new", "new", "existing-text", "folder", "in-missing-folder", "the-book",
           "link-to-book", "other-book", "not-utf8-name", "long-name", "nul-name",
           "dev-null", "stdout", "link-loop", "empty-name")


@dataclass(frozen=True)
class FileSpec:
    """What ``Scene.file`` makes: a ``kind`` from above, with ``data`` for the ones with
    content ("random-bytes"; "data": a CSV file of these bytes)."""

    kind: str
    data: bytes = b""


def book_files() -> st.SearchStrategy[FileSpec]:
    return st.builds(FileSpec, st.sampled_from(BOOK_LIKE), st.binary(max_size=256))


def outputs() -> st.SearchStrategy[FileSpec]:
    return st.builds(FileSpec, st.sampled_from(OUTPUTS))


# ---- CSV files ----------------------------------------------------------------------------

ENCODINGS = ("utf-16", "latin-1", "cp1252", "utf-8-sig")
HUGE_CELL = "y" * 200_000  # past the csv module's field limit (131,072)


def cells(fields: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.one_of(
        texts(), numbers(), dates(), st.sampled_from(fields),
        st.sampled_from(DEMO_CONTACTS + DEMO_DOCUMENTS + DEMO_ACCOUNTS),
        st.sampled_from(("customer", "supplier", "both", "yes", "no", "paid", "draft",
                         "inclusive", "EUR", "USD", "invoice", "bill", HUGE_CELL)),
    )


#: A file each kind of import takes into the demo book: (header, rows).
VALID_CSV = {
    "contacts": (("name", "role", "email", "payment_terms_days", "address"), (
        ("New Customer Ltd", "customer", "a@example.com", "14", "1 High St\nTown"),
        ("New Supplier", "supplier", "", "30", ""))),
    "invoices": (("number", "contact", "issue_date", "due_date", "description", "quantity",
                  "unit_price", "account", "tax_rate"), (
        ("X-1", "Harbour Lights Café", "2030-01-15", "2030-02-15", "Work", "2", "100", "4000",
         "20"),
        ("X-1", "Harbour Lights Café", "2030-01-15", "2030-02-15", "More", "1", "0.50", "4100",
         "0"))),
    "bills": (("number", "contact", "issue_date", "total", "account"), (
        ("B-1", "PaperTrail Stationers", "2030-01-15", "99.99", "6100"),)),
    "bank": (("date", "amount", "reference", "counterparty", "documents"), (
        ("2030-01-15", "100.00", "INV-00029", "Meadowbank Primary School", ""),
        ("2030-01-16", "-4224.00", "paid", "PaperTrail Stationers", "BILL-00011"))),
    "opening-balances": (("account", "debit", "credit", "contact", "number", "due_date"), (
        ("1000", "100.00", "", "", "", ""),
        ("1100", "50.00", "", "Harbour Lights Café", "OLD-1", "2030-02-15"),
        ("3000", "", "150.00", "", "", ""))),
}


@st.composite
def csv_files(draw: st.DrawFn, kind: str, fields: tuple[str, ...]) -> bytes:
    """A CSV file's bytes: the valid file of ``kind`` with a header or cell hostile now and
    then (a field name, a hostile text, a huge cell), rows cut short or made longer, in
    another delimiter, encoding or line ending; or random bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=512))
    header, rows = VALID_CSV[kind]
    hostile_cell = cells(fields)
    odd_header = st.one_of(st.sampled_from(fields), texts())
    records = [[draw(mostly(st.just(h), odd_header, 10)) for h in header]]
    for row in rows:
        records.append([draw(mostly(st.just(c), hostile_cell, 8)) for c in row])
    for index, record in enumerate(records):  # ragged: cut short or made longer
        if draw(st.integers(0, 7)) == 0:
            records[index] = record[:draw(st.integers(0, len(record)))]
        elif draw(st.integers(0, 7)) == 0:
            records[index] = record + draw(st.lists(hostile_cell, min_size=1, max_size=2))
    return _written(draw, records)


def _written(draw: st.DrawFn, records: list[list[str]]) -> bytes:
    delimiter = draw(mostly(st.just(","), st.sampled_from((";", "\t", "|"))))
    ending = draw(mostly(st.just("\n"), st.sampled_from(("\r\n", "\r"))))
    text = io.StringIO()
    if draw(st.integers(0, 7)) == 0:
        text.write(f"sep={delimiter}{ending}")
    writer = csv.writer(text, delimiter=delimiter, lineterminator=ending,
                        quoting=draw(st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL))))
    writer.writerows(records)
    encoded = encode(text.getvalue(), draw(mostly(st.just("utf-8"),
                                                  st.sampled_from(ENCODINGS), 6)))
    if draw(st.integers(0, 4)) == 0:
        encoded = codecs.BOM_UTF8 + encoded
    return encoded


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; a lone surrogate becomes the byte it stands for (as a file
    with bytes that are not UTF-8 reads), what the encoding lacks becomes ``?``."""
    try:
        return text.encode(encoding, "surrogateescape")
    except UnicodeEncodeError:
        return text.encode(encoding, "replace")
