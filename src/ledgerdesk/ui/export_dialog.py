"""File > Export…: choose the file and "Excel-friendly", then write it off the GUI thread.

The writing shows progress with Cancel (``ui.workers``); a cancel or a failure leaves no
file behind (``presentation.exports.write_export``), and the status bar says what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.exports import Export, exported_text, write_export
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.button_words import BROWSE
from ledgerdesk.ui.widgets import error_label, form_row
from ledgerdesk.ui.workers import BackgroundTask, run_in_background

CSV_FILTER = N_("CSV files (*.csv)")
CANCELLED = N_("Export cancelled; no file was written.")


def suggested_name(what: str) -> str:
    return "-".join(what.lower().split()) + ".csv"


class ExportDialog(QDialog):
    def __init__(self, export: Export, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export {what}").format(what=export.what))
        self.path = QLineEdit(str(folder / suggested_name(export.what)))
        described(self.path, _("The file the CSV is written to"))
        self.path.setMinimumWidth(420)
        browse = QPushButton(_(BROWSE))
        described(browse, _("Chooses the file to write"))
        browse.clicked.connect(self._browse)
        self.bom = QCheckBox(_("&Excel-friendly (starts with a byte order mark)"))
        described(self.bom, _("Ticked: the file starts with a byte order mark, so Excel reads its "
                              "accents right"))
        self.bom.setChecked(True)
        self.message = error_label()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form_row(form, _("&File:"), row, self.path)
        form.addRow("", self.bom)
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.export_button = buttons.addButton(_("E&xport"), QDialogButtonBox.ButtonRole.AcceptRole)
        described(self.export_button, _("Writes the CSV file and closes the form"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.chosen: Path | None = None

    def _browse(self) -> None:
        path = file_dialogs.save_file(self, _("Export to CSV"), _(CSV_FILTER), self.path.text())
        if path is not None:
            self.path.setText(str(path))

    def _check(self) -> None:
        text = self.path.text().strip()
        path = Path(text).expanduser() if text else None
        if path is None:
            problem = _("Give the file to write.")
        elif path.is_dir():
            problem = _("{path} is a folder: add a file name, like {suggested_name}.").format(
                          path=path,
                          suggested_name=suggested_name('export'))
        elif not path.parent.is_dir():
            problem = _("There is no folder {parent}: choose one that exists.").format(
                          parent=path.parent)
        else:
            problem = ""
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        if not problem:
            assert path is not None
            file_dialogs.remember(path)
            self.chosen = path
            self.accept()


def export_to_csv(parent: QWidget, export: Export, folder: Path,
                  report: Callable[[str, bool], None]) -> BackgroundTask | None:
    """Ask where, then write in the background; ``report(message, is_error)`` at the end."""
    dialog = ExportDialog(export, folder, parent)
    if not dialog.exec() or dialog.chosen is None:
        return None
    path, bom = dialog.chosen, dialog.bom.isChecked()

    def failed(message: str) -> None:
        if message == "Cancelled.":
            report(_(CANCELLED), False)
        else:
            report(_("The export to {path} failed: {message}").format(
                       path=path,
                       message=message), True)

    return run_in_background(
        parent, _("Exporting {what}…").format(what=export.what),
        lambda progress: write_export(export, path, bom=bom, progress=progress),
        lambda count: report(exported_text(count, path), False), failed,
    )
