"""Validation of invoices, bills and credit notes before they are saved or authorised.

A due date before the date is a slip in a document written here, so it is refused.  A
document brought in as it stands elsewhere is another matter: an invoice still open on a
book's opening day is dated that day but was issued before it, and may be overdue already.
The opening balances record such documents, our exports write them, and the invoice and
bill imports (of issued documents; a draft is finished here) take them back the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ledgerdesk.domain.contacts import Contact
from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.documents import Document, Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account
from ledgerdesk.domain.money import MAX_AMOUNT, is_currency_code
from ledgerdesk.domain.problems import Problem

_MAX_QUANTITY = Decimal(10) ** 9


def validate_document(
    doc: Document,
    contact: Contact | None,
    accounts: Mapping[str, Account],
    *,
    base_currency: str,
    authorising: bool,
    brought_in: bool = False,
) -> list[Problem]:
    """Every problem with ``doc``; a draft may be incomplete, an authorised one may not.
    ``brought_in``: recorded as issued elsewhere, so its due date may be before its date."""
    problems: list[Problem] = []
    if contact is None:
        problems.append(Problem("contact", "required", _("Choose a contact.")))
    elif doc.kind.side is Side.SALES and not contact.role.is_customer:
        problems.append(Problem("contact", "role", _("{name} is not a customer.").format(
                                                       name=contact.name)))
    elif doc.kind.side is Side.PURCHASES and not contact.role.is_supplier:
        problems.append(Problem("contact", "role", _("{name} is not a supplier.").format(
                                                       name=contact.name)))
    if doc.due_date < doc.issue_date and not brought_in:
        problems.append(Problem("due_date", "before_issue", _("The due date is before the date.")))
    currency_problems = _currency_problems(doc, base_currency)
    problems.extend(currency_problems)
    for i, line in enumerate(doc.lines):
        problems.extend(_line_problems(f"lines[{i}]", line, accounts))
    if not currency_problems:
        problems.extend(_total_problems(doc, authorising))
    return problems


def _currency_problems(doc: Document, base_currency: str) -> list[Problem]:
    if not is_currency_code(doc.currency):
        return [Problem("currency", "invalid", _("{currency!r} is not a currency code.").format(
                                                   currency=doc.currency))]
    if doc.currency != base_currency:
        if why := currency_problem(doc.currency):
            return [Problem("currency", "invalid", why)]
        if not doc.exchange_rate.is_finite() or doc.exchange_rate <= 0:
            return [Problem("exchange_rate", "not_positive",
                            _("An exchange rate is more than zero."),
                            {"attempted": doc.exchange_rate})]
        return []
    if doc.exchange_rate != 1:
        return [Problem("exchange_rate", "not_one", _("A base-currency document has rate 1."))]
    return []


def _line_problems(path: str, line, accounts: Mapping[str, Account]) -> list[Problem]:
    problems: list[Problem] = []
    account = accounts.get(line.account_code)
    if account is None:
        problems.append(Problem(
            f"{path}.account_code", "not_found", _("There is no account {account_code!r}.").format(
                                                     account_code=line.account_code)
        ))
    elif not account.accepts_lines:
        problems.append(Problem(
            f"{path}.account_code", "control",
            _("{code} {name} is kept by the books; choose another account.").format(
                code=account.code,
                name=account.name),
        ))
    elif account.archived:
        problems.append(Problem(
            f"{path}.account_code", "archived",
            _("{code} {name} is archived; choose another account.").format(
                code=account.code,
                name=account.name),
        ))
    if not (0 < line.quantity < _MAX_QUANTITY):
        problems.append(Problem(
            f"{path}.quantity", "out_of_range", _("The quantity must be more than zero."),
            {"attempted": line.quantity},
        ))
    if not (0 <= line.unit_price < MAX_AMOUNT):
        problems.append(Problem(
            f"{path}.unit_price", "out_of_range",
            _("The price must be zero or more; use a credit note to give money back."),
            {"attempted": line.unit_price},
        ))
    if not (0 <= line.discount_percent <= 100):
        problems.append(Problem(
            f"{path}.discount_percent", "out_of_range", _("A discount is 0 to 100 percent."),
            {"attempted": line.discount_percent},
        ))
    if not (0 <= line.tax_rate <= 100):
        problems.append(Problem(
            f"{path}.tax_rate", "out_of_range", _("A tax rate is 0 to 100 percent."),
            {"attempted": line.tax_rate},
        ))
    return problems


def _total_problems(doc: Document, authorising: bool) -> list[Problem]:
    """Even a draft must have a total the book can hold; an authorised one needs a positive one."""
    try:
        doc_total = doc.totals().total
    except ValueError:
        return [Problem("lines", "too_large", _("The total is too large for the book."))]
    if not authorising:
        return []
    if not doc.lines:
        return [Problem("lines", "required", _("Add at least one line before authorising."))]
    if not doc_total.is_positive:
        return [Problem(
            "lines", "not_positive", _("The total must be more than zero to authorise."),
            {"total": doc_total.amount},
        )]
    return []
