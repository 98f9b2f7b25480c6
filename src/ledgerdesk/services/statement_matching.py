"""A bank statement matched against the book: what is there already, and what to record.

``match_statement(book, bank_code, lines)`` answers, for each line, in this order:

1. already in the book: a standing posting on the bank account of the same amount within
   the date window (``statement_postings``), each posting used once, or a payment an
   earlier import recorded for the same line (its client token): nothing to record;
2. a payment of open documents (``imports.matching``): the documents the file names, or
   ranked suggestions;
3. a new journal (``statement_proposals``): by a bank rule, or a transfer with another
   bank account, when no document is tied to the line by more than its amount;
4. nothing.

``accept(book, match)`` records the clear suggestions of every line (or of ``which`` rows)
in one transaction through the payments and journals use cases, and returns the ledger
line ids of the new postings on the bank.  ``import bank`` and the reconcile command share
these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from ledgerdesk.domain.bank_accounts import bank_account_problem
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import AccountRole, SourceType
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.bank_ports import BankPosting, banked
from ledgerdesk.services.batch_port import batched
from ledgerdesk.services.imports.accept import line_tokens
from ledgerdesk.services.imports.matching import SAME_AMOUNT, LineMatch, OpenDocumentIndex
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.setup import default_bank
from ledgerdesk.services.statement_postings import match_postings, window
from ledgerdesk.services.statement_proposals import Proposer


@dataclass(frozen=True, slots=True)
class StatementMatch:
    bank_code: str
    lines: tuple[LineMatch, ...]  # one per statement line, in the file's order
    tokens: Mapping[int, str] = field(default_factory=dict)  # row -> payment client token

    def line(self, row: int) -> LineMatch:
        return next(m for m in self.lines if m.line.row == row)

    @property
    def in_book(self) -> dict[int, BankPosting]:
        """Row -> the posting each line already is in the book."""
        return {m.line.row: m.posting for m in self.lines if m.posting is not None}


def bank_account(tx: Transaction, bank_code: str | None) -> str:
    """``bank_code`` (default: the first bank account), refused unless a bank account in use."""
    accounts = tx.accounts()
    code = bank_code or default_bank(accounts)
    why = bank_account_problem(code, accounts)
    if why is not None:
        raise NotAllowed(why)
    account = accounts[code]
    if account.archived:
        raise NotAllowed(_("Account {code} {name} is archived; restore it first.").format(
                             code=code,
                             name=account.name))
    return code


def match_statement(
    book: Book, bank_code: str | None, lines: Sequence[StatementLine], *,
    exclude: Collection[int] = frozenset(),
) -> StatementMatch:
    """Each line matched, as the module says; ``exclude``: ledger line ids no line may
    match (postings a finished reconciliation has cleared)."""
    with book.read() as tx:
        code = bank_account(tx, bank_code)
        tokens = line_tokens(lines, code)
        bank = banked(tx)
        accounts = tx.accounts()
        span = window(lines) or (dt.date.min, dt.date.min)
        postings = [p for p in bank.bank_postings([code], *span) if p.line_id not in exclude]
        others = [a.code for a in accounts.values()
                  if a.role is AccountRole.BANK and a.code != code]
        proposer = Proposer(code, accounts, bank.bank_rules(),
                            bank.bank_postings(others, *span))
        recorded = batched(tx).payment_tokens_in(tokens.values())
    live = [ln for ln in lines if not ln.skip]
    in_book = match_postings(live, postings, tokens)
    index = _open_documents(book, [ln for ln in live if ln.row not in in_book])
    found = []
    for line in lines:
        if line.row in in_book:
            found.append(LineMatch(line, (), posting=in_book[line.row]))
            continue
        match = index.match(line, tokens[line.row] in recorded)
        if not (match.already_imported or match.why_not or match.named) and not (
                match.suggestions and match.suggestions[0].score > SAME_AMOUNT):
            proposal = proposer.propose(line)
            if proposal is not None:
                match = LineMatch(line, match.suggestions, journal=proposal)
        found.append(match)
    return StatementMatch(code, tuple(found), tokens)


def _open_documents(book: Book, lines: list[StatementLine]) -> OpenDocumentIndex:
    kinds = {DocumentKind.SALES_INVOICE if ln.amount > 0 else DocumentKind.BILL for ln in lines}
    return OpenDocumentIndex(book.queries().list_documents(kinds, open_only=True)
                             if kinds else [])


def posted_lines(tx: Transaction, bank_code: str, payments: Sequence[int],
                 journals: Sequence[int]) -> dict[tuple[SourceType, int], int]:
    """(source, id) -> the new posting's ledger line id on the bank."""
    bank = banked(tx)
    found = {}
    for source, ids in ((SourceType.PAYMENT, payments), (SourceType.MANUAL, journals)):
        for source_id, line_id in bank.bank_lines_for(source, ids, bank_code).items():
            found[(source, source_id)] = line_id
    return found
