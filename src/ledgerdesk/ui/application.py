"""Starting the Qt application and the main window."""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from ledgerdesk.presentation.session import BookFiles
from ledgerdesk.services.sync_admin import Remotes
from ledgerdesk.ui.icons import app_icon
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.theme import follow_system


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Ledgerdesk")
    app.setOrganizationName("Ledgerdesk")
    app.setApplicationDisplayName("Ledgerdesk")
    # The desktop file's name: Wayland and the taskbar match the window to its launcher.
    app.setDesktopFileName("org.ledgerdesk.Ledgerdesk")
    app.setWindowIcon(app_icon())
    follow_system(app)
    return app


def run_app(files: BookFiles, *, path: Path | None = None, demo: bool = False,
            prefs: Preferences | None = None, remotes: Remotes | None = None) -> int:
    """Show the window on ``path``, on the demo book, or on the last book; run until closed."""
    app = application()
    window = MainWindow(files, prefs or Preferences.for_user(), remotes=remotes)
    interrupt = QuitOnInterrupt(app)
    window.show()
    if demo:
        window.open_demo()
    elif path is not None:
        window.open_path(path)
    else:
        window.reopen_last()
    status = 0 if interrupt.came else app.exec()
    window.close()  # saves the window's place and closes the book, however the loop ended
    interrupt.close()
    return 130 if interrupt.came else status


class QuitOnInterrupt(QObject):
    """Ctrl+C in the terminal quits as the window's close button does, at once.

    Qt's event loop runs in C++, where Python cannot act on a signal until some Python code
    runs; so the signal also writes a byte to a socket that Qt watches, and reading it runs
    Python, which runs the handler.  ``came`` tells whether Ctrl+C came."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app, self.came = app, False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        signal.signal(signal.SIGINT, self._on_interrupt)

    def _on_interrupt(self, _signum, _frame) -> None:
        self.came = True
        self.app.quit()

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(512)
        if self.came:  # Ctrl+C just before the loop started: quit() had nothing to stop
            self.app.quit()

    def close(self) -> None:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.set_wakeup_fd(-1)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
