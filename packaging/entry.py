"""The entry script of the PyInstaller bundle (``packaging/*.spec``).

``multiprocessing.freeze_support()`` comes first: a big demo (``demo --size 10000`` and
more) generates its rows in a second process started with ``spawn``, which in a frozen
bundle is this executable again; without it, that process would run the command line a
second time instead of the generator.  Then the command line, or the window when this
executable is started as ``ledgerdesk-gui`` (a second executable on Windows and macOS,
built without a console; a link to this one on Linux).
"""

import multiprocessing
import sys
from pathlib import PureWindowsPath

if __name__ == "__main__":
    multiprocessing.freeze_support()
    program = PureWindowsPath(sys.argv[0]).name.lower()  # either separator, any platform
    if program.startswith("ledgerdesk-gui"):
        from ledgerdesk.cli import gui

        sys.exit(gui.main())
    import ledgerdesk.cli

    sys.exit(ledgerdesk.cli.main())
