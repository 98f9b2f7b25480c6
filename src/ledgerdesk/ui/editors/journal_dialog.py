"""``JournalDialog``: write a manual journal, or see a recorded one and void it.

The form is ``presentation.journal_editor``; here it is laid out: the date and memo, a grid
of lines (account with completion, debit, credit, description) that Tab walks cell by cell,
the debits, credits and difference as they are typed, and every problem beside its cell
(coloured, with the sentence as its tooltip and listed under the grid) or its field.
Save (Enter) is enabled only when nothing is wrong; Esc asks before dropping what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.presentation.journal_editor import JournalEditor
from ledgerdesk.presentation.journal_steps import RecordJournalStep
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described, named
from ledgerdesk.ui.delegates.account_picker import AccountPickerDelegate
from ledgerdesk.ui.delegates.live_text import LiveTextDelegate
from ledgerdesk.ui.editors.line_grid_dialog import LineGridDialog
from ledgerdesk.ui.grid_table import GridTable
from ledgerdesk.ui.models.journal_lines import FIELDS, TITLES, JournalColumn, JournalLineModel
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.widgets import banner_label, date_edit, error_label, to_date


class LeftLiveTextDelegate(LiveTextDelegate):
    """A description: committed as it is typed (so Enter saves it too), left-aligned."""

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        editor.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return editor


class JournalGrid(GridTable):
    """Enter in a cell takes what was typed there and goes on to the dialog, whose default
    button is Save: a balanced journal is saved from its last cell with Enter."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.state() == QAbstractItemView.State.EditingState:
            cell = self.indexWidget(self.currentIndex())
            if cell is not None:
                self.commitData(cell)
            event.ignore()
            return
        super().keyPressEvent(event)


class JournalDialog(LineGridDialog):
    def __init__(self, editor: JournalEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.step: RecordJournalStep | None = None
        self.voided_text = ""
        self.banner = banner_label()
        self.date = date_edit(editor.date, editor.session.locale)
        described(self.date, _("The day the journal is posted"))
        self.memo = QLineEdit(editor.memo)
        described(self.memo, _("What the journal is for, as the ledger shows it"))
        self.memo.setPlaceholderText(_("What it is for, e.g. Owner's capital, Depreciation March"))
        self.memo_error = error_label()
        self.number = QLabel()
        self.model = JournalLineModel(editor, self)
        self.table = self._make_table()
        self._grid_buttons()
        self.balance = QLabel()
        self.balance.setTextFormat(Qt.TextFormat.RichText)
        self.cell_message = error_label()
        self.message = error_label()
        self.save_button = self.buttons.addButton(_("&Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        described(self.save_button, _("Records the journal, once its debits equal its credits"))
        self.void_button = self.buttons.addButton(_("&Void…"),
                                                  QDialogButtonBox.ButtonRole.ResetRole)
        described(self.void_button, _("Voids the journal: a reversal is posted on the day you "
                                      "choose"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        described(self.cancel_button, _("Closes the form; what was not saved is dropped"))
        self._lay_out()
        self.save_button.setDefault(True)
        self._connect()
        self._apply_read_only()
        self._refresh()
        self.resize(900, 560)

    def _make_table(self) -> QTableView:
        table = named(JournalGrid(), _("Lines"), _("One account a row, with a debit or a credit; "
                      "Tab moves from cell to cell."))
        table.setModel(self.model)
        table.setItemDelegateForColumn(JournalColumn.ACCOUNT,
                                       AccountPickerDelegate(self.editor.accounts, table))
        live = LiveTextDelegate(table)
        for column in (JournalColumn.DEBIT, JournalColumn.CREDIT):
            table.setItemDelegateForColumn(column, live)
        table.setItemDelegateForColumn(JournalColumn.DESCRIPTION, LeftLiveTextDelegate(table))
        return table

    def _lay_out(self) -> None:
        form = QFormLayout()
        for text, field in ((_("&Date:"), self.date), (_("&Memo:"), self.memo)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.memo_error)
        form.addRow(_("Number:"), self.number)
        self._grid_columns({JournalColumn.ACCOUNT: 260, JournalColumn.DEBIT: 130,
                            JournalColumn.CREDIT: 130}, stretch=JournalColumn.DESCRIPTION)
        self._grid_stack(self.banner, form, self.balance, [self.cell_message, self.message],
                         [self.date, self.memo], [])

    def _connect(self) -> None:
        self.date.dateChanged.connect(self._date_changed)
        self.memo.textEdited.connect(self._memo_edited)
        self._grid_connect(first_column=JournalColumn.ACCOUNT)
        self.save_button.clicked.connect(self.save)
        self.void_button.clicked.connect(self.void)

    def _apply_read_only(self) -> None:
        read_only = self.editor.read_only
        for widget in (self.date, self.memo, self.add_line_button, self.remove_line_button):
            widget.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.void_button.setVisible(self.editor.can_void)
        self.cancel_button.setText(_("Close") if read_only else _("Cancel"))
        self.number.setText(_("{value}    ·    amounts in {currency}").format(
            value=self.editor.number or _("given when saved"),
            currency=self.editor.session.currency))
        self.setWindowTitle(self.editor.title)
        self.banner.setText(self.editor.banner)
        self.banner.setVisible(bool(self.editor.banner))

    def _refresh(self) -> None:
        debits, credits, words = self.editor.balance_text()
        gap = "&nbsp;" * 5  # rich text (for the bold) folds plain spaces into one
        text = _("Debits {debits}{gap}Credits {credits}").format(debits=debits, gap=gap,
                                                                 credits=credits)
        self.balance.setText(f"{text}{gap}<b>{words}</b>" if words else text)
        tone = Tone.GOOD if words == _("Balanced") else Tone.ERROR
        self.balance.setStyleSheet(tone_style(tone) if words else "")
        _show(self.memo_error, self.editor.field_error("memo") or self.editor.field_error("date"))
        _show(self.cell_message, " ".join(self._cell_problems()))
        _show(self.message, " ".join(self.editor.form_problems()))
        self.save_button.setEnabled(self.editor.can_save)

    def _cell_problems(self) -> list[str]:
        """Each line's problems in words, under the grid (the cells show them too)."""
        said: dict[tuple[int, str], str] = {}
        for row in range(len(self.editor.lines)):
            for column, name in enumerate(FIELDS):
                error = self.editor.line_error(row, name)
                if error and (row, error) not in said:  # a debit and credit problem: once
                    said[row, error] = _("Line {value}, {titles}: {error}").format(
                                           value=row + 1,
                                           titles=_(TITLES[column]).lower(),
                                           error=error)
        return list(said.values())

    def _date_changed(self, date: QDate) -> None:
        self.editor.set_date(to_date(date))
        self._refresh()

    def _memo_edited(self, text: str) -> None:
        self.editor.set_memo(text)
        self._refresh()

    def _commit_open_cell(self) -> None:
        """A cell still being typed in (Enter pressed inside it) counts before saving."""
        cell = self.table.indexWidget(self.table.currentIndex())
        if cell is not None:
            self.table.commitData(cell)

    def save(self) -> None:
        if self.editor.read_only:
            return
        self._commit_open_cell()
        step = self.editor.save()
        if step is not None:
            self.step = step
            self.accept()
            return
        self.model.reload()
        self._refresh()

    def void(self) -> None:
        number = self.editor.number
        if not dialogs.confirm(self, _("Void {number}?").format(number=number),
                               _("Voiding posts a reversal of {number}; the journal and its "
                                 "number stay in the book. Void "
                                 "it?").format(number=number), _("&Void")):
            return
        try:
            self.voided_text = self.editor.void()
        except (NotAllowed, NotFound, BookFailure) as exc:
            dialogs.error(self, _("It cannot be voided"), str(exc))
            return
        self.accept()

    def reject(self) -> None:
        if self._grid_rejected(_("Discard this journal?"),
                               _("What you typed has not been saved. Discard it?")):
            super().reject()


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def open_journal_editor(session, journal_id: int | None,
                        parent: QWidget) -> JournalDialog:
    """Show the editor (new, or a recorded journal); the dialog, done, with its ``step``
    (recorded) or ``voided_text`` (voided)."""
    dialog = JournalDialog(JournalEditor(session, journal_id), parent)
    dialog.exec()
    return dialog
