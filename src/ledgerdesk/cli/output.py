"""Fixed-width tables and CSV for the command line, both streamed row by row.

A ``Column`` names a field once for both outputs.  Cells are plain text: exact decimals
with a dot (``1234.50``), ISO dates, so the CSV reads the same in every locale.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from ledgerdesk.domain.money import Money

GAP = "  "
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its CSV header, its table title and width, and how to read a row."""

    header: str
    title: str
    width: int
    value: Callable[[Any], object]
    numeric: bool = False


def cell_text(value: object) -> str:
    """A cell as plain, locale-free text."""
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


def fit(text: str, width: int, numeric: bool) -> str:
    """Pad to ``width``; numbers align right, long text is cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 1] + ELLIPSIS
    return text.rjust(width) if numeric else text.ljust(width)


def format_row(columns: Sequence[Column], texts: Sequence[str]) -> str:
    cells = (fit(t, c.width, c.numeric) for c, t in zip(columns, texts, strict=True))
    return GAP.join(cells).rstrip()


def rule(columns: Sequence[Column]) -> str:
    return GAP.join("-" * c.width for c in columns)


def write_table(
    columns: Sequence[Column],
    rows: Iterable[Any],
    out: TextIO,
    footer: Sequence[str] | None = None,
) -> int:
    """Header, a rule, one line per row, then an optional footer row; returns the row count."""
    out.write(format_row(columns, [c.title for c in columns]) + "\n")
    out.write(rule(columns) + "\n")
    count = 0
    for row in rows:
        out.write(format_row(columns, [cell_text(c.value(row)) for c in columns]) + "\n")
        count += 1
    if footer is not None:
        out.write(rule(columns) + "\n")
        out.write(format_row(columns, footer) + "\n")
    return count


def write_csv(columns: Sequence[Column], rows: Iterable[Any], out: TextIO) -> int:
    """A header row, then one row per item; returns the row count."""
    # "\n" rather than csv's "\r\n": the same bytes on stdout and in a file, on every OS.
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.header for c in columns])
    count = 0
    for row in rows:
        writer.writerow([cell_text(c.value(row)) for c in columns])
        count += 1
    return count


@contextlib.contextmanager
def text_output(target: str | None, stdout: TextIO) -> Iterator[TextIO]:
    """``None`` or ``-``: standard output.  A path: written beside it, then moved into place,
    so a failed export never leaves half a file under the real name."""
    if target is None or target == "-":
        yield stdout
        return
    path = Path(target)
    partial = path.with_name(path.name + ".partial")
    try:
        try:
            out = open(partial, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:  # name the file the user asked for, not the scratch file
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        with out:
            yield out
        os.replace(partial, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def is_stdout(target: str | None) -> bool:
    return target is None or target == "-"


def export_csv(
    columns: Sequence[Column], rows: Iterable[Any], target: str, stdout: TextIO, noun: str
) -> int:
    """Write ``rows`` as CSV to ``target`` (``-`` for stdout) and say so when it is a file."""
    with text_output(target, stdout) as out:
        count = write_csv(columns, rows, out)
    if not is_stdout(target):
        stdout.write(f"Wrote {count} {noun} to {target}.\n")
    return count
