"""Bulk rows across processes: a batch staged as an in-memory SQLite file, loaded by SQL.

A generator running in a second process (the demo) cannot write to the book: one writer
holds it.  Sending it Python tuples would cost the writer as much to unpickle and bind as
generating them.  So ``stage_rows`` (run by the generator's process) binds the rows into an
in-memory SQLite database with one plain table per book table and returns its serialised
bytes; the writer deserialises them into the ``staged`` schema it attached before its
transaction began, and copies each table with one ``INSERT ... SELECT``, through every
constraint of the book's own tables.  Binding rows is the costly part, and it happens in the
generator's process, while the writer is busy with the previous batch.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain

from ledgerdesk.services.bulk_rows import RowBatch

#: Each table a ``RowBatch`` fills, with its columns, in the order they are loaded: lines
#: before their documents (the line trigger checks the document; the key is deferred).
ROW_COLUMNS: dict[str, tuple[str, ...]] = {
    "payments": ("id", "kind", "contact_id", "date", "amount_minor", "currency",
                 "bank_account_code", "reference", "client_token", "keep_excess_as_credit",
                 "voided"),
    "document_lines": ("document_id", "position", "description", "quantity", "unit_price",
                       "account_code", "tax_rate", "discount_percent", "tax_code_id"),
    "documents": ("id", "kind", "contact_id", "number", "reference", "issue_date", "due_date",
                  "currency", "exchange_rate", "tax_mode", "lifecycle", "total_minor",
                  "source_payment_id", "extra", "tax_rounding"),
    "credit_applications": ("id", "credit_id", "date"),
    "allocations": ("document_id", "amount_minor", "payment_id", "credit_application_id",
                    "voided"),
    "journal_entries": ("id", "date", "memo", "source_type", "source_id", "reverses_id"),
    "journal_lines": ("entry_id", "account_code", "amount_minor", "currency", "memo"),
}

STAGED = "staged"
#: Parameters per staging statement: SQLite before 3.32 allowed no more than 999.
_MAX_PARAMETERS = 999

# An entry that does not balance in some currency, or has no lines at all.
_UNBALANCED = f"""
SELECT entry_id FROM {STAGED}.journal_lines GROUP BY entry_id, currency
HAVING SUM(amount_minor) <> 0
UNION ALL
SELECT id FROM {STAGED}.journal_entries
WHERE id NOT IN (SELECT entry_id FROM {STAGED}.journal_lines)
LIMIT 1"""
_LAYOUT = [(table, page) for page, table in enumerate(ROW_COLUMNS, start=2)]
_STRAY_LINES = f"""
SELECT 1 FROM {STAGED}.document_lines
WHERE document_id NOT IN (SELECT id FROM {STAGED}.documents) LIMIT 1"""


def insert_sql(table: str, schema: str = "main", extra: tuple[str, ...] = ()) -> str:
    """An INSERT of a table's ``ROW_COLUMNS`` and then ``extra`` columns."""
    columns = ROW_COLUMNS[table] + extra
    return (f"INSERT INTO {schema}.{table} ({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})")


def copy_sql(table: str) -> str:
    """Copy a staged table into the book's table of the same name."""
    columns = ", ".join(ROW_COLUMNS[table])
    return f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM {STAGED}.{table}"


def batch_tables(batch: RowBatch) -> Iterator[tuple[str, list[tuple]]]:
    """Each table's rows, in loading order."""
    for table in ROW_COLUMNS:
        yield table, getattr(batch, table)


def stage_rows(batch: RowBatch) -> bytes:
    """The batch as a serialised SQLite database, for ``SqliteBulkWriter.load_staged``."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("BEGIN")
        for table, columns in ROW_COLUMNS.items():  # first: the root pages are always 2, 3 ...
            conn.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
        for table, rows in batch_tables(batch):
            _insert_many(conn, table, rows)
        conn.execute("COMMIT")
        return conn.serialize()
    finally:
        conn.close()


def _insert_many(conn: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    """``executemany`` of ``rows``, many rows per statement (``VALUES (...), (...), ...``).

    Binding one row per statement costs about half a microsecond before any value is bound;
    200 rows a statement cost two fifths less in all.  The rows are checked to be of the
    table's width first: grouped, a short row would shift its neighbours' values unseen.
    """
    width = len(ROW_COLUMNS[table])
    if rows and set(map(len, rows)) != {width}:
        raise ValueError(f"{table} rows must have {width} values each")
    per_statement = max(1, _MAX_PARAMETERS // width)
    grouped = len(rows) - len(rows) % per_statement
    if grouped:
        values = ", ".join([f"({', '.join('?' * width)})"] * per_statement)
        members = iter(rows)
        # Consecutive rows, in order; the last, incomplete group is left to the loop below.
        groups = zip(*[members] * per_statement, strict=False)
        conn.executemany(f"INSERT INTO {table} VALUES {values}",
                         (tuple(chain.from_iterable(group)) for group in groups))
    conn.executemany(insert_sql(table), rows[grouped:])


def check_staged(raw: sqlite3.Connection) -> None:
    """Refuse a staged batch with an unbalanced entry or a line for another batch's document.

    The same checks as ``add_rows`` makes in Python, here in SQL on the staged tables.  First
    the layout: SQLite does not notice that ``deserialize`` replaced a schema whose cookie is
    unchanged, so statements prepared for an earlier batch must find each table where it was.
    """
    layout = raw.execute(f"SELECT name, rootpage FROM {STAGED}.sqlite_master").fetchall()
    if layout != _LAYOUT:
        raise ValueError(f"not a staged batch of this version: {layout}")
    row = raw.execute(_UNBALANCED).fetchone()
    if row is not None:
        raise ValueError(f"journal entry {row[0]} does not balance or has no lines")
    if raw.execute(_STRAY_LINES).fetchone() is not None:
        raise ValueError("bulk rows may add lines only to documents of the same batch")


@contextmanager
def staging_schema(raw: sqlite3.Connection) -> Iterator[None]:
    """Attach an empty in-memory ``staged`` schema; outside any transaction (SQLite's rule)."""
    raw.execute(f"ATTACH DATABASE ':memory:' AS {STAGED}")
    try:
        yield
    finally:
        raw.execute(f"DETACH DATABASE {STAGED}")
