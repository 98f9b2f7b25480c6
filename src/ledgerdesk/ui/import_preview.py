"""Step 3 of the import dialog: the dry run's problems and what it would create, and for a
bank statement each line with the document it will pay (changed with the combo below) and,
for a line paying more than its documents owe, "Keep the excess as credit" to tick."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.import_lines import KEEP
from ledgerdesk.presentation.import_wizard import ImportWizard
from ledgerdesk.ui.accessible import described, named
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.models.read_rows import (
    LineColumn,
    PreviewColumn,
    import_preview_model,
    statement_lines_model,
)
from ledgerdesk.ui.widgets import error_label

ROW_HEIGHT = 24


def _table(model, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class PreviewPage(QWidget):
    changed = Signal()

    def __init__(self, wizard: ImportWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard = wizard
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems_only = QCheckBox(_("Show &problems only"))
        described(self.problems_only, _("Ticked: only the rows with problems are listed"))
        self.problems_only.toggled.connect(self._fill_rows)
        self.model = import_preview_model(self)
        self.table = named(_table(self.model, PreviewColumn.DETAIL), _("Import preview"),
                           _("What each row of the file will do, and each row's problems."))
        self.table.setColumnWidth(PreviewColumn.WHAT, 80)
        self.table.setColumnWidth(PreviewColumn.ROW, 60)
        self.table.setColumnWidth(PreviewColumn.COLUMN, 140)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.detail = QLabel()  # the selected row in full: a reason can be long
        self.detail.setWordWrap(True)
        self.lines_model = statement_lines_model(self)
        self.lines = named(_table(self.lines_model, LineColumn.WHY), _("Statement lines"),
                           _("The statement's lines and what each will be recorded against."))
        for column, width in ((LineColumn.ROW, 44), (LineColumn.DATE, 86),
                              (LineColumn.AMOUNT, 90), (LineColumn.REFERENCE, 150),
                              (LineColumn.COUNTERPARTY, 160), (LineColumn.CHOICE, 200)):
            self.lines.setColumnWidth(column, width)
        self.lines.selectionModel().selectionChanged.connect(self._line_selected)
        self.choice = QComboBox()
        described(self.choice, _("What the selected statement line is recorded against"))
        self.choice.activated.connect(self._choose)
        self.choice_label = QLabel(_("&Record the selected line against:"))
        self.choice_label.setBuddy(self.choice)
        self.line_why = QLabel()  # the selected line's reason in full
        self.line_why.setWordWrap(True)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.choice_label)
        choice_row.addWidget(self.choice, 1)
        self.keep = QCheckBox(f"&{KEEP}")  # for the selected line, when it has an excess
        described(self.keep, _("Ticked: what the selected line pays beyond its documents is kept "
                               "as the contact's credit"))
        self.keep.toggled.connect(self._keep)
        self.message = error_label()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.problems_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.lines, 2)
        layout.addWidget(self.line_why)
        layout.addLayout(choice_row)
        layout.addWidget(self.keep)
        layout.addWidget(self.message)

    def load(self) -> None:
        self.message.hide()
        self.summary.setText(self.wizard.summary())
        preview = self.wizard.preview
        has_problems = bool(self.wizard.problems)
        self.problems_only.setVisible(bool(preview) and self.wizard.lines is None)
        self.problems_only.setChecked(has_problems and self.problems_only.isChecked())
        self._fill_rows()
        self.table.setVisible(self.wizard.lines is None or has_problems)
        self.detail.setVisible(self.table.isVisibleTo(self))
        bank = self.wizard.lines is not None
        for widget in (self.lines, self.choice, self.choice_label, self.line_why, self.keep):
            widget.setVisible(bank)
        self._fill_lines()

    def _fill_rows(self) -> None:
        self.model.set_rows(self.wizard.rows(problems_only=self.problems_only.isChecked()))
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def _row_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.table.currentIndex()
        row = self.model.index(index.row(), 0).data(Role.ENTITY) if index.isValid() else None
        self.detail.setText("" if row is None else self.wizard.detail(row))

    def _fill_lines(self) -> None:
        current = self.lines.currentIndex().row()
        self.lines_model.set_rows(self.wizard.lines.rows() if self.wizard.lines else [])
        if self.lines_model.rowCount():
            self.lines.selectRow(max(current, 0))

    def _line_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.choice.clear()
        line = self._current_line()
        self._show_keep(line)
        if line is None or self.wizard.lines is None:
            self.choice.setEnabled(False)
            self.line_why.clear()
            return
        index = self.lines.currentIndex()
        why = self.lines_model.index(index.row(), LineColumn.WHY).data()
        self.line_why.setText(_("Row {line}: {why}").format(line=line, why=why))
        options = self.wizard.lines.options(line)
        for option in options:
            self.choice.addItem(option.text, option.document_id)
        chosen = self.wizard.lines.chosen.get(line)
        self.choice.setCurrentIndex(max(self.choice.findData(chosen), 0) if chosen else
                                    len(options) - 1)
        self.choice.setEnabled(bool(options))

    def _show_keep(self, line: int | None) -> None:
        lines = self.wizard.lines
        offered = line is not None and lines is not None and lines.excess(line) is not None
        self.keep.blockSignals(True)  # showing the line's state is not the user ticking
        self.keep.setText("&" + (lines.keep_text(line) if offered else KEEP))
        self.keep.setChecked(offered and line in lines.kept)
        self.keep.setEnabled(offered)
        self.keep.blockSignals(False)

    def _keep(self, checked: bool) -> None:
        line = self._current_line()
        if line is None or self.wizard.lines is None:
            return
        self.wizard.lines.keep_excess(line, checked)
        self._fill_lines()
        self.summary.setText(self.wizard.summary())
        self.changed.emit()

    def _current_line(self) -> int | None:
        index = self.lines.currentIndex()
        if not index.isValid():
            return None
        return self.lines_model.index(index.row(), LineColumn.ROW).data()

    def _choose(self, index: int) -> None:
        line = self._current_line()
        if line is None or self.wizard.lines is None:
            return
        self.wizard.lines.choose(line, self.choice.itemData(index))
        self._fill_lines()
        self.summary.setText(self.wizard.summary())
        self.changed.emit()
