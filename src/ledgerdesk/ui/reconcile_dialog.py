"""``ReconcileDialog`` (Bank > Reconcile…, Ctrl+Shift+R): a bank account's statement date
and closing balance, its uncleared postings with check boxes (Space ticks the selected
rows), the live difference, and Finish, enabled only when the difference is zero.

Keyboard first: the fields, then the list (Space ticks, Shift+arrows select several,
Ctrl+A all of them), then the buttons; Alt+T ticks every row, Alt+U unticks them, Ctrl+P
prints the reconciliation report, Alt+F finishes.  All the logic is
``presentation.reconcile.ReconcileForm``'s; this only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.reconcile import Figures, ReconcileForm
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.models.reconcile_rows import ReconcileColumn, ReconcileModel
from ledgerdesk.ui.print_flow import print_to_pdf
from ledgerdesk.ui.reconcile_statement_row import StatementFileRow
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.views.column_fit import at_least_heading
from ledgerdesk.ui.widgets import date_edit, error_label, to_date

TYPING_PAUSE_MS = 300
WIDTHS = {ReconcileColumn.CLEARED: 64, ReconcileColumn.DATE: 110,
          ReconcileColumn.MONEY_IN: 110, ReconcileColumn.MONEY_OUT: 110}


class ReconcileDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None,
                 account_code: str | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_("Reconcile"))
        self.form = ReconcileForm(session)
        self.model = ReconcileModel(self.form, self._show_figures, self)
        self._build_fields(account_code)
        self.table = self._make_table()
        self.figures = _FiguresPanel()
        self.hint = QLabel(_("Type the statement's date and closing balance."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(tone_style(Tone.NOTE))
        self.status = QLabel()
        self.status.setObjectName("reconcileStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addWidget(self.figures)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields)
        layout.addWidget(self.statement_row)
        layout.addLayout(middle, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addWidget(self._buttons())
        self.resize(1120, 620)
        self.restart()
        self.balance.setFocus()

    # ---- building -------------------------------------------------------------------------

    def _build_fields(self, account_code: str | None) -> None:
        self.account = QComboBox()
        described(self.account, _("The bank account being reconciled"))
        self.account.setAccessibleName(_("Bank account"))
        self._fill_accounts(account_code)
        self.date = date_edit(self.session.today, self.session.locale)
        described(self.date, _("The date of the bank statement"))
        self.date.setAccessibleName(_("Statement date"))
        self.balance = QLineEdit()
        described(self.balance, _("The closing balance the bank statement shows"))
        self.balance.setAccessibleName(_("Statement balance"))
        self.balance.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.balance.setPlaceholderText(self.form.balance_placeholder())
        self.balance.setMinimumWidth(150)
        self.errors = {name: error_label() for name in ("account", "statement_date",
                                                          "statement_balance")}
        grid = QGridLayout()
        for column, (text, field, name) in enumerate((
                (_("Bank &account:"), self.account, "account"),
                (_("Statement &date:"), self.date, "statement_date"),
                (_("Statement &balance:"), self.balance, "statement_balance"))):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
            grid.addWidget(self.errors[name], 2, column)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.fields = grid
        self.statement_row = StatementFileRow()
        self.errors["statement"] = self.statement_row.error
        self.statement_row.changed.connect(self._statement_changed)
        self.account.currentIndexChanged.connect(lambda _: self.restart())
        self.date.dateChanged.connect(lambda _: self.restart())
        # With a statement file every restart reads the file again: wait for a pause.
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.restart)
        self.balance.textEdited.connect(self._balance_edited)

    def _balance_edited(self) -> None:
        if self.form.statement_path is None:
            self.restart()  # the book alone: at once, on every key
        else:
            self._typing.start()

    def _make_table(self) -> QTableView:
        table = read_only_table(self.model, _("Uncleared postings"),
                                _("Space ticks or unticks the selected postings"))
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(ReconcileColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            header.resizeSection(column, at_least_heading(table, column, width))
        table.installEventFilter(_SpaceTicks(table, self.model))
        self.balance.returnPressed.connect(table.setFocus)
        return table

    def _buttons(self) -> QDialogButtonBox:
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        # Enter never closes the page (Esc does): it is the list's and the fields' key.
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        role = QDialogButtonBox.ButtonRole
        self.tick_button = self._button(buttons, _("&Tick all"), role.ActionRole,
                                        self.tick_all)
        described(self.tick_button, _("Ticks every posting in the list as cleared"))
        self.untick_button = self._button(buttons, _("&Untick all"), role.ActionRole,
                                          self.untick_all)
        described(self.untick_button, _("Unticks every posting in the list"))
        self.print_button = self._button(buttons, _("&Print report…"), role.ActionRole,
                                         self.print_report)
        described(self.print_button, _("Prints the reconciliation report to a PDF file"))
        self.undo_button = self._button(buttons, _("Und&o last…"), role.ActionRole,
                                        self.undo_last)
        described(self.undo_button, _("Undoes the account's latest reconciliation"))
        self.finish_button = self._button(buttons, _("&Finish"), role.ApplyRole, self.finish)
        described(self.finish_button, _("Records the reconciliation; it can be finished once the "
                                        "difference is zero"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_report)
        return buttons

    @staticmethod
    def _button(buttons: QDialogButtonBox, text: str, role, slot) -> QPushButton:
        button = buttons.addButton(text, role)
        button.setAutoDefault(False)  # Enter in the balance goes to the list, never finishes
        button.clicked.connect(slot)
        return button

    def choose_account(self, code: str) -> None:
        """Show account ``code``'s statement (a bank account; any other is ignored)."""
        index = self.account.findData(code)
        if index >= 0:
            self.account.setCurrentIndex(index)

    def reload(self) -> None:
        """The book changed (here or elsewhere): the postings again, the ticks kept."""
        self._fill_accounts(self.account.currentData())
        self.restart()

    def _fill_accounts(self, current: str | None) -> None:
        self.account.blockSignals(True)
        self.account.clear()
        for account in self.form.load_accounts():
            self.account.addItem(f"{account.code} {account.name}", account.code)
        index = self.account.findData(current) if current is not None else -1
        self.account.setCurrentIndex(max(index, 0))
        self.account.blockSignals(False)

    # ---- what the page shows --------------------------------------------------------------

    def restart(self) -> None:
        """Read the statement again (a field changed, or the book did)."""
        code = self.account.currentData()
        if code is None:
            self._show_errors({"account": _("The book has no bank account to reconcile.")})
            self.form.draft = None
        elif not self.balance.text().strip():
            self.form.draft = None  # nothing typed yet: nothing to say against it
            self._show_errors({})
        else:
            try:
                self.form.start(code, to_date(self.date.date()), self.balance.text())
            except BookFailure as exc:
                self.form.draft, self.form.errors = None, {"": str(exc)}
            self._show_errors(self.form.errors)
        self.model.refresh()
        self._show_figures()
        self.statement_row.show_note(self.form.statement_text() if self.form.draft else "")
        self.undo_button.setEnabled(code is not None and self._latest(code) is not None)

    def _statement_changed(self) -> None:
        row = self.statement_row
        self.form.use_statement(row.chosen(), row.accepting.isChecked())
        self.restart()

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        if "" in errors:
            self.status.setText(errors[""])

    def _show_figures(self) -> None:
        figures = self.form.figures()
        self.figures.show_figures(figures)
        has_rows = bool(self.model.rows)
        self.tick_button.setEnabled(has_rows)
        self.untick_button.setEnabled(has_rows)
        self.finish_button.setEnabled(figures is not None and figures.balanced)
        self.print_button.setEnabled(self.form.draft is not None
                                     or self.form.finished is not None)
        if figures is not None:
            self.hint.setText(figures.hint)
        elif not self.balance.text().strip():
            self.hint.setText(_("Type the statement's date and closing balance."))

    def _latest(self, code: str):
        try:
            return self.form.latest(code)
        except BookFailure:
            return None

    # ---- what the user does ---------------------------------------------------------------

    def tick_all(self) -> None:
        self.form.tick_all()
        self.model.show_ticks()
        self._show_figures()

    def untick_all(self) -> None:
        self.form.untick_all()
        self.model.show_ticks()
        self._show_figures()

    def finish(self) -> None:
        if self.form.finish() is not None:
            self.statement_row.clear()  # the file was this statement's
            self.balance.clear()
            self.restart()
            self.balance.setFocus()
        self.status.setText(self.form.message)

    def undo_last(self) -> None:
        rec = self._latest(self.account.currentData())
        if rec is None:
            return
        if not dialogs.confirm(self, _("Undo reconciliation"), self.form.undo_question(rec),
                               _("&Undo reconciliation")):
            return
        self.form.undo(rec)
        self.status.setText(self.form.message)
        self.restart()

    def print_report(self) -> None:
        try:
            job = self.form.report_job()
        except BookFailure as exc:
            self.status.setText(str(exc))
            return
        if job is not None:
            message, _ = print_to_pdf(self, job, self.session.path.parent)
            self.status.setText(message)


class _FiguresPanel(QWidget):
    """The statement's figures beside the list, the difference in large type."""

    ROWS = ("statement", "opening", "cleared", "uncleared", "difference")

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumWidth(300)
        self.labels = {name: QLabel() for name in self.ROWS}
        self.values = {name: QLabel() for name in self.ROWS}
        self.opening_note = QLabel()
        self.opening_note.setStyleSheet(tone_style(Tone.NOTE))
        self.opening_note.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(12, 0, 0, 0)
        for name in self.ROWS:
            self.values[name].setAlignment(Qt.AlignmentFlag.AlignRight)
            self.values[name].setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.labels[name], self.values[name])
            if name == "opening":
                form.addRow(self.opening_note)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.labels["difference"].setFont(big)
        self.values["difference"].setFont(big)
        self.labels["statement"].setText(_("Statement balance"))
        self.labels["opening"].setText(_("Opening reconciled balance"))
        self.labels["difference"].setText(_("Difference"))

    def show_figures(self, figures: Figures | None) -> None:
        if figures is None:
            for value in self.values.values():
                value.setText("–")
            self.labels["cleared"].setText(_("Cleared"))
            self.labels["uncleared"].setText(_("Uncleared"))
            self.opening_note.setText("")
            self.values["difference"].setStyleSheet("")
            return
        self.values["statement"].setText(figures.statement)
        self.values["opening"].setText(figures.opening)
        self.opening_note.setText(figures.opening_note)
        self.labels["cleared"].setText(figures.cleared_label)
        self.values["cleared"].setText(figures.cleared)
        self.labels["uncleared"].setText(figures.uncleared_label)
        self.values["uncleared"].setText(figures.uncleared)
        self.values["difference"].setText(figures.difference)
        tone = Tone.GOOD if figures.balanced else Tone.ERROR
        self.values["difference"].setStyleSheet(tone_style(tone))
        self.values["difference"].setAccessibleName(
            (_("Difference {amount}, zero: ready to finish") if figures.balanced
             else _("Difference {amount}, not zero yet")).format(amount=figures.difference))


class _SpaceTicks(QObject):
    """Space ticks or unticks every selected row, as a check box list does."""

    def __init__(self, table: QTableView, model: ReconcileModel) -> None:
        super().__init__(table)
        self.table, self.model = table, model

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Space
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
            if not rows and self.table.currentIndex().isValid():
                rows = [self.table.currentIndex().row()]
            self.model.toggle_rows(rows)
            return True
        return False
