"""Migrations: every revision in order reaches the schema in tables.py; upgrades back up first."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, inspect
from sqlalchemy.schema import CreateIndex

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.storage import create_book, migrate, open_book
from ledgerdesk.storage.engine import APPLICATION_ID, make_engine
from ledgerdesk.storage.tables import metadata

EXPECTED_TRIGGERS = {
    "trg_audit_log_no_update", "trg_audit_log_no_delete",
    "trg_journal_entries_no_update", "trg_journal_entries_no_delete",
    "trg_journal_lines_no_update", "trg_journal_lines_no_delete",
    "trg_allocations_within_outstanding", "trg_allocations_authorised_only",
    "trg_allocations_only_void", "trg_allocations_no_delete",
    "trg_payments_only_void", "trg_payments_no_delete",
    "trg_documents_posted_frozen", "trg_documents_lifecycle",
    "trg_documents_void_unallocated", "trg_documents_no_delete",
    "trg_document_lines_insert", "trg_document_lines_update", "trg_document_lines_delete",
    "trg_journal_lines_archived_account",  # 0004_accounts
    "trg_manual_journals_gap_free", "trg_manual_journals_only_void",
    "trg_manual_journals_no_delete",  # 0005_journals
    "trg_tax_settlements_no_update", "trg_tax_settlements_no_delete",
    "trg_tax_settlements_no_overlap",  # 0007_tax_codes
    "trg_reconciliations_only_undo", "trg_reconciliations_latest_undone",
    "trg_reconciliations_no_delete", "trg_reconciliations_follow_on",
    "trg_reconciliation_lines_no_update", "trg_reconciliation_lines_no_delete",
    "trg_reconciliation_lines_cleared_once", "trg_reconciliation_lines_fit",
    "trg_journal_entries_cleared_kept", "trg_payments_cleared_kept",
    "trg_manual_journals_cleared_kept", "trg_documents_cleared_kept",  # 0009_reconciliations
    "trg_journal_lines_account_days",  # 0010_account_days
    "trg_documents_settlement_insert", "trg_documents_settlement_lifecycle",
    "trg_allocations_settlement_insert", "trg_allocations_settlement_void",
    "trg_journal_entries_settlement_reversal",  # 0012_settlements
}


def _walk_to_head(path: Path) -> list[str]:
    """Upgrade an empty file one revision at a time; return the revisions applied."""
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    engine = make_engine(path)
    applied = []
    revisions = list(migrate.script_directory().walk_revisions())[::-1]  # base first
    for script in revisions:
        migrate.upgrade(engine, script.revision)
        assert migrate.current_revision(engine) == script.revision
        applied.append(script.revision)
    engine.dispose()
    return applied


def test_revisions_one_by_one_reach_exactly_the_tables_module(tmp_path: Path) -> None:
    path = tmp_path / "walk.book"
    applied = _walk_to_head(path)
    assert applied[-1] == migrate.head_revision()
    engine = make_engine(path)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        assert compare_metadata(context, metadata) == []
    engine.dispose()


def test_indexes_and_triggers_match_the_tables_module(tmp_path: Path) -> None:
    path = tmp_path / "schema.book"
    _walk_to_head(path)
    with sqlite3.connect(path) as conn:
        stored = dict(conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall())
        triggers = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        )}
    conn.close()
    engine = make_engine(path)
    expected = {
        index.name: str(CreateIndex(index).compile(dialect=engine.dialect)).strip()
        for table in metadata.tables.values() for index in table.indexes
    }
    engine.dispose()
    # compare_metadata does not look at partial-index WHERE clauses; the SQL text does.
    assert {name: " ".join(sql.split()) for name, sql in stored.items()} == {
        name: " ".join(sql.split()) for name, sql in expected.items()
    }
    assert triggers == EXPECTED_TRIGGERS


def test_check_constraints_match_the_tables_module(tmp_path: Path) -> None:
    path = tmp_path / "checks.book"
    _walk_to_head(path)
    engine = make_engine(path)
    inspector = inspect(engine)
    stored = {
        check["name"]: " ".join(check["sqltext"].split())
        for table in metadata.tables
        for check in inspector.get_check_constraints(table)
    }
    engine.dispose()
    expected = {
        constraint.name: " ".join(str(constraint.sqltext).split())
        for table in metadata.tables.values()
        for constraint in [*table.constraints, *(c for col in table.columns
                                                 for c in col.constraints)]
        if isinstance(constraint, CheckConstraint)
    }
    assert stored == expected


def test_create_book_runs_every_migration(tmp_path: Path) -> None:
    book = create_book(tmp_path / "new.book")
    book.close()
    assert migrate.current_revision(make_engine(tmp_path / "new.book")) == migrate.head_revision()


def _versions_with_a_second_revision(tmp_path: Path) -> Path:
    """The shipped migrations plus a made-up one on top of their head."""
    location = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, location,
                    ignore=shutil.ignore_patterns("__pycache__"))
    # On top of the real head, whatever it is, so that this stays "one pending revision".
    (location / "versions" / "9999_scratch.py").write_text(textwrap.dedent(f'''
        """A made-up next revision for the tests."""
        import sqlalchemy as sa
        from alembic import op

        revision = "scratch"
        down_revision = "{migrate.head_revision()}"
        branch_labels = None
        depends_on = None


        def upgrade():
            op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))


        def downgrade():
            op.drop_table("scratch")
    '''))
    return location


def test_upgrade_takes_a_complete_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "acme.book"
    book = create_book(path)
    with book.write() as tx:
        for i in range(50):
            tx.add_contact(Contact(f"Customer {i}", ContactRole.CUSTOMER))
    book.close()
    location = _versions_with_a_second_revision(tmp_path)

    upgraded = open_book(path, script_location=location)
    upgraded.close()

    head = migrate.head_revision()
    backups = sorted((tmp_path / "acme.book.backups").glob("acme.book.backup-*"))
    assert [b.name.endswith("-before-migration") for b in backups] == [True]
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM contacts").fetchone()[0] == 50
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    copy.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "scratch"
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 50
    conn.close()

    open_book(path, script_location=location).close()  # now current: no second backup
    assert len(list((tmp_path / "acme.book.backups").iterdir())) == 1


def test_opening_a_current_book_makes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "current.book"
    create_book(path).close()
    open_book(path).close()
    open_book(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current.book"]


def test_a_book_from_before_addresses_opens_with_empty_addresses(book_at_0001: Path) -> None:
    book = open_book(book_at_0001)
    try:
        with book.read() as tx:
            old = tx.find_contact("Old Customer")
        assert old is not None and old.address == ""
    finally:
        book.close()
