"""CSV import against raw sqlite3 inserting the same rows, in the same process.

    PYTHONPATH=src python benchmarks/bench_import.py [--size 5000] [--contacts 60]

Writes an invoice file (``--size`` invoices of one to three taxed lines for ``--contacts``
customers) and a bank statement paying each of them (its number in the reference, the
customer as the counterparty), imports both through ``services.imports.import_file`` into a
new book, and beside each does the floor: ``csv`` plus ``executemany`` of the same
document, line, payment, allocation and journal rows on a plain ``sqlite3`` connection to
another new book with the book's own pragmas, in one ``BEGIN IMMEDIATE``.
Exit status 1 when a row misses its target or the book fails ``check_book``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

try:
    import ledgerdesk  # noqa: F401
except ImportError:  # run from a checkout without installing: use its src/ folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.services.commands import NewContact
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.services.imports import ImportKind, ImportOptions, import_file
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage.book import create_book
from ledgerdesk.storage.engine import CONNECTION_PRAGMAS
from ledgerdesk.storage.staging import insert_sql

TARGET_DOCS = 2000  # invoices per second through the import
INVOICE_HEADER = ["Number", "Customer", "Date", "Description", "Qty", "Price", "Tax"]
BANK_HEADER = ["Date", "Amount", "Reference", "Counterparty"]
CENT = Decimal("0.01")


def write_files(folder: Path, size: int, contacts: list[str], seed: int) -> tuple[Path, Path]:
    rng = random.Random(seed)
    invoices, statement = [INVOICE_HEADER], [BANK_HEADER]
    for n in range(1, size + 1):
        customer, total = rng.choice(contacts), Decimal(0)
        for _ in range(rng.randint(1, 3)):
            qty, price = rng.randint(1, 4), Decimal(rng.randint(100, 99_999)) / 100
            tax = rng.choice((0, 7, 20))
            invoices.append([f"F{n}", customer, "2024-03-01", "Work", str(qty), f"{price}",
                             str(tax)])
            net = (qty * price).quantize(CENT)
            total += net + (net * tax / 100).quantize(CENT)
        statement.append(["2024-03-20", f"{total}", f"Paid INV-{n:05d}", customer])
    paths = folder / "invoices.csv", folder / "statement.csv"
    for path, rows in zip(paths, (invoices, statement), strict=True):
        with open(path, "w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
    return paths


def new_book(path: Path, contacts: list[str]):
    book = create_book(path)
    initialise_book(book, "Bench Co", "EUR")
    for name in contacts:
        add_contact(book, NewContact(name=name, role=ContactRole.CUSTOMER))
    return book


def raw_invoices(conn: sqlite3.Connection, path: Path, ids: dict[str, int]) -> int:
    """The same documents, lines and postings, straight from the file."""
    docs: dict[str, list] = {}
    lines, entries, entry_lines = [], [], []
    with open(path, newline="", encoding="utf-8") as file:
        for number, customer, date, text, qty, price, tax in list(csv.reader(file))[1:]:
            doc = docs.setdefault(number, [len(docs) + 1, ids[customer], date, 0, 0])
            net = (int(qty) * Decimal(price)).quantize(CENT)
            doc[3] += int(net * 100)
            doc[4] += int((net * int(tax) / 100).quantize(CENT) * 100)
            lines.append((doc[0], len(lines) + 1, text, qty, price, "4000", tax, "0"))
    rows = []
    for doc_id, contact, date, net, tax in docs.values():
        rows.append((doc_id, "SALES_INVOICE", contact, f"INV-{doc_id:05d}", "", date, date,
                     "EUR", "1", "EXCLUSIVE", "AUTHORISED", net + tax, None, "{}"))
        entries.append((doc_id, date, "Invoice", "DOCUMENT", doc_id, None))
        entry_lines += [(doc_id, "1100", net + tax, "EUR", ""), (doc_id, "4000", -net, "EUR", ""),
                        (doc_id, "2200", -tax, "EUR", "")]
    _load(conn, {"document_lines": lines, "documents": rows, "journal_entries": entries,
                 "journal_lines": entry_lines})
    return len(rows)


def raw_payments(conn: sqlite3.Connection, path: Path, ids: dict[str, int]) -> int:
    payments, allocations, entries, entry_lines = [], [], [], []
    with open(path, newline="", encoding="utf-8") as file:
        for n, (date, amount, reference, customer) in enumerate(list(csv.reader(file))[1:], 1):
            minor = int(Decimal(amount) * 100)
            payments.append((n, "CUSTOMER_RECEIPT", ids[customer], date, minor, "EUR", "1000",
                             reference, f"raw-{n}", 0, 0))
            allocations.append((n, minor, n, None, 0))
            entries.append((100_000_000 + n, date, "Receipt", "PAYMENT", n, None))
            entry_lines += [(100_000_000 + n, "1000", minor, "EUR", ""),
                            (100_000_000 + n, "1100", -minor, "EUR", "")]
    _load(conn, {"payments": payments, "allocations": allocations,
                 "journal_entries": entries, "journal_lines": entry_lines})
    return len(payments)


def _load(conn: sqlite3.Connection, tables: dict[str, list[tuple]]) -> None:
    """One ``BEGIN IMMEDIATE``, an ``executemany`` per table in order, ``COMMIT``."""
    conn.execute("BEGIN IMMEDIATE")
    for table, rows in tables.items():
        conn.executemany(insert_sql(table), rows)
    conn.execute("COMMIT")


def timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5000, help="invoices (and statement lines)")
    parser.add_argument("--contacts", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    contacts = [f"Customer {i:03d} Ltd" for i in range(1, args.contacts + 1)]
    with tempfile.TemporaryDirectory(prefix="bench-import-") as scratch:
        folder = Path(scratch)
        invoices, statement = write_files(folder, args.size, contacts, args.seed)
        book = new_book(folder / "import.book", contacts)
        raw_book = new_book(folder / "raw.book", contacts)
        raw_book.close()
        conn = sqlite3.connect(folder / "raw.book", isolation_level=None)
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
        ids = {name: i for i, name in conn.execute("SELECT id, name FROM contacts")}
        docs, doc_s = timed(lambda: import_file(book, invoices, ImportKind.INVOICES))
        pays, pay_s = timed(lambda: import_file(book, statement, ImportKind.BANK, None,
                                                ImportOptions(accept_suggestions=True)))
        raw_docs, raw_doc_s = timed(lambda: raw_invoices(conn, invoices, ids))
        raw_pays, raw_pay_s = timed(lambda: raw_payments(conn, statement, ids))
        report = check_book(book)
        book.close()
        conn.close()
    ok = docs.committed and pays.committed and not report.integrity and not report.invariants
    recorded = sum(1 for c in pays.created if c.what.startswith("payment"))
    invoices_made = sum(1 for c in docs.created if c.what.startswith("invoice"))
    rows = [("invoices (docs/s)", invoices_made, doc_s, raw_docs, raw_doc_s, TARGET_DOCS),
            ("bank statement (payments/s)", recorded, pay_s, raw_pays, raw_pay_s, None)]
    print(f"{'import':30} {'records':>8} {'ledgerdesk s':>12} {'per s':>8} {'raw per s':>10}"
          f" {'ratio':>6} {'target /s':>10}")
    for name, count, seconds, raw_count, raw_seconds, target in rows:
        rate, raw_rate = count / seconds, raw_count / raw_seconds
        ok = ok and (target is None or rate >= target)
        print(f"{name:30} {count:8d} {seconds:12.2f} {rate:8.0f} {raw_rate:10.0f}"
              f" {raw_rate / rate:6.1f} {target or '-':>10}")
    print(f"check_book: {'ok' if not (report.integrity or report.invariants) else report}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
