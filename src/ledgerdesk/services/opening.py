"""Recording opening balances: one write transaction, every problem named, or nothing.

A book takes them once, before anything else: a second set, or a start date on or before
any entry already in the book, is refused in one sentence, since an accountant expects
exactly one opening entry and the trial balance on the date to be the lines entered.
Contacts the lines name are found by name, or created when the caller asks (as the
invoice and bill imports do); each created one is said.  The start date and the opening
journal's number are kept in the settings, where ``check`` finds them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import Lifecycle, Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountRole
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.opening import (
    OPENING_MEMO,
    OpeningLine,
    document_kind,
    opening_document,
    opening_journal,
    validate_opening,
)
from ledgerdesk.domain.postings import document_entry
from ledgerdesk.domain.problems import NotAllowed, Problem, ValidationFailed
from ledgerdesk.domain.wording import Words
from ledgerdesk.services.commands import NewContact
from ledgerdesk.services.contacts import add_contact_in
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal_in
from ledgerdesk.services.lock import refuse_inside_lock
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import base_currency, chart_roles

Tx = Any  # a ``Transaction`` that also keeps journals and opening reads (``storage``)
#: The settings key holding ``{"as_of": ISO date, "journal": number or ""}``.
OPENING_SETTING = "opening_balances"


@dataclass(frozen=True, slots=True)
class OpenedBalances:
    as_of: dt.date
    journal_number: str  # "" when every line was an open document
    created: list[tuple[int, Words]] = field(default_factory=list)  # (line index, words)
    committed: bool = True


class _DryRun(Exception):
    def __init__(self, result: OpenedBalances) -> None:
        self.result = result


def record_opening_balances(book: Book, as_of: dt.date, lines: list[OpeningLine], *,
                            create_contacts: bool = False,
                            dry_run: bool = False) -> OpenedBalances:
    """Record ``lines`` as the book's opening balances on ``as_of``; raises
    ``ValidationFailed`` (every problem) or ``NotAllowed`` (one sentence) and changes nothing."""
    try:
        with book.write() as tx:
            result = record_opening_in(tx, as_of, lines, create_contacts=create_contacts)
            if dry_run:
                raise _DryRun(dataclasses.replace(result, committed=False))
    except _DryRun as done:
        return done.result
    return result


def record_opening_in(tx: Tx, as_of: dt.date, lines: list[OpeningLine], *,
                      create_contacts: bool = False) -> OpenedBalances:
    """``record_opening_balances`` inside the caller's transaction."""
    refuse_inside_lock(tx, as_of, _("the opening balance entry"))
    refuse_unless_first(tx, as_of)
    accounts, currency = tx.accounts(), base_currency(tx)
    problems = validate_opening(lines, accounts, currency, tx.number_prefixes())
    problems += _taken(tx, lines, accounts)
    created: list[tuple[int, Words]] = []
    contacts = _contacts(tx, lines, accounts, create_contacts, problems, created)
    if problems:
        raise ValidationFailed(sorted(problems, key=_line_order))
    other_side = _retained_earnings(accounts)
    roles = chart_roles(accounts)
    for i, line in enumerate(lines):
        kind = document_kind(line, accounts)
        if kind is None:
            continue
        doc = opening_document(line, kind, contacts[i], as_of, other_side, currency)
        document_id = tx.add_document(dataclasses.replace(doc, number=None))
        tx.mark_authorised(document_id, doc.number)
        posted = dataclasses.replace(doc, id=document_id, lifecycle=Lifecycle.AUTHORISED)
        tx.post(document_entry(posted, roles))
        created.append((i, (_("{label} {number} for {contact}, ").format(
                                label=kind.label, number=doc.number, contact=line.contact.strip()),
                            Money.of(line.amount, currency))))
    number = _journal(tx, lines, accounts, as_of, other_side, currency, created)
    tx.set_setting(OPENING_SETTING, json.dumps({"as_of": as_of.isoformat(), "journal": number}))
    tx.audit("opening_balances", "book", None, {"as_of": as_of.isoformat(), "journal": number,
                                                "lines": len(lines)})
    return OpenedBalances(as_of, number, created)


def refuse_unless_first(tx: Tx, as_of: dt.date) -> None:
    """``NotAllowed`` unless the book can take opening balances on ``as_of`` now."""
    if (opened := _opened(tx)) is not None:
        journal = f" ({opened[1]})" if opened[1] else ""
        raise NotAllowed(
            _("This book already has opening balances as of {opened}{journal}; a book has one "
              "opening entry: correct it with a manual journal.").format(
                opened=opened[0].isoformat(),
                journal=journal))
    first = tx.first_entry_through(as_of)
    if first is not None:
        raise NotAllowed(
            _("The book already has entries dated on or before {as_of} (the first on {first}); "
              "opening balances come before everything else: choose a date before the first "
              "entry.").format(as_of=as_of.isoformat(), first=first.isoformat()))


def opening_balances_of(book: Book) -> tuple[dt.date, str] | None:
    """(start date, opening journal's number or "") once a book has opening balances."""
    with book.read() as tx:
        return _opened(tx)


def _opened(tx: Tx) -> tuple[dt.date, str] | None:
    stored = tx.get_setting(OPENING_SETTING)
    if not stored:
        return None
    value = json.loads(stored)
    return dt.date.fromisoformat(value["as_of"]), str(value.get("journal", ""))


def _journal(tx: Tx, lines: list[OpeningLine], accounts: dict[str, Account], as_of: dt.date,
             other_side: str, currency: str, created: list[tuple[int, Words]]) -> str:
    journal = opening_journal(lines, accounts, as_of, other_side, currency)
    if journal is None:
        return ""
    recorded = record_journal_in(tx, RecordJournal(date=as_of, memo=OPENING_MEMO, lines=[
        JournalLineInput(account_code=ln.account_code, debit=ln.debit, credit=ln.credit,
                         description=ln.description) for ln in journal.lines]))
    created.append((-1, (_("journal {number} {opening_memo}, ").format(
                             number=recorded.number, opening_memo=OPENING_MEMO), recorded.total)))
    return recorded.number


def _taken(tx: Tx, lines: list[OpeningLine], accounts: dict[str, Account]) -> list[Problem]:
    wanted = {i: (kind, ln.number.strip()) for i, ln in enumerate(lines)
              if (kind := document_kind(ln, accounts)) and ln.number.strip()}
    taken = tx.numbers_taken(wanted.values())
    return [Problem(f"lines[{i}].number", "taken",
                    _("The book already has {label} {number}; each has its own number.").format(
                        label=kind.label,
                        number=number))
            for i, (kind, number) in wanted.items() if (kind, number) in taken]


def _contacts(tx: Tx, lines: list[OpeningLine], accounts: dict[str, Account], create: bool,
              problems: list[Problem], created: list[tuple[int, Words]]) -> dict[int, int]:
    """Each document line's contact id; a missing one created (said) or a problem."""
    found: dict[int, int] = {}
    sides: dict[str, set[Side]] = {}  # a new contact on both sides is created as both
    for line in lines:
        if (kind := document_kind(line, accounts)) is not None:
            sides.setdefault(line.contact.strip().casefold(), set()).add(kind.side)
    for i, line in enumerate(lines):
        kind, name = document_kind(line, accounts), line.contact.strip()
        if kind is None or not name or any(p.field == f"lines[{i}].contact" for p in problems):
            continue
        contact = tx.find_contact(name)
        role = ContactRole.CUSTOMER if kind.side is Side.SALES else ContactRole.SUPPLIER
        if contact is not None and contact.id is not None:
            if not (contact.role.is_customer if role is ContactRole.CUSTOMER
                    else contact.role.is_supplier):
                problems.append(Problem(f"lines[{i}].contact", "role",
                                        _("{name} is not a {value}.").format(
                                            name=contact.name,
                                            value=role.value.lower())))
            found[i] = contact.id
        elif create:
            if len(sides[name.casefold()]) > 1:
                role = ContactRole.BOTH
            found[i] = add_contact_in(tx, NewContact(name=name, role=role))
            created.append((i, (_("contact {name} (new, {role})").format(
                                    name=name, role=role.value.lower()),)))
        else:
            problems.append(Problem(
                f"lines[{i}].contact", "not_found",
                _("There is no contact named {name!r}; add it first, or choose to create missing "
                  "contacts.").format(name=name)))
    return found


def _retained_earnings(accounts: dict[str, Account]) -> str:
    return min(a.code for a in accounts.values() if a.role is AccountRole.RETAINED_EARNINGS)


def _line_order(problem: Problem) -> tuple[int, str]:
    head = problem.field.split(".")[0]
    return (int(head[6:-1]) if head.startswith("lines[") else 1 << 30), problem.field

