"""``ReportBar``: a report's parameters as editable controls over a ``ReportForm``.

Every control exists once and shows only for the reports that take it, so a period typed
for one report is still there for the next.  Dates are typed in the locale's short format;
a preset fills them in, typing a date makes the period Custom.  Enter in any field, or Run,
emits ``run_requested``; refusals are shown under the fields and the typed text stays.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from ledgerdesk.presentation.report_params import Compare, Field, Preset, ReportForm
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.widgets import ContactPicker, error_label

DATE_WIDTH = 110
#: Two rows of fields, so the widest report (a statement) fits beside the navigation.
FIRST_ROW = (Field.CONTACT, Field.ACCOUNT, Field.PERIOD, Field.AS_OF, Field.COMPARE_TO)
SECOND_ROW = (Field.COMPARE, Field.BUCKETS, Field.DETAIL, Field.TAX_CODE)


def _date_field(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(placeholderText=placeholder)
    edit.setFixedWidth(DATE_WIDTH)
    return edit


class ReportBar(QWidget):
    run_requested = Signal()

    def __init__(self, form: ReportForm, accounts: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.preset = QComboBox()
        described(self.preset, _("The period the report covers"))
        for preset in Preset:
            self.preset.addItem(_(preset.value), preset)
        self.start, self.end = _date_field(), _date_field()
        described(self.end, _("The last day of the period"))
        described(self.start, _("The first day of the period"))
        self.as_of = _date_field()
        described(self.as_of, _("The day the report is run to"))
        self.compare = QComboBox()
        described(self.compare, _("What the report is set beside: the period before, the same "
                                  "period a year before, or nothing"))
        for choice in Compare:
            self.compare.addItem(_(choice.value), choice)
        self.compare_to = _date_field(_("a year before"))
        described(self.compare_to, _("The day the balance sheet is set beside"))
        self.buckets = QLineEdit(placeholderText="30,60,90")
        self.buckets.setFixedWidth(DATE_WIDTH)
        self.buckets.setToolTip(_("Days overdue that end each bucket, e.g. 30,60,90 or 7,14,30"))
        self.account = QComboBox()
        described(self.account, _("The account whose postings are listed"))
        self.account.setMinimumWidth(220)
        for code, name in accounts:
            self.account.addItem(f"{code} {name}", code)
        self.contact = ContactPicker()
        described(self.contact, _("The customer or supplier the report is about; type part of a "
                                  "name"))
        self.contact.setMinimumWidth(240)
        self.detail = QCheckBox(_("One row per &document"))
        described(self.detail, _("Ticked: one row per document instead of one per contact"))
        self.tax_code = QComboBox()  # the tax return: every code, or one code's documents
        described(self.tax_code, _("Every tax code, or one code's documents"))
        self.tax_code.setMinimumWidth(220)
        self.tax_code.addItem(_("Every tax code"), None)
        self.run_button = QPushButton(_("&Run"))
        described(self.run_button, _("Runs the report with these options"))
        self.run_button.setDefault(True)
        self.message = error_label()
        self._groups: dict[Field, QWidget] = {}
        self._layout()
        self._connect()
        self.show_form()

    def _group(self, which: Field, *parts: tuple[str, QWidget]) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 12, 0)
        for text, widget in parts:
            if text:
                label = QLabel(text)
                label.setBuddy(widget)
                row.addWidget(label)
            row.addWidget(widget)
        self._groups[which] = box

    def _layout(self) -> None:
        self._group(Field.CONTACT, (_("C&ontact:"), self.contact))
        self._group(Field.ACCOUNT, (_("Acco&unt:"), self.account))
        self._group(Field.PERIOD, (_("&Period:"), self.preset), (_("&From:"), self.start),
                    (_("&to:"), self.end))
        self._group(Field.AS_OF, (_("&As of:"), self.as_of))
        self._group(Field.COMPARE, (_("&Beside:"), self.compare))
        self._group(Field.COMPARE_TO, (_("&Beside:"), self.compare_to))
        self._group(Field.BUCKETS, (_("Buc&kets (days):"), self.buckets))
        self._group(Field.DETAIL, ("", self.detail))
        self._group(Field.TAX_CODE, (_("Documents &on:"), self.tax_code))
        first, self.second = QHBoxLayout(), QWidget()
        second = QHBoxLayout(self.second)
        for layout_, fields in ((first, FIRST_ROW), (second, SECOND_ROW)):
            layout_.setContentsMargins(0, 0, 0, 0)
            for which in fields:
                layout_.addWidget(self._groups[which])
            layout_.addStretch(1)
        first.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addWidget(self.second)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.preset.activated.connect(self._preset_chosen)
        for edit in (self.start, self.end):
            edit.textEdited.connect(self._typed_period)
        for edit in (self.start, self.end, self.as_of, self.compare_to, self.buckets):
            edit.returnPressed.connect(self.run_requested)
        self.run_button.clicked.connect(self.run_requested)
        self.tax_code.activated.connect(self.run_requested)

    def _preset_chosen(self) -> None:
        self.form.choose_preset(self.preset.currentData())
        self.start.setText(self.form.start_text)
        self.end.setText(self.form.end_text)

    def _typed_period(self) -> None:
        self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM))

    # ---- the form ---------------------------------------------------------------------------

    def set_tax_codes(self, choices: list[tuple[str, int]]) -> None:
        """(label, id) of each code the tax return can be narrowed to."""
        self.tax_code.clear()
        self.tax_code.addItem(_("Every tax code"), None)
        for label, code_id in choices:
            self.tax_code.addItem(label, code_id)

    def set_contacts(self, choices: list[ContactChoice]) -> None:
        self.contact.set_choices(choices)
        if self.form.contact_id is not None:
            self.contact.select_id(self.form.contact_id)

    def show_form(self) -> None:
        """The form's values into the controls; only the current report's fields show."""
        form = self.form
        for which, box in self._groups.items():
            box.setVisible(which in form.fields)
        self.second.setVisible(any(which in form.fields for which in SECOND_ROW))
        self.preset.setCurrentIndex(self.preset.findData(form.preset))
        self.start.setText(form.start_text)
        self.end.setText(form.end_text)
        self.as_of.setText(form.as_of_text)
        self.compare.setCurrentIndex(self.compare.findData(form.compare))
        self.compare_to.setText(form.compare_to_text)
        self.buckets.setText(form.buckets_text)
        self.account.setCurrentIndex(self.account.findData(form.account))
        self.contact.setCurrentIndex(-1)
        if form.contact_id is not None:
            self.contact.select_id(form.contact_id)
        self.detail.setChecked(form.detail)
        self.tax_code.setCurrentIndex(max(0, self.tax_code.findData(form.tax_code_id)))
        self.show_problems()

    def read_form(self) -> None:
        """The controls' values into the form (what was typed, unchecked)."""
        form = self.form
        form.preset = self.preset.currentData()
        form.start_text, form.end_text = self.start.text(), self.end.text()
        form.as_of_text, form.compare_to_text = self.as_of.text(), self.compare_to.text()
        form.compare = self.compare.currentData()
        form.buckets_text = self.buckets.text()
        form.account = self.account.currentData()
        form.contact_id = self.contact.current_id()
        form.detail = self.detail.isChecked()
        form.tax_code_id = self.tax_code.currentData()

    def show_problems(self, extra: str = "") -> None:
        texts = [*self.form.problems.values(), *([extra] if extra else [])]
        self.message.setText("\n".join(texts))
        self.message.setVisible(bool(texts))
