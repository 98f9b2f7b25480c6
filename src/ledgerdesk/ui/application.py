"""Starting the Qt application and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ledgerdesk.presentation.session import BookFiles
from ledgerdesk.services.sync_admin import Remotes
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Ledgerdesk")
    app.setOrganizationName("Ledgerdesk")
    app.setApplicationDisplayName("Ledgerdesk")
    return app


def run_app(files: BookFiles, *, path: Path | None = None, demo: bool = False,
            prefs: Preferences | None = None, remotes: Remotes | None = None) -> int:
    """Show the window on ``path``, on the demo book, or on the last book; run until closed."""
    app = application()
    window = MainWindow(files, prefs or Preferences.for_user(), remotes=remotes)
    window.show()
    if demo:
        window.open_demo()
    elif path is not None:
        window.open_path(path)
    else:
        window.reopen_last()
    return app.exec()
