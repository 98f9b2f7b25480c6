"""What a printed page says and where, without Qt: the print model of an invoice or a
credit note (``statement_print`` builds a statement's).

The model is plain formatted text in sections: the company block (with its logo), the
recipient's address block, the facts (number, dates, reference), one table with a header
that repeats on every page, the totals, and notes such as the payment terms.  Amounts and
dates are written in the book's locale here; ``print_html`` turns the model into the HTML
that ``ui.pdf`` lays out on A4 or Letter pages.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ledgerdesk.domain.contacts import address_lines
from ledgerdesk.domain.documents import DocumentKind, Lifecycle, TaxMode
from ledgerdesk.domain.i18n import N_, _, ngettext, pgettext
from ledgerdesk.domain.plain_text import isolated, shown_inert
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.locales import babel_locale
from ledgerdesk.presentation.numbers import NumberText, price_text
from ledgerdesk.services.company_logo import LogoImage
from ledgerdesk.services.printing import CompanyDetails, PrintableDocument

#: Where Letter paper is the norm; everywhere else prints on A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR"})


class PageSize(enum.Enum):
    A4 = "A4"
    LETTER = "Letter"


class Align(enum.Enum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    align: Align
    width: int  # percent of the table's width


@dataclass(frozen=True, slots=True)
class TotalRow:
    label: str
    amount: str
    strong: bool = False


@dataclass(frozen=True, slots=True)
class PrintModel:
    title: str  # "Invoice", "Credit note", "Statement"
    stamp: str  # "" or a word across the title: DRAFT, VOID, PAID
    company: str
    company_lines: tuple[str, ...]
    logo: LogoImage | None
    recipient: str
    recipient_lines: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]  # (label, value), beside the recipient
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    totals: tuple[TotalRow, ...]
    notes: tuple[str, ...]
    footer: str  # bottom of every page, before "Page n of m"
    page_size: PageSize
    currency_note: str = ""  # "Amounts in EUR", above the table
    recipient_label: str = N_("Bill to")
    empty_text: str = field(default=N_("No lines."))


def shown(value: str) -> str:
    """Book text inside our own words (the footer, the PDF's title): inert and isolated,
    as ``print_html`` shows every field (``domain.plain_text``)."""
    return isolated(shown_inert(value))


def page_size_for(locale: str) -> PageSize:
    return PageSize.LETTER if babel_locale(locale).territory in LETTER_TERRITORIES \
        else PageSize.A4


def company_lines(company: CompanyDetails) -> tuple[str, ...]:
    lines = address_lines(company.address)
    if company.tax_number:
        lines.append(_("Tax number: {tax_number}").format(tax_number=company.tax_number))
    return tuple(lines)


def document_print(printable: PrintableDocument, locale: str) -> PrintModel:
    """The print model of an invoice or a credit note, in ``locale``."""
    doc, contact = printable.document, printable.contact
    amounts = AmountFormatter(locale, doc.currency)
    money, number = amounts.format, NumberText(locale)
    date = DateFormatter(locale).medium
    invoice = doc.kind is DocumentKind.SALES_INVOICE
    title = _("Invoice") if invoice else _("Credit note")
    doc_number = doc.number or _("Draft")
    number_label = _("Invoice number") if invoice else _("Credit note number")
    facts = [(number_label, doc_number), (_("Date"), date(doc.issue_date))]
    if invoice:
        facts.append((_("Due date"), date(doc.due_date)))
    if doc.reference:
        facts.append((_("Reference"), doc.reference))
    recipient = list(address_lines(contact.address))
    if contact.tax_number:
        recipient.append(_("Tax number: {tax_number}").format(tax_number=contact.tax_number))
    columns, rows = _lines_table(printable, amounts, number)
    return PrintModel(
        title=title, stamp=_stamp(printable), company=printable.company.name,
        company_lines=company_lines(printable.company), logo=printable.company.logo,
        recipient=contact.name, recipient_lines=tuple(recipient), facts=tuple(facts),
        columns=columns, rows=rows, totals=_totals(printable, money, number),
        notes=_notes(printable, date),
        footer=f"{title} {shown(doc_number)} · {shown(printable.company.name)}",
        page_size=page_size_for(locale), currency_note=_currency_note(doc),
        recipient_label=_("Bill to") if invoice else _("Credit to"),
    )


def _currency_note(doc) -> str:
    if doc.tax_mode is TaxMode.INCLUSIVE:
        return _("Amounts in {currency}; prices and amounts include tax").format(
                   currency=doc.currency)
    return _("Amounts in {currency}").format(currency=doc.currency)


def _stamp(printable: PrintableDocument) -> str:
    lifecycle = printable.document.lifecycle
    if lifecycle is Lifecycle.DRAFT:
        return _("DRAFT")
    if lifecycle is Lifecycle.VOIDED:
        return _("VOID")
    return _("PAID") if printable.document.kind is DocumentKind.SALES_INVOICE \
        and printable.outstanding.is_zero else ""


def _lines_table(printable: PrintableDocument, amounts: AmountFormatter,
                 number: NumberText) -> tuple[tuple[Column, ...], tuple[tuple[str, ...], ...]]:
    doc = printable.document
    money = amounts.format
    taxed = doc.tax_mode is not TaxMode.NO_TAX
    discounts = any(line.discount_percent for line in doc.lines)
    # The printed table's narrow columns take short words ("Anz.", "USt."), not the form's.
    columns = [Column(pgettext("printed column", "Qty"), Align.RIGHT, 8),
               Column(_("Unit price"), Align.RIGHT, 15)]
    if discounts:
        columns.append(Column(_("Discount"), Align.RIGHT, 11))
    if taxed:
        columns.append(Column(pgettext("printed column", "Tax"), Align.RIGHT, 8))
    columns.append(Column(_("Amount"), Align.RIGHT, 17))
    columns.insert(0, Column(_("Description"), Align.LEFT, 100 - sum(c.width for c in columns)))
    rows = []
    for line, parts in zip(doc.lines, doc.line_amounts(), strict=True):
        cells = [line.description, number(line.quantity),
                 price_text(line.unit_price, amounts, number)]
        if discounts:
            cells.append(f"{number(line.discount_percent)} %" if line.discount_percent else "")
        if taxed:
            cells.append(f"{number(line.tax_rate)} %")
        cells.append(money(parts.shown(doc.tax_mode).amount))
        rows.append(tuple(cells))
    return tuple(columns), tuple(rows)


def _totals(printable: PrintableDocument, money, number: NumberText) -> tuple[TotalRow, ...]:
    doc = printable.document
    totals = doc.totals()
    rows = [TotalRow(_("Subtotal"), money(totals.net.amount))]
    if doc.tax_mode is not TaxMode.NO_TAX:
        by_rate: dict[Decimal, Decimal] = defaultdict(Decimal)
        for line, amounts in zip(doc.lines, doc.line_amounts(), strict=True):
            by_rate[line.tax_rate] += amounts.tax.amount
        rows += [TotalRow(_("Tax {number} %").format(number=number(rate)), money(amount))
                 for rate, amount in sorted(by_rate.items())]
    rows.append(TotalRow(_("Total"), money(totals.total.amount), strong=True))
    if doc.lifecycle is not Lifecycle.AUTHORISED:
        return tuple(rows)
    if doc.kind is DocumentKind.SALES_INVOICE:
        rows.append(TotalRow(_("Paid"), money(printable.settled.amount)))
        rows.append(TotalRow(_("Amount due"), money(printable.outstanding.amount), strong=True))
    else:
        rows.append(TotalRow(_("Applied or refunded"), money(printable.settled.amount)))
        rows.append(TotalRow(_("Credit remaining"), money(printable.outstanding.amount),
                             strong=True))
    return tuple(rows)


def _notes(printable: PrintableDocument, date) -> tuple[str, ...]:
    doc = printable.document
    if doc.kind is DocumentKind.SALES_CREDIT_NOTE:
        return (_("This credit can be set against your open or future invoices, or refunded."),)
    if doc.lifecycle is Lifecycle.AUTHORISED and printable.outstanding.is_zero:
        return (_("Paid in full. Thank you."),)
    days = (doc.due_date - doc.issue_date).days
    terms = (_("due on receipt") if days <= 0
             else ngettext("{count} day", "{count} days", days).format(count=days))
    quoting = doc.number or _("the invoice number")
    return (_("Payment terms: {terms}. Please pay by {date}, quoting {number}.").format(
        terms=terms, date=date(doc.due_date), number=quoting),)


def page_label(page: int, pages: int) -> str:
    return _("Page {page} of {pages}").format(page=page, pages=pages)
