"""Ready rows in bulk: written directly or staged by another process, with the same checks."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sqlite3
import subprocess
import sys

import pytest
from storage_helpers import raw

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.bulk_rows import NextIds, RowBatch
from ledgerdesk.storage import SqliteBook
from ledgerdesk.storage.staging import stage_rows

_TABLES = ("documents", "document_lines", "payments", "allocations", "credit_applications",
           "journal_entries", "journal_lines")


def _batch(ids: NextIds, contact_id: int, *, paid: int = 12000) -> RowBatch:
    """One invoice of 120.00 (100.00 + 20 % tax), paid ``paid``, both posted."""
    doc, pay, entry = ids.documents, ids.payments, ids.journal_entries
    return RowBatch(
        documents=[(doc, "SALES_INVOICE", contact_id, f"INV-{doc:05d}", "", "2024-03-01",
                    "2024-03-31", "EUR", "1", "EXCLUSIVE", "AUTHORISED", 12000, None, "{}",
                    "PER_LINE")],
        document_lines=[(doc, 1, "Consulting", "1", "100.00", "4000", "20", "0", None)],
        payments=[(pay, "CUSTOMER_RECEIPT", contact_id, "2024-03-10", paid, "EUR", "1000",
                   f"INV-{doc:05d}", f"token-{pay}", 0, 0)],
        allocations=[(doc, paid, pay, None, 0)],
        journal_entries=[(entry, "2024-03-01", "Invoice", "DOCUMENT", doc, None),
                         (entry + 1, "2024-03-10", "Receipt", "PAYMENT", pay, None)],
        journal_lines=[(entry, "1100", 12000, "EUR", ""), (entry, "4000", -10000, "EUR", ""),
                       (entry, "2200", -2000, "EUR", ""), (entry + 1, "1000", paid, "EUR", ""),
                       (entry + 1, "1100", -paid, "EUR", "")],
    )


def _many(ids: NextIds, contact_id: int, count: int) -> RowBatch:
    """``count`` invoices like ``_batch``'s, in one batch."""
    batch = RowBatch()
    for i in range(count):
        one = _batch(NextIds(ids.documents + i, ids.payments + i, 1, ids.journal_entries + 2 * i),
                     contact_id)
        for table in ("documents", "document_lines", "payments", "allocations",
                      "journal_entries", "journal_lines"):
            getattr(batch, table).extend(getattr(one, table))
    return batch


def _contact(book: SqliteBook) -> int:
    with book.bulk() as bulk:
        return bulk.add_contacts([Contact("Acme", ContactRole.CUSTOMER)])[0]


def _dump(book_path) -> dict[str, list[tuple]]:
    conn = raw(book_path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in _TABLES}
    finally:
        conn.close()


@pytest.mark.parametrize("new_book", [False, True])
def test_staged_rows_load_exactly_like_direct_rows(tmp_path, new_book: bool) -> None:
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage import create_book

    dumps = []
    for name, staged in (("direct.book", False), ("staged.book", True)):
        book = create_book(tmp_path / name)
        initialise_book(book, "Acme", "EUR")
        contact = _contact(book)
        with book.bulk(new_book=new_book) as bulk:
            # The second batch continues the ids of the first; the third is big enough to
            # be staged many rows per statement, with some left over.
            for count in (1, 1, 457):
                batch = _many(bulk.next_ids(), contact, count)
                if staged:
                    bulk.load_staged(bulk.stager()(batch))
                else:
                    bulk.add_rows(batch)
        assert book.queries().invariant_failures() == []
        assert book.queries().integrity_problems() == []
        book.close()
        dumps.append(_dump(tmp_path / name))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["documents"]) == 459 and len(dumps[0]["journal_lines"]) == 459 * 5


def test_a_batch_staged_in_another_process_loads(book: SqliteBook, book_path) -> None:
    contact = _contact(book)
    with book.bulk(new_book=True) as bulk:
        batch = _batch(bulk.next_ids(), contact)
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            staged = pool.apply(bulk.stager(), (batch,))
        bulk.load_staged(staged)
    assert len(_dump(book_path)["payments"]) == 1
    assert book.queries().invariant_failures() == []


def _broken(book: SqliteBook, change, *, staged: bool, new_book: bool = True) -> None:
    contact = _contact(book)
    with book.bulk(new_book=new_book) as bulk:
        batch = change(_batch(bulk.next_ids(), contact))
        if staged:
            bulk.load_staged(stage_rows(batch))
        else:
            bulk.add_rows(batch)


def _unbalanced(batch: RowBatch) -> RowBatch:
    return dataclasses.replace(batch, journal_lines=batch.journal_lines[:-1])


def _entry_without_lines(batch: RowBatch) -> RowBatch:
    entry = batch.journal_entries[-1]
    return dataclasses.replace(batch, journal_lines=[ln for ln in batch.journal_lines
                                                     if ln[0] != entry[0]])


def _line_for_another_document(batch: RowBatch) -> RowBatch:
    stray = (999, 1, "x", "1", "1", "4000", "0", "0", None)
    return dataclasses.replace(batch, document_lines=[*batch.document_lines, stray])


@pytest.mark.parametrize("staged", [False, True])
@pytest.mark.parametrize(("change", "message"), [
    (_unbalanced, "does not balance"),
    (_entry_without_lines, "does not balance or has no lines"),
    (_line_for_another_document, "documents of the same batch"),
])
def test_broken_rows_are_refused_and_nothing_is_written(
    book: SqliteBook, book_path, change, message: str, staged: bool
) -> None:
    with pytest.raises(ValueError, match=message):
        _broken(book, change, staged=staged)
    assert all(rows == [] for rows in _dump(book_path).values())


@pytest.mark.parametrize("new_book", [False, True])
@pytest.mark.parametrize("staged", [False, True])
def test_over_allocation_in_rows_is_refused(
    book: SqliteBook, book_path, staged: bool, new_book: bool
) -> None:
    with pytest.raises(NotAllowed, match="exceeds the outstanding amount"):
        _broken(book, lambda b: _batch(NextIds(1, 1, 1, 1), 1, paid=12001), staged=staged,
                new_book=new_book)
    assert _dump(book_path)["payments"] == []


@pytest.mark.parametrize("new_book", [False, True])
@pytest.mark.parametrize("staged", [False, True])
def test_a_row_pointing_nowhere_is_refused(
    book: SqliteBook, book_path, staged: bool, new_book: bool
) -> None:
    # A fresh load checks foreign keys once at the end instead of row by row.
    with pytest.raises(NotAllowed):
        _broken(book, lambda b: _batch(NextIds(1, 1, 1, 1), 999), staged=staged,
                new_book=new_book)
    assert all(rows == [] for rows in _dump(book_path).values())


def test_a_row_of_the_wrong_width_is_refused_before_staging() -> None:
    batch = _many(NextIds(1, 1, 1, 1), 1, 300)
    batch.journal_lines[7] = batch.journal_lines[7][:-1]  # grouped, it would shift the rest
    with pytest.raises(ValueError, match="journal_lines rows must have 5 values"):
        stage_rows(batch)


def test_a_foreign_staged_file_is_refused(book: SqliteBook) -> None:
    other = sqlite3.connect(":memory:")
    other.execute("CREATE TABLE payments (id)")
    with pytest.raises(ValueError, match="not a staged batch"), book.bulk() as bulk:
        bulk.load_staged(other.serialize())
    other.close()


def test_staging_does_not_import_sqlalchemy() -> None:
    # The demo's generator process imports only storage.staging; SQLAlchemy and Alembic
    # would add a quarter of a second to its start, which the writer spends waiting.
    code = ("import sys, ledgerdesk.storage.staging, ledgerdesk.services.demo_worker; "
            "sys.exit('sqlalchemy' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0
