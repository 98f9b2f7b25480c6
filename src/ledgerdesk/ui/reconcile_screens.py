"""The Bank menu for ``screenshots``: Reconcile… with a month's statement mid-way (two
postings the bank has not shown yet, a difference left and what would close it), then
ticked to zero, then finished with the next statement started from it, and the printed
report; then Bank rules… with two rules and a third being typed.

Finishing and adding a rule change the book, so all of it happens on a copy of the book in
``scratch`` (taken as a backup is): a screenshot changes no book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMainWindow

from ledgerdesk.presentation.print_reconciliation import book_balance
from ledgerdesk.presentation.printing import PrintJob
from ledgerdesk.presentation.session import BookFiles, Session
from ledgerdesk.services.bank_rules import add_bank_rule
from ledgerdesk.ui.bank_rules_dialog import BankRulesDialog
from ledgerdesk.ui.reconcile_dialog import ReconcileDialog

#: How many of the month's postings the bank has not shown yet in the mid-way shot.
NOT_YET = 2


def reconcile_dialogs(session: Session, window: QMainWindow, files: BookFiles,
                      scratch: Path) -> Iterator[tuple[str, QDialog | PrintJob]]:
    copy = scratch / session.path.name
    files.backups.back_up(session.path, output=copy)
    book = files.open(copy)
    try:
        here = replace(session, book=book, path=copy)
        yield from _month(here, window)
        yield "81-bank-rules", _rules(here, window)
    finally:
        book.close()


def _month(session: Session, window: QMainWindow) -> Iterator[tuple[str, QDialog | PrintJob]]:
    dialog = ReconcileDialog(session, window, "1000")
    try:
        yield from _states(dialog, session)
    finally:
        dialog.done(0)
        dialog.deleteLater()


def _states(dialog: ReconcileDialog,
            session: Session) -> Iterator[tuple[str, QDialog | PrintJob]]:
    month_end = _last_month_end(session.today)
    dialog.date.setDate(month_end)
    form = dialog.form
    _type_balance(dialog, Decimal(0))  # to read the postings and the book's balance
    if form.draft is None or len(form.draft.candidates) <= NOT_YET:
        return
    late = form.draft.candidates[-NOT_YET:]
    statement = book_balance(form.draft) - sum((p.amount.amount for p in late), Decimal(0))
    _type_balance(dialog, statement)
    rows = [r.line_id for r in form.rows()]
    form.toggle(rows[:-NOT_YET - 1])  # one more the user has still to find
    dialog.model.show_ticks()
    dialog._show_figures()
    dialog.table.selectRow(len(rows) - NOT_YET - 1)
    yield "77-reconcile-midway", dialog
    dialog.model.toggle_rows([len(rows) - NOT_YET - 1])
    yield "78-reconcile-balanced", dialog
    dialog.finish()
    job = form.report_job()  # of the one just finished
    if job is not None:
        yield "80-reconciliation-report", job
    # The next statement, to today, starts from it: the postings the bank has not shown
    # yet and those since, none ticked yet.
    dialog.date.setDate(session.today)
    _type_balance(dialog, statement)
    if form.draft is not None:
        _type_balance(dialog, book_balance(form.draft))
    yield "79-reconcile-finished", dialog


def _rules(session: Session, window: QMainWindow) -> BankRulesDialog:
    """Two rules kept, a third being typed (on the copy: adding one changes the book)."""
    for text, code, memo in (("STRIPE", "6200", "Card processing fees"),
                             ("LOAN INTEREST", "6800", "")):
        add_bank_rule(session.book, text, code, memo)
    dialog = BankRulesDialog(session, window)
    dialog.text.setText("GOCARDLESS")
    dialog.memo.setText("Direct debit fees")
    return dialog


def _type_balance(dialog: ReconcileDialog, amount: Decimal) -> None:
    text = dialog.form.money(amount)
    dialog.balance.setText(text)
    dialog.restart()


def _last_month_end(day: dt.date) -> dt.date:
    return day.replace(day=1) - dt.timedelta(days=1)
