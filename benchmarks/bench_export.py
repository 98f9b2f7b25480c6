"""File > Export on a 100,000-document book, beside raw sqlite3.

    PYTHONPATH=src python benchmarks/bench_export.py [--size 100000] [--book PATH]

Rows: what the window's export writes for the sales invoice list (every invoice, newest
first; and filtered to open invoices matching a text, sorted by contact) and for the
general ledger of the bank account, in rows per second.  The exports stream the list's
own SQL (``ListStreams``) and the report's rows through ``presentation.exports``; each raw
``sqlite3`` baseline writes the same rows with ``csv.writer`` straight from one hand-written
query in the same process, and the row counts must agree.  Last, the list export's peak
traced memory for a tenth of the invoices and for all of them: flat means it streams.
Exit status 1 if a target is missed.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import sys
from pathlib import Path

try:
    import ledgerdesk  # noqa: F401
except ImportError:  # run from a checkout without installing: use its src/ folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_reports import NullSink, benchmark_book, flat_memory, median_s, peak_kib, raw_csv
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.exports import Export, list_export, report_export
from ledgerdesk.presentation.lists import DocumentList
from ledgerdesk.presentation.report_params import ReportForm, ReportKind
from ledgerdesk.presentation.session import Session
from ledgerdesk.reports.csv_format import write_csv
from ledgerdesk.services.list_queries import DocumentSort, StatusFilter
from ledgerdesk.storage.sql import OWED

EXPORT_ROWS_S = 25_000  # a 100,000-row list written in 4 s of CPU
FILTERED_S = 0.5  # a selective filter: its time is the search, whatever it finds
TEXT = "ar"
_INVOICES = ("SELECT d.number, c.name, d.issue_date, d.due_date, d.reference, d.total_minor,"
             f" {OWED} AS owed, d.lifecycle FROM documents AS d"
             " JOIN contacts AS c ON c.id = d.contact_id WHERE d.kind = 'SALES_INVOICE'")
RAW_ALL = _INVOICES + " ORDER BY d.issue_date DESC, d.id DESC"
RAW_OPEN = (_INVOICES + f" AND d.lifecycle = 'AUTHORISED' AND {OWED} > 0"
            f" AND (d.number LIKE '%{TEXT}%' OR d.reference LIKE '%{TEXT}%'"
            f" OR c.name LIKE '%{TEXT}%') ORDER BY c.name DESC, d.id DESC")
RAW_LEDGER = ("SELECT e.date, e.id, e.memo, e.source_type, e.source_id, l.amount_minor,"
              " SUM(l.amount_minor) OVER (ORDER BY e.date, e.id, l.id) AS balance"
              " FROM journal_entries AS e JOIN journal_lines AS l ON l.entry_id = e.id"
              " WHERE l.account_code = '1000' ORDER BY e.date, e.id, l.id")


def written(export: Export, limit: int | None = None) -> int:
    columns, rows = export.open()
    return write_csv(columns, itertools.islice(rows, limit), NullSink())


def cases(session: Session):
    """(label, ours, raw SQL, target): both return the rows written; a target in rows/s
    (an int) or in seconds of CPU (a float)."""
    every = DocumentList(session, (DocumentKind.SALES_INVOICE,))
    open_ = DocumentList(session, (DocumentKind.SALES_INVOICE,))
    open_.filter(status=StatusFilter.OPEN, text=TEXT)
    open_.sort_by(list(open_.sort_keys).index(DocumentSort.CONTACT), True)
    form = ReportForm("en_US", session.today, kind=ReportKind.GENERAL_LEDGER)
    form.account, form.start_text = "1000", "1/1/1900"
    ledger = form.request()
    assert ledger is not None
    return [
        ("sales invoices, all, newest first",
         lambda: written(list_export(session, "Sales invoices", every)), RAW_ALL,
         EXPORT_ROWS_S),
        (f"open invoices matching {TEXT!r}, by contact",
         lambda: written(list_export(session, "Sales invoices", open_)), RAW_OPEN,
         FILTERED_S),
        ("general ledger of 1000 Bank, all time",
         lambda: written(report_export(session, ledger)), RAW_LEDGER, EXPORT_ROWS_S),
    ]


def run(session: Session, repeat: int) -> bool:
    raw = sqlite3.connect(session.book.path)  # type: ignore[attr-defined]
    ok = True
    print(f"\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; each cell is"
          " wall time / CPU time of this process; targets are checked on CPU time")
    print(f"\n| {'export':<40} | rows | ledgerdesk rows/s | raw sqlite3 rows/s | CPU ratio |"
          " target | ok |")
    print(f"| {'-' * 40} | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, ours, sql, target in cases(session):
        wall, cpu, count = median_s(ours, repeat)
        raw_wall, raw_cpu, expected = median_s(lambda s=sql: raw_csv(raw, s), repeat)
        if isinstance(target, float):
            fast, goal = cpu <= target, f"<= {target * 1000:.0f} ms"
        else:
            fast, goal = count / cpu >= target, f">= {target:,} rows/s"
        fine = count == expected and fast
        ok &= fine
        print(f"| {label:<40} | {count:,} | {count / wall:,.0f} / {count / cpu:,.0f}"
              f" ({cpu * 1000:.0f} ms) | {expected / raw_wall:,.0f} / {expected / raw_cpu:,.0f}"
              f" ({raw_cpu * 1000:.0f} ms) | {cpu / raw_cpu:.2f} | {goal} |"
              f" {'yes' if fine else 'NO' + ('' if count == expected else ' (counts differ)')} |")
    every = list_export(session, "Sales invoices",
                        DocumentList(session, (DocumentKind.SALES_INVOICE,)))
    total = every.total
    tenth = peak_kib(lambda: written(every, total // 10))
    whole = peak_kib(lambda: written(every))
    ok &= flat_memory("the invoice list", total, tenth, whole)
    raw.close()
    return ok


def main(argv: list[str] | None = None) -> int:
    with benchmark_book(argv, __doc__.splitlines()[0], "export.book") as (args, book):
        session = Session.of(book, Path(book.path), clock=lambda: args.today)
        return 0 if run(session, args.repeat) else 1


if __name__ == "__main__":
    sys.exit(main())
