"""Printing to PDF from the command line: Qt draws the pages, offscreen when there is no
display, so ``ledgerdesk print`` works on a server or over SSH."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ledgerdesk.app.window import WindowUnavailable, display_problem
from ledgerdesk.presentation.print_model import PrintModel


def print_pdf(model: PrintModel, path: Path) -> int:
    """Write ``model`` to the PDF file ``path``; returns its number of pages."""
    if display_problem(os.environ, sys.platform):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from ledgerdesk.ui.pdf import write_pdf
    except ImportError as exc:  # PySide6 or a Qt system library is missing
        raise WindowUnavailable(f"Qt cannot start here ({exc}), so no PDF can be drawn.") \
            from exc
    return write_pdf(model, path)
