"""``ledgerdesk open BOOK`` starts without what only other commands and editors need.

Every import on the way to the first paint counts toward the start (benchmarks/bench_app.py):
Alembic (only to create or upgrade a schema), pydantic (the editors' commands), the demo
generator and the bulk loader cost more together than Qt's widgets do; and of the pages,
only the list the window opens on is built.  This runs the real
command in a fresh process, closes the window as soon as the event loop runs, and lists
which of them were imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import ledgerdesk

SRC = Path(ledgerdesk.__file__).resolve().parents[1]
NOT_AT_START = ("alembic", "mako", "pydantic", "httpx", "keyring", "ledgerdesk.services.demo",
                "ledgerdesk.ui.views.reports_page", "ledgerdesk.ui.views.sync_page",
                "ledgerdesk.ui.views.accounts_page", "ledgerdesk.ui.views.journals_page",
                "ledgerdesk.ui.views.dashboard", "ledgerdesk.ui.editors",
                "ledgerdesk.storage.bulk", "ledgerdesk.presentation.payment_editor",
                "PySide6.QtCharts")


def test_opening_a_book_imports_none_of_the_heavy_extras(tmp_path, book):
    book.close()
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from ledgerdesk.cli import main

        app = QApplication(sys.argv[:1])  # the window reuses it
        QTimer.singleShot(0, lambda: [w.close() for w in app.topLevelWidgets()])
        status = main(["open", {str(book.path)!r}])
        print(status, sorted({{name for name in {NOT_AT_START!r} for module in sys.modules
                              if module == name or module.startswith(name + ".")}}))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=60, check=True)
    assert done.stdout.split(None, 1) == ["0", "[]\n"], done.stdout + done.stderr
