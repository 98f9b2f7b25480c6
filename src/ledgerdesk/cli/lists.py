"""``ledgerdesk list KIND PATH``: contacts, invoices, bills, credit notes, payments, the
journal (one row per journal line), the manual journal entries (one row per entry), the
lines of invoices or bills (one row per line), the chart of accounts, the audit log, the
tax codes or the bank reconciliations.

Rows stream from the book's queries straight into the table or the CSV writer, so a list
of any length runs in constant memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError, check_bom
from ledgerdesk.cli.output import Column, export_csv, write_table
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.ledger import JournalEntry, JournalLine
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.rates import rate_text
from ledgerdesk.reports.line_exports import DOCUMENT_LINE_COLUMNS
from ledgerdesk.reports.list_exports import PAYMENT_EXPORT_COLUMNS
from ledgerdesk.reports.sales_tax import Percent
from ledgerdesk.services.line_exports import LINE_LISTS, document_lines
from ledgerdesk.services.queries import (
    DOCUMENT_LISTS,
    journal,
    list_contacts,
    list_documents,
    list_payments,
)
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary
from ledgerdesk.services.reports import payment_lines

CONTACTS, PAYMENTS, JOURNAL = "contacts", "payments", "journal"
JOURNAL_ENTRIES = "journal-entries"
ACCOUNTS = "accounts"
AUDIT = "audit"
TAX_CODES = "tax-codes"
BANK_RULES = "bank-rules"
BACKUPS = "backups"
RECONCILIATIONS = "reconciliations"
RATES = "rates"
LIST_KINDS = (CONTACTS, *DOCUMENT_LISTS, PAYMENTS, JOURNAL, JOURNAL_ENTRIES, *LINE_LISTS,
              ACCOUNTS, AUDIT, TAX_CODES, BANK_RULES, BACKUPS, RECONCILIATIONS, RATES)


def document_columns(today: dt.date) -> tuple[Column, ...]:
    return (
        Column("number", _("Number"), 11, lambda d: d.number or _("(draft)")),
        Column("contact", _("Contact"), 28, lambda d: d.contact_name),
        Column("issue_date", _("Issued"), 10, lambda d: d.issue_date),
        Column("due_date", _("Due"), 10, lambda d: d.due_date),
        Column("total", _("Total"), 14, lambda d: d.total, numeric=True),
        Column("outstanding", _("Outstanding"), 14, lambda d: d.outstanding, numeric=True),
        Column("currency", _("Cur"), 3, lambda d: d.total.currency),
        Column("exchange_rate", _("Rate"), 8, lambda d: rate_text(d.exchange_rate),
               numeric=True),
        Column("status", _("Status"), 11, lambda d: d.status(today)),
    )


PAYMENT_COLUMNS = (
    # First: the name ``void`` takes, as the window shows it (PAY-00042).
    Column("number", N_("Number"), 9, lambda p: payment_number(p.id)),
    Column("date", N_("Date"), 10, lambda p: p.date),
    Column("kind", N_("Kind"), 16, lambda p: words(p.kind.value)),
    Column("contact", N_("Contact"), 24, lambda p: p.contact_name),
    Column("amount", N_("Amount"), 14, lambda p: p.amount, numeric=True),
    Column("currency", N_("Cur"), 3, lambda p: p.amount.currency),
    Column("allocated", N_("Allocated"), 14, lambda p: p.allocated, numeric=True),
    Column("allocated_currency", N_("Cur"), 3, lambda p: p.allocated.currency),
    Column("documents", N_("Documents"), 24, lambda p: p.documents),
    Column("reference", N_("Reference"), 16, lambda p: p.reference),
    Column("void", N_("Void"), 4, lambda p: p.voided),
)

CONTACT_COLUMNS = (
    Column("name", N_("Name"), 30, lambda c: c.name),
    Column("role", N_("Role"), 8, lambda c: words(c.role.value)),
    Column("email", N_("Email"), 30, lambda c: c.email),
    Column("receivable", N_("Receivable"), 14, lambda c: c.receivable, numeric=True),
    Column("payable", N_("Payable"), 14, lambda c: c.payable, numeric=True),
)


def _debit(amount: Money) -> Money | None:
    return amount if amount.is_positive else None


def _credit(amount: Money) -> Money | None:
    return -amount if not amount.is_positive and not amount.is_zero else None


#: One row per journal line: (entry, line, account name).
JOURNAL_COLUMNS = (
    Column("entry", N_("Entry"), 7, lambda r: r[0].id, numeric=True),
    Column("date", N_("Date"), 10, lambda r: r[0].date),
    Column("description", N_("Description"), 36, lambda r: r[0].memo),
    Column("source", N_("Source"), 8, lambda r: r[0].source_type.value.lower()),
    Column("source_id", N_("Id"), 7, lambda r: r[0].source_id, numeric=True),
    Column("account", N_("Account"), 7, lambda r: r[1].account_code),
    Column("account_name", N_("Account name"), 22, lambda r: r[2]),
    Column("debit", N_("Debit"), 14, lambda r: _debit(r[1].amount), numeric=True),
    Column("credit", N_("Credit"), 14, lambda r: _credit(r[1].amount), numeric=True),
    Column("currency", N_("Cur"), 3, lambda r: r[1].amount.currency),
    Column("memo", N_("Line memo"), 16, lambda r: r[1].memo),
)


#: One row per manual journal (``JournalSummary``).
JOURNAL_ENTRY_COLUMNS = (
    Column("number", N_("Number"), 9, lambda j: j.number),
    Column("date", N_("Date"), 10, lambda j: j.date),
    Column("memo", N_("Memo"), 40, lambda j: j.memo),
    Column("debit_total", N_("Debit total"), 14, lambda j: j.total, numeric=True),
    Column("status", N_("Status"), 6, lambda j: j.status),
)


#: One row per tax code (``services.tax_codes.TaxCodeUse``).
TAX_CODE_COLUMNS = (
    Column("side", N_("Side"), 9, lambda u: u.code.side.value.lower()),
    Column("name", N_("Name"), 24, lambda u: u.code.name),
    Column("rate", N_("Rate %"), 7, lambda u: Percent(u.code.rate), numeric=True),
    Column("account", N_("Account"), 7, lambda u: u.code.account_code),
    Column("used", N_("Used on"), 12, lambda u: u.used_on),
)


def journal_rows(book: Any) -> Iterator[tuple[JournalEntry, JournalLine, str]]:
    """Every journal line with its entry and account name, streamed by date."""
    accounts, entries = journal(book)
    for entry in entries:
        for line in entry.lines:
            account = accounts.get(line.account_code)
            yield entry, line, account.name if account else ""


def words(enum_value: str) -> str:
    """``CUSTOMER_RECEIPT`` -> ``customer receipt``."""
    return enum_value.replace("_", " ").lower()


def has_balance(contact: ContactSummary) -> bool:
    return not (contact.receivable.is_zero and contact.payable.is_zero)


def run_list(args: argparse.Namespace, out: TextIO) -> int:
    if args.kind == BACKUPS:  # read from their names: the book itself may be broken
        from ledgerdesk.cli.backups import run_list_backups

        check_bom(args)
        return run_list_backups(args, out)
    if args.open and args.kind in (PAYMENTS, JOURNAL, JOURNAL_ENTRIES, *LINE_LISTS, ACCOUNTS,
                                   AUDIT, TAX_CODES, BANK_RULES, RECONCILIATIONS, RATES):
        raise CliError(_("--open applies to contacts, invoices, bills and credit-notes only."))
    if args.currency is not None and args.kind != RATES:
        raise CliError(_("--currency applies to rates only."))
    check_bom(args)
    with opened(args.path) as book:
        if args.kind == RATES:
            from ledgerdesk.cli.rates import RATE_COLUMNS
            from ledgerdesk.services.rates import list_rates

            columns, rows = RATE_COLUMNS, list_rates(book, args.currency)
        else:
            columns, rows = list_source(book, args.kind, args.open, dt.date.today(),
                                        for_csv=args.csv is not None)
        noun = _(_NOUNS[args.kind]) if args.kind in _NOUNS else args.kind
        if args.csv is not None:
            export_csv(columns, rows, args.csv, out, noun, bom=args.bom)
            return 0
        count = write_table(columns, rows, out)
    outstanding = _(" with something outstanding") if args.open else ""
    out.write("\n" + _("{count} {noun}{outstanding}").format(
        count=count, noun=noun, outstanding=outstanding) + "\n")
    if args.kind == ACCOUNTS:
        out.write(_(ACCOUNTS_NOTE) + "\n")
    return 0


def list_source(
    book: Any, kind: str, open_only: bool, today: dt.date, *, for_csv: bool = False
) -> tuple[tuple[Column, ...], Iterable[Any]]:
    """The columns and the (lazy) rows of one list.  A CSV of payments reads plain rows:
    the same cells, three times as fast as building every typed summary."""
    if kind == PAYMENTS and for_csv:
        return PAYMENT_EXPORT_COLUMNS, payment_lines(book)
    if kind == CONTACTS:
        contacts: Iterator[ContactSummary] = list_contacts(book)
        return CONTACT_COLUMNS, (filter(has_balance, contacts) if open_only else contacts)
    if kind == PAYMENTS:
        payments: Iterator[PaymentSummary] = list_payments(book)
        return PAYMENT_COLUMNS, payments
    if kind == JOURNAL:
        return JOURNAL_COLUMNS, journal_rows(book)
    if kind == JOURNAL_ENTRIES:
        from ledgerdesk.services.journals import journal_entries

        return JOURNAL_ENTRY_COLUMNS, journal_entries(book)
    if kind == ACCOUNTS:
        from ledgerdesk.cli.accounts import ACCOUNT_COLUMNS
        from ledgerdesk.services.chart import list_accounts

        return ACCOUNT_COLUMNS, list_accounts(book, today).rows
    if kind == AUDIT:
        from ledgerdesk.cli.audit import AUDIT_COLUMNS
        from ledgerdesk.services.audit import audit_log

        return AUDIT_COLUMNS, audit_log(book)
    if kind == TAX_CODES:
        from ledgerdesk.services.tax_codes import tax_code_uses

        return TAX_CODE_COLUMNS, tax_code_uses(book)
    if kind == BANK_RULES:
        from ledgerdesk.cli.bank import BANK_RULE_COLUMNS
        from ledgerdesk.services.bank_rules import bank_rules

        return BANK_RULE_COLUMNS, bank_rules(book)
    if kind == RECONCILIATIONS:
        from ledgerdesk.cli.reconciliations import RECONCILIATION_COLUMNS
        from ledgerdesk.services.reconciliation import list_reconciliations

        return RECONCILIATION_COLUMNS, list_reconciliations(book)
    if kind in LINE_LISTS:
        return DOCUMENT_LINE_COLUMNS, document_lines(book, kind)
    documents: Iterator[DocumentSummary] = list_documents(book, kind, open_only=open_only)
    return document_columns(today), documents


#: For ``--help``: what each kind lists.
KIND_HELP: dict[str, str] = {
    CONTACTS: N_("customers and suppliers with what they owe and are owed"),
    "invoices": N_("sales invoices"),
    "bills": N_("supplier bills"),
    "credit-notes": N_("credit notes and kept credits, both sides"),
    PAYMENTS: N_("receipts, supplier payments and refunds"),
    JOURNAL: N_("every journal line with its entry, debit or credit"),
    JOURNAL_ENTRIES: N_("the manual journals, one row each: number, date, memo, total, status"),
    "invoice-lines": N_("every sales invoice line with its invoice (imports back whole)"),
    "bill-lines": N_("every bill line with its bill (imports back whole)"),
    ACCOUNTS: N_("the chart of accounts with each account's balance today"),
    AUDIT: N_("the audit log: when (UTC), who and what, oldest first"),
    TAX_CODES: N_("tax codes with their rate, account and a posted document using each"),
    BANK_RULES: N_("bank rules: the reference text, the account it posts to, the memo"),
    BACKUPS: N_("the book's backups, newest first: when (UTC), kind, size, verified, file"),
    RECONCILIATIONS: N_("bank reconciliations: account, statement date and balance, opening, "
                        "what they cleared, finished or undone"),
    RATES: N_("exchange rates, newest first: date, currency, home units per unit "
              "(--currency C: one currency's)"),
}
ACCOUNTS_NOTE = N_("Balances as of today, income and expense accounts since this fiscal year "
                   "began, earlier years' results in retained earnings; liabilities, equity "
                   "and income read positive in credit.")

#: What a list's rows are, for its last line and its CSV message ("12 invoices").
_NOUNS = {CONTACTS: N_("contacts"), "invoices": N_("invoices"), "bills": N_("bills"),
          "credit-notes": N_("credit-notes"), PAYMENTS: N_("payments"),
          JOURNAL: N_("journal lines"), JOURNAL_ENTRIES: N_("journal entries"),
          "invoice-lines": N_("invoice lines"), "bill-lines": N_("bill lines"),
          ACCOUNTS: N_("accounts"), AUDIT: N_("audit log rows"), TAX_CODES: N_("tax codes"),
          BANK_RULES: N_("bank rules"), BACKUPS: N_("backups"),
          RECONCILIATIONS: N_("reconciliations"), RATES: N_("exchange rates")}
