"""Small widgets the editors share: a contact picker with completion, an error label."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.contacts import ContactChoice
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.theme import Tone, tone_style


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(tone_style(Tone.ERROR))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def banner_label() -> QLabel:
    """A yellow note across the top of an editor that says why it is read-only."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("background: #fff4ce; color: #33290a; border: 1px solid #e0c96b; "
                        "padding: 8px; border-radius: 4px;")
    label.hide()
    return label


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())



def tab_leaves_popup(combo: QComboBox, watched: QObject, event: QEvent) -> bool:
    """Tab (or Shift+Tab) in ``combo``'s open completion popup with nothing highlighted:
    focus leaves without ``editingFinished``, so the combo must take what was typed itself
    (a highlighted completion the completer takes)."""
    return (watched is combo.completer().popup() and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not combo.completer().popup().currentIndex().isValid())

class DateField(QDateEdit):
    """A date edit that is one stop for Tab and Shift+Tab, like every other field.

    Qt's walks its day, month and year sections with Tab first, so leaving a date took three
    presses.  Typing still moves from section to section (each moves on once it is full),
    and the arrow keys and the calendar reach every section.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Coming back with Shift+Tab, Qt selects the year; a date is typed from its start.
        first = self.sectionAt(0)
        self.setCurrentSection(first)
        self.setSelectedSection(first)


def date_edit(value: dt.date, locale: str) -> QDateEdit:
    """A date field in the user's short date format, always with a four-digit year, over
    the whole calendar a book keeps (Qt's default starts in 1752 and would move an older
    date there without a word)."""
    edit = DateField(calendarPopup=True)
    edit.setDateRange(QDate(dt.MINYEAR, 1, 1), QDate(dt.MAXYEAR, 12, 31))
    edit.setDate(QDate(value))
    qlocale = QLocale(locale)
    edit.setLocale(qlocale)
    pattern = qlocale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    edit.setDisplayFormat(pattern)
    edit.setMinimumWidth(130)
    return edit


def note_and_count(text: str) -> tuple[QHBoxLayout, QLabel]:
    """A list dialog's top line: a grey note that wraps, and its count at the top right
    (the label returned, filled by the caller)."""
    note = QLabel(text)
    note.setWordWrap(True)
    note.setStyleSheet(tone_style(Tone.NOTE))
    count = QLabel()
    top = QHBoxLayout()
    top.addWidget(note, 1)
    top.addWidget(count, 0, Qt.AlignmentFlag.AlignTop)
    return top, count


def form_row(form: QFormLayout, text: str, field: QWidget | QLayout, buddy: QWidget) -> None:
    """A form row whose label's mnemonic (``&Date``) focuses ``buddy`` even when the field
    is a layout of several widgets."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)


class ContactPicker(QComboBox):
    """An editable combo: type any part of a name; ``chosen`` gives the id (or None)."""

    chosen = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumWidth(320)
        self.lineEdit().setPlaceholderText(_("Type a name…"))
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        completer.popup().installEventFilter(self)
        self.currentIndexChanged.connect(self._index_changed)
        self.lineEdit().editingFinished.connect(self.choose_typed)

    def set_choices(self, choices: list[ContactChoice]) -> None:
        self.blockSignals(True)
        self.clear()
        for choice in choices:
            self.addItem(choice.name, choice.id)
        self.setCurrentIndex(-1)
        self.blockSignals(False)

    def select_id(self, contact_id: int) -> None:
        index = self.findData(contact_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def current_id(self) -> int | None:
        value = self.currentData()
        return value if isinstance(value, int) else None

    def _index_changed(self, index: int) -> None:
        self.chosen.emit(self.itemData(index) if index >= 0 else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if tab_leaves_popup(self, watched, event):
            self.choose_typed()
        return super().eventFilter(watched, event)

    def choose_typed(self) -> None:
        """The name typed, or the only one containing what was typed, becomes the choice."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0 and text:
            containing = self.model().match(self.model().index(0, 0),
                                            Qt.ItemDataRole.DisplayRole, text, 2,
                                            Qt.MatchFlag.MatchContains)
            index = containing[0].row() if len(containing) == 1 else -1
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)


def address_edit() -> QPlainTextEdit:
    """A few lines of postal address; Tab moves on (it would type a tab character)."""
    edit = QPlainTextEdit()
    described(edit, _("The postal address, one line of it per row"))
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(_("Street, town, postcode, country: one per line"))
    lines = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(lines * 5 + 2 * edit.frameWidth() + 12)  # five lines, no scrolling
    return edit


def save_cancel_dialog(dialog: QDialog, form: QFormLayout, save, width: int,
                       below: Sequence[QWidget] = ()) -> QLabel:
    """Lay out a small form dialog: the form, any widgets ``below`` it, an error line, Save
    and Cancel; returns the error label that ``save`` fills when the book refuses."""
    message = error_label()
    buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                 | QDialogButtonBox.StandardButton.Cancel))
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    for widget in below:
        layout.addWidget(widget)
    layout.addWidget(message)
    layout.addWidget(buttons)
    dialog.resize(width, dialog.sizeHint().height())
    return message
