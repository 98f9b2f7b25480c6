"""``ledgerdesk-gui [BOOK]``: the window without a terminal, as the desktop launcher, a
double-clicked ``.book`` file and the Windows Start menu start it (a ``gui-scripts`` entry
point: no console window on Windows).

Unlike ``ledgerdesk open``, it does not check the book first and print a line: started
from a file manager there is no terminal to read it, so the window opens and says what is
wrong with the book in a message box.  The one thing it cannot show there, that no window
can open at all, goes to standard error when there is one (``pythonw`` has none).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ledgerdesk.app.window import WindowUnavailable, run_window
from ledgerdesk.domain.i18n import _

USAGE = ("usage: ledgerdesk-gui [BOOK]\n"
         "Open the Ledgerdesk window on BOOK (default: the last book).\n")


def book_path(argument: str) -> Path:
    """A path as a launcher passes it: plain (``%f``) or as a ``file://`` URI (``%u``)."""
    if argument.startswith("file://"):
        return Path(unquote(urlsplit(argument).path))
    return Path(argument)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] in (["-h"], ["--help"]):
        _say(USAGE)
        return 0
    # macOS once passed a process serial number (-psn_…) to an application it started.
    books = [a for a in arguments if not a.startswith("-psn_")]
    try:
        return run_window(book_path(books[0]) if books else None)
    except WindowUnavailable as exc:
        _say(_("ledgerdesk-gui: error: {exc}\n").format(exc=exc))
        return 2


def _say(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text)
