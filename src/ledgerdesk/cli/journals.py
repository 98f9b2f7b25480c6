"""``ledgerdesk journal``: record a manual journal, or print every problem and change nothing.

Each ``--debit CODE=AMOUNT`` and ``--credit CODE=AMOUNT`` is one line, in the order given
(so ``lines[2]`` in a problem is the third of them); ``CODE=AMOUNT:description`` gives the
line a description (everything after the first colon, colons included).  One service call
records it, checked again inside its own write transaction.
"""

from __future__ import annotations

import argparse
import re
from decimal import Decimal
from typing import Any, NamedTuple, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import parse_amount, parse_date
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.domain.problems import Problem, ValidationFailed

_LINE_FIELD = re.compile(r"lines\[([0-9]+)\]")


class LineArgument(NamedTuple):
    side: str  # "debit" or "credit"
    code: str
    amount: Decimal
    description: str
    typed: str  # as the user wrote it, for the problem lines

    @property
    def label(self) -> str:
        return f"--{self.side} {self.typed}"


def parse_line(text: str) -> tuple[str, Decimal, str, str]:
    """``CODE=AMOUNT`` or ``CODE=AMOUNT:description`` (and the text as typed)."""
    code, sep, rest = text.partition("=")
    amount, _colon, description = rest.partition(":")
    if not sep or not code.strip() or not amount.strip():
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a line; write CODE=AMOUNT or CODE=AMOUNT:description, like "
              "6000=120.00:Rent for May").format(text=text)
        )
    return code.strip(), parse_amount(amount), description.strip(), text


class AppendLine(argparse.Action):
    """``--debit`` and ``--credit`` append to one list, so the lines keep their order."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        code, amount, description, typed = values  # parsed by ``parse_line``
        side = "debit" if option_string == "--debit" else "credit"
        lines = list(getattr(namespace, self.dest, None) or [])
        lines.append(LineArgument(side, code, amount, description, typed))
        setattr(namespace, self.dest, lines)


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "journal", _("record a manual journal, or list every problem and change nothing"),
        _("Record a manual journal (owner's capital, a loan, a tax payment, depreciation, "
          "wages). Give each line as --debit CODE=AMOUNT or --credit CODE=AMOUNT, repeated, in "
          "order; CODE=AMOUNT:description gives a line its description. The debits must equal "
          "the credits; the receivable and payable accounts move only with documents."),
    )
    sub.add_argument("path", metavar="PATH", help=_("the book file"))
    sub.add_argument("--date", required=True, type=parse_date, metavar="DATE",
                     help=_("the journal's date, YYYY-MM-DD"))
    sub.add_argument("--memo", required=True, metavar="TEXT", help=_("what the journal is for"))
    for side, what in (("debit", _("a line that debits account CODE with AMOUNT (repeatable)")),
                       ("credit", _("a line that credits account CODE with AMOUNT (repeatable)"))):
        sub.add_argument(f"--{side}", dest="lines", action=AppendLine, default=[],
                         type=parse_line, metavar="CODE=AMOUNT[:TEXT]", help=what)


def run_journal(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ledgerdesk.services.commands import problems_from
    from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
    from ledgerdesk.services.journals import record_journal

    lines: list[LineArgument] = args.lines
    with opened(args.path) as book:
        try:
            command = RecordJournal(date=args.date, memo=args.memo, lines=[
                JournalLineInput(account_code=ln.code, description=ln.description,
                                 **{ln.side: ln.amount})
                for ln in lines
            ])
            recorded = record_journal(book, command)
        except ValidationFailed as exc:
            report_refusal(exc.problems, lines, err)
            return 1
        except _validation_error() as exc:
            report_refusal(problems_from(exc), lines, err)
            return 1
    out.write(_("Recorded {number} ({memo}): {total} debited and credited.").format(
        number=recorded.number,
        memo=shown_inert(command.memo),
        total=recorded.total) + "\n")
    return 0


def _validation_error() -> type[Exception]:
    from pydantic import ValidationError

    return ValidationError


def report_refusal(problems: list[Problem], lines: list[LineArgument], err: TextIO) -> None:
    """Every problem on its own line, ``lines[i]`` followed by the option that gave it; the
    problems of the journal as a whole (``lines``) last."""
    err.write(_("ledgerdesk journal: the journal was not recorded (nothing was changed):") + "\n")
    ordered = sorted(problems, key=lambda p: p.field == "lines")
    for problem in ordered:
        err.write(f"  {field_label(problem.field, lines)}: {shown_inert(problem.message)}\n")


def field_label(field: str, lines: list[LineArgument]) -> str:
    """``lines[1].account_code`` -> ``lines[1].account_code (--credit 1100=80)``."""
    match = _LINE_FIELD.match(field)
    if match is None or int(match.group(1)) >= len(lines):
        return field
    return f"{field} ({lines[int(match.group(1))].label})"
