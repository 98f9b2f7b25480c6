"""``ledgerdesk summary PATH``: what the window's dashboard shows, printed on the terminal.

Useful where there is no display, and as a quick look at whether a book is sound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ledgerdesk.cli.books import book_settings, opened
from ledgerdesk.cli.commands import trial_balance_totals
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import AccountRole
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.services.ports import Book
from ledgerdesk.services.queries import list_contacts, list_documents, list_payments, trial_balance
from ledgerdesk.services.read_models import DocumentSummary


@dataclass(frozen=True, slots=True)
class BookSummary:
    company: str
    currency: str
    contacts: int
    invoices: int
    bills: int
    credit_notes: int
    credits: int  # kept from payments' excess
    payments: int
    receivable: Money
    payable: Money
    overdue: int
    debit_total: Money
    credit_total: Money


def summarise(book: Book, today: dt.date) -> BookSummary:
    """Counts, what is owed both ways, what is overdue, and the trial balance totals."""
    company, currency = book_settings(book)
    contacts = sum(1 for _ in list_contacts(book))
    balances = trial_balance(book)
    # What is owed both ways is what the control accounts hold: at home, foreign documents
    # at their booked rates.
    with book.read() as tx:
        roles = {a.code: a.role for a in tx.accounts().values()}
    receivable = sum((r.balance for r in balances if roles.get(r.code) is AccountRole.RECEIVABLE),
                     Money.zero(currency))
    payable = -sum((r.balance for r in balances if roles.get(r.code) is AccountRole.PAYABLE),
                   Money.zero(currency))
    invoices, overdue_invoices = count_documents(list_documents(book, "invoices"), today)
    bills, overdue_bills = count_documents(list_documents(book, "bills"), today)
    credits = [doc.kind.is_prepayment for doc in list_documents(book, "credit-notes")]
    payments = sum(1 for _ in list_payments(book))
    debit, credit = trial_balance_totals(balances, currency)
    return BookSummary(
        company, currency, contacts, invoices, bills, credits.count(False), credits.count(True),
        payments,
        receivable, payable, overdue_invoices + overdue_bills, debit, credit,
    )


def count_documents(documents: Iterable[DocumentSummary], today: dt.date) -> tuple[int, int]:
    """(how many, how many overdue)."""
    total = overdue = 0
    for doc in documents:
        total += 1
        overdue += doc.status(today) == "overdue"
    return total, overdue


def summary_lines(path: Path, summary: BookSummary) -> list[str]:
    balanced = "balanced" if summary.debit_total == summary.credit_total else "NOT balanced"
    quoted = shlex.quote(str(path))
    return [
        f"{shown_inert(summary.company) or path.name} ({summary.currency}), {path}",
        _("  contacts        {contacts}").format(contacts=summary.contacts),
        _("  invoices        {invoices}").format(invoices=summary.invoices),
        _("  bills           {bills}").format(bills=summary.bills),
        _("  credit notes    {credit_notes}, and {credits} credits kept from overpayments").format(
            credit_notes=summary.credit_notes, credits=summary.credits),
        _("  payments        {payments}").format(payments=summary.payments),
        _("  receivable      {receivable}").format(receivable=summary.receivable),
        _("  payable         {payable}").format(payable=summary.payable),
        _("  overdue         {overdue} invoices and bills").format(overdue=summary.overdue),
        _("  trial balance   debit {debit_total}, credit {credit_total} ({balanced})").format(
            debit_total=summary.debit_total, credit_total=summary.credit_total, balanced=balanced),
        "",
        _("Open it in the window with"),
        _("  ledgerdesk open {path}").format(path=quoted),
        _("or explore it here with"),
        _("  ledgerdesk list invoices {path}   (or contacts, bills, credit-notes, "
          "payments)").format(
            path=quoted),
    ]


def print_summary(path: Path, out: TextIO) -> None:
    with opened(path) as book:
        summary = summarise(book, dt.date.today())
    out.write("\n".join(summary_lines(path, summary)) + "\n")


def run_summary(args: argparse.Namespace, out: TextIO) -> int:
    print_summary(Path(args.path), out)
    return 0
