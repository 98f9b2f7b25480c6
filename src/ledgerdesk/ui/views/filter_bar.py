"""``FilterBar``: a list's search box, status, contact and date filters, and Clear filters.

Every field is reachable by its mnemonic (Ctrl+F for the search); the line under the
fields says in words what is filtered, or why a typed date was refused (the text stays
for correcting, and the list keeps its previous filter).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.contacts import ContactChoice
from ledgerdesk.presentation.list_filters import ListFilters
from ledgerdesk.ui.accessible import described, named
from ledgerdesk.ui.theme import Tone, tone_style, wrong_field_style
from ledgerdesk.ui.widgets import ContactPicker

FILTER_DELAY_MS = 250


class FilterBar(QWidget):
    changed = Signal()  # the query changed: the list reloads

    def __init__(self, filters: ListFilters, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters = filters
        self.search = named(QLineEdit(placeholderText=_("Search (Ctrl+F)"),
                                      clearButtonEnabled=True),
                            _("Search"), _("Shows only the rows holding this text; Enter goes "
                                           "to the list."))
        self.search.setMinimumWidth(180)
        self.status: QComboBox | None = None
        self.contact: ContactPicker | None = None
        self.date_from: QLineEdit | None = None
        self.date_to: QLineEdit | None = None
        self._contacts: Callable[[], list[ContactChoice]] = list
        self._contacts_stale = False
        self.clear_button = QPushButton(_("C&lear filters"))
        described(self.clear_button, _("Clears the search and every filter"))
        self.clear_button.setToolTip(_("Show every row again"))
        self.summary = QLabel()
        self.summary.setStyleSheet(tone_style(Tone.NOTE))
        self.message = QLabel()
        self.message.setStyleSheet(tone_style(Tone.ERROR))
        self.message.hide()
        # Two rows, so the bar fits the window's minimum width: what and who, then when,
        # what is filtered (or why not) and Clear filters.
        self.fields = QHBoxLayout()
        self.fields.addWidget(self.search, 1)
        self.more = QHBoxLayout()
        self.more.addWidget(self.message, 1)
        self.more.addWidget(self.summary, 1)
        self.more.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.fields)
        layout.addLayout(self.more)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_text)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.clear_button.clicked.connect(self.clear)

    # ---- building --------------------------------------------------------------------------

    def _add(self, label: str, widget: QWidget, row: QHBoxLayout | None = None) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        if row is None:
            self.fields.addWidget(caption)
            self.fields.addWidget(widget)
        else:  # before the message, summary and button
            at = row.count() - 3
            row.insertWidget(at, caption)
            row.insertWidget(at + 1, widget)

    def add_status(self, label: str, choices: dict[Any, str]) -> QComboBox:
        self.status = QComboBox()
        described(self.status, _("Lists only the documents with this status"))
        for value, text in choices.items():
            self.status.addItem(text, value)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self._add(label, self.status)
        return self.status

    def add_contact(self, label: str, choices: Callable[[], list[ContactChoice]]) -> None:
        self.contact = ContactPicker()
        described(self.contact, _("Lists only this contact's rows; type part of a name"))
        self.contact.setMinimumWidth(180)
        self.contact.lineEdit().setPlaceholderText(_("All contacts"))
        self.contact.lineEdit().setClearButtonEnabled(True)
        self._contacts = choices
        self.refresh_contacts()
        for field in (self.contact, self.contact.lineEdit()):
            field.installEventFilter(self)  # the choices are read when it gets the focus
        self.contact.chosen.connect(self._contact_chosen)
        self.contact.lineEdit().editingFinished.connect(self._contact_typed)
        # Emptied by the user (the clear button too): every contact again, at once.
        self.contact.lineEdit().textEdited.connect(
            lambda text: text.strip() or self._contact_typed())
        self._add(label, self.contact)

    def add_dates(self, first: str, last: str) -> None:
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        hint = self.filters.date_hint
        for edit, label in ((self.date_from, first), (self.date_to, last)):
            edit.setPlaceholderText(_("e.g. {date}").format(date=hint))
            edit.setToolTip(_("A date such as {hint}; leave it empty for no limit.").format(
                                hint=hint))
            edit.setClearButtonEnabled(True)
            edit.setFixedWidth(125)
            edit.editingFinished.connect(self._dates_typed)
            self._add(label, edit, self.more)
        self.more.insertSpacing(self.more.count() - 3, 12)

    def finish(self) -> None:
        chain = [w for w in (self.search, self.status, self.contact, self.date_from,
                             self.date_to, self.clear_button) if w is not None]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)
        self.show_state()

    # ---- behaviour ----------------------------------------------------------------------

    def apply_text(self) -> None:
        self._timer.stop()
        if self.search.text().strip() != self.filters.value("text"):
            self.filters.set_text(self.search.text())
            self.changed.emit()

    def _status_chosen(self, index: int) -> None:
        assert self.status is not None
        self.filters.set_status(self.status.itemData(index))
        self.changed.emit()

    def _contact_chosen(self, contact_id: object) -> None:
        if isinstance(contact_id, int) and contact_id != self.filters.value("contact_id"):
            self.filters.set_contact(contact_id)
            self._say("")
            self.changed.emit()

    def _contact_typed(self) -> None:
        assert self.contact is not None
        if self.load_contacts():  # a name given without the focus ever in the field
            self.contact.choose_typed()
        text = self.contact.currentText().strip()
        chosen = self.filters.value("contact_id")
        if not text:
            self.contact.setCurrentIndex(-1)
            self._say("")
            if chosen is not None:
                self.filters.set_contact(None)
                self.changed.emit()
        elif self.contact.itemText(self.contact.currentIndex()).casefold() != text.casefold():
            self._say(self.filters.no_such_contact(text), self.contact)

    def _dates_typed(self) -> None:
        assert self.date_from is not None and self.date_to is not None
        before = (self.filters.value("date_from"), self.filters.value("date_to"))
        why = self.filters.set_dates(self.date_from.text(), self.date_to.text())
        wrong = self.date_to if why.startswith("To:") else self.date_from
        self._say(why, wrong if why else None)
        if (self.filters.value("date_from"), self.filters.value("date_to")) != before:
            self.changed.emit()

    def clear(self) -> None:
        self.filters.clear()
        for widget in (self.search, self.date_from, self.date_to):
            if widget is not None:
                widget.blockSignals(True)
                widget.clear()
                widget.blockSignals(False)
        self._timer.stop()
        if self.status is not None:
            self.status.blockSignals(True)
            self.status.setCurrentIndex(0)
            self.status.blockSignals(False)
        if self.contact is not None:
            self.contact.blockSignals(True)
            self.contact.setCurrentIndex(-1)
            self.contact.clearEditText()
            self.contact.blockSignals(False)
        self._say("")
        self.changed.emit()

    def refresh_contacts(self) -> None:
        """The contact choices are read again (new contacts appear) when next needed: when
        the field gets the focus, or a name is typed or chosen in it.  Reading them at every
        start and reload held a big book's list back (10,000 names: 0.15 s each time)."""
        if self.contact is not None:
            self._contacts_stale = True

    def load_contacts(self) -> bool:
        """Read the contact choices now if they are not up to date, keeping the one chosen
        (or the text typed); whether they were read."""
        if self.contact is None or not self._contacts_stale:
            return False
        self._contacts_stale = False
        choices = self._contacts()
        self.filters.set_contact_choices(choices)
        chosen, typed = self.filters.value("contact_id"), self.contact.currentText()
        self.contact.blockSignals(True)
        self.contact.set_choices(choices)
        if chosen is not None:
            self.contact.select_id(chosen)
        else:
            self.contact.setEditText(typed)
        self.contact.blockSignals(False)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:  # the contact field, before any typing
            self.load_contacts()
        return super().eventFilter(watched, event)

    def _say(self, message: str, wrong: QWidget | None = None) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        for field in (self.contact, self.date_from, self.date_to):
            if field is not None:
                field.setStyleSheet(wrong_field_style() if field is wrong else "")
        self.show_state()

    def show_state(self) -> None:
        active = self.filters.active()
        self.summary.setText(_("Filtered by ") + " · ".join(active) if active else _("No filters"))
        self.summary.setVisible(not self.message.text())
        typed = any(edit is not None and edit.text() for edit in (
            self.search, self.date_from, self.date_to,
            self.contact.lineEdit() if self.contact is not None else None))
        self.clear_button.setEnabled(self.filters.is_filtered or typed)
