"""Fixed-width tables for the command line, and CSV written to a file or stdout, streamed.

A ``Column`` (``reports.csv_format``) names a field once for both outputs.  Cells are plain
text: exact decimals with a dot (``1234.50``), ISO dates, so the CSV reads the same in every
locale; the CSV itself (guard, BOM) is ``reports.csv_format``'s.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.presentation.output_files import STDOUT, is_stdout, open_output
from ledgerdesk.reports.csv_format import Column, cell_text, write_csv

__all__ = ["Column", "cell_text", "export_csv", "is_stdout", "text_output", "write_table"]

GAP = "  "
ELLIPSIS = "…"


def fit(text: str, width: int, numeric: bool) -> str:
    """Pad to ``width``; numbers align right, long text is cut with an ellipsis.  Bidi
    overrides and controls in book text are shown as ``<U+202E>``, never obeyed."""
    text = " ".join(shown_inert(text).split())
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
    *,
    footers: Sequence[Sequence[str]] = (),
) -> int:
    """Header, a rule, one line per row, then optional footer rows (``footer`` is one, and
    ``footers`` several, e.g. subtotals and a total); returns the row count."""
    titles = [_(c.title) for c in columns]
    # a heading is never cut: "Storniert" where "Void" fitted widens its column
    columns = [dataclasses.replace(c, width=max(c.width, len(title)))
               for c, title in zip(columns, titles, strict=True)]
    out.write(format_row(columns, titles) + "\n")
    out.write(rule(columns) + "\n")
    count = 0
    for row in rows:
        out.write(format_row(columns, [cell_text(c.value(row)) for c in columns]) + "\n")
        count += 1
    if footer is not None:
        footers = [footer, *footers]
    if footers:
        out.write(rule(columns) + "\n")
    for texts in footers:
        out.write(format_row(columns, texts) + "\n")
    return count


@contextlib.contextmanager
def text_output(target: str | None, stdout: TextIO) -> Iterator[TextIO]:
    """``None`` or ``-``: standard output.  A path: written by ``output_files``'s rule (a
    regular file is moved into place whole; a link, a pipe or a device stays what it is)."""
    with open_output(STDOUT if target is None else target, stdout=stdout) as out:
        yield out


def export_csv(
    columns: Sequence[Column], rows: Iterable[Any], target: str, stdout: TextIO, noun: str,
    *, bom: bool = False, note: str = "",
) -> int:
    """Write ``rows`` as CSV to ``target`` (``-`` for stdout) and say so when it is a file,
    adding ``note`` (e.g. the totals) to that message."""
    with text_output(target, stdout) as out:
        count = write_csv(columns, rows, out, bom=bom)
    if not is_stdout(target):
        stdout.write(_("Wrote {count} {noun} to {target}{note}.").format(
                         count=count,
                         noun=noun,
                         target=target,
                         note=note) + "\n")
    return count
