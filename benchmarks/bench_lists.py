"""The app's list queries on a 100,000-document book, beside raw sqlite3.

    PYTHONPATH=src python benchmarks/bench_lists.py [--size 100000] [--book PATH]

Each row is what a list view does when it opens, re-sorts or re-filters: count the rows and
fetch the first 200 (``services.queries.count_documents`` + ``document_page``), or fetch one
deep page.  Beside it, a raw ``sqlite3`` baseline computes the same answer in the same
process on the same file with one hand-written statement per question, and the ids must
agree.  See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

try:
    import ledgerdesk  # noqa: F401
except ImportError:  # run from a checkout without installing: use its src/ folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services import queries
from ledgerdesk.services.demo import generate_demo
from ledgerdesk.services.list_queries import DocumentQuery, DocumentSort, StatusFilter
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage.book import create_book, open_book
from raw_sql import OUT, PAGE

FIRST_PAGE_MS, SORT_FILTER_MS = 200.0, 300.0
RAW_SORT = {
    DocumentSort.NUMBER: "d.number", DocumentSort.CONTACT: "c.name",
    DocumentSort.ISSUE_DATE: "d.issue_date", DocumentSort.DUE_DATE: "d.due_date",
    DocumentSort.TOTAL: "d.total_minor", DocumentSort.OUTSTANDING: OUT,
    DocumentSort.STATUS: (
        f"CASE d.lifecycle WHEN 'DRAFT' THEN 0 WHEN 'VOIDED' THEN 5 ELSE CASE"
        f" WHEN {OUT} = 0 THEN 4 WHEN d.due_date < :today THEN 3"
        f" WHEN {OUT} < d.total_minor THEN 2 ELSE 1 END END"
    ),
}


@dataclass
class Case:
    label: str
    query: DocumentQuery
    where: str  # the raw baseline's WHERE over documents d JOIN contacts c
    offset: int = 0
    count: bool = True
    target_ms: float = SORT_FILTER_MS


def cases(today: dt.date, text: str) -> list[Case]:
    invoices = (DocumentKind.SALES_INVOICE,)
    kind = "d.kind = 'SALES_INVOICE'"
    rows = [Case("invoices, default sort (issue date desc)", DocumentQuery(invoices, today),
                 kind, target_ms=FIRST_PAGE_MS)]
    rows += [
        Case(f"invoices by {sort.value} asc", DocumentQuery(invoices, today, sort=sort,
                                                             descending=False), kind)
        for sort in DocumentSort
    ]
    rows += [
        Case("invoices, status OVERDUE", DocumentQuery(invoices, today,
                                                       status=StatusFilter.OVERDUE),
             f"{kind} AND d.lifecycle = 'AUTHORISED' AND d.due_date < :today AND {OUT} > 0"),
        Case(f"invoices, text {text!r}", DocumentQuery(invoices, today, text=text),
             f"{kind} AND (d.number LIKE :text OR c.name LIKE :text OR d.reference LIKE :text)"),
        Case("invoices, page at offset 45,000", DocumentQuery(invoices, today), kind,
             offset=45_000, count=False),
        Case("every document, page at offset 90,000", DocumentQuery(tuple(DocumentKind), today),
             "1", offset=90_000, count=False),
    ]
    return rows


def raw_answer(conn: sqlite3.Connection, case: Case) -> tuple[int | None, list[int]]:
    q = case.query
    direction = " DESC" if q.descending else ""
    params = {"today": q.today.isoformat(), "text": f"%{q.text}%", "offset": case.offset}
    source = "FROM documents AS d JOIN contacts AS c ON c.id = d.contact_id"
    count = None
    if case.count:  # the join only when the filter reads the contact
        counted = source if "c." in case.where else "FROM documents AS d"
        count = conn.execute(f"SELECT count(*) {counted} WHERE {case.where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT d.id, d.number, c.name, d.issue_date, d.due_date, d.reference, d.currency,"
        f" d.total_minor, d.lifecycle, {OUT} {source} WHERE {case.where}"
        f" ORDER BY {RAW_SORT[q.sort]}{direction}, d.id{direction}"
        f" LIMIT {PAGE} OFFSET :offset", params,
    ).fetchall()
    return count, [row[0] for row in rows]


def ledgerdesk_answer(book, case: Case) -> tuple[int | None, list[int]]:
    count = queries.count_documents(book, case.query) if case.count else None
    return count, [row.id for row in queries.document_page(book, case.query, case.offset, PAGE)]


def median_ms(action: Callable[[], object], repeat: int) -> tuple[float, object]:
    answer = action()  # warm-up, and the answer to compare
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), answer


def open_or_generate(path: Path, size: int, today: dt.date):
    if path.exists():
        print(f"reusing {path}")
        return open_book(path)
    book = create_book(path)
    initialise_book(book, "Bench Co", "EUR")
    stats = generate_demo(book, size=size, today=today)
    print(f"generated {stats.invoices + stats.bills:,} invoices and bills in {path}"
          f" ({stats.documents_per_second:,.0f} docs/s)")
    return book


def run(book, today: dt.date, repeat: int, text: str) -> bool:
    raw = sqlite3.connect(book.path)
    ok = True
    print(f"\n| {'query (count + first 200 rows unless a page)':<48} | rows | ledgerdesk ms |"
          " raw ms | ratio | target ms | ok |")
    print(f"| {'-' * 48} | ---: | ---: | ---: | ---: | ---: | --- |")
    for case in cases(today, text):
        ours, ours_answer = median_ms(lambda c=case: ledgerdesk_answer(book, c), repeat)
        base, raw_result = median_ms(lambda c=case: raw_answer(raw, c), repeat)
        same = ours_answer == raw_result
        fine = same and ours <= case.target_ms
        ok &= fine
        count = ours_answer[0] if ours_answer[0] is not None else "-"  # type: ignore[index]
        print(f"| {case.label:<48} | {count} | {ours:.1f} | {base:.1f} |"
              f" {ours / base:.2f} | {case.target_ms:.0f} |"
              f" {'yes' if fine else 'NO' + ('' if same else ' (answers differ)')} |")
    raw.close()
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--book", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--text", default="ltd", help="the text filter row's text")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = args.book or Path(folder) / "lists.book"
        book = open_or_generate(path, args.size, args.today)
        try:
            ok = run(book, args.today, args.repeat, args.text)
        finally:
            book.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
