"""Starting the desktop window: refuse plainly without a display, then hand over to ``ui``.

PySide6 is imported only here, when a window is really wanted, so the command line stays
fast and works on machines without Qt's system libraries.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from ledgerdesk.domain.i18n import _


class WindowUnavailable(RuntimeError):
    """The window cannot open here; ``str()`` says why and what to use instead."""


CLI_HINT = (
    "use the command line instead: `ledgerdesk summary PATH`, `ledgerdesk list invoices PATH` "
    "(see `ledgerdesk --help`)"
)


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """Why a window cannot open on this machine, or None when it can."""
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return _("no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the "
             "window cannot open; {hint}.").format(hint=CLI_HINT)


def run_window(path: Path | None = None, *, demo: bool = False) -> int:
    """Open the main window on ``path``, on the demo book, or on the welcome screen."""
    from ledgerdesk.app.qt_libraries import import_problem, qt_library_problem

    problem = display_problem(os.environ, sys.platform)
    if problem:
        raise WindowUnavailable(problem)
    missing = qt_library_problem(os.environ, sys.platform)
    if missing:  # Qt itself would print a misleading paragraph and abort with a core dump
        raise WindowUnavailable(_("the window cannot open: {missing}; {cli_hint}.").format(
                                    missing=missing,
                                    cli_hint=CLI_HINT))
    try:
        from ledgerdesk.ui.application import run_app
    except ImportError as exc:  # PySide6 or a Qt system library is missing
        raise WindowUnavailable(_("the window cannot open: {import_problem}; {cli_hint}.").format(
            import_problem=import_problem(exc),
            cli_hint=CLI_HINT)) from exc
    from ledgerdesk.app.backups import StorageBackups
    from ledgerdesk.app.book_files import StorageBookFiles
    from ledgerdesk.app.remotes import SyncRemotes

    # The window takes the day's backup of each book it opens (screenshots and tests don't).
    files = StorageBookFiles(backups=StorageBackups(daily=True))
    return run_app(files, path=path, demo=demo, remotes=SyncRemotes())


def run_screenshots(folder: Path, book: Path | None, locale: str | None, *,
                    dark: bool = False, language: str | None = None) -> list[Path]:
    """Render every screen to ``folder`` offscreen (no display needed), on ``book`` or on a
    fresh demo book in a temporary folder; ``dark``: in dark mode; ``language``: the words'
    (default: the system's)."""
    import datetime as dt
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from ledgerdesk.ui.screenshots import take_screenshots
    except ImportError as exc:
        raise WindowUnavailable(_("Qt cannot start here ({exc}).").format(exc=exc)) from exc
    from ledgerdesk.app.book_files import StorageBookFiles
    from ledgerdesk.app.files import DEFAULT_COMPANY, DEMO_CURRENCY, build_demo_book

    with tempfile.TemporaryDirectory(prefix="ledgerdesk-shots-") as scratch:
        if book is None:
            book = Path(scratch) / "demo.book"
            build_demo_book(book, company=DEFAULT_COMPANY, currency=DEMO_CURRENCY, size=0,
                            seed=7, today=dt.date.today())
        from ledgerdesk.app.remotes import SyncRemotes
        from ledgerdesk.app.sync_sample import build_sync_sample

        if language:  # the sample's outbox keeps its messages in the words they were said in
            from ledgerdesk.presentation.language import use_language

            use_language(language)
        sync_book = build_sync_sample(Path(scratch) / "sync.book", dt.date.today())
        return take_screenshots(StorageBookFiles(), book, folder,
                                Path(scratch) / "preferences.ini", locale,
                                sync_book=sync_book, remotes=SyncRemotes(), dark=dark,
                                language=language)
