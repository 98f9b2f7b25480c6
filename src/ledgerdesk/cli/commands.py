"""The ``demo``, ``check``, ``trial-balance`` and ``export-journal`` commands.

Each handler takes the parsed arguments, writes to the given streams and returns the exit
status; errors are raised and turned into one line by ``ledgerdesk.cli.main``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ledgerdesk.cli.books import (
    book_settings,
    build_demo_book,
    check_currency,
    opened,
)
from ledgerdesk.cli.errors import CliError, check_bom
from ledgerdesk.cli.output import (
    cell_text,
    export_csv,
    is_stdout,
    text_output,
    write_table,
)
from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.ledger import JournalEntry
from ledgerdesk.reports.journal_text import journal_lines
from ledgerdesk.reports.report_views import TRIAL_BALANCE_COLUMNS, trial_balance_totals
from ledgerdesk.services.demo import DemoStats
from ledgerdesk.services.queries import check_book, journal, trial_balance
from ledgerdesk.storage.errors import Damaged


def run_demo(args: argparse.Namespace, out: TextIO) -> int:
    path = Path(args.path)
    currency = check_currency(args.currency)
    if path.exists() and not args.force:
        raise CliError(_("{path} already exists; choose another path or add --force to replace "
                         "it.").format(path=path))
    started = time.perf_counter()
    stats = build_demo_book(  # built beside PATH, moved there when complete
        path, company=args.company, currency=currency, size=args.size, seed=args.seed,
        today=dt.date.today(), progress=progress_printer(sys.stderr) if args.size else None,
        foreign=args.foreign,
    )
    elapsed = time.perf_counter() - started
    out.write(_("Created demo book {path} for {company} ({currency}).").format(
                  path=path,
                  company=args.company,
                  currency=currency) + "\n")
    for label, value in demo_summary(stats, elapsed):
        out.write(f"  {label:<14}{value}\n")
    return 0


def demo_summary(stats: DemoStats, elapsed: float) -> list[tuple[str, str]]:
    return [
        ("contacts", str(stats.contacts)),
        ("documents", _("{invoices} invoices, {bills} bills, {credit_notes} credit notes").format(
                          invoices=stats.invoices, bills=stats.bills,
                          credit_notes=stats.credit_notes)),
        ("payments", str(stats.payments)),
        ("journals", str(stats.journals)),
        ("opening", _("{opening} invoices and bills open the day before (OB-), and {opening} "
                      "payments of them").format(opening=stats.opening)),
        ("voided", _("{voided} documents and payments").format(voided=stats.voided)),
        *([("foreign", _("{foreign} invoices and bills in foreign currencies").format(
            foreign=stats.foreign))] if stats.foreign else []),
        (_("time taken"), f"{elapsed:.2f} s"),
    ]


def progress_printer(err: TextIO) -> Callable[[int, int], None] | None:
    """Progress on a terminal for big demos; nothing when stderr is a file or a pipe."""
    if not err.isatty():
        return None

    def show(done: int, target: int) -> None:
        end = "\n" if done >= target else ""
        err.write("\r  " + _("{done:,} of {target:,} invoices and bills{end}").format(
                      done=done,
                      target=target,
                      end=end))
        err.flush()

    return show


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """The one command that says a book is damaged from its own look at it: one line."""
    try:
        with opened(args.path) as book:
            report = check_book(book)
    except Damaged as exc:
        return report_damage(out, args.path, exc.details["reason"])
    if report.ok:
        out.write(_("OK: {path}: SQLite's integrity checks and every ledger invariant pass").format(
                      path=args.path) + "\n")
        return 0
    if report.integrity:
        count = len(report.integrity)
        return report_damage(out, args.path, (
            ngettext("SQLite's checks found {count} problem, the first: {first}",
                     "SQLite's checks found {count} problems, the first: {first}",
                     count).format(count=count, first=report.integrity[0].rstrip("."))))
    for failure in report.invariants:
        out.write(_("FAILED {check}: {detail}").format(
                      check=failure.check,
                      detail=failure.detail) + "\n")
    count = len(report.invariants)
    out.write(ngettext("{path}: {count} problem found", "{path}: {count} problems found",
                       count).format(path=args.path, count=count) + "\n")
    return 1


def report_damage(out: TextIO, path: str, evidence: str) -> int:
    out.write(_("FAILED {path} is damaged: {evidence}. Restore the book from a backup "
                "copy.").format(
                  path=path,
                  evidence=evidence) + "\n")
    return 1


def run_trial_balance(args: argparse.Namespace, out: TextIO) -> int:
    check_bom(args)
    with opened(args.path) as book:
        company, currency = book_settings(book)
        rows = trial_balance(book, args.as_of)
    if args.csv is not None:
        export_csv(TRIAL_BALANCE_COLUMNS, rows, args.csv, out, "accounts", bom=args.bom)
        return 0
    when = _("as of {date}").format(
        date=args.as_of.isoformat()) if args.as_of else _("all entries")
    out.write(_("Trial balance of {value}, {when} ({currency})\n").format(
                  value=company or args.path,
                  when=when,
                  currency=currency) + "\n")
    debit, credit = trial_balance_totals(rows, currency)
    footer = ["", "Total", cell_text(debit), cell_text(credit)]
    write_table(TRIAL_BALANCE_COLUMNS, rows, out, footer=footer)
    return 0


def run_export_journal(args: argparse.Namespace, out: TextIO) -> int:
    counter = _Counter()
    with opened(args.path) as book:
        company, _currency = book_settings(book)
        accounts, entries = journal(book)
        title = _("Ledgerdesk journal of {company}, exported {date}").format(
                    company=company, date=dt.date.today().isoformat())
        with text_output(args.output, out) as target:
            for line in journal_lines(accounts, counter.count(entries), title=title):
                target.write(line + "\n")
    if not is_stdout(args.output):
        out.write(_("Wrote {total} journal entries to {output}.").format(
                      total=counter.total,
                      output=args.output) + "\n")
    return 0


class _Counter:
    """Counts the entries of a stream as they pass, without holding them."""

    def __init__(self) -> None:
        self.total = 0

    def count(self, entries: Iterable[JournalEntry]) -> Iterator[JournalEntry]:
        for entry in entries:
            self.total += 1
            yield entry
