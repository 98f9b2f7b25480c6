"""Setting up a new book: company details, base currency, chart of accounts, tax codes,
numbering."""

from __future__ import annotations

import dataclasses

from ledgerdesk.domain.currencies import currency_problem, is_iso_currency
from ledgerdesk.domain.fiscal_year import FiscalYearStart, fiscal_year_problem
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import DEFAULT_CHART, Account, AccountRole, AccountType
from ledgerdesk.domain.plain_text import text_problem
from ledgerdesk.domain.postings import ChartRoles
from ledgerdesk.domain.problems import NotAllowed, Problem, ValidationFailed
from ledgerdesk.services.fiscal_year import FISCAL_YEAR_START
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.tax_codes import add_default_codes_in

COMPANY_NAME = "company_name"
BASE_CURRENCY = "base_currency"


def initialise_book(book: Book, company_name: str, base_currency: str,
                    fiscal_year_start: str = "01-01") -> None:
    """Give a freshly created book its settings, default chart and number prefixes."""
    problems = []
    if not company_name.strip():
        problems.append(Problem("company_name", "required", _("Type the company's name.")))
    elif why := text_problem(company_name, _("company name")):
        problems.append(Problem("company_name", "plain_text", why))
    if not is_iso_currency(base_currency):
        problems.append(Problem("base_currency", "invalid", currency_problem(base_currency)))
    if why := fiscal_year_problem(fiscal_year_start):
        problems.append(Problem("fiscal_year_start", "invalid", why))
    if problems:
        raise ValidationFailed(problems)
    with book.write() as tx:
        if tx.get_setting(BASE_CURRENCY) is not None:
            raise NotAllowed(_("This book is already set up."))
        tx.set_setting(COMPANY_NAME, company_name)
        tx.set_setting(BASE_CURRENCY, base_currency)
        year_start = FiscalYearStart.parse(fiscal_year_start)
        tx.set_setting(FISCAL_YEAR_START, str(year_start))
        for account in DEFAULT_CHART:
            tx.add_account(account)
        add_default_codes_in(tx)
        tx.audit("initialise", "book", None, {"company": company_name, "currency": base_currency,
                                              "fiscal_year_start": str(year_start)})


def add_account(book: Book, account: Account) -> None:
    """Extend the chart; the roles the rules post to are fixed by the default chart."""
    problems = []
    if not account.code.strip() or not account.name.strip():
        problems.append(Problem("code", "required", _("An account needs a code and a name.")))
    for field, label, value in (("code", _("account code"), account.code),
                                ("name", _("account name"), account.name)):
        if why := text_problem(value, label):
            problems.append(Problem(field, "plain_text", why))
    if account.role is not None and account.role is not AccountRole.BANK:
        problems.append(Problem("role", "reserved", _("Only bank accounts can be added with a "
                                                      "role.")))
    if account.role is AccountRole.BANK and account.type is not AccountType.ASSET:
        problems.append(Problem("type", "bank_asset", _("A bank account is an asset account.")))
    if account.currency is not None:
        if account.role is not AccountRole.BANK:
            problems.append(Problem("currency", "not_bank", _(
                "Only a bank account is kept in a currency of its own.")))
        elif why := currency_problem(account.currency):
            problems.append(Problem("currency", "invalid", why))
    if problems:
        raise ValidationFailed(problems)
    with book.write() as tx:
        if account.currency == base_currency(tx):  # the home currency is kept as none
            account = dataclasses.replace(account, currency=None)
        if account.code in tx.accounts():
            raise ValidationFailed(
                [Problem("code", "duplicate", _("Account {code} already exists.").format(
                                                  code=account.code))]
            )
        tx.add_account(account)


def base_currency(tx: Transaction) -> str:
    value = tx.get_setting(BASE_CURRENCY)
    if value is None:
        raise NotAllowed(_("This book has no base currency; it was not set up."))
    return value


def posting_roles(tx: Transaction) -> ChartRoles:
    """The chart's roles and each tax code's own account: what documents post to."""
    roles = chart_roles(tx.accounts())
    roles.tax_accounts = {c.id: c.account_code for c in tx.tax_codes() if c.id is not None}
    return roles


def chart_roles(accounts: dict[str, Account]) -> ChartRoles:
    by_role = {a.role: a.code for a in sorted(accounts.values(), key=lambda a: a.code) if a.role}
    return ChartRoles(
        receivable=by_role[AccountRole.RECEIVABLE],
        payable=by_role[AccountRole.PAYABLE],
        sales_tax=by_role[AccountRole.SALES_TAX],
    )


def default_bank(accounts: dict[str, Account]) -> str:
    banks = sorted(a.code for a in accounts.values()
                   if a.role is AccountRole.BANK and not a.archived)
    if not banks:
        raise NotAllowed(_("The chart has no bank account."))
    return banks[0]
