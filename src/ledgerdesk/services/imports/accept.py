"""Accepting suggestions: statement lines into payments, one document each, never twice.

The user's choices (row -> document id) come first; with ``best`` the top suggestion of each
other line is taken when it is clear (no tie).  A document's outstanding amount is used up
line by line, so two lines cannot both settle the same invoice.

A line that pays more than its documents owe keeps the excess as the contact's credit only
when the user marked that line to keep it, the rule ``pay --keep-excess-as-credit`` follows;
otherwise it is an ``Excess`` the import refuses, naming the documents and the amounts.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.wording import Words
from ledgerdesk.services.commands import AllocationInput, RecordPayment
from ledgerdesk.services.imports.matching import LineMatch, Suggestion
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.read_models import DocumentSummary


@dataclass(frozen=True, slots=True)
class PlannedPayment:
    row: int
    command: RecordPayment
    words: Words  # "payment 250.00 Acme Retail for INV-00002", the amount as Money


@dataclass(frozen=True, slots=True)
class Unmatched:
    line: StatementLine
    reason: str


@dataclass(frozen=True, slots=True)
class Excess:
    """A line paying more than its documents still owe it."""

    row: int
    amount: Decimal  # the line's, unsigned
    numbers: tuple[str, ...]  # the documents it pays
    contact_name: str
    owed: Decimal  # what those documents owed this line
    kept: bool  # the line is marked to keep the excess as credit

    @property
    def excess(self) -> Decimal:
        return self.amount - self.owed

    @property
    def reason(self) -> str:
        """Why the import refuses the line when it is not marked: one line."""
        owes = "owes" if len(self.numbers) == 1 else _("owe in all")
        return (_("{amount:f} pays {items}, which {owes} {owed:f}: the excess {excess:f} would "
                  "be kept as {contact_name}'s credit; mark the line to keep the excess, or "
                  "correct the amount").format(
                    amount=self.amount, items=', '.join(self.numbers), owes=owes, owed=self.owed,
                    excess=self.excess, contact_name=self.contact_name))


def line_tokens(lines: Iterable[StatementLine], bank_code: str = "") -> dict[int, str]:
    """A client token per line (by row), the same each time the same statement is read, so
    importing a statement twice records each payment once: from the bank's id of the line
    when the file gives one, else from the account, date, amount, reference, counterparty
    and how many such lines came before it in the file."""
    seen: dict[str, int] = {}
    found = {}
    for line in lines:
        if line.bank_id:  # unique at the bank; a file repeating one gets a second token
            key = f"{bank_code}|id|{line.bank_id}"
            seen[key] = seen.get(key, 0) + 1
            key += f"|{seen[key]}" if seen[key] > 1 else ""
        else:
            key = f"{line.date}|{line.amount:f}|{line.reference}|{line.counterparty}"
            seen[key] = seen.get(key, 0) + 1
            key = f"{bank_code}|{key}|{seen[key]}"
        digest = hashlib.sha256(f"bank|{key}".encode()).hexdigest()
        found[line.row] = f"bank-{digest[:32]}"
    return found


def accept(
    matches: Iterable[LineMatch],
    tokens: Mapping[int, str],
    choices: Mapping[int, int],
    *,
    best: bool,
    bank_account: str | None = None,
    keep: Collection[int] = frozenset(),
) -> tuple[list[PlannedPayment], list[Unmatched], list[Excess]]:
    """(payments to record, lines not recorded and why, lines paying more than their
    documents owe); an excess is kept only on a line marked in the file or in ``keep``
    (rows), and a line with an excess it may not keep is left out of the payments."""
    planned: list[PlannedPayment] = []
    unmatched: list[Unmatched] = []
    excesses: list[Excess] = []
    used: dict[int, Decimal] = defaultdict(Decimal)
    for match in matches:
        if match.already_imported or match.posting is not None:
            continue  # recorded before: nothing to record
        if match.journal is not None and match.line.row not in choices:
            continue  # a journal's to record (``statement_journals``), unless a document chosen
        if match.why_not:
            unmatched.append(Unmatched(match.line, match.why_not))
            continue
        amount = abs(match.line.amount)
        targets, why = list(match.named), "its documents are already settled by earlier lines"
        if not match.named:
            fits = [s for s in match.suggestions
                    if s.document.outstanding.amount - used[s.document.id] >= amount]
            chosen, why = _choose(match, fits, choices, best)
            targets = [chosen.document] if chosen else []
        allocations = _allocate(amount, targets, used)
        if not allocations:
            unmatched.append(Unmatched(match.line, why))
            continue
        owed = sum(share for _, share in allocations)
        if owed < amount:
            marked = match.line.keep_excess or match.line.row in keep
            excesses.append(Excess(match.line.row, amount,
                                   tuple(d.number for d, _ in allocations),
                                   allocations[0][0].contact_name, owed, marked))
            if not marked:
                continue
        planned.append(_payment(match, allocations, tokens, bank_account))
    return planned, unmatched, excesses


def _allocate(
    amount: Decimal, documents: list[DocumentSummary], used: dict[int, Decimal]
) -> list[tuple[DocumentSummary, Decimal]]:
    """Up to ``amount`` over ``documents`` in order, each up to what earlier lines left."""
    allocations = []
    for doc in documents:
        share = min(amount, doc.outstanding.amount - used[doc.id])
        if share > 0:
            allocations.append((doc, share))
            used[doc.id] += share
            amount -= share
    return allocations


def _payment(
    match: LineMatch, allocations: list[tuple[DocumentSummary, Decimal]],
    tokens: Mapping[int, str], bank_account: str | None,
) -> PlannedPayment:
    line, amount = match.line, abs(match.line.amount)
    contact = allocations[0][0]
    excess = amount - sum(share for _, share in allocations)
    command = RecordPayment(
        kind=PaymentKind.CUSTOMER_RECEIPT if line.amount > 0 else PaymentKind.SUPPLIER_PAYMENT,
        contact_id=contact.contact_id, date=line.date, amount=amount,
        bank_account_code=bank_account, reference=line.reference[:255],
        allocations=[AllocationInput(document_id=d.id, amount=a) for d, a in allocations],
        keep_excess_as_credit=excess > 0, client_token=tokens[line.row],
    )
    numbers = ", ".join(d.number for d, _ in allocations)
    currency = contact.outstanding.currency
    kept: Words = (", ", Money(excess, currency), " kept as credit") if excess > 0 else ()
    return PlannedPayment(line.row, command, (
        "payment ", Money(amount, currency), f" {contact.contact_name} for {numbers}", *kept))


def _choose(
    match: LineMatch, fits: list[Suggestion], choices: Mapping[int, int], best: bool
) -> tuple[Suggestion | None, str]:
    wanted = choices.get(match.line.row)
    if wanted is not None:
        chosen = next((s for s in fits if s.document.id == wanted), None)
        return chosen, "" if chosen else _("the chosen document cannot take this amount")
    if not fits:
        return None, _("no open document matches") if not match.suggestions else (
            _("its documents are already settled by earlier lines"))
    if not best:
        return None, _("no suggestion accepted")
    if len(fits) > 1 and fits[0].score == fits[1].score:
        tied = ", ".join(s.document.number for s in fits if s.score == fits[0].score)
        return None, _("equally good matches: {tied}; choose one").format(tied=tied)
    return fits[0], ""
