"""Opening balances: a business's balances, and its open invoices and bills, on a start date.

Each line is an account with a debit or a credit.  A line on the receivable or payable
account is one open document (an invoice or bill; a credit there is an open credit note)
with its contact, number and due date; the other lines leave those empty.  The lines must
balance to the cent.

What they post: every document as it would be authorised, its other side on the retained
earnings account, and ONE journal, "Opening balances", holding the other lines plus the
same amount back on retained earnings.  So the control accounts keep equalling what is
outstanding (they move only with documents), retained earnings nets to what the lines put
on it, and the trial balance on the date equals the lines.  ``validate_opening`` is pure
and returns every problem with its field (``lines[3].number``, ``lines``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import Document, DocumentKind, LineItem, TaxMode
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.journals import JournalLine, ManualJournal
from ledgerdesk.domain.ledger import Account, AccountRole
from ledgerdesk.domain.money import MAX_AMOUNT, Money, minor_exponent, quantize
from ledgerdesk.domain.numbering import format_number
from ledgerdesk.domain.plain_text import text_problem
from ledgerdesk.domain.problems import Problem

OPENING_MEMO = "Opening balances"
OPENING_LINE = "Opening balance"  # the one line of an opening document
#: What the journal's retained earnings line says it is for.
OTHER_SIDE = "The other side of the opening invoices and bills"

#: (control role, the line is a debit) -> the document it becomes
_KINDS = {
    (AccountRole.RECEIVABLE, True): DocumentKind.SALES_INVOICE,
    (AccountRole.RECEIVABLE, False): DocumentKind.SALES_CREDIT_NOTE,
    (AccountRole.PAYABLE, False): DocumentKind.BILL,
    (AccountRole.PAYABLE, True): DocumentKind.PURCHASE_CREDIT_NOTE,
}
_DOCUMENT_FIELDS = ("contact", "number", "due_date")


@dataclass(frozen=True, slots=True)
class OpeningLine:
    account_code: str
    debit: Decimal | None = None
    credit: Decimal | None = None
    contact: str = ""  # receivable and payable lines only, as are the next two
    number: str = ""
    due_date: dt.date | None = None

    @property
    def signed(self) -> Decimal:
        return (self.debit or Decimal(0)) - (self.credit or Decimal(0))

    @property
    def amount(self) -> Decimal:
        return abs(self.signed)


def document_kind(line: OpeningLine, accounts: Mapping[str, Account]) -> DocumentKind | None:
    """The document a line becomes, or None for a plain balance."""
    account = accounts.get(line.account_code)
    if account is None or account.role is None:
        return None
    return _KINDS.get((account.role, line.debit is not None))


def validate_opening(lines: list[OpeningLine], accounts: Mapping[str, Account], currency: str,
                     prefixes: Mapping[DocumentKind, str]) -> list[Problem]:
    """Every problem with ``lines`` against the chart; changes nothing.  ``prefixes`` are
    the book's own number series: an opening document may not take a number they will."""
    problems: list[Problem] = []
    debits = credits = Decimal(0)
    seen: set[tuple[DocumentKind, str]] = set()
    for i, line in enumerate(lines):
        problems.extend(_account_problems(f"lines[{i}]", line, accounts))
        amount = _amount_problem(f"lines[{i}]", line, currency)
        if amount is not None:
            problems.append(amount)
        else:
            debits += line.debit or 0
            credits += line.credit or 0
        kind = document_kind(line, accounts)
        problems.extend(_document_problems(f"lines[{i}]", line, kind, prefixes))
        key = (kind, line.number.strip().casefold()) if kind else None
        if key and line.number.strip():
            if key in seen:
                problems.append(Problem(f"lines[{i}].number", "duplicate",
                                        _("{number} is on an earlier line too; each open {label} "
                                          "has its own number.").format(
                                            number=line.number.strip(),
                                            label=kind.label)))
            seen.add(key)
    if not lines:
        problems.append(Problem("lines", "no_lines", _("Enter at least one balance.")))
    elif max(debits, credits) >= MAX_AMOUNT:
        problems.append(Problem("lines", "too_large",
                                _("The lines add up to more than the book can hold.")))
    elif debits != credits:
        problems.append(unbalanced(debits, credits, currency))
    return problems


def unbalanced(debits: Decimal, credits: Decimal, currency: str) -> Problem:
    difference = abs(debits - credits)
    more = _("the debits are more") if debits > credits else _("the credits are more")
    return Problem(
        "lines", "unbalanced",
        _("The debits ({debits}) and credits ({credits}) differ by {difference}: {more}, and "
          "opening balances must balance to the cent.").format(
            debits=Money.of(debits, currency), credits=Money.of(credits, currency),
            difference=Money.of(difference, currency), more=more),
        {"debits": debits, "credits": credits, "difference": difference},
    )


def _account_problems(path: str, line: OpeningLine,
                      accounts: Mapping[str, Account]) -> list[Problem]:
    account = accounts.get(line.account_code)
    if account is None:
        shown = line.account_code or "(none)"
        return [Problem(f"{path}.account_code", "unknown_account",
                        _("There is no account {shown} in the chart; choose one that is.").format(
                            shown=shown))]
    if account.archived:
        return [Problem(f"{path}.account_code", "archived_account",
                        _("{code} {name} is archived; choose an account in use.").format(
                            code=account.code,
                            name=account.name))]
    return []


def _amount_problem(path: str, line: OpeningLine, currency: str) -> Problem | None:
    if line.debit is None and line.credit is None:
        return Problem(f"{path}.debit", "no_amount", _("Enter a debit or a credit on this line."))
    if line.debit is not None and line.credit is not None:
        return Problem(f"{path}.debit", "both_sides",
                       _("A balance is either a debit or a credit, not both."))
    side = "debit" if line.debit is not None else "credit"
    amount = line.amount
    if not (line.debit or line.credit or 0) > 0:
        return Problem(f"{path}.{side}", "not_positive", _("A {side} must be more than "
                                                           "zero.").format(
                                                             side=side))
    if amount >= MAX_AMOUNT:
        return Problem(f"{path}.{side}", "too_large", _("The {side} is too large for the "
                                                        "book.").format(
                                                          side=side))
    if quantize(amount, currency) != amount:
        return Problem(f"{path}.{side}", "too_many_places",
                       _("{amount} has more decimal places than {currency} allows "
                         "({minor_exponent}).").format(
                           amount=amount,
                           currency=currency,
                           minor_exponent=minor_exponent(currency)))
    return None


def _document_problems(path: str, line: OpeningLine, kind: DocumentKind | None,
                       prefixes: Mapping[DocumentKind, str]) -> list[Problem]:
    given = {"contact": line.contact.strip(), "number": line.number.strip(),
             "due_date": line.due_date}
    if kind is None:
        return [Problem(f"{path}.{name}", "not_a_document",
                        _("Only a receivable or payable balance has a {replace}; leave it empty "
                          "on this line.").format(replace=name.replace('_', ' ')))
                for name in _DOCUMENT_FIELDS if given[name]]
    problems = [Problem(f"{path}.{name}", "required",
                        _("An open {label} needs its {replace}.").format(
                            label=kind.label,
                            replace=name.replace('_', ' ')))
                for name in _DOCUMENT_FIELDS if not given[name]]
    for name in ("contact", "number"):
        if given[name] and (why := text_problem(str(given[name]), name)):
            problems.append(Problem(f"{path}.{name}", "plain_text", why))
    number = str(given["number"])
    prefix = prefixes.get(kind, "")
    digits = number[len(prefix):] if number.upper().startswith(prefix.upper()) else ""
    if digits.isascii() and digits.isdigit() and int(digits) > 0 and (
            format_number(prefix.upper(), int(digits)) == number.upper()):
        problems.append(Problem(
            f"{path}.number", "own_series",
            _("{number} is a number this book gives its own {label}s; write the old number "
              "another way (such as OLD-{digits}) so the two never meet.").format(
                number=number,
                label=kind.label,
                digits=digits)))
    if len(number) > 50:
        problems.append(Problem(f"{path}.number", "too_long", _("A number has 50 characters at "
                                                                "most.")))
    return problems


def opening_document(line: OpeningLine, kind: DocumentKind, contact_id: int, as_of: dt.date,
                     other_side: str, currency: str) -> Document:
    """A line's open document, a draft to be authorised under its own number.  It is dated
    ``as_of`` and falls due when the line says, which may be before (it was overdue then)."""
    item = LineItem(OPENING_LINE, Decimal(1), line.amount, other_side)
    return Document(kind=kind, contact_id=contact_id, issue_date=as_of,
                    due_date=line.due_date or as_of, currency=currency, lines=(item,),
                    tax_mode=TaxMode.NO_TAX, reference=OPENING_LINE,
                    number=line.number.strip(), extra={"opening": as_of.isoformat()})


def opening_journal(lines: list[OpeningLine], accounts: Mapping[str, Account], as_of: dt.date,
                    other_side: str, currency: str) -> ManualJournal | None:
    """The one journal of the plain balances, with the documents' side given back on
    ``other_side``; None when every line is a document and they balance by themselves."""
    plain = [JournalLine(ln.account_code, ln.debit, ln.credit)
             for ln in lines if document_kind(ln, accounts) is None]
    documents = sum((ln.signed for ln in lines if document_kind(ln, accounts)), Decimal(0))
    if documents > 0:
        plain.append(JournalLine(other_side, debit=documents, description=OTHER_SIDE))
    elif documents < 0:
        plain.append(JournalLine(other_side, credit=-documents, description=OTHER_SIDE))
    return ManualJournal(as_of, OPENING_MEMO, tuple(plain), currency) if plain else None
