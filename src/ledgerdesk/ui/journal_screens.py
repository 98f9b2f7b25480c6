"""Manual journals for ``screenshots``: the editor refusing a journal (it touches the
receivable account and does not balance), one balanced and ready to save, and the Journals
page of a book that keeps a year's journals (capital, a loan and its repayment, a tax
payment, depreciation, one voided).

``refused_editor`` and ``balanced_editor`` type into a new journal on any book and never
save; ``record_sample_journals`` writes into the book it is given, so the caller gives it a
scratch book, never the user's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from ledgerdesk.domain.ledger import Account, AccountType
from ledgerdesk.presentation.journal_editor import JournalEditor
from ledgerdesk.presentation.numbers import NumberText
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal, void_journal
from ledgerdesk.services.setup import add_account
from ledgerdesk.ui.editors.journal_dialog import JournalDialog

#: Accounts a year's journals use that the default chart lacks.
SAMPLE_ACCOUNTS = (Account("2500", "Bank loan", AccountType.LIABILITY),
                   Account("6500", "Depreciation", AccountType.EXPENSE),
                   Account("6600", "Interest", AccountType.EXPENSE))
#: (date offset in days, memo, [(account, debit, credit, description)])
SAMPLES = (
    (0, "Owner's capital", [("1000", "25000", "", "Transfer from the owner"),
                            ("3000", "", "25000", "")]),
    (3, "Loan from Northbank, 36 months", [("1000", "18000", "", "Loan paid out"),
                                           ("2500", "", "18000", "")]),
    (33, "Loan repayment, first instalment", [("2500", "500", "", "Principal"),
                                              ("6600", "60", "", "Interest for May"),
                                              ("1000", "", "560", "")]),
    (45, "Sales tax paid for Q1", [("2200", "1240.60", "", ""), ("1000", "", "1240.60", "")]),
    (89, "Depreciation, laptop and van, Q1", [("6500", "875", "", ""),
                                              ("1500", "", "875", "Equipment")]),
    (89, "Depreciation, Q1 (wrong amount)", [("6500", "785", "", ""), ("1500", "", "785", "")]),
)
#: A journal the default chart can take, for the editor on any book.
CAPITAL = ("Owner's capital, second instalment", [
    ("1000", "4000", "", "Transfer from the owner"), ("1010", "1000", "", "To savings"),
    ("3000", "", "5000", "")])


def _typed(dialog: JournalDialog, memo: str, rows: list[tuple[str, str, str, str]]) -> None:
    editor, plain = dialog.editor, NumberText(dialog.editor.session.locale)
    dialog.memo.setText(memo)
    editor.set_memo(memo)
    while len(editor.lines) < len(rows):
        dialog.model.add_line()
    for row, (account, debit, credit, description) in enumerate(rows):
        for name, text in (("account", account), ("debit", debit), ("credit", credit),
                           ("description", description)):
            if text:
                local = plain(Decimal(text)) if name in ("debit", "credit") else text
                editor.set_line_text(row, name, local)
    dialog.model.reload()
    dialog._refresh()


def refused_editor(session: Session, parent: QWidget) -> JournalDialog:
    """Writing off an invoice by journal: refused, saying why, and it does not balance."""
    dialog = JournalDialog(JournalEditor(session), parent)
    _typed(dialog, "Write off the Bluebell invoice", [
        ("6400", "320", "", "Bad debt"), ("1100", "", "300", "Bluebell Nursery"),
        ("6100", "", "5", "")])
    return dialog


def balanced_editor(session: Session, parent: QWidget) -> JournalDialog:
    dialog = JournalDialog(JournalEditor(session), parent)
    _typed(dialog, *CAPITAL)
    return dialog


def record_sample_journals(session: Session) -> None:
    """The year's journals of ``SAMPLES`` (and their accounts) in ``session``'s book, the
    wrong one voided."""
    for account in SAMPLE_ACCOUNTS:
        add_account(session.book, account)
    start = session.today - dt.timedelta(days=120)
    last = 0
    for offset, memo, rows in SAMPLES:
        recorded = record_journal(session.book, RecordJournal(
            date=start + dt.timedelta(days=offset), memo=memo, lines=[
                JournalLineInput(account_code=account, description=description,
                                 debit=Decimal(debit) if debit else None,
                                 credit=Decimal(credit) if credit else None)
                for account, debit, credit, description in rows]))
        last = recorded.journal_id
    void_journal(session.book, last, start + dt.timedelta(days=90))
