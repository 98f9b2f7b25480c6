"""``SettleTaxDialog``: the tax return's "Settle…": when and from which bank, then a question
that says exactly what will be posted; refusals show under the fields, as typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.tax_settlement import SettleTaxForm
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.widgets import error_label, form_row

TITLE = N_("Settle the tax return")


class SettleTaxDialog(QDialog):
    def __init__(self, form: SettleTaxForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.done_text = ""
        self.setWindowTitle(_(TITLE))
        report = form.report
        dates = form.dates
        what = _("to receive back") if form.refund else _("to pay")
        self.summary = QLabel(
            _("<b>{format_}</b> {what} for {short} to {short2}: output tax {format_2}, input tax "
              "{format_3}.").format(
                format_=form.money.format(abs(report.net_due).amount),
                what=what,
                short=dates.short(report.period.start),
                short2=dates.short(report.period.end),
                format_2=form.money.format(report.output_tax.amount),
                format_3=form.money.format(report.input_tax.amount)))
        self.summary.setWordWrap(True)
        self.date = QLineEdit(form.date_text)
        described(self.date, _("The day the tax was paid or the refund received"))
        self.date.setFixedWidth(120)
        self.bank = QComboBox()
        described(self.bank, _("The bank account the tax is paid from or refunded into"))
        for code, label in form.banks:
            self.bank.addItem(label, code)
        self.bank.setCurrentIndex(max(0, self.bank.findData(form.bank)))
        self.message = error_label()
        self.buttons = QDialogButtonBox()
        self.settle_button = self.buttons.addButton(
            _("&Record refund") if form.refund else _("&Record payment"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        described(self.settle_button, _("Records the settlement of the period's tax and closes the "
                                        "form"))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        described_buttons(self.buttons)
        fields = QFormLayout()
        form_row(fields, _("&Paid on:") if not form.refund else _("&Received on:"), self.date,
                 self.date)
        form_row(fields, _("&Bank:"), self.bank, self.bank)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(fields)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.settle)
        self.buttons.rejected.connect(self.reject)
        self.resize(460, self.sizeHint().height())

    def settle(self) -> None:
        """Ask, then settle; on a refusal, say why and keep what was typed."""
        self.form.date_text, self.form.bank = self.date.text(), self.bank.currentData()
        if not dialogs.confirm(self, _(TITLE), self.form.question(),
                               self.settle_button.text().replace("&", "")):
            return
        done = self.form.settle()
        if done is None:
            self.message.setText("\n".join(self.form.problems.values()))
            self.message.show()
            return
        self.done_text = done
        self.accept()
