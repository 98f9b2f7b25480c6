"""``FieldForm``: a small form dialog whose presenter checks it field by field (a tax code,
an exchange rate).  Each problem shows under its field once that field is typed in (every
one when Save is pressed), the field outlined and what was typed kept; a problem of the
form as a whole (``"book"``) shows above the buttons; Esc asks before dropping changes.

A subclass makes ``errors`` (an error label per field name) and ``message`` (the form's
own, from ``save_cancel_dialog``) and says ``fields()`` and ``typed()``; its presenter
answers ``problems(**typed)``, ``save(**typed)``, ``changed(**typed)`` and ``saved``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.theme import wrong_field_style


class FieldForm(QDialog):
    #: What Esc asks before dropping the changes ("The rate has not been saved. …").
    UNSAVED = N_("The form has not been saved. Discard your changes?")

    editor: Any
    errors: dict[str, QLabel]
    message: QLabel
    # Each subclass's own: its fields by the names the problems use, and what is typed.
    fields: Callable[[], Mapping[str, QWidget]]
    typed: Callable[[], Mapping[str, object]]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._touched: set[str] = set()

    def _with_error(self, field: QWidget, name: str) -> QVBoxLayout:
        """The field with its problem under it (hidden, so taking no room, while none)."""
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        if name:
            column.addWidget(self.errors[name])
        return column

    def _typed(self, field: str) -> None:
        self._touched.add(field)
        self._show(self.editor.problems(**self.typed()))

    def _show(self, problems: dict[str, str]) -> None:
        """The problems of the fields typed in so far (all of them after Save)."""
        for name, field in self.fields().items():
            why = problems.get(name, "") if name in self._touched else ""
            self.errors[name].setText(why)
            self.errors[name].setVisible(bool(why))
            field.setStyleSheet(wrong_field_style() if why else "")
        self.message.setText(problems.get("book", ""))
        self.message.setVisible("book" in problems)
        self._fit()

    def _fit(self) -> None:
        """Grow to hold the problems shown: a top-level dialog does not grow by itself for
        a word-wrapped label that appears."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        wanted = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def save(self) -> None:
        problems = self.editor.save(**self.typed())
        self._touched.update(self.fields())
        self._show(problems)
        if not problems:
            self.accept()
            return
        wrong = next((field for name, field in self.fields().items() if name in problems), None)
        if wrong is not None:
            wrong.setFocus()

    def reject(self) -> None:
        if self.editor.saved is None and self.editor.changed(**self.typed()) and not \
                dialogs.confirm(self, _("Discard changes?"), _(self.UNSAVED), _("&Discard")):
            return
        super().reject()
