"""File > Import… as a user clicks through it: a file, its columns, the preview, Import."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.imports import ImportKind
from ledgerdesk.storage.book import open_book
from ledgerdesk.ui.actions import make_actions, shortcut_rows
from ledgerdesk.ui.import_dialog import MAPPING, PREVIEW, SOURCE, ImportDialog
from ledgerdesk.ui.models.read_rows import LineColumn, PreviewColumn


def write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path


@pytest.fixture
def dialog(qtbot, ui_session, book):
    parent = QMainWindow()
    qtbot.addWidget(parent)
    found = ImportDialog(ui_session, lambda: open_book(Path(book.path)), parent)
    found.show()
    yield found  # (the parent window lives as long as the test)


def to_preview(qtbot, dialog, kind: ImportKind, path: Path) -> None:
    """Choose the kind and file, go on to the columns, then Preview and wait for it."""
    dialog.source.kind.setCurrentIndex(dialog.source.kind.findData(kind))
    dialog.source.path.setText(str(path))
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == MAPPING, dialog.source.message.text()
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PREVIEW and dialog.task is None,
                    timeout=10000)


def contact_names(book) -> list[str]:
    return sorted(c.name for c in book.queries().list_contacts())


def test_a_good_contacts_file_imports(qtbot, dialog, book, tmp_path, answers):
    path = write(tmp_path / "people.csv", [["Company", "E-mail", "Type"],
                                           ["Acme Retail", "ap@acme.test", "customer"],
                                           ["Paper Co", "", "supplier"]])
    to_preview(qtbot, dialog, ImportKind.CONTACTS, path)
    assert dialog.import_button.isEnabled()
    assert dialog.preview.model.rowCount() == 2
    assert "contact Acme Retail" in dialog.preview.model.index(0, PreviewColumn.DETAIL).data()
    assert contact_names(book) == []  # the preview wrote nothing
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert "cannot be undone" in answers[-1][2]
    assert contact_names(book) == ["Acme Retail", "Paper Co"]
    assert dialog.imported_text() == "Imported 2 records from 2 rows."


def test_one_bad_row_is_shown_and_nothing_can_be_imported(qtbot, dialog, book, tmp_path,
                                                           qtmodeltester):
    path = write(tmp_path / "people.csv", [["Name", "Terms"], ["Acme Retail", "30"],
                                           ["Bay Cafe", "thirty"], ["Cole Ltd", ""]])
    to_preview(qtbot, dialog, ImportKind.CONTACTS, path)
    first = [dialog.preview.model.index(0, c).data() for c in PreviewColumn]
    assert first[:3] == ["Problem", 3, "Terms"]  # errors first, named as a spreadsheet would
    assert "'thirty' is not a whole number" in first[3]
    assert not dialog.import_button.isEnabled()
    dialog.preview.problems_only.setChecked(True)
    assert dialog.preview.model.rowCount() == 1
    qtmodeltester.check(dialog.preview.model)
    dialog.start_import()  # even asked directly, it refuses
    assert dialog.task is None and contact_names(book) == []


def test_a_row_with_two_bad_cells_shows_both_problems(qtbot, dialog, tmp_path, add_contact):
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    path = write(tmp_path / "invoices.csv", [
        ["Invoice", "Customer", "Date", "Price", "Account"],
        ["A-1", "Acme Retail", "2024-03-01", "85.00", "4000"],
        ["A-2", "Acme Retail", "31/03/2024", "1.240,00", "9999"]])
    to_preview(qtbot, dialog, ImportKind.INVOICES, path)
    rows = [[dialog.preview.model.index(r, c).data() for c in PreviewColumn]
            for r in range(dialog.preview.model.rowCount())]
    assert sorted(row[2] for row in rows if row[:2] == ["Problem", 3]) == [
        "Account", "Date", "Price"]
    assert "3 problems in 2 rows" in dialog.preview.summary.text()
    dialog.preview.table.selectRow(0)  # the row's detail says all of them at once
    detail = dialog.preview.detail.text()
    assert detail.startswith("Row 3: 3 problems.")
    assert all(what in detail for what in ("Date: '31/03/2024'", "Price: '1.240,00'",
                                           "Account: There is no account '9999'"))


def test_a_required_field_without_a_column_keeps_the_user_on_the_mapping(qtbot, dialog,
                                                                         tmp_path):
    path = write(tmp_path / "odd.csv", [["Who", "Mail"], ["Acme Retail", "a@b.test"]])
    dialog.source.path.setText(str(path))
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert "No column for name" in dialog.mapping.message.text()
    assert not dialog.next.isEnabled()
    dialog.mapping.combos["name"].setCurrentText("Who")
    assert dialog.next.isEnabled() and dialog.mapping.samples["name"].text() == "Acme Retail"


def test_a_file_that_is_not_csv_is_refused_on_the_first_step(qtbot, dialog, tmp_path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog.source.path.setText(str(path))
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == SOURCE
    assert "save it as CSV" in dialog.source.message.text()


def test_a_bank_file_shows_suggestions_and_accepting_records_payments(
        qtbot, dialog, book, tmp_path, add_contact, issue, owed, qtmodeltester):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    first, _ = issue(acme, "100")
    second, _ = issue(acme, "100")
    path = write(tmp_path / "bank.csv", [["Date", "Amount", "Reference", "Payee"],
                                         ["2024-02-01", "100.00", "INV-00002", "Acme"],
                                         ["2024-02-02", "100.00", "thanks", "Acme Retail"],
                                         ["2024-02-03", "9.99", "interest", "Bank"]])
    to_preview(qtbot, dialog, ImportKind.BANK, path)
    lines = dialog.preview.lines_model
    qtmodeltester.check(lines)
    choices = [lines.index(r, LineColumn.CHOICE).data() for r in range(3)]
    assert choices == ["INV-00002 Acme Retail", "Skip this line", "Skip this line"]
    assert "equally good matches" in lines.index(1, LineColumn.WHY).data()  # a tie: user's
    dialog.preview.lines.selectRow(1)
    combo = dialog.preview.choice
    assert combo.count() == 3  # the two invoices, and skip
    combo.setCurrentIndex(combo.findData(first))
    combo.activated.emit(combo.currentIndex())
    assert lines.index(1, LineColumn.CHOICE).data() == "INV-00001 Acme Retail"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert (owed(first), owed(second)) == (Decimal(0), Decimal(0))
    assert len(list(book.queries().list_payments())) == 2


def test_cancel_during_the_import_writes_nothing(qtbot, dialog, book, tmp_path, add_contact):
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    rows = [["Number", "Customer", "Date", "Price"]]
    rows += [[f"N{i}", "Acme Retail", "2024-03-01", "10.00"] for i in range(1500)]
    to_preview(qtbot, dialog, ImportKind.INVOICES, write(tmp_path / "many.csv", rows))
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    dialog.task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert dialog.result is None
    assert "nothing was written" in dialog.preview.message.text()
    assert list(book.queries().list_documents([])) == []
    assert sum(1 for _ in book.queries().journal()) == 0


def test_import_is_in_the_file_menu_with_its_shortcut(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = make_actions(window)
    assert ("Import", "Ctrl+Shift+I") in shortcut_rows(actions)


def in_the_dialog(act) -> None:
    QTimer.singleShot(0, lambda: act(QApplication.activeModalWidget()))


def test_file_import_from_the_window_refreshes_the_lists(qtbot, book, tmp_path):
    from ledgerdesk.app.book_files import StorageBookFiles
    from ledgerdesk.ui.main_window import MainWindow
    from ledgerdesk.ui.preferences import Preferences

    window = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                        system_locale="en_US")
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(Path(book.path))
    window.book_view.show_page(5)  # Contacts, empty
    path = write(tmp_path / "people.csv", [["Name"], ["Acme Retail"]])

    def act(dialog) -> None:
        to_preview(qtbot, dialog, ImportKind.CONTACTS, path)
        dialog.start_import()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

    in_the_dialog(act)
    window.actions["import_csv"].trigger()
    assert window.book_view.contacts.model.rowCount() == 1
    assert window.statusBar().currentMessage() == "Imported 1 record from 1 row."


def test_a_bank_line_with_an_excess_imports_once_keep_the_excess_is_ticked(
        qtbot, dialog, book, tmp_path, add_contact, issue, pay, owed, answers):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    invoice, _ = issue(acme, "100")
    pay(acme, "99.81", (invoice, "99.81"))
    path = write(tmp_path / "bank.csv", [["Date", "Amount", "Documents"],
                                         ["2024-02-01", "4.00", "INV-00001"],
                                         ["2024-02-02", "9.99", ""]])
    to_preview(qtbot, dialog, ImportKind.BANK, path)
    keep = dialog.preview.keep
    assert not dialog.import_button.isEnabled()
    assert not dialog.preview.table.isVisibleTo(dialog)  # no problem of the file to show
    dialog.preview.lines.selectRow(1)  # the 9.99 line: nothing to keep
    assert not keep.isEnabled()
    dialog.preview.lines.selectRow(0)
    assert keep.isEnabled() and not keep.isChecked()
    assert keep.text() == "&Keep the excess 3,81 as Acme Retail’s credit"
    keep.click()
    assert dialog.import_button.isEnabled()
    assert dialog.preview.lines_model.index(0, LineColumn.WHY).data() == (
        "3,81 kept as Acme Retail’s credit")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert owed(invoice) == 0
    credits = list(book.queries().list_documents([DocumentKind.CUSTOMER_PREPAYMENT]))
    assert [c.total.amount for c in credits] == [Decimal("3.81")]
