"""A print model as HTML for Qt's rich text engine, from ``resources/print/document.html``
(read through ``importlib.resources``, so an installed wheel and a frozen bundle find it).

Every piece of text from the book (names, addresses, descriptions, references) goes through
``html.escape`` here and nowhere else, so a customer called ``<b>Acme & Co</b>`` prints as
typed and cannot change the layout; it is shown inert first (a bidi override prints as
``<U+202E>``, never reversing the text after it) and, when it holds right-to-left letters,
isolated, so it cannot reorder the words around it (``domain.plain_text``).  Qt's HTML
subset decides the markup: tables with percentage widths, ``<thead>`` for the header row
that repeats on each page.
"""

from __future__ import annotations

from functools import cache
from html import escape
from string import Template

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import isolated, shown_inert
from ledgerdesk.presentation.print_model import Align, PrintModel
from ledgerdesk.resources import resource

TEMPLATE = resource("print", "document.html")
LOGO_URL = "ledgerdesk-logo:"
#: The most room the logo takes above the company's name, in points (width, height).
LOGO_BOX_PT = (170, 60)


@cache
def _template() -> Template:
    return Template(TEMPLATE.read_text(encoding="utf-8"))


def text(value: str) -> str:
    """User text as HTML: inert, each line isolated and escaped, its line breaks kept."""
    return "<br/>".join(escape(isolated(shown_inert(line))) for line in value.splitlines())


def print_html(model: PrintModel, logo_px: tuple[int, int] | None = None) -> str:
    """The page's HTML; ``logo_px`` is the logo's (width, height) in CSS pixels (1/96 inch),
    None to leave it out (no logo, or one Qt could not read)."""
    logo = ""
    if model.logo is not None and logo_px is not None:
        logo = (f'<img src="{LOGO_URL}" width="{logo_px[0]}" height="{logo_px[1]}"/>'
                f"<br/><br/>")
    stamp = f'<br/><span class="stamp">{escape(model.stamp)}</span>' if model.stamp else ""
    return _template().substitute(
        logo=logo, company=text(model.company),
        company_lines="<br/>".join(text(line) for line in model.company_lines),
        title=escape(model.title), stamp=stamp, recipient_label=escape(_(model.recipient_label)),
        recipient=text(model.recipient),
        recipient_lines="<br/>".join(text(line) for line in model.recipient_lines),
        facts="".join(
            f'<tr><td class="label">{escape(label)}</td><td align="right">{text(value)}</td>'
            f"</tr>" for label, value in model.facts),
        currency_note=escape(model.currency_note), header=_header(model), rows=_rows(model),
        totals="".join(_total(row.label, row.amount, row.strong) for row in model.totals),
        notes="".join(f'<p class="note">{text(note)}</p>' for note in model.notes),
    )


def _header(model: PrintModel) -> str:
    return "".join(f'<th width="{column.width}%" align="{column.align.value}">'
                   f"{escape(column.title)}</th>" for column in model.columns)


def _rows(model: PrintModel) -> str:
    if not model.rows:
        span = len(model.columns)
        empty = escape(_(model.empty_text))
        return f'<tr><td colspan="{span}" class="line muted">{empty}</td></tr>'
    aligns = [column.align for column in model.columns]
    return "\n".join("<tr>" + "".join(_cell(cell, align) for cell, align in
                                       zip(row, aligns, strict=True)) + "</tr>"
                     for row in model.rows)


def _cell(cell: str, align: Align) -> str:
    right = ' align="right"' if align is Align.RIGHT else ""
    return f'<td class="line" valign="top"{right}>{text(cell)}</td>'


def _total(label: str, amount: str, strong: bool) -> str:
    style = ' class="strong"' if strong else ""
    return (f'<tr><td{style}>{escape(label)}</td>'
            f'<td align="right"{style}>{escape(amount)}</td></tr>')
