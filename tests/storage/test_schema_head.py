"""Opening a book at the shipped schema decides so without Alembic (a tenth of a second of
imports on every start of the app); ``SCHEMA_HEAD`` must follow the migration scripts."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from ledgerdesk.storage import create_book, migrate

SRC = Path(migrate.__file__).resolve().parents[2]


def test_the_shipped_head_is_the_newest_migration() -> None:
    assert migrate.head_revision() == migrate.SCHEMA_HEAD, (
        "a migration was added: set storage.migrate.SCHEMA_HEAD to its revision"
    )


def test_a_current_book_opens_without_importing_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.book"
    create_book(path).close()
    script = textwrap.dedent(f"""
        import sys
        from ledgerdesk.storage import open_book
        with open_book({str(path)!r}) as book:
            with book.read() as tx:
                tx.accounts()
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("alembic", "mako")))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={"PYTHONPATH": str(SRC)}, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
