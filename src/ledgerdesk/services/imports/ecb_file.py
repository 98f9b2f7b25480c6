"""The European Central Bank's reference rates files, as downloaded: ``eurofxref.zip`` (the
day's rates) or ``eurofxref-hist.zip`` (every day since 1999), or the CSV inside either.

The CSV's first line is ``Date, USD, JPY, …`` (the daily file puts a space after each comma;
both end with a comma), then one line per day, newest first: the date (``04 December 2026``
in the daily file, ``2026-12-04`` in the history) and each currency's units per one euro.
``N/A`` marks a currency that had no rate that day (it did not exist yet, or had joined the
euro): skipped, not an error.  Anything else that is not this shape refuses the whole file
with one ``EcbFileError`` line naming the file, so an import changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ledgerdesk.domain.i18n import _

#: Neither file comes near this (the history is about 2 MB): a bigger one is not the ECB's.
MAX_BYTES = 64 * 1024 * 1024
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
_CODE = re.compile(r"[A-Z]{3}")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LONG = re.compile(r"([0-9]{1,2}) ([A-Za-z]+) ([0-9]{4})")
_MONTHS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
_MISSING = ("N/A", "")
EXPECTED = "the ECB's eurofxref.zip or eurofxref-hist.zip, or the CSV inside either"


class EcbFileError(Exception):
    """The file is not an ECB rates file (or is damaged); the message is one line."""


@dataclass(frozen=True, slots=True)
class EcbDay:
    date: dt.date
    quotes: dict[str, Decimal]  # currency -> its units per one euro


@dataclass(frozen=True, slots=True)
class EcbRates:
    currencies: tuple[str, ...]  # the header's columns
    days: tuple[EcbDay, ...]  # as the file lists them
    missing: int  # N/A cells skipped


def read_ecb_file(path: Path) -> EcbRates:
    """The file's days and quotes, or ``EcbFileError``."""
    name = path.name
    text = _csv_text(path)
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if not rows:
        raise EcbFileError(_("{name} is empty: expected {expected}.").format(
                               name=name, expected=EXPECTED))
    currencies = _header(name, rows[0])
    days: list[EcbDay] = []
    seen: set[dt.date] = set()
    missing = 0
    for number, row in enumerate(rows[1:], start=2):
        day, skipped = _day(name, number, row, currencies)
        if day.date in seen:
            raise EcbFileError(_("{name}, line {number}: {date} is in the file twice, so "
                                 "nothing was imported.").format(
                                   name=name, number=number, date=day.date.isoformat()))
        seen.add(day.date)
        days.append(day)
        missing += skipped
    if not days:
        raise EcbFileError(_("{name} has its header but no rates, so nothing was imported.").format(
                               name=name))
    return EcbRates(currencies, tuple(days), missing)


def _csv_text(path: Path) -> str:
    name = path.name
    with path.open("rb") as file:
        head = file.read(4)
    if head.startswith(b"PK"):
        data = _from_zip(path)
    else:
        if path.stat().st_size > MAX_BYTES:
            raise EcbFileError(_("{name} is too large to be {expected}.").format(
                                   name=name, expected=EXPECTED))
        data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EcbFileError(_("{name} is not a rates file (it is not text): expected "
                             "{expected}.").format(
                               name=name, expected=EXPECTED)) from None


def _from_zip(path: Path) -> bytes:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist()
                       if m.filename.lower().endswith(".csv") and not m.is_dir()]
            if len(members) != 1:
                raise EcbFileError(
                    _("{name} is a zip without the ECB's rates CSV in it (expected one .csv, "
                      "found {count}): expected {expected}.").format(
                        name=name, count=len(members), expected=EXPECTED))
            member = members[0]
            if member.file_size > MAX_BYTES:
                raise EcbFileError(_("{name} holds a CSV too large to be the ECB's rates.").format(
                                       name=name))
            with archive.open(member) as inside:
                return inside.read(MAX_BYTES + 1)
    # zipfile says "compression method not supported" with NotImplementedError: a zip made
    # by another tool, not the ECB's, so it is refused as any damaged zip is.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise EcbFileError(_("{name} is a damaged zip file ({exc}), so nothing was "
                             "imported.").format(
                               name=name, exc=exc)) from None


def _trimmed(row: list[str]) -> list[str]:
    cells = [cell.strip() for cell in row]
    while cells and cells[-1] == "":
        cells.pop()  # the ECB ends every line with a comma
    return cells


def _header(name: str, row: list[str]) -> tuple[str, ...]:
    cells = _trimmed(row)
    codes = tuple(cells[1:])
    if (not cells or cells[0] != "Date" or not codes
            or not all(_CODE.fullmatch(code) for code in codes)):
        shown = ", ".join(cells[:4])[:60]
        raise EcbFileError(_("{name} is not an ECB rates file: its first line should start "
                             "'Date, USD, JPY', not {shown!r}.").format(name=name, shown=shown))
    if len(set(codes)) != len(codes):
        raise EcbFileError(_("{name}'s first line names a currency twice, so nothing was "
                             "imported.").format(name=name))
    return codes


def _day(name: str, number: int, row: list[str],
         currencies: tuple[str, ...]) -> tuple[EcbDay, int]:
    cells = _trimmed(row)
    where = _("{name}, line {number}").format(name=name, number=number)
    if len(cells) - 1 > len(currencies):
        raise EcbFileError(f"{where} has {len(cells) - 1} rates for {len(currencies)} "
                           "currencies, so nothing was imported.")
    date = _date(where, cells[0])
    quotes: dict[str, Decimal] = {}
    missing = 0
    for code, cell in zip(currencies, cells[1:] + [""] * (len(currencies) + 1 - len(cells)),
                          strict=True):
        if cell in _MISSING:
            missing += 1
            continue
        if not _NUMBER.fullmatch(cell) or Decimal(cell) == 0:
            raise EcbFileError(_("{where}: {cell!r} under {code} is not a rate, so nothing was "
                                 "imported.").format(where=where, cell=cell[:20], code=code))
        quotes[code] = Decimal(cell)
    return EcbDay(date, quotes), missing


def _date(where: str, text: str) -> dt.date:
    """``2026-12-04`` (the history) or ``04 December 2026`` (the daily file), read the
    same in every locale (``strptime``'s ``%B`` follows the process's locale)."""
    try:
        if _ISO.fullmatch(text):
            return dt.date.fromisoformat(text)
        if (long := _LONG.fullmatch(text)) and long[2].lower() in _MONTHS:
            return dt.date(int(long[3]), _MONTHS[long[2].lower()], int(long[1]))
    except ValueError:
        pass
    raise EcbFileError(_("{where}: {text!r} is not a date, so nothing was imported.").format(
                           where=where, text=text[:30]))
