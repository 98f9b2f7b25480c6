"""Downgrades: each revision's ``downgrade`` gives back exactly the schema before it, keeps
the book's rows, and refuses (changing nothing) what the older schema cannot hold."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from ledgerdesk.reports.periods import Period
from ledgerdesk.services.demo import generate_demo
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.services.tax_settlement import settle_tax
from ledgerdesk.storage import create_book, migrate, open_book
from ledgerdesk.storage.engine import APPLICATION_ID, WRITE, make_engine

TODAY = dt.date(2026, 12, 7)


def _schema(path: Path) -> dict[str, str]:
    """Every table, index and trigger by name, its SQL with the spacing folded (Alembic's
    own table aside: at base it stays, empty)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE"
                            " 'sqlite_%' AND name <> 'alembic_version'").fetchall()
    conn.close()
    return {f"{kind} {name}": " ".join((sql or "").replace(",", ", ").split())
            for kind, name, sql in rows}


def _empty(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    return path


def _downgrade(path: Path, target: str) -> None:
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            conn.execution_options(**WRITE)
            with conn.begin():
                command.downgrade(migrate.alembic_config(conn), target)
    finally:
        engine.dispose()


def _upgrade(path: Path, target: str) -> None:
    engine = make_engine(path)
    migrate.upgrade(engine, target)
    engine.dispose()


def test_each_downgrade_gives_back_the_schema_before_it(tmp_path: Path) -> None:
    walked = _empty(tmp_path / "walked.book")
    _upgrade(walked, "head")
    for script in migrate.script_directory().walk_revisions():  # head first
        below = script.down_revision or "base"
        _downgrade(walked, below)
        fresh = _empty(tmp_path / f"fresh-{below}.book")
        if below != "base":
            _upgrade(fresh, below)
        assert _schema(walked) == _schema(fresh), f"{script.revision} down to {below}"
        engine = make_engine(walked)
        assert migrate.current_revision(engine) == (None if below == "base" else below)
        engine.dispose()


def _table_rows(path: Path, tables: tuple[str, ...]) -> dict[str, list[dict]]:
    """Each table's rows as column -> value, by id."""
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return {t: [dict(row) for row in conn.execute(f"SELECT * FROM {t} ORDER BY id")]
                for t in tables}


def _kept(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> dict:
    """``before`` in the columns the downgraded tables still have: what must be kept."""
    return {table: [{k: row[k] for k in (after[table][0] if after[table] else row)}
                    for row in rows] for table, rows in before.items()}


@pytest.fixture
def demo_book(tmp_path: Path) -> Path:
    path = tmp_path / "demo.book"
    book = create_book(path)
    initialise_book(book, "Demo Co", "EUR")
    generate_demo(book, today=TODAY)
    book.close()
    return path


def test_before_tax_codes_a_book_keeps_its_documents_and_ledger(demo_book: Path) -> None:
    kept = ("journal_lines", "journal_entries", "payments", "allocations")
    before = _table_rows(demo_book, kept)
    with sqlite3.connect(demo_book) as conn:
        lines = conn.execute("SELECT id, tax_rate FROM document_lines ORDER BY id").fetchall()
        documents = conn.execute("SELECT id, number, lifecycle, total_minor FROM documents"
                                 " ORDER BY id").fetchall()
    conn.close()
    _downgrade(demo_book, "0006_audit")
    after = _table_rows(demo_book, kept)
    assert after == _kept(before, after)
    with sqlite3.connect(demo_book) as conn:
        assert conn.execute("SELECT id, tax_rate FROM document_lines"
                            " ORDER BY id").fetchall() == lines
        assert conn.execute("SELECT id, number, lifecycle, total_minor FROM documents"
                            " ORDER BY id").fetchall() == documents
    conn.close()
    book = open_book(demo_book)  # upgraded again: every line gets a code from its rate
    try:
        assert check_book(book).ok
    finally:
        book.close()


def test_a_book_that_settled_tax_is_not_taken_back(demo_book: Path) -> None:
    book = open_book(demo_book)
    settle_tax(book, Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31)), dt.date(2026, 11, 10))
    book.close()
    schema = _schema(demo_book)
    with pytest.raises(RuntimeError, match="open the backup taken when it was upgraded"):
        _downgrade(demo_book, "0006_audit")
    assert _schema(demo_book) == schema
    engine = make_engine(demo_book)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_before_rates_a_book_forgets_its_rates_and_keeps_the_rest(demo_book: Path) -> None:
    from decimal import Decimal

    from ledgerdesk.services.rates import list_rates, save_rate

    book = open_book(demo_book)
    save_rate(book, "USD", Decimal("0.95"), TODAY)
    book.close()
    kept = ("journal_lines", "payments", "documents", "audit_log")
    before = _table_rows(demo_book, kept)
    _downgrade(demo_book, "0010_account_days")
    assert "table exchange_rates" not in _schema(demo_book)
    after = _table_rows(demo_book, kept)
    assert after == _kept(before, after)
    book = open_book(demo_book)  # upgraded again: the table is back, empty
    try:
        assert list(list_rates(book)) == [] and check_book(book).ok
    finally:
        book.close()
