"""The print model of a contact's statement: the period's documents and payments with the
running balance, between the opening and the closing balance.  A customer's reads as what
they owe us; a supplier's as what we owe them (their bills are the charges).  Each line is
a charge or a credit, always positive: a credit note is a credit, a refund a charge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.contacts import address_lines
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.print_model import (
    Align,
    Column,
    PrintModel,
    TotalRow,
    company_lines,
    page_size_for,
    shown,
)
from ledgerdesk.services.statements import StatementFigures

COLUMNS = (Column("Date", Align.LEFT, 14), Column("Document", Align.LEFT, 15),
           Column("Description", Align.LEFT, 32), Column("Charges", Align.RIGHT, 13),
           Column("Credits", Align.RIGHT, 13), Column("Balance", Align.RIGHT, 13))


def statement_print(figures: StatementFigures, locale: str, today: dt.date) -> PrintModel:
    currency = figures.opening.currency
    money = AmountFormatter(locale, currency).format
    date = DateFormatter(locale).medium
    blank = ""
    rows = [(date(figures.start), blank, _("Opening balance"), blank, blank,
             money(figures.opening.amount))]
    for line in figures.lines:
        rows.append((date(line.date), line.reference, line.description,
                     money(line.charges.amount) if line.charges.amount else blank,
                     money(line.credits.amount) if line.credits.amount else blank,
                     money(line.balance.amount)))
    charges = sum((line.charges.amount for line in figures.lines), Decimal(0))
    credits = sum((line.credits.amount for line in figures.lines), Decimal(0))
    closing = figures.closing.amount
    supplier = figures.side is Side.PURCHASES
    if supplier:
        due_label = _("We owe you") if closing >= 0 else _("You owe us")
    else:
        due_label = _("Balance due") if closing >= 0 else _("In credit")
    contact = figures.contact
    notes = (_supplier_notes if supplier else _notes)(closing, money(abs(closing)),
                                                      date(figures.end), currency)
    return PrintModel(
        title=_("Supplier statement") if supplier else _("Statement"), stamp="",
        company=figures.company.name,
        company_lines=company_lines(figures.company), logo=figures.company.logo,
        recipient=contact.name, recipient_lines=tuple(address_lines(contact.address)),
        facts=((_("Statement date"), date(today)),
               (_("Period"), f"{date(figures.start)} – {date(figures.end)}")),
        columns=COLUMNS, rows=tuple(rows),
        totals=(TotalRow(_("Opening balance"), money(figures.opening.amount)),
                TotalRow(_("Charges"), money(charges)), TotalRow(_("Credits"), money(credits)),
                TotalRow(due_label, money(abs(closing)), strong=True)),
        notes=notes,
        footer=_("Statement for {name} · {name2}").format(
                   name=shown(contact.name),
                   name2=shown(figures.company.name)),
        page_size=page_size_for(locale), currency_note=_("Amounts in {currency}").format(
                                                           currency=currency),
        recipient_label=_("Statement for"),
    )


def _notes(closing, amount: str, end: str, currency: str) -> tuple[str, ...]:
    if closing > 0:
        return (_("Please pay the balance of {amount} {currency} owed on {end}, quoting your "
                  "invoice "
                  "numbers. Thank you for your business.").format(
            amount=amount,
            currency=currency,
            end=end),)
    if closing < 0:
        return (_("Your account is in credit: it will be set against your next invoice, or "
                  "refunded on "
                  "request."),)
    return (_("Your account is settled. Thank you for your business."),)


def _supplier_notes(closing, amount: str, end: str, currency: str) -> tuple[str, ...]:
    if closing > 0:
        return (_("Our records show {amount} {currency} owed to you on {end}. Please tell us of "
                  "any "
                  "difference.").format(amount=amount, currency=currency, end=end),)
    if closing < 0:
        return (_("Our records show you owe us {amount} {currency} on {end}, as credit to set "
                  "against "
          "your next bill or to refund.").format(amount=amount, currency=currency, end=end),)
    return (_("Our account with you is settled."),)
