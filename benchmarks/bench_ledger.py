"""Ledgerdesk against raw sqlite3 on a benchmark-sized book.

    PYTHONPATH=src python benchmarks/bench_ledger.py [--size 200000] [--book PATH]

Generates a book (100,000 invoices, 100,000 bills, ~300,000 payments at the default size)
in a temporary folder, or uses ``--book PATH`` (generated there if it does not exist yet),
then times three everyday operations through the services, each beside a raw ``sqlite3``
baseline that computes the same answer in the same process on the same file, and prints one
table with the targets.  See ``benchmarks/README.md`` for what each row means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

try:
    import ledgerdesk  # noqa: F401
except ImportError:  # run from a checkout without installing: use its src/ folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ledgerdesk.domain.money import minor_exponent
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services import queries
from ledgerdesk.services.commands import AllocationInput, RecordPayment
from ledgerdesk.services.demo import generate_demo
from ledgerdesk.services.payments import record_payment
from ledgerdesk.services.setup import base_currency, chart_roles, default_bank, initialise_book
from ledgerdesk.storage.book import create_book, open_book
from ledgerdesk.storage.engine import CONNECTION_PRAGMAS

OPEN_INVOICES = """
SELECT d.id, d.contact_id, d.total_minor - COALESCE((SELECT SUM(a.amount_minor)
  FROM allocations AS a WHERE a.document_id = d.id AND a.voided = 0), 0) AS outstanding
FROM documents AS d
WHERE d.kind = 'SALES_INVOICE' AND d.lifecycle = 'AUTHORISED' AND outstanding > 0
ORDER BY d.id"""

RAW_OUTSTANDING = """
SELECT d.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a
  WHERE a.document_id = d.id AND a.voided = 0), 0)
FROM documents AS d WHERE d.id = ? AND d.lifecycle = 'AUTHORISED'"""

RAW_TRIAL_BALANCE = """
SELECT account_code, currency, SUM(amount_minor) FROM journal_lines
GROUP BY account_code, currency ORDER BY account_code, currency"""

# Per kind, each in (kind, lifecycle, due_date) index order, then merged: with a plain
# "kind IN (...)" SQLite sorts every overdue document before taking the first 100.
_OVERDUE_OF_KIND = """
SELECT * FROM (SELECT d.id, d.number, d.due_date, c.name, d.total_minor - COALESCE(
  (SELECT SUM(a.amount_minor) FROM allocations AS a WHERE a.document_id = d.id
   AND a.voided = 0), 0) AS outstanding
 FROM documents AS d JOIN contacts AS c ON c.id = d.contact_id
 WHERE d.kind = '{kind}' AND d.lifecycle = 'AUTHORISED' AND d.due_date < :today
   AND outstanding > 0 ORDER BY d.due_date, d.id LIMIT :limit)"""
RAW_MOST_OVERDUE = (
    _OVERDUE_OF_KIND.format(kind="SALES_INVOICE") + "\nUNION ALL"
    + _OVERDUE_OF_KIND.format(kind="BILL") + "\nORDER BY 3, 1 LIMIT :limit"
)
RAW_MOST_OVERDUE_NAIVE = """
SELECT d.id, d.number, d.due_date, c.name, d.total_minor - COALESCE((SELECT SUM(a.amount_minor)
  FROM allocations AS a WHERE a.document_id = d.id AND a.voided = 0), 0) AS outstanding
FROM documents AS d JOIN contacts AS c ON c.id = d.contact_id
WHERE d.kind IN ('SALES_INVOICE', 'BILL') AND d.lifecycle = 'AUTHORISED'
  AND d.due_date < :today AND outstanding > 0
ORDER BY d.due_date, d.id LIMIT :limit"""


class Table:
    """The result rows: operation, ledgerdesk, raw sqlite3, ratio, target, pass/fail."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(self, operation: str, ours: str, raw: str, ratio: str, target: str,
            passed: bool | None) -> None:
        verdict = "info" if passed is None else ("PASS" if passed else "FAIL")
        self.rows.append((operation, ours, raw, ratio, target, verdict))

    def print(self) -> None:
        header = ("operation", "ledgerdesk", "raw sqlite3", "ratio", "target", "result")
        rows = [header, *self.rows]
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        for n, row in enumerate(rows):
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
            if n == 0:
                print("  ".join("-" * width for width in widths))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def raw_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the book's pragmas; we BEGIN ourselves."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    for pragma in CONNECTION_PRAGMAS:  # WAL, synchronous=FULL, foreign keys: same durability
        conn.execute(pragma)
    return conn


# -- generation -----------------------------------------------------------------------------


def prepare_book(path: Path, size: int, seed: int, today: dt.date, table: Table):
    """Open ``path``, generating it first (and timing that) when it does not exist."""
    if path.exists():
        print(f"Using the existing book {path} (no generation timed).")
        return open_book(path)
    book = create_book(path)
    initialise_book(book, "Benchmark Co", "GBP")

    def progress(done: int, total: int) -> None:
        print(f"\r  generated {done:,} / {total:,} invoices and bills", end="", file=sys.stderr)

    stats = generate_demo(book, size=size, seed=seed, today=today, progress=progress)
    print(file=sys.stderr)
    documents = stats.invoices + stats.bills
    print(f"Generated {stats.invoices:,} invoices, {stats.bills:,} bills, "
          f"{stats.credit_notes:,} credit notes, {stats.payments:,} payments, "
          f"{stats.contacts:,} contacts in {stats.seconds:.1f} s: "
          f"{stats.documents_per_second:,.0f} documents/s.")
    rate = documents / stats.seconds
    table.add("generate book (invoices+bills)", f"{rate:,.0f} docs/s", "-", "-",
              ">= 20,000 docs/s", rate >= 20_000)
    return book


# -- record a payment -----------------------------------------------------------------------


class PaymentRun:
    """Pays random open invoices alternately through the service and through raw SQL."""

    def __init__(self, book, raw: sqlite3.Connection, today: dt.date) -> None:
        self.book, self.raw, self.today = book, raw, today
        with book.read() as tx:
            accounts = tx.accounts()
            self.currency = base_currency(tx)
        self.bank = default_bank(accounts)
        self.receivable = chart_roles(accounts).receivable
        self.scale = Decimal(1).scaleb(-minor_exponent(self.currency))

    def service(self, doc_id: int, contact_id: int, minor: int) -> float:
        """Seconds ``record_payment`` takes to pay ``minor`` units of the invoice."""
        amount = Decimal(minor) * self.scale
        command = RecordPayment(
            kind=PaymentKind.CUSTOMER_RECEIPT, contact_id=contact_id, date=self.today,
            amount=amount, allocations=[AllocationInput(document_id=doc_id, amount=amount)],
        )
        started = time.perf_counter()
        record_payment(self.book, command)
        return time.perf_counter() - started

    def baseline(self, doc_id: int, contact_id: int, minor: int, token: str) -> float:
        """Seconds the same payment takes in raw SQL, with the same re-read and durability."""
        conn, day = self.raw, self.today.isoformat()
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        try:
            (outstanding,) = conn.execute(RAW_OUTSTANDING, (doc_id,)).fetchone()
            if minor > outstanding:
                raise ValueError(f"document {doc_id} has only {outstanding} outstanding")
            payment_id = conn.execute(
                "INSERT INTO payments (kind, contact_id, date, amount_minor, currency,"
                " bank_account_code, reference, client_token, keep_excess_as_credit, voided)"
                " VALUES ('CUSTOMER_RECEIPT', ?, ?, ?, ?, ?, '', ?, 0, 0)",
                (contact_id, day, minor, self.currency, self.bank, token),
            ).lastrowid
            conn.execute("INSERT INTO allocations (document_id, amount_minor, payment_id, voided)"
                         " VALUES (?, ?, ?, 0)", (doc_id, minor, payment_id))
            entry_id = conn.execute(
                "INSERT INTO journal_entries (date, memo, source_type, source_id)"
                " VALUES (?, 'Customer receipt', 'PAYMENT', ?)", (day, payment_id),
            ).lastrowid
            conn.executemany(
                "INSERT INTO journal_lines (entry_id, account_code, amount_minor, currency, memo)"
                " VALUES (?, ?, ?, ?, '')",
                [(entry_id, self.bank, minor, self.currency),
                 (entry_id, self.receivable, -minor, self.currency)],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return time.perf_counter() - started


def time_payments(book, raw: sqlite3.Connection, today: dt.date, count: int, seed: int,
                  table: Table) -> None:
    """p50 and p95 of recording a payment, service against raw, on distinct open invoices."""
    run = PaymentRun(book, raw, today)
    open_invoices = raw.execute(OPEN_INVOICES).fetchall()
    picks = random.Random(seed).sample(open_invoices, min(2 * count, len(open_invoices)))
    ours, theirs = [], []
    for i in range(0, len(picks) - 1, 2):
        (doc_a, contact_a, owed_a), (doc_b, contact_b, owed_b) = picks[i], picks[i + 1]
        ours.append(run.service(doc_a, contact_a, owed_a if i % 4 else max(1, owed_a // 2)))
        theirs.append(run.baseline(doc_b, contact_b, owed_b if i % 4 else max(1, owed_b // 2),
                                   f"bench-raw-{seed}-{time.time_ns()}-{i}"))
    print(f"Recorded {len(ours)} payments through the service and {len(theirs)} raw, "
          f"alternately, on random open invoices.")
    for label, q in (("p50", 0.50), ("p95", 0.95)):
        a, b = quantile(ours, q), quantile(theirs, q)
        target, passed = ("<= 20 ms", a <= 0.020) if label == "p95" else ("-", None)
        table.add(f"record a payment, {label}", ms(a), ms(b), f"{a / b:.1f}x", target, passed)


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# -- queries --------------------------------------------------------------------------------


def time_pair(ours: Callable[[], object], raw: Callable[[], object], repeat: int):
    """Median time of each (after one warm-up run each), alternating, and their answers."""
    answers = (ours(), raw())
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, sink in ((ours, times[0]), (raw, times[1])):
            started = time.perf_counter()
            fn()
            sink.append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1]), answers


def time_trial_balance(book, raw: sqlite3.Connection, repeat: int, table: Table) -> None:
    """The service's trial balance against a raw GROUP BY; both must agree to the cent."""
    ours, theirs, (rows, raw_rows) = time_pair(
        lambda: queries.trial_balance(book),
        lambda: raw.execute(RAW_TRIAL_BALANCE).fetchall(), repeat,
    )
    same = {(r.code, r.balance.minor_units) for r in rows} == {(c, s) for c, _, s in raw_rows}
    if not same:
        print("WARNING: the trial balances differ", file=sys.stderr)
    table.add("trial balance", ms(ours), ms(theirs), f"{ours / theirs:.2f}x", "<= 2x raw",
              same and ours <= 2 * theirs)


def time_most_overdue(book, raw: sqlite3.Connection, today: dt.date, repeat: int,
                      table: Table) -> None:
    """The 100 most overdue invoices and bills: the same ids, in the same order."""
    ours, theirs, (docs, raw_rows) = time_pair(
        lambda: queries.most_overdue(book, today, 100),
        lambda: raw.execute(RAW_MOST_OVERDUE, {"today": today.isoformat(), "limit": 100})
        .fetchall(), repeat,
    )
    same = [d.id for d in docs] == [row[0] for row in raw_rows] and len(docs) == 100
    if not same:
        print("WARNING: the most overdue lists differ", file=sys.stderr)
    table.add("100 most overdue with outstanding", ms(ours), ms(theirs),
              f"{ours / theirs:.2f}x", "same answer", same)


# -- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; see benchmarks/README.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=200_000,
                        help="invoices + bills to generate (default 200000)")
    parser.add_argument("--book", type=Path, default=None,
                        help="keep the book here (reused, not regenerated, if it exists)")
    parser.add_argument("--payments", type=int, default=300,
                        help="payments to time each way (default 300)")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each query (median)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--no-check", action="store_true",
                        help="skip check_book (every invariant) at the end")
    return parser.parse_args(argv)


def run(args: argparse.Namespace, path: Path, table: Table) -> None:
    """Generate (or open) the book at ``path`` and fill ``table`` with every measurement."""
    book = prepare_book(path, args.size, args.seed, args.today, table)
    raw = raw_connection(book.path)
    try:
        time_payments(book, raw, args.today, args.payments, args.seed, table)
        time_trial_balance(book, raw, args.repeat, table)
        time_most_overdue(book, raw, args.today, args.repeat, table)
        if not args.no_check:
            started = time.perf_counter()
            report = queries.check_book(book)
            print(f"check_book: {'ok' if report.ok else 'FAILED'} "
                  f"in {time.perf_counter() - started:.1f} s")
            for problem in [*report.integrity, *report.invariants][:10]:
                print(f"  {problem}")
            table.add("check_book after the run", "ok" if report.ok else "FAILED", "-", "-",
                      "every invariant", report.ok)
    finally:
        raw.close()
        book.close()
    print(f"Book file: {path.stat().st_size / 2**20:,.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table; exit status 1 if any target failed."""
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    table = Table()
    with tempfile.TemporaryDirectory(prefix="ledgerdesk-bench-") as folder:
        run(args, args.book or Path(folder) / "bench.book", table)
    print()
    table.print()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"\nPeak RSS: {peak:,.0f} MiB")
    return 1 if any(row[-1] == "FAIL" for row in table.rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
