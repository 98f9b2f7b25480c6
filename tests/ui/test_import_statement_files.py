"""File > Import… with the bank's own statement file (OFX/QFX or CAMT.053): no columns to
map (the step says what the file is instead), the same preview and suggestions as a CSV
statement, and a corrupt file refused on the first step in one line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.imports import ImportKind
from ledgerdesk.storage.book import open_book
from ledgerdesk.ui.import_dialog import MAPPING, PREVIEW, SOURCE, ImportDialog

FILES = Path(__file__).parents[1] / "services" / "imports" / "statements"


@pytest.fixture
def dialog(qtbot, ui_session, book):
    parent = QMainWindow()
    qtbot.addWidget(parent)
    found = ImportDialog(ui_session, lambda: open_book(Path(book.path)), parent)
    found.show()
    yield found


def choose(qtbot, dialog, path: Path) -> None:
    dialog.source.kind.setCurrentIndex(dialog.source.kind.findData(ImportKind.BANK))
    dialog.source.path.setText(str(path))
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)


def test_a_camt_statement_needs_no_mapping_and_pays_what_it_matches(
        qtbot, dialog, book, add_contact, issue, owed, answers):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    paper = add_contact("Paper Supplies", ContactRole.SUPPLIER)
    invoice = issue(acme, "1190")[0]
    bill = issue(paper, "500", DocumentKind.BILL)[0]
    choose(qtbot, dialog, FILES / "camt053.xml")
    assert dialog.pages.currentIndex() == MAPPING, dialog.source.message.text()
    note = dialog.mapping.statement_note
    assert note.isVisibleTo(dialog) and not dialog.mapping.scroll.isVisibleTo(dialog)
    assert note.text().startswith("CAMT.053 statement of account")
    assert "7 lines. A CAMT.053 file names its own fields: there are no columns to map." \
        in note.text()
    assert dialog.mapping.bank.isVisibleTo(dialog) and dialog.next.isEnabled()
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PREVIEW and dialog.task is None,
                    timeout=10000)
    assert dialog.preview.lines_model.rowCount() == 7
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert owed(invoice) == owed(bill) == Decimal(0)


def test_an_ofx_file_cut_short_is_refused_on_the_first_step(qtbot, dialog, tmp_path):
    cut = tmp_path / "cut.ofx"
    cut.write_text((FILES / "ofx1.ofx").read_text()[:600], encoding="utf-8")
    choose(qtbot, dialog, cut)
    assert dialog.pages.currentIndex() == SOURCE
    message = dialog.source.message.text()
    assert message.startswith("cut.ofx") and "\n" not in message


def test_browse_offers_the_banks_own_files_only_for_a_bank_statement(
        qtbot, dialog, monkeypatch):
    from ledgerdesk.ui import file_dialogs

    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(file_dialogs, "open_file",
                        lambda parent, title, filters, start: asked.append((title, filters)))
    dialog.source._browse()
    dialog.source.kind.setCurrentIndex(dialog.source.kind.findData(ImportKind.BANK))
    dialog.source._browse()
    (csv_title, csv_filters), (bank_title, bank_filters) = asked
    assert csv_title == "Import a CSV file" and "*.ofx" not in csv_filters
    assert bank_title == "Import a bank statement"
    assert all(f in bank_filters for f in ("*.csv", "*.ofx", "*.qfx", "*.xml", "*.053"))
