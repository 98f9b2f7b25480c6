"""Settings chooses how the book rounds tax, as ``ledgerdesk settings --tax-rounding`` does:
saved with the rest, refused with the rest, asked about before Esc drops it, and the next
new document is rounded the new way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.settings import tax_rounding
from ledgerdesk.ui.settings_dialog import SettingsDialog


def opened(qtbot, session) -> SettingsDialog:
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(dialog: SettingsDialog, rounding: TaxRounding) -> None:
    box = dialog.tax_rounding
    box.setCurrentIndex(box.findData(rounding))


def press_save(qtbot, dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_per_document_is_chosen_saved_and_rounds_the_next_document(qtbot, ui_session, book):
    dialog = opened(qtbot, ui_session)
    assert dialog.tax_rounding.currentData() is TaxRounding.PER_LINE
    assert [dialog.tax_rounding.itemText(i) for i in range(dialog.tax_rounding.count())] == [
        "Per line", "Per document (once per tax code)"]
    assert "posted documents keep the amounts" in dialog.tax_rounding_note.text()
    choose(dialog, TaxRounding.PER_DOCUMENT)
    press_save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert tax_rounding(book) is TaxRounding.PER_DOCUMENT
    editor = DocumentEditor(ui_session, DocumentKind.SALES_INVOICE)
    assert editor.tax_rounding is TaxRounding.PER_DOCUMENT
    assert opened(qtbot, ui_session).tax_rounding.currentData() is TaxRounding.PER_DOCUMENT


def test_a_refused_save_keeps_the_rounding_as_it_was(qtbot, ui_session, book):
    dialog = opened(qtbot, ui_session)
    choose(dialog, TaxRounding.PER_DOCUMENT)
    dialog.company.clear()
    press_save(qtbot, dialog)
    assert dialog.isVisible() and "company" in dialog.message.text()
    assert tax_rounding(book) is TaxRounding.PER_LINE
    assert dialog.tax_rounding.currentData() is TaxRounding.PER_DOCUMENT  # as chosen


def test_esc_asks_before_dropping_a_new_rounding(qtbot, ui_session, book, answers):
    dialog = opened(qtbot, ui_session)
    choose(dialog, TaxRounding.PER_DOCUMENT)
    answers.reply = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and dialog.isVisible()
    answers.reply = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and tax_rounding(book) is TaxRounding.PER_LINE
