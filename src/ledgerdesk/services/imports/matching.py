"""Bank statement lines matched to open documents: ranked suggestions, each with its reason.

A positive line is a customer paying an invoice, a negative one a payment of a bill.  A
document is suggested when it can take the whole amount and something ties it to the line:
its number or its reference in the statement's reference, its contact as the counterparty,
or the amount equal to what is outstanding.  Pure: the open documents are read by the caller.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.wording import Words, joined, worded
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.read_models import DocumentSummary

if TYPE_CHECKING:  # they import this module's word helpers
    from ledgerdesk.services.bank_ports import BankPosting
    from ledgerdesk.services.statement_proposals import JournalProposal

_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z\-/_.]*[0-9A-Za-z]|[0-9A-Za-z]")
NUMBER_IN_REFERENCE, DOC_REFERENCE, SAME_AMOUNT, COUNTERPARTY = 50, 30, 30, 20


@dataclass(frozen=True, slots=True)
class Suggestion:
    document: DocumentSummary
    score: int
    words: Words  # why it is suggested; "pays 85.00 of 170.00 outstanding" has two Money

    @property
    def reason(self) -> str:
        """As the command line says it (amounts like 1234.50)."""
        return worded(self.words)


@dataclass(frozen=True, slots=True)
class LineMatch:
    line: StatementLine
    suggestions: tuple[Suggestion, ...]  # best first
    already_imported: bool = False
    named: tuple[DocumentSummary, ...] = ()  # the open documents the file itself names
    why_not: str = ""  # why the line cannot be recorded (void, a refund, a named document)
    posting: BankPosting | None = None  # already in the book as this posting: record nothing
    journal: JournalProposal | None = None  # offered as a new journal (a bank rule, a transfer)

    @property
    def kind(self) -> DocumentKind:
        return DocumentKind.SALES_INVOICE if self.line.amount > 0 else DocumentKind.BILL


def tokens(text: str) -> set[str]:
    return {t.upper() for t in _TOKEN.findall(text)}


def name_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).casefold().split())


class OpenDocumentIndex:
    """Open invoices and bills by number, reference, contact and outstanding amount."""

    def __init__(self, documents: Iterable[DocumentSummary]) -> None:
        self.by_token: dict[str, list[DocumentSummary]] = defaultdict(list)
        self.by_amount: dict[tuple[DocumentKind, Decimal], list[DocumentSummary]] = (
            defaultdict(list))
        self.by_contact: dict[str, list[DocumentSummary]] = defaultdict(list)
        self.by_number: dict[str, DocumentSummary] = {}
        # Each document's name key and reference words, worked out once: a statement line
        # from a busy customer scores every one of that customer's open documents.
        self.keys: dict[int, tuple[str, set[str]]] = {}
        for doc in documents:
            self.keys[doc.id] = (name_key(doc.contact_name), tokens(doc.reference))
            self.by_number[doc.number.upper()] = doc
            for token in {doc.number.upper(), *tokens(doc.reference)} - {""}:
                self.by_token[token].append(doc)
            self.by_amount[(doc.kind, doc.outstanding.amount)].append(doc)
            self.by_contact[name_key(doc.contact_name)].append(doc)

    def suggest(self, line: StatementLine) -> tuple[Suggestion, ...]:
        kind = DocumentKind.SALES_INVOICE if line.amount > 0 else DocumentKind.BILL
        amount = abs(line.amount)
        words = tokens(line.reference)
        party = name_key(line.counterparty)
        candidates: dict[int, DocumentSummary] = {}
        for token in words:
            candidates.update((d.id, d) for d in self.by_token.get(token, ()))
        candidates.update((d.id, d) for d in self.by_amount.get((kind, amount), ()))
        for name in self._contacts_named_in(party):
            candidates.update((d.id, d) for d in self.by_contact[name])
        found = [
            s for doc in candidates.values()
            if doc.kind is kind and doc.outstanding.amount >= amount
            and (s := _score(doc, amount, words, party, *self.keys[doc.id])) is not None
        ]
        found.sort(key=lambda s: (-s.score, s.document.due_date, s.document.id))
        return tuple(found)

    def match(self, line: StatementLine, already_imported: bool) -> LineMatch:
        """The line's suggestions, or the documents the file names for it."""
        if already_imported or line.skip:
            return LineMatch(line, (), already_imported, why_not=line.skip)
        if not line.documents:
            return LineMatch(line, self.suggest(line))
        kind = DocumentKind.SALES_INVOICE if line.amount > 0 else DocumentKind.BILL
        named = [self.by_number.get(number.upper()) for number in line.documents]
        for number, doc in zip(line.documents, named, strict=True):
            if doc is None or doc.kind is not kind:
                why = _("{number} is not an open {label}").format(number=number, label=kind.label)
                return LineMatch(line, (), why_not=why)
        found = tuple(d for d in named if d is not None)
        if len({d.contact_id for d in found}) > 1:
            return LineMatch(line, (), why_not=_("its documents are for different contacts"))
        return LineMatch(line, (), named=found)

    def _contacts_named_in(self, party: str) -> list[str]:
        if not party:
            return []
        if party in self.by_contact:
            return [party]
        # "ACME RETAIL LTD" pays for "Acme Retail": a whole-word name inside the counterparty.
        padded = f" {party} "
        return [name for name in self.by_contact if name and f" {name} " in padded]


def _score(
    doc: DocumentSummary, amount: Decimal, words: set[str], party: str, name: str,
    ref_words: set[str],
) -> Suggestion | None:
    score, reasons = 0, list[Words]()
    if doc.number and doc.number.upper() in words:
        score += NUMBER_IN_REFERENCE
        reasons.append((_("{number} is in the reference").format(number=doc.number),))
    if ref_words and ref_words <= words:
        score += DOC_REFERENCE
        reasons.append((_("its reference {reference!r} is in the statement's").format(
                            reference=doc.reference),))
    if party and name and (party == name or f" {name} " in f" {party} "):
        score += COUNTERPARTY
        reasons.append((_("the counterparty is {contact_name}").format(
                            contact_name=doc.contact_name),))
    if doc.outstanding.amount == amount:
        score += SAME_AMOUNT
        reasons.append((_("the amount equals what is outstanding"),))
    elif score:
        pays = Money(amount, doc.outstanding.currency)
        reasons.append(("pays ", pays, " of ", doc.outstanding, " outstanding"))
    return Suggestion(doc, score, joined(reasons)) if score else None
