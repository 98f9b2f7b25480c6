"""``TaxCodesDialog`` (File > Tax codes…, Ctrl+Shift+T): every tax code with its side,
rate, account and the posted document that uses it ("unused" while none); Add… (Alt+A,
Ctrl+N) and Change… (Alt+H, Enter on a row) open ``TaxCodeDialog``.  It is a book setting
like Settings… and Connections…, so it lives beside them rather than among the pages
(whose Ctrl+digit keys are all taken).  The window reloads it when the book changes."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.tax_code_list import NOTE, TaxCodeList, TaxCodeRow, side_label
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.editors.tax_code_dialog import TaxCodeDialog
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.models.read_rows import ReadRowsModel
from ledgerdesk.ui.tables import opens_rows, read_only_table
from ledgerdesk.ui.widgets import note_and_count


class TaxCodeColumn(IntEnum):
    """The list's rows (``presentation.tax_code_list.TaxCodeRow``)."""

    NAME = 0
    SIDE = 1
    ACCOUNT = 2
    RATE = 3  # not beside the account: "20 2200 Sales Tax" read as one number
    USED = 4


WIDTHS = {TaxCodeColumn.NAME: 200, TaxCodeColumn.SIDE: 100, TaxCodeColumn.ACCOUNT: 200,
          TaxCodeColumn.RATE: 80}


def tax_codes_model(parent=None) -> ReadRowsModel:
    return ReadRowsModel(TaxCodeColumn,
                         (_("Name"), _("Side"), _("Account"), _("Rate %"), _("Used")),
                         frozenset({TaxCodeColumn.RATE}), parent)


class TaxCodesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_("Tax codes"))
        self.presenter = TaxCodeList(session)
        self.model = tax_codes_model(self)
        self.table = self._make_table()
        top, self.count_label = note_and_count(_(NOTE))
        self.status = QLabel()
        self.status.setObjectName("taxCodesStatus")
        self.status.setWordWrap(True)
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        self.add_button = self._button(buttons, _("&Add…"), self.add_code)
        described(self.add_button, _("Adds a tax code"))
        # Not "&Change": KDE's Close button is "&Close".
        self.change_button = self._button(buttons, _("C&hange…"), self.change_current)
        described(self.change_button, _("Changes the selected tax code"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.add_code)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.reload()
        self.resize(820, 440)
        self.table.setFocus()

    @staticmethod
    def _button(buttons: QDialogButtonBox, text: str, slot) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)  # Enter on the list changes the code, never adds one
        button.clicked.connect(slot)
        return button

    def _make_table(self) -> QTableView:
        table = read_only_table(
            self.model, _("Tax codes"), _("The book's tax codes. Enter changes the selected code."))
        header = table.horizontalHeader()
        header.setSectionResizeMode(TaxCodeColumn.USED, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        opens_rows(table, self.change_current)
        return table

    def reload(self, select: tuple[str, str] | None = None) -> None:
        """Read the codes again, keeping the row picked (or selecting ``select``: a name
        and a side's label)."""
        current = self.current_row()
        wanted = select or ((current.name, current.side) if current is not None else None)
        try:
            rows = self.presenter.reload()
        except BookFailure as exc:
            self.status.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.presenter.count_text())
        index = self.presenter.index_of(*wanted) if wanted is not None else None
        if rows:
            self.table.selectRow(index or 0)
        self._enable()

    def current_row(self) -> TaxCodeRow | None:
        index = self.table.currentIndex()
        row = self.model.data(index, Role.ENTITY) if index.isValid() else None
        return row if isinstance(row, TaxCodeRow) else None

    def _enable(self) -> None:
        self.change_button.setEnabled(self.current_row() is not None)

    def add_code(self) -> None:
        self._edit(None)

    def change_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._edit(row)

    def _edit(self, row: TaxCodeRow | None) -> None:
        dialog = TaxCodeDialog(self.session, row.use if row is not None else None, self)
        if dialog.exec() and dialog.editor.saved is not None:
            self.status.setText(dialog.editor.message)
            code = dialog.editor.saved.code
            self.reload(select=(code.name, side_label(code)))
        self.table.setFocus()
