"""The opening balances wizard (in de_DE, as the UI session is): rows typed in the grid,
each problem beside its cell, the difference under it, Finish only once it balances, and
then the book holds the balances as the command line would record them; rows can be read
from the command line's CSV."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.opening_wizard import FIELDS, OpeningWizard
from ledgerdesk.services.opening import opening_balances_of
from ledgerdesk.ui.editors.opening_dialog import OpeningDialog

AS_OF = dt.date(2024, 12, 31)


@pytest.fixture
def dialog(qtbot, ui_session):
    shown = OpeningDialog(OpeningWizard(ui_session))
    qtbot.addWidget(shown)
    shown.show()
    shown.date.setDate(AS_OF)
    return shown


def type_row(dialog, row: int, *texts: str) -> None:
    if row >= dialog.table.rowCount():
        dialog.add_row.click()
    for column, text in enumerate(texts):
        if text:
            dialog.table.setCurrentCell(row, column)
            dialog.table.item(row, column).setText(text)


def test_finish_waits_for_the_rows_to_balance(dialog, ui_session) -> None:
    type_row(dialog, 0, "1000", "5.000,00")
    type_row(dialog, 1, "1100", "1.200,00", "", "Acme Retail", "A-1043", "30.01.2025")
    type_row(dialog, 2, "3000", "", "6.000,00")
    assert not dialog.finish_button.isEnabled()
    assert "Difference 200,00: the debits are more" in dialog.balance.text()
    assert "differ by 200,00" in dialog.message.text()
    dialog.table.item(2, 2).setText("6.200,00")
    assert "Balanced" in dialog.balance.text()
    assert dialog.finish_button.isEnabled() and dialog.message.isHidden()
    dialog.finish_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert opening_balances_of(ui_session.book) == (AS_OF, "JNL-00001")
    (invoice,) = ui_session.book.queries().list_documents([DocumentKind.SALES_INVOICE])
    assert (invoice.number, invoice.due_date, invoice.outstanding.amount) == (
        "A-1043", dt.date(2025, 1, 30), Decimal("1200.00"))


def test_an_invoice_overdue_on_the_day_is_taken_and_ages_as_overdue(dialog, ui_session) -> None:
    """Due before the opening day, as an invoice still open then often is: no problem beside
    the cell, and the invoice, dated the opening day, is 31 days overdue on it."""
    from ledgerdesk.domain.documents import Side
    from ledgerdesk.services.reports import aging_documents

    type_row(dialog, 0, "1100", "1.200,00", "", "Acme Retail", "A-1043", "30.11.2024")
    type_row(dialog, 1, "3000", "", "1.200,00")
    assert dialog.table.item(0, FIELDS.index("due_date")).toolTip() == ""
    assert dialog.finish_button.isEnabled()
    dialog.finish_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    (row,) = aging_documents(ui_session.book, Side.SALES, AS_OF)
    assert (row.number, row.issue_date, row.due_date, row.days_overdue) == (
        "A-1043", AS_OF, dt.date(2024, 11, 30), 31)


def test_each_problem_sits_beside_its_cell(dialog) -> None:
    type_row(dialog, 0, "1100", "10,00")
    type_row(dialog, 1, "3000", "", "10,00", "Someone")
    assert dialog.table.item(0, FIELDS.index("number")).toolTip() == (
        "An open invoice needs its number.")
    assert dialog.table.item(1, FIELDS.index("contact")).toolTip().startswith(
        "Only a receivable or payable balance has a contact")
    dialog.table.setCurrentCell(0, FIELDS.index("contact"))
    assert dialog.cell_message.text() == "An open invoice needs its contact."
    assert not dialog.finish_button.isEnabled()


def test_a_refusal_keeps_what_was_typed(dialog, ui_session, issue, customer) -> None:
    issue(customer, "100", issue_date=AS_OF)
    type_row(dialog, 0, "1000", "10,00")
    type_row(dialog, 1, "3000", "", "10,00")
    dialog.finish_button.click()
    assert dialog.isVisible()
    assert "opening balances come before everything else" in dialog.message.text()
    assert dialog.table.item(0, 1).text() == "10,00"
    assert opening_balances_of(ui_session.book) is None


def test_rows_are_read_from_the_command_lines_csv(dialog, tmp_path) -> None:
    path = tmp_path / "opening.csv"
    path.write_text("account,debit,credit,contact,number,due_date\n"
                    "1000,5000.00,,,,\n1100,1200.00,,Acme Retail,A-1043,2025-01-30\n"
                    "3000,,6200.00,,,\n", encoding="utf-8")
    dialog.read(path)
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(1, 0).text() == "1100 Accounts Receivable"
    assert dialog.table.item(1, 5).text() == "30.01.2025"
    assert "Balanced" in dialog.balance.text() and dialog.finish_button.isEnabled()


def test_the_file_menu_opens_the_wizard_and_says_what_it_recorded(book_window, monkeypatch,
                                                                    ui_session) -> None:
    from ledgerdesk.ui.editors import opening_dialog

    def finish_balanced(dialog) -> int:
        dialog.date.setDate(AS_OF)
        type_row(dialog, 0, "1000", "10,00")
        type_row(dialog, 1, "3000", "", "10,00")
        dialog.finish()
        return dialog.result()

    monkeypatch.setattr(opening_dialog.OpeningDialog, "exec", finish_balanced)
    (action,) = [a for a in book_window.menuBar().actions()[0].menu().actions()
                 if a.text() == "Opening &balances…"]
    assert action.isEnabled()
    action.trigger()
    assert "Opening balances as of 31.12.2024 recorded: journal JNL-00001" in (
        book_window.statusBar().currentMessage())
    assert opening_balances_of(ui_session.book) == (AS_OF, "JNL-00001")
