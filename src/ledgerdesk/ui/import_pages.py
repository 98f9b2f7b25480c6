"""The first two steps of the import dialog: what and which file; columns and options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.import_wizard import KIND_LABELS, ImportWizard, field_label
from ledgerdesk.services.imports import ImportKind
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.button_words import BROWSE
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.widgets import error_label

NOT_IMPORTED = N_("(not imported)")
CSV_FILTER = N_("CSV files (*.csv *.txt);;All files (*)")
#: A bank statement may also be the bank's own file.
STATEMENT_FILTER = (N_("Bank statements (*.csv *.txt *.ofx *.qfx *.qbo *.xml *.053);;"
                       "CSV files (*.csv *.txt);;OFX and QFX files (*.ofx *.qfx *.qbo);;"
                       "CAMT.053 files (*.xml *.053);;All files (*)"))


class SourcePage(QWidget):
    """Step 1: the kind of import and the file (a CSV; for a bank statement, the bank's
    OFX/QFX or CAMT.053 file too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        described(self.kind, _("What the file holds: contacts, invoices, bills, payments or a bank "
                               "statement"))
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.path = QLineEdit()
        described(self.path, _("The file to import"))
        self.path.setPlaceholderText(_("A CSV file: UTF-8, amounts like 1234.50, dates YYYY-MM-DD"))
        browse = QPushButton(_(BROWSE))
        described(browse, _("Chooses the file to import"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        file_label = QLabel(_("&File:"))
        file_label.setBuddy(self.path)
        form = QFormLayout()
        form.addRow(_("&What to import:"), self.kind)  # Alt+I is the Import button's
        form.addRow(file_label, row)
        note = QLabel(_("Every row is checked before anything is written, and a file with any bad "
                        "row imports "
          "nothing. The next step maps a CSV file's columns; a bank statement may also be the "
          "bank's own OFX, QFX or CAMT.053 file."))
        note.setWordWrap(True)
        note.setStyleSheet(tone_style(Tone.NOTE))
        self.message = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def chosen(self) -> tuple[ImportKind, Path]:
        return ImportKind(self.kind.currentData()), Path(self.path.text().strip())

    def _browse(self) -> None:
        bank = self.kind.currentData() == ImportKind.BANK
        path = file_dialogs.open_file(self, _("Import a bank statement") if bank
                                      else _("Import a CSV file"),
                                      _(STATEMENT_FILTER) if bank else _(CSV_FILTER),
                                      self.path.text().strip())
        if path is not None:
            self.path.setText(str(path))


class MappingPage(QWidget):
    """Step 2: a column for each field (required ones marked), a sample, and the options."""

    changed = Signal()

    def __init__(self, wizard: ImportWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard = wizard
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        self.grid_host = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.create_contacts = QCheckBox(_("&Create contacts the book does not have yet"))
        described(self.create_contacts, _("Ticked: a contact the book does not have yet is added; "
                                          "otherwise its rows are refused"))
        self.create_contacts.toggled.connect(self._options_changed)
        self.bank = QComboBox()
        described(self.bank, _("The bank account the statement's lines are recorded in"))
        self.bank.currentIndexChanged.connect(self._options_changed)
        self.bank_label = QLabel(_("Bank acco&unt:"))  # Alt+B is Back
        self.bank_label.setBuddy(self.bank)
        options = QHBoxLayout()
        options.addWidget(self.create_contacts)
        options.addWidget(self.bank_label)
        options.addWidget(self.bank)
        options.addStretch(1)
        self.message = error_label()
        self.heading = QLabel(_("Which column of the file feeds each field (* required):"))
        self.statement_note = QLabel()
        self.statement_note.setWordWrap(True)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.statement_note)
        layout.addWidget(scroll, 1)
        self.filler = QWidget()  # holds the note at the top while there is no grid
        layout.addWidget(self.filler, 1)
        layout.addLayout(options)
        layout.addWidget(self.message)

    def load(self) -> None:
        """Fill the grid for the wizard's kind and file (defaults from the headers)."""
        old = self.grid_host.layout()
        if old is not None:
            QWidget().setLayout(old)  # reparent the old layout and its widgets to be dropped
        grid = QGridLayout(self.grid_host)
        grid.setHorizontalSpacing(18)
        titles = (_("Field"), _("Column in the file"), _("First row"), _("About"))
        for column, title in enumerate(titles):
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, 0, column)
        self.combos, self.samples = {}, {}
        for row, spec in enumerate(self.wizard.fields(), start=1):
            combo = QComboBox()
            described(combo, _("The file's column that holds this field, or none"))
            combo.addItems([_(NOT_IMPORTED), *self.wizard.headers()])
            combo.setCurrentText(spec.header or _(NOT_IMPORTED))
            combo.currentTextChanged.connect(lambda text, name=spec.name: self._pick(name, text))
            name = QLabel(field_label(spec.name) + (" *" if spec.required else ""))
            name.setBuddy(combo)
            sample = QLabel(spec.sample)
            about = QLabel(_(spec.help))
            about.setStyleSheet(tone_style(Tone.NOTE))
            for column, widget in enumerate((name, combo, sample, about)):
                grid.addWidget(widget, row, column)
            self.combos[spec.name], self.samples[spec.name] = combo, sample
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(len(self.combos) + 1, 1)
        note = self.wizard.statement_note  # a bank's own file: no columns to map
        self.statement_note.setText(note)
        self.statement_note.setVisible(bool(note))
        self.heading.setVisible(not note)
        self.scroll.setVisible(not note)
        self.filler.setVisible(bool(note))
        self._load_options()
        self.show_problem()

    def _load_options(self) -> None:
        kind = self.wizard.kind
        self.create_contacts.setVisible(kind in (ImportKind.INVOICES, ImportKind.BILLS))
        is_bank = kind is ImportKind.BANK
        self.bank_label.setVisible(is_bank)
        self.bank.setVisible(is_bank)
        if is_bank and not self.bank.count():
            self.bank.blockSignals(True)
            for code, name in self.wizard.bank_accounts():
                self.bank.addItem(f"{code} {name}", code)
            self.bank.blockSignals(False)

    def _pick(self, name: str, text: str) -> None:
        self.wizard.set_column(name, "" if text == _(NOT_IMPORTED) else text)
        for spec in self.wizard.fields():  # a column taken here leaves the field it fed
            combo = self.combos[spec.name]
            combo.blockSignals(True)
            combo.setCurrentText(spec.header or _(NOT_IMPORTED))
            combo.blockSignals(False)
            self.samples[spec.name].setText(spec.sample)
        self.show_problem()
        self.changed.emit()

    def _options_changed(self) -> None:
        bank = self.bank.currentData() if self.wizard.kind is ImportKind.BANK else None
        self.wizard.set_options(create_contacts=self.create_contacts.isChecked(),
                                bank_account=bank)
        self.changed.emit()

    def show_problem(self) -> None:
        problem = self.wizard.mapping_error()
        self.message.setText(problem)
        self.message.setVisible(bool(problem))

    def sizeHint(self):
        hint = super().sizeHint()
        return hint.expandedTo(self.grid_host.sizeHint())

