"""The command line starts at once: ``--help`` (the whole list, or a command's) loads none
of the heavy libraries (SQLAlchemy, Alembic, Babel, pydantic, Qt), and a report loads
neither pydantic nor Qt.  Asked of a fresh interpreter, as a user's process starts; which
modules are loaded does not depend on the machine's speed, so this can run anywhere."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "alembic", "babel", "pydantic", "PySide6")


def loaded_after(*argv: str) -> set[str]:
    code = (
        "import sys, contextlib, io\n"
        "from ledgerdesk.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main({list(argv)!r})\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("argv", [("--help",), ("check", "--help"), ("report", "--help"),
                                  ("reconcile", "--help"), ("pay", "--help")])
def test_help_loads_no_heavy_library(argv):
    assert loaded_after(*argv) & set(HEAVY) == set()


def test_a_report_loads_neither_pydantic_nor_qt(book_copy):
    loaded = loaded_after("report", "trial-balance", str(book_copy))
    assert "sqlalchemy" in loaded  # it did read the book
    assert loaded & {"pydantic", "PySide6"} == set()
