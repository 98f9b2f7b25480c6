"""``ledgerdesk bank-rule`` and ``export-statement``: remember a bank rule; write a bank
account's postings as a statement CSV (``list bank-rules`` lists the rules)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import parse_date
from ledgerdesk.cli.output import Column, export_csv
from ledgerdesk.domain.i18n import N_, _

#: One row per rule (``services.bank_rules.BankRuleRow``).
BANK_RULE_COLUMNS = (
    Column("id", N_("Id"), 4, lambda r: r.rule.id, numeric=True),
    Column("reference_contains", N_("Reference contains"), 24, lambda r: r.rule.reference_contains),
    Column("account", N_("Account"), 7, lambda r: r.rule.account_code),
    Column("account_name", N_("Account name"), 24, lambda r: r.account_name),
    Column("memo", N_("Memo"), 24, lambda r: r.rule.memo),
)


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "bank-rule", _("remember a bank rule: reference text -> account"),
        _("Remember that a statement line whose reference (or counterparty) contains TEXT, in "
          "any case, and pays no open document, is a journal between the bank and --account "
          "(bank fees, interest). `import bank --accept-suggestions` records it. Not the "
          "receivable or payable account, nor an archived one."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--reference-contains", required=True, metavar="TEXT",
                     help=_('e.g. "STRIPE FEE"'))
    sub.add_argument("--account", required=True, metavar="CODE",
                     help=_("the account the line's other side posts to"))
    sub.add_argument("--memo", default="", metavar="TEXT",
                     help=_("the journal's memo (default: the line's reference)"))
    sub = command(
        commands, "export-statement", _("write a bank account's postings as a statement CSV"),
        _("Write the standing postings of a bank account (not voids) from --from to --to as a "
          "bank statement CSV: date, amount (money in positive), reference, counterparty; the "
          "columns `import bank` reads."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--bank", "--account", dest="bank", metavar="CODE",
                     help=_("the bank account (default: the first)"))
    sub.add_argument("--from", dest="start", type=parse_date, metavar="DATE",
                     help=_("first day (default: the first posting)"))
    sub.add_argument("--to", dest="end", type=parse_date, metavar="DATE",
                     help=_("last day (default: the last posting)"))
    sub.add_argument("-o", "--output", type=file_name, metavar="FILE", default="-",
                     help=_("write to FILE (default, or '-': standard output)"))
    sub.add_argument("--bom", action="store_true",
                     help=_("start the CSV with a byte order mark (for Excel)"))


def run_bank_rule(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.services.bank_rules import add_bank_rule

    with opened(args.path) as book:
        saved = add_bank_rule(book, args.reference_contains, args.account, args.memo)
    out.write(saved.saved_words() + "\n")
    return 0


def run_export_statement(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.services.statement_export import STATEMENT_COLUMNS, statement_postings

    with opened(args.path) as book:
        found = statement_postings(book, args.bank, args.start, args.end)
    export_csv(STATEMENT_COLUMNS, found.postings, args.output, out,
               _("statement lines of {bank_code} {bank_name}").format(
                   bank_code=found.bank_code, bank_name=found.bank_name), bom=args.bom)
    return 0
