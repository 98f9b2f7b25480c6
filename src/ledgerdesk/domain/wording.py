"""Counts in sentences ("1 payment", "3 payments", never "1 payment(s)"), and sentences with
amounts in them that each face writes its own way.

A service that describes what it did ("payment 85.00 Acme Retail for INV-00002") cannot
format money for the window: Babel and the user's locale live in ``presentation``.  So it
keeps the sentence as ``Words``, text and ``Money`` in order; the command line writes the
amounts plainly (``plain_amount``: 1234.50), the window with its ``AmountFormatter``.
"""

from __future__ import annotations

from collections.abc import Callable

from ledgerdesk.domain.i18n import ngettext
from ledgerdesk.domain.money import Money

#: A sentence as its parts: text, and amounts still to be written.
Words = tuple[str | Money, ...]


def plural(count: int, one: str, many: str) -> str:
    """``count`` in the sentence that goes with it, by the user's language's plural rule:
    ``plural(n, "{count} payment", "{count} payments")``.  Both forms are whole messages
    with ``{count}`` in them (extracted as ``ngettext``'s), because a language may put the
    number elsewhere or have more than two forms."""
    return ngettext(one, many, count).format(count=count)


def plain_amount(amount: Money) -> str:
    """An amount as the command line and CSV write it: its currency's decimals, a dot."""
    return f"{amount.amount:f}"


def worded(words: Words, money: Callable[[Money], str] = plain_amount) -> str:
    """The sentence, each amount written by ``money``."""
    return "".join(money(part) if isinstance(part, Money) else part for part in words)


def joined(clauses: list[Words], separator: str = "; ") -> Words:
    """Clauses one after the other, ``separator`` between them."""
    return tuple(part for i, clause in enumerate(clauses)
                 for part in ((separator,) if i else ()) + clause)
