"""Reports and CSV exports on a 100,000-document book, beside raw sqlite3.

    PYTHONPATH=src python benchmarks/bench_reports.py [--size 100000] [--book PATH]

Rows: receivable aging today and a year ago, profit and loss (year to date beside last
year's), and the CSV export of every payment (what ``list payments --csv`` runs) and of the
payments register, in rows per second.  Each raw ``sqlite3`` baseline answers the same
question in the same process on the same file with hand-written SQL (for exports: the same
rows written by ``csv.writer`` straight from the cursor, without types or guard), and the
answers must agree.  Last, the export's peak traced memory for a tenth of the payments and
for all of them: flat means the export streams.  Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import itertools
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

try:
    import ledgerdesk  # noqa: F401
except ImportError:  # run from a checkout without installing: use its src/ folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_lists import open_or_generate
from ledgerdesk.domain.documents import Side
from ledgerdesk.reports.csv_format import write_csv
from ledgerdesk.reports.list_exports import PAYMENT_EXPORT_COLUMNS
from ledgerdesk.reports.periods import Period, previous_period, year_earlier
from ledgerdesk.reports.report_views import payments_register_view
from ledgerdesk.services import reports
from ledgerdesk.storage.ledger_sql import PAYMENT_LINES

REPORT_S, EXPORT_ROWS_S, FLAT = 1.0, 100_000, 1.5
RAW_CONTROL = ("SELECT COALESCE(SUM(l.amount_minor), 0) FROM journal_entries AS e"
               " CROSS JOIN journal_lines AS l ON l.entry_id = e.id"
               " WHERE l.account_code = '1100' AND e.date <= ?")
RAW_PNL = ("SELECT COALESCE(-SUM(l.amount_minor), 0) FROM journal_entries AS e"
           " JOIN journal_lines AS l ON l.entry_id = e.id JOIN accounts AS a"
           " ON a.code = l.account_code WHERE a.type IN ('INCOME', 'EXPENSE')"
           " AND e.date BETWEEN ? AND ?")
#: Each payment with its allocations and the credit it kept (one row of NULLs if neither).
RAW_REGISTER = ("SELECT p.id, p.date, p.kind, c.name, p.reference, p.amount_minor,"
                " x.number, x.amount FROM payments AS p"
                " JOIN contacts AS c ON c.id = p.contact_id LEFT JOIN ("
                " SELECT a.payment_id AS pid, d.number, a.amount_minor AS amount"
                " FROM allocations AS a JOIN documents AS d ON d.id = a.document_id"
                " WHERE a.payment_id IS NOT NULL UNION ALL"
                " SELECT k.source_payment_id, k.number, k.total_minor FROM documents AS k"
                " WHERE k.source_payment_id IS NOT NULL) AS x ON x.pid = p.id"
                " ORDER BY p.date, p.id")


class NullSink(io.TextIOBase):
    """Takes the CSV text and keeps none of it: the time and the memory are the export's."""

    def write(self, text: str) -> int:
        return len(text)


def median_s(action: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds of ``action`` (after a warm-up run), and its answer."""
    answer = action()  # warm-up, and the answer to compare
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), answer


def cents(money) -> int:
    return int(money.amount * 100)


def raw_csv(conn: sqlite3.Connection, sql: str) -> int:
    writer = csv.writer(NullSink(), lineterminator="\n")
    count = 0
    for row in conn.execute(sql):
        writer.writerow(row)
        count += 1
    return count


def export(columns, rows, limit: int | None = None) -> int:
    return write_csv(columns, itertools.islice(rows, limit), NullSink())


def cases(book, raw: sqlite3.Connection, today: dt.date):
    """(label, ours, raw, unit, target): ``ours``/``raw`` return comparable answers."""
    ytd = Period.year_to_date(today)
    last = previous_period(ytd)
    everything = Period(dt.date(1900, 1, 1), dt.date(2999, 12, 31))
    year_ago = year_earlier(today)
    return [
        ("receivable aging, today",
         lambda: cents(reports.aging(book, Side.SALES, today).total),
         lambda: raw.execute(RAW_CONTROL, (today.isoformat(),)).fetchone()[0], "s", REPORT_S),
        ("receivable aging, a year ago",
         lambda: cents(reports.aging(book, Side.SALES, year_ago).total),
         lambda: raw.execute(RAW_CONTROL, (year_ago.isoformat(),)).fetchone()[0], "s",
         REPORT_S),
        ("profit and loss, YTD beside last year",
         lambda: [cents(m) for m in reports.profit_and_loss_report(book, ytd).net_profit],
         lambda: [raw.execute(RAW_PNL, (p.start.isoformat(), p.end.isoformat())).fetchone()[0]
                  for p in (ytd, last)], "s", REPORT_S),
        ("CSV: every payment (list payments --csv)",
         lambda: export(PAYMENT_EXPORT_COLUMNS, reports.payment_lines(book)),
         lambda: raw_csv(raw, PAYMENT_LINES), "rows/s",
         EXPORT_ROWS_S),
        ("CSV: payments register, all time",
         lambda: export(*_register(book, everything)),
         lambda: raw_csv(raw, RAW_REGISTER), "rows/s", None),
    ]


def _register(book, period: Period):
    view = payments_register_view(reports.payments_register(book, period))
    return view.columns, view.rows


def peak_kib(action: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def flat_memory(what: str, total: int, tenth: float, whole: float, note: str = "") -> bool:
    """Print the peak traced memory for a tenth and for all ``total`` rows; True if flat."""
    flat = whole <= FLAT * tenth
    print(f"\nPeak traced memory exporting {what}: {tenth:,.0f} KiB for {total // 10:,},"
          f" {whole:,.0f} KiB for all {total:,} (ratio {whole / tenth:.2f}, target <= {FLAT};"
          f" {'flat' if flat else 'NOT FLAT'}).{note}")
    return flat


@contextlib.contextmanager
def benchmark_book(argv: list[str] | None, description: str, file_name: str):
    """The common options (--size, --book, --repeat, --today) and the book they name:
    reused, generated and kept, or generated in a temporary folder."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", type=int, default=100_000, help="documents, if generated")
    parser.add_argument("--book", type=Path, help="reuse (or generate and keep) this book")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each row")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder, contextlib.closing(open_or_generate(
        args.book or Path(folder) / file_name, args.size, args.today
    )) as book:
        yield args, book


def run(book, today: dt.date, repeat: int) -> bool:
    raw = sqlite3.connect(book.path)
    ok = True
    print(f"\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; each cell is"
          " wall time / CPU time of this process; targets are checked on CPU time, which"
          " other programs on a shared machine disturb less")
    print(f"\n| {'question':<40} | ledgerdesk | raw sqlite3 | CPU ratio | target | ok |")
    print(f"| {'-' * 40} | ---: | ---: | ---: | ---: | --- |")
    for label, ours, theirs, unit, target in cases(book, raw, today):
        wall, cpu, answer = median_s(ours, repeat)
        raw_wall, raw_cpu, expected = median_s(theirs, repeat)
        same = answer == expected
        if unit == "rows/s":
            mine = f"{answer / wall:,.0f} / {answer / cpu:,.0f} rows/s"
            base = f"{expected / raw_wall:,.0f} / {expected / raw_cpu:,.0f} rows/s"
            fine = same and (target is None or answer / cpu >= target)
            goal = f">= {target:,} rows/s" if target else "-"
        else:
            mine = f"{wall * 1000:.0f} / {cpu * 1000:.0f} ms"
            base = f"{raw_wall * 1000:.0f} / {raw_cpu * 1000:.0f} ms"
            fine = same and (target is None or cpu <= target)
            goal = f"<= {target * 1000:.0f} ms" if target else "-"
        ok &= fine
        print(f"| {label:<40} | {mine} | {base} | {cpu / raw_cpu:.2f} | {goal} |"
              f" {'yes' if fine else 'NO' + ('' if same else ' (answers differ)')} |")
    total = raw.execute("SELECT COUNT(*) FROM payments").fetchone()[0]
    tenth = peak_kib(lambda: export(PAYMENT_EXPORT_COLUMNS, reports.payment_lines(book),
                                    total // 10))
    whole = peak_kib(lambda: export(PAYMENT_EXPORT_COLUMNS, reports.payment_lines(book)))
    ok &= flat_memory("payments", total, tenth, whole,
                      " The CSV text itself goes to a null sink.")
    raw.close()
    return ok


def main(argv: list[str] | None = None) -> int:
    with benchmark_book(argv, __doc__.splitlines()[0], "reports.book") as (args, book):
        return 0 if run(book, args.today, args.repeat) else 1


if __name__ == "__main__":
    sys.exit(main())
