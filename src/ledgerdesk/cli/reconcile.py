"""``ledgerdesk reconcile PATH --account CODE --statement-date D --statement-balance AMOUNT``
and ``ledgerdesk reconcile PATH --undo ID``.

Without a statement file, the account's uncleared postings dated on or before D are the
ones on the statement, and all of them are taken as cleared: the command prints the
figures and finishes (exit 0, printing the reconciliation's id) only when the difference
is zero; otherwise it lists what would close it, says the difference on stderr, exits 1
and records nothing.  The same services as the window's (``services.reconciliation``).
With ``--statement FILE`` the bank's own lines decide what is cleared
(``cli.reconcile_statement``).
"""

from __future__ import annotations

import argparse
import shlex
from typing import Any, TextIO

from ledgerdesk.cli.arguments import file_name, id_argument
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError, parse_amount, parse_date
from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.reconciliation import Cleared

_STATEMENT = ("account", "statement_date", "statement_balance")


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "reconcile", _("reconcile a bank account to a statement, or undo one"),
        _("Reconcile a bank account to its statement of --statement-date closing at "
          "--statement-balance: the uncleared postings dated on or before that date are taken as "
          "cleared, and the reconciliation is recorded only when the difference (statement "
          "balance - opening reconciled balance - cleared) is zero; otherwise nothing is "
          "recorded and the exit status is 1. With --statement FILE, only the postings the "
          "file's lines are in the book as are cleared, and --accept-suggestions records the "
          "other lines' suggestions with the reconciliation. A cleared posting's payment, "
          "journal or document cannot be voided while its reconciliation stands. --undo ID "
          "undoes the latest reconciliation of an account (see 'list reconciliations')."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--account", metavar="CODE", help=_("the bank account's code"))
    sub.add_argument("--statement-date", type=parse_date, metavar="DATE",
                     help=_("the statement's closing date, YYYY-MM-DD"))
    sub.add_argument("--statement-balance", type=parse_amount, metavar="AMOUNT",
                     help=_("the statement's closing balance, a plain number: 1234.56 (negative "
                            "when "
                            "overdrawn)"))
    sub.add_argument("--statement", type=file_name, metavar="FILE",
                     help=_("the bank's statement (CSV, OFX/QFX or CAMT.053): only the postings "
                            "its "
                            "lines dated on or before --statement-date are in the book as are "
                            "cleared; the lines not in the book are listed with their suggestion"))
    sub.add_argument("--accept-suggestions", action="store_true",
                     help=_("with --statement: record the suggestions of the lines not in the book "
                            "and clear them too, only when the difference is then zero"))
    sub.add_argument("--report", type=file_name, metavar="FILE",
                     help=_("also write the reconciliation report as a PDF: the statement balance, "
                            "the uncleared postings and the book balance (stamped DRAFT, with the "
                            "difference, when nothing is recorded)"))
    sub.add_argument("--undo", type=id_argument, metavar="ID",
                     help=_("undo reconciliation ID (the latest of its account)"))


def run_reconcile(args: argparse.Namespace, out: TextIO) -> int:
    given = [name for name in _STATEMENT if getattr(args, name) is not None]
    if args.undo is not None:
        if (given or args.statement is not None or args.accept_suggestions
                or args.report is not None):
            raise CliError(_("--undo ID goes alone: it takes no --account, --statement-date, "
                             "--statement-balance, --statement or --report."))
        return _undo(args.path, args.undo, out)
    if len(given) < len(_STATEMENT):
        raise CliError(_("reconcile needs --account, --statement-date and --statement-balance (or "
                         "--undo ID)."))
    if args.accept_suggestions and args.statement is None:
        raise CliError(_("--accept-suggestions needs --statement FILE: the suggestions are "
                         "those of the statement's lines not in the book."))
    from ledgerdesk.cli.reconcile_report import check_report_target, write_report

    check_report_target(args.report)
    if args.statement is not None:
        from ledgerdesk.cli.reconcile_statement import reconcile_statement

        return reconcile_statement(args, out)
    from ledgerdesk.cli.reconciliations import said, write_draft
    from ledgerdesk.presentation.print_reconciliation import ReportFigures, finished_report
    from ledgerdesk.services.reconciliation import finish_reconciliation, start_reconciliation

    statement = (args.account, args.statement_date, args.statement_balance)
    with opened(args.path) as book:
        draft = start_reconciliation(book, *statement)
        ticked = draft.all_ids  # no statement file: everything by its date is on it
        write_draft(draft, ticked, out)
        out.flush()
        if not draft.difference(ticked).is_zero:
            write_report(args.report, book, ReportFigures.of(draft, ticked), out)
        done = finish_reconciliation(book, *statement, ticked)
        write_report(args.report, book, finished_report(book, draft, done), out)
    out.write(said(ngettext("Finished {what}: {count} posting cleared.",
                            "Finished {what}: {count} postings cleared.",
                            done.cleared).format(what=done.describe(), count=done.cleared)))
    return 0


def _undo(path: str, reconciliation_id: int, out: TextIO) -> int:
    from ledgerdesk.cli.reconciliations import said
    from ledgerdesk.domain.reconciliation import undone_words
    from ledgerdesk.services.reconciliation import undo_reconciliation

    with opened(path) as book:
        undone = undo_reconciliation(book, reconciliation_id)
    out.write(said(f"{undone_words(undone)}."))
    return 0


def cleared_refusal(exc: Cleared, path: str) -> CliError:
    """The refusal of a void with the command that undoes the reconciliation in it."""
    command = _("ledgerdesk reconcile {quote} --undo {id}").format(
                  quote=shlex.quote(path), id=exc.reconciliation.id)
    return CliError(exc.said(command))
