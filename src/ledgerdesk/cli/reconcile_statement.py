"""``ledgerdesk reconcile … --statement FILE [--accept-suggestions]``: the bank's own
statement decides which postings are cleared.

Printed: how many of the statement's lines (dated on or before the statement date) are in
the book, each line that is not with its suggestion, then the usual summary.  Finished
(exit 0) only when the difference is zero; otherwise one line on stderr, exit 1, and
nothing recorded, not even the accepted suggestions (``services.statement_reconciliation``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError
from ledgerdesk.cli.imports import write_match
from ledgerdesk.cli.reconcile_report import write_report
from ledgerdesk.cli.reconciliations import said, write_draft
from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.presentation.print_reconciliation import ReportFigures, finished_report

if TYPE_CHECKING:
    from ledgerdesk.services.statement_reconciliation import StatementDraft


def reconcile_statement(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.presentation.reconcile_statement import StatementUnreadable, read_statement
    from ledgerdesk.services.statement_reconciliation import finish

    with opened(args.path) as book:
        try:  # the window's words for a file it cannot read (``read_statement``)
            found = read_statement(book, args.account, args.statement_date,
                                   args.statement_balance, Path(args.statement),
                                   args.accept_suggestions)
        except StatementUnreadable as exc:
            raise CliError(str(exc)) from None
        _write_lines(found, out)
        write_draft(found.draft, found.ticked, out)
        out.flush()
        if not found.balances:
            write_report(args.report, book, ReportFigures.of(found.draft, found.ticked), out)
            raise CliError(_refusal(found))
        done, accepted = finish(book, found)
        write_report(args.report, book, finished_report(book, found.draft, done), out)
    for created in accepted.created if accepted else ():
        out.write(_("Recorded: line {row}: {what}").format(
                      row=created.row,
                      what=shown_inert(created.what)) + "\n")
    out.write(said(ngettext("Finished {what}: {count} posting cleared.",
                            "Finished {what}: {count} postings cleared.",
                            done.cleared).format(what=done.describe(), count=done.cleared)))
    return 0


def _write_lines(found: StatementDraft, out: TextIO) -> None:
    lines = found.match.lines
    out.write(said(_("Read: {described}").format(described=found.described)))
    out.write(ngettext("Statement: {count} line up to {date}, {in_book} in the book",
                       "Statement: {count} lines up to {date}, {in_book} in the book",
                       len(lines)).format(count=len(lines), in_book=found.in_book,
                                          date=found.draft.statement_date.isoformat()) + "\n")
    missing = found.not_in_book
    out.write(_("Not in the book: none") + "\n" if not missing else _("Not in the book:") + "\n")
    for match in missing:
        write_match(match, out, "line", nothing=_("no suggestion"))


def _refusal(found: StatementDraft) -> str:
    gap = found.draft.difference(found.ticked)
    text = (_("difference: The difference is {amount:f} {currency}, not zero; nothing was "
              "recorded").format(amount=gap.amount, currency=gap.currency))
    if found.not_in_book and not found.accepting:
        text += ngettext("; --accept-suggestions records the suggestions of the {count} line "
                         "not in the book",
                         "; --accept-suggestions records the suggestions of the {count} lines "
                         "not in the book", len(found.not_in_book)).format(
                             count=len(found.not_in_book))
    return text + "."
