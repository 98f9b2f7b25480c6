"""``CurrencyPicker``: an ISO 4217 currency, chosen from a list or typed (any part of the
code or the name filters it: "dol" finds the dollars); and the rate field beside it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.document_currency import code_of, currency_choices
from ledgerdesk.ui.accessible import named
from ledgerdesk.ui.widgets import tab_leaves_popup


class CurrencyPicker(QComboBox):
    """``chosen`` gives the text picked or typed (the presenter reads the code from it)."""

    chosen = Signal(str)

    def __init__(self, locale: str, home: str, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, label in currency_choices(locale, first=home):
            self.addItem(label, code)
        self.setMinimumContentsLength(22)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        completer.popup().installEventFilter(self)
        named(self, _("Currency"), _("The currency the amounts are in: type a code or part "
                                     "of its name to find it."))
        self.activated.connect(self._picked)
        self.lineEdit().editingFinished.connect(self._typed)
        self._last = ""

    def select_code(self, code: str) -> None:
        """Show ``code`` without saying it was chosen (the form set it, not the user)."""
        index = self.findData(code)
        self.blockSignals(True)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)
        self.blockSignals(False)
        self._last = self.currentText()

    def current_code(self) -> str:
        return code_of(self.currentText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if tab_leaves_popup(self, watched, event):
            self._typed()
        return super().eventFilter(watched, event)

    def _picked(self, index: int) -> None:
        self._last = self.itemText(index)
        self.chosen.emit(self._last)

    def _typed(self) -> None:
        """A code typed (``usd``) becomes its entry; anything else is passed on as typed,
        for the presenter to refuse."""
        text = self.currentText().strip()
        index = self.findData(code_of(text))
        if index >= 0 and len(code_of(text)) == 3:
            self.setCurrentIndex(index)
            text = self.itemText(index)
        if text != self._last:
            self._last = text
            self.chosen.emit(text)


def rate_edit() -> QLineEdit:
    """The exchange rate as typed: home units per one unit of the currency."""
    edit = QLineEdit()
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setMaximumWidth(140)
    return named(edit, _("Exchange rate"), _("Home currency units per one unit of this "
                                             "currency; the book's rate of the date until "
                                             "you type one."))
