"""The opening balances wizard for ``screenshots``: rows typed that do not yet balance (the
difference and the problems shown), and the same rows balanced and ready to finish.  It
types into a new wizard on any book and never finishes, so nothing is written."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.opening_wizard import OpeningWizard
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui.editors.opening_dialog import OpeningDialog

#: (account, debit, credit, contact, number, due date in days from the start)
ROWS = (
    ("1000", "18450.20", "", "", "", None),
    ("1500", "7200", "", "", "", None),
    ("1100", "1200", "", "Harbour Lights Café", "H-1043", 30),
    ("1100", "310.50", "", "Meadowbank Primary School", "H-1038", -12),
    ("2000", "", "845.70", "PaperTrail Stationers", "PT-5521", 14),
    ("3000", "", "20000", "", "", None),
)


def opening_wizard(session: Session, parent: QWidget, *, balanced: bool) -> OpeningDialog:
    as_of = dt.date(session.today.year - 1, 12, 31)
    dialog = OpeningDialog(OpeningWizard(session), parent)
    dialog.date.setDate(as_of)
    money, day = AmountFormatter(session.locale, session.currency), DateFormatter(session.locale)
    rows = [*ROWS, ("3100", "", "6315" if balanced else "6300", "", "", None)]
    while dialog.table.rowCount() < len(rows):
        dialog.add_row.click()
    for row, (code, debit, credit, contact, number, due) in enumerate(rows):
        texts = (dialog.wizard.account_text(code),
                 money.format(_decimal(debit)) if debit else "",
                 money.format(_decimal(credit)) if credit else "", contact, number,
                 day.short(as_of + dt.timedelta(days=due)) if due is not None else "")
        for column, text in enumerate(texts):
            if text:
                dialog.table.setCurrentCell(row, column)
                dialog.table.item(row, column).setText(text)
    dialog.table.setCurrentCell(len(rows) - 1, 2)
    return dialog


def _decimal(text: str):
    from decimal import Decimal

    return Decimal(text)
