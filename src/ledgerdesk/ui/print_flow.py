"""File > Print to PDF…: ask where, draw the pages, say where they went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.presentation.printing import PrintJob
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.pdf import write_pdf

PDF_FILTER = "PDF files (*.pdf)"


def choose_pdf_path(parent: QWidget, suggested: Path) -> Path | None:
    path = file_dialogs.save_file(parent, _("Print to PDF"), PDF_FILTER, str(suggested))
    if path is None:
        return None
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def print_to_pdf(parent: QWidget, job: PrintJob, folder: Path) -> tuple[str, bool]:
    """Ask for the file (suggesting ``folder``/the job's name) and write it; returns the
    status message and whether it is an error.  Cancelling writes nothing."""
    path = choose_pdf_path(parent, folder / job.file_name)
    if path is None:
        return _("Nothing printed."), False
    try:
        pages = write_pdf(job.model, path)
    except OSError as exc:  # a missing folder, no permission, a full disk
        reason = exc.strerror or str(exc)
        return _("{path} could not be written ({reason}). Choose a folder you can write "
                 "to.").format(
                   path=path,
                   reason=reason), True
    return ngettext("Saved to {path} ({count} page).", "Saved to {path} ({count} pages).",
                    pages).format(path=path, count=pages), False
