"""Reading a CSV file for an import: refuse what is not CSV text, find the delimiter, stream rows.

Rows are numbered as a spreadsheet shows them (the header is row 1), counting records, not
lines, so a quoted cell spanning two lines does not shift the numbers the user is told.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ledgerdesk.domain.i18n import _
from ledgerdesk.reports.csv_format import unguard_cell

SAMPLE_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t")
#: First characters our exporter guards with an apostrophe so a spreadsheet shows text.

# What a file that is not CSV text usually starts with, and what to tell the user.
_SIGNATURES = (
    (b"PK\x03\x04", "is a zip archive or an Excel workbook; save it as CSV (UTF-8) first"),
    (b"\xd0\xcf\x11\xe0", "is an old Excel or Word file; save it as CSV (UTF-8) first"),
    (b"%PDF", "is a PDF document, not a CSV file"),
    (b"SQLite format 3\x00", "is a database (perhaps a Ledgerdesk book), not a CSV file"),
    (codecs.BOM_UTF16_LE, "is UTF-16 text; save it as CSV (UTF-8) first"),
    (codecs.BOM_UTF16_BE, "is UTF-16 text; save it as CSV (UTF-8) first"),
)


# Excel writes (and reads) a first line "sep=;" naming the delimiter.
_EXCEL_SEP = re.compile(r"sep=[,;\t|]", re.IGNORECASE)


class ImportFileError(Exception):
    """The file cannot be imported at all (not CSV, not UTF-8, no header); one sentence."""


@dataclass(frozen=True, slots=True)
class CsvRow:
    number: int  # as a spreadsheet shows it: the header is row 1
    cells: tuple[str, ...]  # exactly one per header, unguarded; missing trailing cells are ""
    extra: int = 0  # non-empty cells beyond the header's width


@dataclass(frozen=True, slots=True)
class CsvSource:
    """A checked CSV file: its headers and delimiter; ``rows()`` streams the data rows."""

    path: Path
    headers: tuple[str, ...]
    delimiter: str
    skip: int = 0  # records before the header: Excel's "sep=;" line

    def rows(self) -> Iterator[CsvRow]:
        width = len(self.headers)
        number = 1
        try:
            reader = csv.reader(_text_lines(self.path), delimiter=self.delimiter, strict=True)
            for _row in range(self.skip + 1):
                next(reader, None)
            for number, cells in enumerate(reader, start=2):
                _refuse_nul(self.path, number, cells, self.headers)
                if not any(c.strip() for c in cells):
                    continue  # blank lines, as spreadsheets leave at the end
                padded = [unguard_cell(c) for c in cells[:width]]
                padded += [""] * (width - len(padded))
                extra = sum(1 for c in cells[width:] if c.strip())
                yield CsvRow(number, tuple(padded), extra)
        except UnicodeDecodeError:
            raise ImportFileError(
                _("{name}: row {value} is not UTF-8 text; save the file as CSV (UTF-8).").format(
                    name=self.path.name,
                    value=number + 1)
            ) from None
        except csv.Error as exc:
            raise ImportFileError(
                _("{name}: row {value} is not valid CSV ({exc}).").format(
                    name=self.path.name,
                    value=number + 1,
                    exc=exc)
            ) from None


def _refuse_nul(path: Path, row: int, cells: list[str], headers: tuple[str, ...]) -> None:
    """A NUL character is never text: Python's csv module passes it through since 3.11, and
    it would end up in a name.  The whole file is refused, naming where it is."""
    for index, cell in enumerate(cells):
        if "\x00" in cell:
            named = index < len(headers) and headers[index] and row > 1
            column = repr(headers[index]) if named else str(index + 1)
            raise ImportFileError(
                _("{name}: row {row}, column {column} holds a NUL character (a zero byte), which "
                  "CSV text never has; the file may be damaged, so fix or export it again.").format(
                    name=path.name,
                    row=row,
                    column=column)
            )


def _text_lines(path: Path) -> Iterator[str]:
    """The file's lines decoded one by one, so a bad byte is reported on its own row."""
    with open(path, "rb") as file:
        for index, raw in enumerate(file):
            yield (raw.removeprefix(codecs.BOM_UTF8) if index == 0 else raw).decode("utf-8")


def open_csv(path: Path) -> CsvSource:
    """Check that ``path`` is CSV text in UTF-8 (with or without BOM) and read its header."""
    try:
        with open(path, "rb") as file:
            sample = file.read(SAMPLE_BYTES)
    except IsADirectoryError:
        raise ImportFileError(_("{path} is a folder, not a CSV file.").format(path=path)) from None
    text = _decoded(path, sample)
    if not text.strip():
        raise ImportFileError(_("{name} is empty; it needs a header row and data rows.").format(
                                  name=path.name))
    lines = text.splitlines()
    skip = 1 if _EXCEL_SEP.fullmatch(lines[0]) and len(lines) > 1 else 0
    header_line = lines[skip]
    delimiter = lines[0][4] if skip else max(
        DELIMITERS, key=lambda d: (header_line.count(d), d == ","))
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    _refuse_nul(path, 1 + skip, header, ())
    headers = tuple(h.strip() for h in header)
    _check_headers(path, headers)
    return CsvSource(path, headers, delimiter, skip)


def _decoded(path: Path, sample: bytes) -> str:
    for signature, why in _SIGNATURES:
        if sample.startswith(signature):
            raise ImportFileError(f"{path.name} {why}.")
    if b"\x00" in sample and _binary(sample):
        raise ImportFileError(_("{name} is a binary file, not CSV text.").format(name=path.name))
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        # final=False: the sample may end in the middle of a character.
        return decoder.decode(sample, final=len(sample) < SAMPLE_BYTES)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("{name} is not UTF-8 text (byte {value} is not UTF-8); save it as CSV "
              "(UTF-8).").format(
                name=path.name,
                value=exc.start + 1)
        ) from None


def _binary(sample: bytes) -> bool:
    """Zero bytes by the dozen (an image, UTF-16 without its mark), or bytes that are not
    UTF-8 around them; a stray NUL in text is named by its row and column instead."""
    if sample.count(b"\x00") * 8 > len(sample):
        return True
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(sample, final=False)
    except UnicodeDecodeError:
        return True
    return False


def _check_headers(path: Path, headers: tuple[str, ...]) -> None:
    if not any(headers):
        raise ImportFileError(_("{name} has no header row; the first row names the "
                                "columns.").format(
                                  name=path.name))
    seen: set[str] = set()
    for header in headers:
        key = header.casefold()
        if header and key in seen:
            raise ImportFileError(_("{name} has two columns named {header!r}.").format(
                                      name=path.name,
                                      header=header))
        seen.add(key)
