"""Printing to PDF from the command line: Qt draws the pages, offscreen when there is no
display, so ``ledgerdesk print`` works on a server or over SSH."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from ledgerdesk.app.window import WindowUnavailable, display_problem
from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.output_files import write_bytes
from ledgerdesk.presentation.print_model import PrintModel


def print_pdf(model: PrintModel, target: Path | str, stdout: TextIO | None = None) -> int:
    """Write ``model`` as a PDF to ``target`` (``-`` with ``stdout``: standard output);
    returns its number of pages."""
    if display_problem(os.environ, sys.platform):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from ledgerdesk.ui.pdf import pdf_bytes
    except ImportError as exc:  # PySide6 or a Qt system library is missing
        raise WindowUnavailable(_("Qt cannot start here ({exc}), so no PDF can be drawn.").format(
                                    exc=exc)) \
            from exc
    data, pages = pdf_bytes(model)
    write_bytes(target, data, stdout=stdout)
    return pages
