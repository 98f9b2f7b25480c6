"""Statement lines matched to postings already in the book, each posting at most once.

A line is the bank's record of money that the book may hold already: a payment typed in,
a journal, a tax settlement, or what an earlier import recorded.  It matches a standing
posting on the same bank account of exactly its amount dated within ``DATE_WINDOW`` days;
among several, the one sharing its reference or counterparty, then the nearest date, then
the oldest.  Pairs are taken best first over the whole statement, so a posting goes to
the line that fits it best, never to two lines.  Pure: the postings are read by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from ledgerdesk.services.bank_ports import BankPosting
from ledgerdesk.services.imports.matching import name_key, tokens
from ledgerdesk.services.imports.rows import StatementLine

#: How many days a bank may book a line before or after the book's date of it.
DATE_WINDOW = 3
#: Scores of what ties a line to a posting beyond amount and date.
SAME_TOKEN, SAME_REFERENCE, SHARED_WORD, SAME_PARTY = 1000, 60, 40, 20


def window(lines: Iterable[StatementLine]) -> tuple[dt.date, dt.date] | None:
    """The dates whose postings a statement's lines may match (None: no lines)."""
    dates = [line.date for line in lines]
    if not dates:
        return None
    low, high = min(dates).toordinal(), max(dates).toordinal()
    first, last = dt.date.min.toordinal(), dt.date.max.toordinal()
    return (dt.date.fromordinal(max(first, low - DATE_WINDOW)),
            dt.date.fromordinal(min(last, high + DATE_WINDOW)))


def match_postings(
    lines: Iterable[StatementLine], postings: Iterable[BankPosting],
    line_tokens: Mapping[int, str] | None = None,
) -> dict[int, BankPosting]:
    """Line row -> the posting it is already in the book as."""
    by_amount: dict[Decimal, list[BankPosting]] = defaultdict(list)
    for posting in postings:
        by_amount[posting.amount].append(posting)
    pairs = []
    for line in lines:
        for posting in by_amount.get(line.amount, ()):
            apart = abs((posting.date - line.date).days)
            if apart <= DATE_WINDOW:
                token = (line_tokens or {}).get(line.row, "")
                score = _score(line, posting, token)
                pairs.append((-score, apart, line.row, posting.line_id, posting))
    pairs.sort(key=lambda pair: pair[:4])
    matched: dict[int, BankPosting] = {}
    taken: set[int] = set()
    for _, _, row, line_id, posting in pairs:
        if row not in matched and line_id not in taken:
            matched[row] = posting
            taken.add(line_id)
    return matched


def _score(line: StatementLine, posting: BankPosting, token: str) -> int:
    score = SAME_TOKEN if token and token == posting.client_token else 0
    ours, theirs = line.reference.strip().casefold(), posting.reference.strip().casefold()
    if ours and ours == theirs:
        score += SAME_REFERENCE
    elif tokens(line.reference) & tokens(posting.reference):
        score += SHARED_WORD
    party, name = name_key(line.counterparty), name_key(posting.counterparty)
    if party and name and (party == name or f" {name} " in f" {party} "):
        score += SAME_PARTY
    return score
