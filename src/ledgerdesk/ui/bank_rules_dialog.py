"""``BankRulesDialog`` (Bank > Bank rules…): the book's bank rules, and a new one typed in
under the list (its text, the account it posts to, a memo), refused beside each field in
the command line's words with what was typed kept.  ``ledgerdesk bank-rule`` and
``list bank-rules`` are the same services (``presentation.bank_rule_list``)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.bank_rule_list import NOTE, BankRuleList
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.models.read_rows import ReadRowsModel
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.views.column_fit import at_least_heading
from ledgerdesk.ui.widgets import error_label, form_row, note_and_count


class RuleColumn(IntEnum):
    """The list's rows (``presentation.bank_rule_list.RuleRow``)."""

    ID = 0
    TEXT = 1
    ACCOUNT = 2
    MEMO = 3


class BankRulesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Bank rules"))
        self.presenter = BankRuleList(session)
        self.model = ReadRowsModel(RuleColumn, (_("Rule"), _("Reference contains"), _("Posts to"),
                                                _("Memo")), frozenset({RuleColumn.ID}), self)
        self.table = read_only_table(
            self.model, _("Bank rules"), _("Each rule: the text a statement line's reference "
                                          "contains, and the account it posts to."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RuleColumn.MEMO, QHeaderView.ResizeMode.Stretch)
        for column, width in ((RuleColumn.ID, 60), (RuleColumn.TEXT, 220),
                              (RuleColumn.ACCOUNT, 220)):
            header.resizeSection(column, at_least_heading(self.table, column, width))
        top, self.count_label = note_and_count(_(NOTE))
        self.status = QLabel()
        self.status.setObjectName("bankRulesStatus")
        self.status.setWordWrap(True)
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(_("<b>A new rule</b>")))
        layout.addLayout(self._form())
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()
        self.resize(820, 520)
        self.text.setFocus()

    def _form(self) -> QFormLayout:
        self.text = QLineEdit()
        self.text.setPlaceholderText("STRIPE")
        self.text.setAccessibleName(_("Reference contains"))
        self.account = QComboBox()
        described(self.account, _("The account a matching statement line posts to"))
        self.account.setAccessibleName(_("Posts to account"))
        self.memo = QLineEdit()
        self.memo.setPlaceholderText(_("the line's reference"))
        self.memo.setAccessibleName(_("Memo"))
        self.errors = {name: error_label() for name in ("reference_contains", "account",
                                                        "memo", "")}
        self.add_button = QPushButton(_("&Add rule"))
        described(self.add_button, _("Adds the rule and empties the form for the next one"))
        self.add_button.setAutoDefault(False)
        self.add_button.setDefault(True)  # Enter in a field adds the rule
        self.add_button.clicked.connect(self.add_rule)
        form = QFormLayout()
        for text, field, name in ((_("&Reference contains:"), self.text, "reference_contains"),
                                  (_("&Posts to:"), self.account, "account"),
                                  (_("&Memo:"), self.memo, "memo")):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self.errors[name])
            form_row(form, text, box, field)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.errors[""], 1)
        row.addStretch(1)
        form.addRow("", row)
        return form

    def reload(self) -> None:
        """The rules and the accounts again (the book changed here or elsewhere)."""
        try:
            rows = self.presenter.reload()
            accounts = self.presenter.accounts()
        except BookFailure as exc:
            self.status.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.presenter.count_text())
        current = self.account.currentData() or self.presenter.default_account(accounts)
        self.account.clear()
        for code, label in accounts:
            self.account.addItem(label, code)
        index = self.account.findData(current) if current is not None else -1
        self.account.setCurrentIndex(max(index, 0))

    def add_rule(self) -> None:
        saved = self.presenter.add(self.text.text(), self.account.currentData() or "",
                                   self.memo.text())
        for name, label in self.errors.items():
            label.setText(self.presenter.errors.get(name, ""))
            label.setVisible(name in self.presenter.errors)
        if saved is None:
            return
        self.status.setText(self.presenter.message)
        self.text.clear()
        self.memo.clear()
        self.reload()
        index = self.presenter.index_of(saved.rule.id or 0)
        if index is not None:
            self.table.selectRow(index)
        self.text.setFocus()
