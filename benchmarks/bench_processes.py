"""Reports as a user runs them: whole ``ledgerdesk`` processes beside a raw sqlite3 process
answering the same question, on a large book (1,000,000 documents by default).

    PYTHONPATH=src python benchmarks/bench_processes.py [--size 1000000] [--book PATH]

The book is generated once and kept outside the repository (default:
``~/.cache/ledgerdesk/bench-<size>.book``; ``--book`` to choose), so later runs time only
the questions.  Each row runs its command ``--repeat`` times (median of the CPU time the
child used, user + system, from ``resource.getrusage``; wall time beside it), and the raw
baseline is a fresh ``python`` process that opens the file with ``sqlite3`` and runs one
hand-written query: over the running balances (``account_days``) where the report reads
them, and the aging's over the settlement days (``document_settlements``), since that is
the floor SQLite sets once the table exists.  Last, start-up: the CPU a
``ledgerdesk --help`` and a ``ledgerdesk check --help`` process take, before any query.

Targets (issue 18): every report ≤ 1 s CPU and ≤ 2× its raw process; start-up ≤ 0.15 s.
The exit status is 1 when a row misses its target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPORT_S, RATIO, START_S = 1.0, 2.0, 0.15
EXPORT_ROWS_S = 100_000  # benchmarks/README.md: the CSV of every payment
#: The customer whose statement is timed (the demo's: 85 documents on a million).
STATEMENT_CONTACT = 5

#: The raw processes' SQL (parameters: the dates each row gives).
RAW_TRIAL = ("SELECT account_code, currency, SUM(amount_minor) FROM account_days"
             " WHERE day <= ? GROUP BY account_code, currency")
RAW_PERIOD = ("SELECT d.account_code, SUM(d.amount_minor) FROM account_days AS d"
              " JOIN accounts AS a ON a.code = d.account_code"
              " WHERE a.type IN ('INCOME', 'EXPENSE') AND d.day BETWEEN ? AND ?"
              " GROUP BY d.account_code")
#: The fair floor since 0012_settlements: the invoices not settled by the date, each with
#: what its active allocations leave (today's outstanding, no as-of rules).
RAW_AGING = ("SELECT d.id, d.due_date, d.total_minor - COALESCE((SELECT SUM(a.amount_minor)"
             " FROM allocations AS a WHERE a.document_id = d.id AND a.voided = 0), 0)"
             " FROM document_settlements AS s JOIN documents AS d ON d.id = s.document_id"
             " WHERE s.kind = 'SALES_INVOICE' AND (s.settled_on IS NULL OR s.settled_on > ?)"
             " AND s.opened_on <= ?")
#: The payments export's rows (``list payments --csv``): contact, allocated amount and the
#: documents' numbers, written with ``csv.writer``.
RAW_PAYMENTS_CSV = (
    "SELECT p.id, p.date, p.kind, c.name, p.amount_minor, COALESCE(SUM(a.amount_minor), 0),"
    " COALESCE(GROUP_CONCAT(d.number, ' '), ''), p.reference, p.voided, p.currency"
    " FROM payments AS p JOIN contacts AS c ON c.id = p.contact_id"
    " LEFT JOIN allocations AS a ON a.payment_id = p.id"
    " LEFT JOIN documents AS d ON d.id = a.document_id GROUP BY p.id ORDER BY p.id")
RAW_LEDGER = ("SELECT e.date, e.memo, l.amount_minor FROM journal_entries AS e"
              " CROSS JOIN journal_lines AS l ON l.entry_id = e.id AND l.account_code = ?"
              " WHERE e.date BETWEEN ? AND ? ORDER BY e.date, e.id")


@dataclass(frozen=True)
class Timing:
    cpu: float
    wall: float


def child(args: list[str], repeat: int) -> Timing:
    """Median CPU (user + system) and wall seconds of ``args`` run ``repeat`` times."""
    cpus, walls = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr.strip()}")
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return Timing(statistics.median(cpus), statistics.median(walls))


def raw(book: Path, sql: str, params: tuple | dict, repeat: int) -> Timing:
    """A fresh python process asking ``sql`` of the book with ``sqlite3``; named
    ``params`` go as JSON."""
    code = ("import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); a = sys.argv[3:];"
            " p = json.loads(a[0]) if a[:1] and a[0].startswith('{') else a;"
            " rows = c.execute(sys.argv[2], p).fetchall(); print(len(rows))")
    values = [json.dumps(params)] if isinstance(params, dict) else [*map(str, params)]
    return child([sys.executable, "-c", code, str(book), sql, *values], repeat)


def raw_csv(book: Path, out: Path, repeat: int) -> Timing:
    code = ("import csv, sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            " w = csv.writer(open(sys.argv[3], 'w', newline=''));"
            " w.writerows(c.execute(sys.argv[2]))")
    return child([sys.executable, "-c", code, str(book), RAW_PAYMENTS_CSV, str(out)], repeat)


def export_row(book: Path, folder: Path) -> int:
    """``list payments --csv`` of every payment, once each way (a million rows and more):
    rows per second of CPU, and the wall time."""
    rows = sqlite3.connect(book).execute("SELECT count(*) FROM payments").fetchone()[0]
    ours = child(ledgerdesk("list", "payments", book, "--csv", folder / "ours.csv"), 1)
    floor = raw_csv(book, folder / "raw.csv", 1)
    ok = rows / ours.cpu >= EXPORT_ROWS_S
    print(f"| CSV export, every payment ({rows:,} rows), rows/s of CPU (wall s) |"
          f" {rows / ours.cpu:,.0f} ({ours.wall:.1f}) | {rows / floor.cpu:,.0f}"
          f" ({floor.wall:.1f}) | {ours.cpu / floor.cpu:.1f}× | ≥ {EXPORT_ROWS_S:,} rows/s |"
          f" {'yes' if ok else 'NO'} |")
    return 0 if ok else 1


def first_query(args: list[str], repeat: int) -> float:
    """Median CPU seconds ``ledgerdesk ARGS`` had used before its first query
    (``start_probe.py``: interpreter, imports, opening the book)."""
    probe = Path(__file__).with_name("start_probe.py")
    cpus = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, str(probe), *args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, check=True)
        cpus.append(float(done.stderr.split("first-query-cpu ")[-1].split()[0]))
    return statistics.median(cpus)


def ledgerdesk(*args: object) -> list[str]:
    return [sys.executable, "-m", "ledgerdesk", *map(str, args)]


def book_at(size: int, chosen: Path | None, today: dt.date) -> Path:
    path = chosen or Path.home() / ".cache" / "ledgerdesk" / f"bench-{size}.book"
    if path.exists():
        print(f"Using {path} ({path.stat().st_size / 2**20:,.0f} MiB)")
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"Generating {size:,} documents into {path} (once) …", flush=True)
    start = time.perf_counter()
    subprocess.run(ledgerdesk("demo", path, "--size", size, "--seed", 7), check=True,
                   stdout=subprocess.DEVNULL)
    print(f"  {time.perf_counter() - start:,.1f} s")
    return path


def statement_sql() -> str:
    """The statement's own SELECT (its lines; ``report`` also sums the balance before)."""
    from ledgerdesk.domain.documents import Side
    from ledgerdesk.storage.report_sql import statement_sql as sql

    return sql(Side.SALES)


def rows(book: Path, today: dt.date) -> list[tuple[str, list[str], str, tuple | dict]]:
    """(row, ledgerdesk's command, the raw SQL, its parameters)."""
    year = dt.date(today.year, 1, 1)
    iso = today.isoformat
    return [
        ("trial balance", ledgerdesk("report", "trial-balance", book, "--as-of", iso()),
         RAW_TRIAL, (iso(),)),
        ("profit and loss (year to date)",
         ledgerdesk("report", "profit-and-loss", book, "--from", year, "--to", iso()),
         RAW_PERIOD, (year.isoformat(), iso())),
        ("balance sheet", ledgerdesk("report", "balance-sheet", book, "--as-of", iso()),
         RAW_TRIAL, (iso(),)),
        ("receivable aging", ledgerdesk("report", "receivable-aging", book, "--as-of", iso()),
         RAW_AGING, (iso(), iso())),
        ("customer statement, one customer, year to date",
         ledgerdesk("report", "customer-statement", book, "--contact", STATEMENT_CONTACT,
                    "--from", year, "--to", iso()),
         statement_sql(), {"start": year.isoformat(), "end": iso(),
                           "contact": STATEMENT_CONTACT, "control": "1100"}),
        ("general ledger 4000, this month",
         ledgerdesk("report", "general-ledger", book, "--account", "4000", "--from",
                    today.replace(day=1), "--to", iso()),
         RAW_LEDGER, ("4000", today.replace(day=1).isoformat(), iso())),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--book", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--export", action="store_true",
                        help="also the CSV of every payment, once each way (slow)")
    args = parser.parse_args(argv)
    today = dt.date.today()
    os.environ.setdefault("PYTHONPATH", str(Path(__file__).resolve().parents[1] / "src"))
    book = book_at(args.size, args.book, today)
    print(f"\n{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; medians of {args.repeat}"
          " whole processes (CPU: user + system)\n")
    print("| question | ledgerdesk CPU (wall) | raw sqlite3 CPU (wall) | ratio | target | ok |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    missed = 0
    for name, command, sql, params in rows(book, today):
        ours, floor = child(command, args.repeat), raw(book, sql, params, args.repeat)
        ratio = ours.cpu / floor.cpu if floor.cpu else float("inf")
        ok = ours.cpu <= REPORT_S and ratio <= RATIO
        missed += not ok
        print(f"| {name} | {ours.cpu:.2f} s ({ours.wall:.2f}) | {floor.cpu:.2f} s "
              f"({floor.wall:.2f}) | {ratio:.1f}× | ≤ {REPORT_S:g} s, ≤ {RATIO:g}× | "
              f"{'yes' if ok else 'NO'} |")
    empty = raw(book, "SELECT 1", (), args.repeat)
    for name, command in (("start-up: --help", ledgerdesk("--help")),
                          ("start-up: check --help", ledgerdesk("check", "--help"))):
        took = child(command, args.repeat)
        ok = took.cpu <= START_S
        missed += not ok
        print(f"| {name} | {took.cpu:.2f} s ({took.wall:.2f}) | {empty.cpu:.2f} s "
              f"({empty.wall:.2f}) | {took.cpu / empty.cpu:.1f}× | ≤ {START_S:g} s | "
              f"{'yes' if ok else 'NO'} |")
    missed += start_rows(book, today, args.repeat, empty)
    if args.export:
        with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
            missed += export_row(book, Path(folder))
    return 1 if missed else 0


def start_rows(book: Path, today: dt.date, repeat: int, empty: Timing) -> int:
    """CPU before the first query of two reports, beside a process that only imports
    SQLAlchemy and asks SQLite one question through it (the floor of any command that
    reads through it)."""
    floor = child([sys.executable, "-c", "import sqlalchemy as s; e = s.create_engine("
                   f"'sqlite:///{book}'); e.connect().exec_driver_sql('SELECT 1')"], repeat)
    missed = 0
    for name, argv in (("trial balance", ["report", "trial-balance", str(book)]),
                       ("receivable aging", ["report", "receivable-aging", str(book),
                                             "--as-of", today.isoformat()])):
        took = first_query(argv, repeat)
        ok = took <= START_S
        missed += not ok
        print(f"| start-up: {name}, CPU before its first query | {took:.2f} s | "
              f"{floor.cpu:.2f} s (SQLAlchemy imported, SELECT 1) | {took / floor.cpu:.1f}× | "
              f"≤ {START_S:g} s | {'yes' if ok else 'NO'} |")
    print(f"| (python -c pass, SELECT 1 through sqlite3) | | {empty.cpu:.2f} s | | | |")
    return missed


if __name__ == "__main__":
    sys.exit(main())
