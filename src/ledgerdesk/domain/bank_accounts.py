"""Which accounts are bank accounts, and the one sentence every command says when a code
is not one: a payment's ``--bank``, a statement import's, a reconciliation's account, a tax
settlement's, an exported statement's.  It names the bank accounts there are, so the user
can pick one without listing the chart."""

from __future__ import annotations

from collections.abc import Mapping

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountRole


def bank_accounts_words(chart: Mapping[str, Account]) -> str:
    """"the bank accounts are 1000 Bank, 1010 Savings" (those in use, by code)."""
    banks = [f"{a.code} {a.name}" for a in sorted(chart.values(), key=lambda a: a.code)
             if a.role is AccountRole.BANK and not a.archived]
    return _("the bank accounts are {items}").format(items=', '.join(banks)) if banks else \
        _("the book has no bank account in use")


def bank_account_problem(code: str, chart: Mapping[str, Account]) -> str | None:
    """Why ``code`` is not a bank account of ``chart``; None when it is one (archived or
    not: whether an archived one will do is the caller's rule)."""
    account = chart.get(code)
    if account is not None and account.role is AccountRole.BANK:
        return None
    shown = code if code.isprintable() else repr(code)  # one line, whatever was typed
    if account is None:
        return _("There is no account {shown}; {bank_accounts_words}.").format(
                   shown=shown, bank_accounts_words=bank_accounts_words(chart))
    return _("{code} {name} is not a bank account; {bank_accounts_words}.").format(
               code=code, name=account.name, bank_accounts_words=bank_accounts_words(chart))
