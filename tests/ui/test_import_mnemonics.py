"""Alt letters in File > Import… and the other dialogs that share its words: on every page no
two controls underline the same letter, Next is always Alt+N, Preview always Alt+P, and a
word (Browse, Back, Import …) keeps its letter from one dialog to the next."""

from __future__ import annotations

import csv
import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QWidget

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.presentation.exports import list_export
from ledgerdesk.presentation.import_wizard import run
from ledgerdesk.presentation.lists import ContactList
from ledgerdesk.services.imports import ImportKind
from ledgerdesk.ui.dialogs import NewBookDialog
from ledgerdesk.ui.export_dialog import ExportDialog
from ledgerdesk.ui.import_dialog import MAPPING, PREVIEW, SOURCE, ImportDialog

FILES = {
    ImportKind.CONTACTS: [["Name", "Email"], ["Zeta Traders", "ap@zeta.test"]],
    ImportKind.INVOICES: [["number", "contact", "issue_date", "unit_price"],
                          ["X-1", "Acme Retail", "2024-02-01", "85"],
                          ["X-2", "Acme Retail", "2024-13-01", "8x5"]],
    ImportKind.BANK: [["date", "amount", "reference"], ["2024-02-01", "85.00", "thanks"]],
}


def mnemonic(text: str) -> str | None:
    found = re.search(r"(?<!&)&([^&])", text)
    return found.group(1).lower() if found else None


def word(text: str) -> str:
    """The words of a control without its mnemonic and decoration: "< &Back" -> "back"."""
    return text.replace("&", "").strip("<>…:. ").lower()


def controls(dialog: QWidget) -> list[str]:
    """The texts with an Alt letter a user can use now: visible buttons (enabled or not),
    check boxes, and labels that lead to a field."""
    found = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    found += [label.text() for label in dialog.findChildren(QLabel)
              if label.buddy() is not None and label.isVisibleTo(dialog)]
    return [text for text in found if mnemonic(text)]


def import_pages(qtbot, session, tmp_path):
    """(name, dialog) for each page of each kind of import, shown as a user reaches it."""
    parent = QMainWindow()
    qtbot.addWidget(parent)
    for kind, rows in FILES.items():
        path = tmp_path / f"{kind.value}.csv"
        with open(path, "w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
        dialog = ImportDialog(session, lambda: None, parent)
        dialog.show()
        dialog.source.kind.setCurrentIndex(dialog.source.kind.findData(kind))
        dialog.source.path.setText(str(path))
        assert dialog.pages.currentIndex() == SOURCE
        yield f"{kind.value}: what to import", dialog
        dialog._next()
        assert dialog.pages.currentIndex() == MAPPING
        yield f"{kind.value}: columns", dialog
        dialog._previewed(run(session.book, dialog.wizard.request(commit=False)))
        dialog._update()
        assert dialog.pages.currentIndex() == PREVIEW
        yield f"{kind.value}: preview", dialog
        dialog.done(0)


@pytest.fixture
def pages(qtbot, ui_session, tmp_path, add_contact):
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    return [(name, controls(dialog), dialog.next.text(), dialog.pages.currentIndex())
            for name, dialog in import_pages(qtbot, ui_session, tmp_path)]


def test_no_two_controls_on_a_page_share_a_letter(pages):
    clashes = {}
    for name, texts, _, _ in pages:
        letters = [mnemonic(text) for text in texts]
        shared = {text for text in texts if letters.count(mnemonic(text)) > 1}
        if shared:
            clashes[name] = sorted(shared)
    assert clashes == {}


def test_next_is_always_alt_n_and_preview_always_alt_p(pages):
    for name, _, next_text, page in pages:
        assert next_text == ("&Preview >" if page == MAPPING else "&Next >"), name


def test_a_word_keeps_its_letter_in_every_dialog(qtbot, pages, ui_session, tmp_path):
    seen = [text for _, texts, _, _ in pages for text in texts]
    new_book = NewBookDialog()
    qtbot.addWidget(new_book)
    new_book.show()
    export = ExportDialog(list_export(ui_session, "Contacts", ContactList(ui_session)),
                          tmp_path)
    qtbot.addWidget(export)
    export.show()
    seen += controls(new_book) + controls(export)
    letters: dict[str, set[str]] = {}
    for text in seen:
        letters.setdefault(word(text), set()).add(mnemonic(text))
    assert {w: ls for w, ls in letters.items() if len(ls) > 1} == {}
    assert letters["browse"] == {"r"} and letters["back"] == {"b"}
