"""Runs one ``ledgerdesk`` command and says how much CPU it had used before its first
query: the child of ``bench_processes.py``'s start-up rows.

    python benchmarks/start_probe.py ARG...   # the command's arguments, as after ``ledgerdesk``

Every SQLite connection the process opens gets a trace callback (``sqlite3.connect`` is
wrapped before the app is imported, so the app is not changed); the first statement that reads or
writes the book's own tables (not a ``PRAGMA``, ``BEGIN``, nor the schema version in
``sqlite_master`` or ``alembic_version``) notes ``time.process_time()``: the CPU of the
interpreter's start, the imports and opening the book, before the command's work.  Printed
on stderr last, as ``first-query-cpu SECONDS`` (``none`` when it ran no query), with the
heavy libraries that were loaded by then.
"""

from __future__ import annotations

import sqlite3
import sqlite3.dbapi2
import sys
import time
from typing import Any

SETUP = ("pragma", "begin", "commit", "rollback", "release", "savepoint")
SCHEMA = ("sqlite_master", "alembic_version")
HEAVY = ("sqlalchemy", "alembic", "babel", "pydantic", "PySide6")
first: list[float] = []
loaded: list[str] = []
connect = sqlite3.connect


def traced(statement: str) -> None:
    if first:
        return
    text = statement.lstrip().lower()
    if text.startswith(SETUP) or any(name in text for name in SCHEMA):
        return
    first.append(time.process_time())
    loaded.extend(name for name in HEAVY if name in sys.modules)


def traced_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    conn = connect(*args, **kwargs)
    conn.set_trace_callback(traced)
    return conn


def main() -> int:
    sqlite3.connect = sqlite3.dbapi2.connect = traced_connect  # SQLAlchemy calls the latter
    from ledgerdesk.cli import main as ledgerdesk

    try:
        status = ledgerdesk(sys.argv[1:])
    finally:
        took = f"{first[0]:.4f} {','.join(loaded) or '-'}" if first else "none"
        sys.stderr.write(f"\nfirst-query-cpu {took}\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
