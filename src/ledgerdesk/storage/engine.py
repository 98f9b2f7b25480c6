"""The SQLAlchemy engine for one book file: pragmas on every connection, explicit BEGINs.

Python's ``sqlite3`` opens a transaction only at the first write, so a "read outstanding,
then insert" sequence would read outside any transaction and two processes could overpay
the same invoice.  Following SQLAlchemy's documented recipe, the driver's own transaction
handling is switched off (``isolation_level = None``) and the ``begin`` event emits the
BEGIN itself: ``BEGIN IMMEDIATE`` (take the write lock now) for connections carrying the
``WRITE`` execution options, a plain deferred ``BEGIN`` otherwise.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event

from ledgerdesk.storage.access import database_name
from ledgerdesk.storage.errors import ReadOnly
from ledgerdesk.storage.failures import watch

#: ``PRAGMA application_id`` of every Ledgerdesk book: the bytes "LDK1".
APPLICATION_ID = 0x4C444B31

#: How long a write waits for another program's write lock before it gives up (seconds).
BUSY_TIMEOUT_SECONDS = 30

#: Execution option naming the statement that begins a transaction.
BEGIN_OPTION = "ledgerdesk_begin"
WRITE = {BEGIN_OPTION: "BEGIN IMMEDIATE"}
READ = {BEGIN_OPTION: "BEGIN"}

CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
)


def _pragmas(wait: float, read_only: bool) -> Callable[[sqlite3.Connection, Any], None]:
    # A read-only connection cannot change the journal mode: a backup (one file, in
    # rollback mode) is read as it is, and a WAL book stays WAL without being told.
    pragmas = [p for p in CONNECTION_PRAGMAS if not (read_only and "journal_mode" in p)]

    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {round(wait * 1000)}")
            for pragma in pragmas:
                cursor.execute(pragma)
        finally:
            cursor.close()

    return on_connect


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get(BEGIN_OPTION, "BEGIN"))


def make_engine(path: Path, *, wait: float | None = None,
                read_only: ReadOnly | None = None) -> Engine:
    """An engine on ``path`` whose connections all carry the book's pragmas, wait ``wait``
    seconds for another program's lock (default ``BUSY_TIMEOUT_SECONDS``), open read-only
    when the book is (``storage.access``), and fail with named problems
    (``storage.failures``)."""
    wait = BUSY_TIMEOUT_SECONDS if wait is None else wait
    name, uri = database_name(path, read_only)
    url = URL.create("sqlite+pysqlite", database=name, query={"uri": "true"} if uri else {})
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": wait})
    event.listen(engine, "connect", _pragmas(wait, read_only is not None))
    event.listen(engine, "begin", _on_begin)
    watch(engine, path, wait, write_option=(BEGIN_OPTION, WRITE[BEGIN_OPTION]))
    return engine
