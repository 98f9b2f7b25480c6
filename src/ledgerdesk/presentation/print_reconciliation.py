"""The print model of a bank reconciliation report: the statement balance, the postings
the statement does not show yet (uncleared money in and out), any difference left, and the
book balance they add up to, as an accountant reads it:

    statement balance + uncleared in - uncleared out - difference = book balance

The book's balance is the opening reconciled balance plus every uncleared posting dated on
or before the statement (what a standing reconciliation cleared is in its opening), so the
report proves itself against the ledger's balance of the account on the statement date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.i18n import N_, _, ngettext
from ledgerdesk.domain.reconciliation import BankPosting, Reconciliation, ReconciliationDraft
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
from ledgerdesk.presentation.printing import PrintJob, safe_file_name
from ledgerdesk.services.ports import Book
from ledgerdesk.services.printing import CompanyDetails
from ledgerdesk.services.reconciliation import reconciliation_postings, start_reconciliation


def columns() -> tuple[Column, ...]:
    """The table's columns, in the language chosen when it is printed."""
    return (Column(_("Date"), Align.LEFT, 16), Column(_("Uncleared posting"), Align.LEFT, 52),
            Column(_("Money in"), Align.RIGHT, 16), Column(_("Money out"), Align.RIGHT, 16))


@dataclass(frozen=True, slots=True)
class ReportFigures:
    """What the report shows: a statement, the postings cleared against it and those
    dated on or before it still uncleared."""

    draft: ReconciliationDraft  # the statement, its opening and the one it starts from
    cleared: tuple[BankPosting, ...]
    uncleared: tuple[BankPosting, ...]
    finished_id: int | None = None  # the reconciliation recorded; None while worked on

    @classmethod
    def of(cls, draft: ReconciliationDraft, ticked: Collection[int],
           finished_id: int | None = None) -> ReportFigures:
        return cls(draft, draft.cleared(ticked), draft.uncleared(ticked), finished_id)

    @property
    def cleared_total(self) -> Decimal:
        return sum((p.amount.amount for p in self.cleared), Decimal(0))

    @property
    def difference(self) -> Decimal:
        return (self.draft.statement_balance.amount - self.draft.opening.amount
                - self.cleared_total)

    @property
    def book_balance(self) -> Decimal:
        """The account's balance in the book on the statement date."""
        return (self.draft.opening.amount + self.cleared_total
                + sum((p.amount.amount for p in self.uncleared), Decimal(0)))


def book_balance(draft: ReconciliationDraft) -> Decimal:
    """The account's balance in the book on the statement date."""
    return ReportFigures.of(draft, ()).book_balance


def reconciliation_print(figures: ReportFigures, company: CompanyDetails, locale: str,
                         today: dt.date) -> PrintModel:
    draft, finished_id = figures.draft, figures.finished_id
    currency = draft.statement_balance.currency
    money = AmountFormatter(locale, currency).format
    date = DateFormatter(locale).medium
    uncleared = figures.uncleared
    money_in = sum((p.amount.amount for p in uncleared if p.amount.amount > 0), Decimal(0))
    money_out = -sum((p.amount.amount for p in uncleared if p.amount.amount < 0), Decimal(0))
    gap = figures.difference
    rows = tuple((date(p.date), p.what, money(p.amount.amount) if p.amount.amount > 0 else "",
                  money(-p.amount.amount) if p.amount.amount < 0 else "") for p in uncleared)
    totals = [TotalRow(_("Statement balance"), money(draft.statement_balance.amount)),
              TotalRow(_("Add: uncleared money in"), money(money_in)),
              TotalRow(_("Less: uncleared money out"), money(money_out))]
    if gap:
        totals.append(TotalRow(_("Less: difference not yet explained"), money(gap)))
    totals.append(TotalRow(_("Book balance"), money(figures.book_balance), strong=True))
    status = (_("Finished (reconciliation {id})").format(id=finished_id)
              if finished_id is not None
              else _("Not finished: the difference is zero") if not gap
              else _("Not finished: a difference of {money}").format(money=money(gap)))
    previous = draft.previous
    since = (_("reconciliation {id} of {date}").format(id=previous.id,
                                                      date=date(previous.statement_date))
             if previous else _("no earlier reconciliation"))
    account = f"{draft.account_code} {draft.account_name}"
    return PrintModel(
        title=_("Bank reconciliation"), stamp="" if finished_id is not None else _("DRAFT"),
        company=company.name, company_lines=company_lines(company), logo=company.logo,
        recipient=account, recipient_lines=(), recipient_label=N_("Account"),
        facts=((_("Statement date"), date(draft.statement_date)), (_("Printed"), date(today)),
               (_("Status"), status)),
        columns=columns(), rows=rows, totals=tuple(totals),
        notes=(ngettext("{count} posting cleared, {amount}, from an opening reconciled "
                        "balance of {opening} ({since}).",
                        "{count} postings cleared, {amount}, from an opening reconciled "
                        "balance of {opening} ({since}).", len(figures.cleared)).format(
                   count=len(figures.cleared), amount=money(figures.cleared_total),
                   opening=money(draft.opening.amount), since=since),),
        footer=_("Bank reconciliation of {account} · {company}").format(
            account=shown(account), company=shown(company.name)),
        page_size=page_size_for(locale),
        currency_note=_("Amounts in {currency}").format(currency=currency),
        empty_text=_("Every posting dated on or before the statement is cleared."))


def reconciliation_job(figures: ReportFigures, company: CompanyDetails, locale: str,
                       today: dt.date) -> PrintJob:
    draft = figures.draft
    name = _("Reconciliation {account} {name} {date}").format(
        account=draft.account_code, name=draft.account_name,
        date=draft.statement_date.isoformat())
    return PrintJob(reconciliation_print(figures, company, locale, today),
                    safe_file_name(name))


def finished_report(book: Book, draft: ReconciliationDraft,
                    done: Reconciliation) -> ReportFigures:
    """The report of ``done``, just recorded from ``draft``, as the book now has it: what
    it cleared, and what dated on or before its statement is still uncleared (a
    statement's accepted suggestions among the one or the other)."""
    _, cleared = reconciliation_postings(book, done.id or 0)
    after = start_reconciliation(book, draft.account_code, draft.statement_date,
                                 done.statement_balance.amount)
    return ReportFigures(draft, tuple(cleared), after.candidates, done.id)
