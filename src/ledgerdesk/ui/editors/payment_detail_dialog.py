"""``PaymentDetailDialog``: one recorded payment, read-only, with Void (asks first)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.presentation.history import Step
from ledgerdesk.presentation.payment_detail import PaymentView
from ledgerdesk.presentation.sync_panel import payment_sync_text
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.models.read_rows import PaidColumn, paid_documents_model
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.widgets import banner_label


class PaymentDetailDialog(QDialog):
    def __init__(self, view: PaymentView, parent: QWidget | None = None,
                 on_step: Callable[[Step], None] | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.steps: list[Step] = []  # what it did, in order; each also goes to ``on_step``
        self._on_step = on_step
        self.banner = banner_label()
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for label, _value in view.fields():
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[label] = value
            self.form.addRow(f"{label}:", value)
        self.sync_state = QLabel()
        self.sync_state.setObjectName("syncState")
        self.sync_state.setWordWrap(True)
        self.sync_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(_("Sync:"), self.sync_state)
        self.model = paid_documents_model(self)
        self.table = self._make_table()
        self.buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        self.void_button = self.buttons.addButton(_("&Void payment…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        described(self.void_button, _("Voids the payment: its allocations are undone and a "
                                      "reversal is posted"))
        self.void_button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.void_button.clicked.connect(self.void)
        documents = QLabel(_("&Allocated to:"))
        documents.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(documents)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._show()
        self.resize(760, 460)

    def _make_table(self) -> QTableView:
        table = read_only_table(
            self.model, _("Allocated to"), _("The documents this payment was allocated to."))
        header = table.horizontalHeader()
        header.setSectionResizeMode(PaidColumn.KIND, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PaidColumn.NUMBER, 120), (PaidColumn.AMOUNT, 120),
                              (PaidColumn.OUTSTANDING, 130), (PaidColumn.AFTER_VOID, 160)):
            header.resizeSection(column, width)
        return table

    def _show(self) -> None:
        view = self.view
        self.setWindowTitle(view.title)
        for label, value in view.fields():
            if label in self.values:
                self.values[label].setText(value)
        self.model.set_rows(view.rows())
        self.sync_state.setText(payment_sync_text(view.session, view.detail.id))
        self.table.setColumnHidden(PaidColumn.AFTER_VOID, view.voided)
        self.banner.setText(view.banner)
        self.banner.setVisible(bool(view.banner))
        self.void_button.setVisible(view.can_void)
        self.void_button.setToolTip(view.void_blocker)

    def void(self) -> None:
        if self.view.void_blocker:
            dialogs.error(self, _("{number} cannot be voided").format(number=self.view.number),
                          self.view.void_blocker)
            return
        if not dialogs.confirm(self, _("Void {number}?").format(number=self.view.number),
                               self.view.void_question(), _("&Void payment")):
            return
        try:
            step = self.view.void()
        except (NotAllowed, NotFound, BookFailure) as exc:
            dialogs.error(self, _("{number} was not "
                                  "voided").format(number=self.view.number), str(exc))
            return
        self.steps.append(step)
        self._show()
        if self._on_step is not None:
            self._on_step(step)


def open_payment_detail(session, payment_id: int, parent: QWidget,
                        push: Callable[[Step], None]) -> None:
    """Show the payment.  A void is pushed on the undo stack the moment it is done, so the
    Edit menu names it while the dialog is still open, not only once it closes."""
    PaymentDetailDialog(PaymentView(session, payment_id), parent, on_step=push).exec()
