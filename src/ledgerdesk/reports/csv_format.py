"""CSV for every list and report, shared by the command line and (later) the window's export.

- UTF-8, a header row, ``\\n`` line ends, and an optional byte order mark so Excel reads
  the encoding right;
- exact decimals with a dot (``1234.50``) and ISO dates, whatever the locale;
- streamed: rows are written one by one as the iterable yields them, so an export of any
  size runs in constant memory;
- a formula-injection guard.  A *text* cell whose first character is one of
  ``= + - @ tab CR`` gets a leading apostrophe, so a spreadsheet shows it as text instead
  of running it (``=HYPERLINK(...)``).  Numbers (``Money``, ``Decimal``, ``int``) are never
  guarded, so ``-12.50`` stays a number.  ``unguard_cell`` undoes the guard when reading
  back; an importer relies on exactly this convention.  A text that itself begins with an
  apostrophe followed by one of those characters or by another apostrophe is guarded too
  (``'=x`` is written ``''=x``), so every text reads back exactly as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TextIO

from ledgerdesk.domain.money import Money, minor_exponent

#: First characters a spreadsheet may read as the start of a formula.
FORMULA_STARTS = frozenset("=+-@\t\r")
GUARD = "'"
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its CSV header, its table title and width, and how to read a row."""

    header: str
    title: str
    width: int
    value: Callable[[Any], object]
    numeric: bool = False
    #: ``value`` already gives the finished CSV text (formatted, and guarded if it is text);
    #: for exports that format plain rows themselves.
    ready: bool = False


#: What may follow a guard apostrophe: a formula character, or another apostrophe.
_AFTER_GUARD = FORMULA_STARTS | {GUARD}


def _looks_guarded(text: str) -> bool:
    return len(text) >= 2 and text[0] == GUARD and text[1] in _AFTER_GUARD


def guard_cell(text: str) -> str:
    """``text`` as a spreadsheet will show it, never run it: ``'=1+2`` for ``=1+2``; and
    ``''=1`` for ``'=1``, so that ``unguard_cell(guard_cell(t)) == t`` for every text."""
    if text and (text[0] in FORMULA_STARTS or _looks_guarded(text)):
        return GUARD + text
    return text


def unguard_cell(text: str) -> str:
    """The text ``guard_cell`` was given: its one added apostrophe dropped."""
    return text[1:] if _looks_guarded(text) else text


def cell_text(value: object) -> str:
    """A cell as plain, locale-free text (unguarded: tables on a terminal show it as is)."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return f"{value.amount:f}"
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _money(value: Money) -> str:
    return f"{value.amount:f}"


def _decimal(value: Decimal) -> str:
    return f"{value:f}"


_text = guard_cell


#: Cell writers by exact type: one dict lookup per cell instead of a chain of isinstance.
_BY_TYPE: dict[type, Callable[[Any], str]] = {
    str: _text, Money: _money, Decimal: _decimal, int: str, dt.date: dt.date.isoformat,
    bool: lambda value: "yes" if value else "no", type(None): lambda _: "",
}


#: The same for a numeric column, whose text (already formatted amounts) is never guarded.
_NUMERIC_BY_TYPE: dict[type, Callable[[Any], str]] = {**_BY_TYPE, str: lambda value: value}


def csv_cell(value: object) -> str:
    """A cell for a CSV file: numbers and dates as plain text, any other text guarded."""
    write = _BY_TYPE.get(type(value))
    if write is not None:
        return write(value)
    if isinstance(value, Money | Decimal | int | dt.date):  # subclasses: datetime, IntEnum
        return cell_text(value)
    return guard_cell(cell_text(value))


def numeric_cell(value: object) -> str:
    """A cell of a numeric column: plain text, never guarded (``-12.50`` stays a number)."""
    write = _NUMERIC_BY_TYPE.get(type(value))
    return write(value) if write is not None else cell_text(value)


class _LineFeeds:
    """Ends each row with ``\n`` instead of csv's ``\r\n`` (the same bytes on stdout and in a
    file, on every OS).  The writer itself keeps ``\r\n`` as its terminator because that is
    what makes it quote a cell holding a lone ``\r``; with ``\n`` it would not, and the
    cell would split the row when read back."""

    __slots__ = ("write",)

    def __init__(self, out: TextIO) -> None:
        write = out.write
        self.write = lambda line: write(line[:-2] + "\n")


def write_csv(
    columns: Sequence[Column], rows: Iterable[Any], out: TextIO, *, bom: bool = False,
    progress: Callable[[int], object] | None = None, every: int = 5000,
) -> int:
    """A header row, then one row per item as it arrives; returns the row count.

    ``progress(rows written so far)`` is called every ``every`` rows; a window's export
    cancels by raising from it (the caller then drops the partial file).
    """
    if bom:
        out.write(BOM)
    writer = csv.writer(_LineFeeds(out), lineterminator="\r\n")
    writer.writerow([guard_cell(c.header) for c in columns])
    cells = [c.value if c.ready else _cell_writer(c) for c in columns]
    count = 0
    for row in rows:
        writer.writerow([cell(row) for cell in cells])
        count += 1
        if progress is not None and count % every == 0:
            progress(count)
    if progress is not None:
        progress(count)
    return count


def _cell_writer(column: Column) -> Callable[[Any], str]:
    # A numeric column is never guarded, whatever its cells are: "-12.50" stays a number.
    read, cell = column.value, numeric_cell if column.numeric else csv_cell
    return lambda row: cell(read(row))


def minor_text(minor: int, currency: str) -> str:
    """Exact decimal text of ``minor`` units of ``currency``: ``-1250`` EUR is ``-12.50``.
    What ``cell_text(Money.from_minor(minor, currency))`` says, without building the Money
    (fast exports of hundreds of thousands of rows)."""
    places = _places(currency)
    if places == 0:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, fraction = divmod(abs(minor), 10**places)
    return f"{sign}{whole}.{fraction:0{places}d}"


@functools.cache
def _places(currency: str) -> int:
    return minor_exponent(currency)


def read_csv(lines: Iterable[str]) -> Iterable[list[str]]:
    """Rows of a file ``write_csv`` wrote (the BOM, if any, dropped), cells unguarded."""
    first = True
    for row in csv.reader(lines):
        if first and row and row[0].startswith(BOM):
            row[0] = row[0][len(BOM):]
        first = False
        yield [unguard_cell(cell) for cell in row]
