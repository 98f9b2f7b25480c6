"""Where a document's tax is rounded: on each line, or once per tax code for the document.

Per line, every line's tax is rounded to the minor unit on its own: twenty lines of 0.09 at
5.5 % carry no tax at all, though together they owe 0.099.  Per document (what most tax
authorities' forms expect), the tax of each tax code is computed on the sum of its lines
and rounded once; that figure is then shared out over the lines (``shared_out``), so that
every posting and report that adds up line taxes arrives at exactly the document's tax.

A book chooses one (a setting); each document keeps the rounding it was saved with, so a
posted document never changes its amounts when the setting does.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from ledgerdesk.domain.money import minor_exponent

_HUNDRED = Decimal(100)


class TaxRounding(enum.Enum):
    PER_LINE = "PER_LINE"
    PER_DOCUMENT = "PER_DOCUMENT"

    @property
    def words(self) -> str:
        """``per-line``, ``per-document``: as the command line and the settings say it."""
        return self.value.lower().replace("_", "-")

    @classmethod
    def from_words(cls, text: str) -> TaxRounding:
        return cls(text.strip().upper().replace("-", "_"))


def exact_tax(base: Decimal, rate: Decimal, *, inclusive: bool) -> Decimal:
    """The tax in a line's base, unrounded: ``rate/100`` of a net amount, or
    ``rate/(100+rate)`` of a gross one (in the order of operations posted amounts always
    used, so no stored document changes by a digit)."""
    return base * rate / (_HUNDRED + rate) if inclusive else base * rate / _HUNDRED


def line_taxes(
    bases: Sequence[Decimal], rates: Sequence[Decimal], codes: Sequence[Hashable],
    currency: str, *, inclusive: bool, rounding: TaxRounding,
) -> list[Decimal]:
    """Each line's tax, in major units, from its base (its rounded net, or its rounded gross
    when prices include tax), its rate and its tax code (lines of one code are rounded
    together per document)."""
    digits = minor_exponent(currency)
    exact = [exact_tax(base, rate, inclusive=inclusive).scaleb(digits)
             for base, rate in zip(bases, rates, strict=True)]
    if rounding is TaxRounding.PER_LINE:
        minors = [int(e.quantize(Decimal(1), rounding=ROUND_HALF_UP)) for e in exact]
    else:
        minors = [0] * len(exact)
        groups: dict[Hashable, list[int]] = {}
        for index, code in enumerate(codes):
            groups.setdefault((code, rates[index]), []).append(index)
        for members in groups.values():
            parts = [exact[i] for i in members]
            total = int(sum(parts, Decimal(0)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            for index, share in zip(members, shared_out(parts, total), strict=True):
                minors[index] = share
    return [Decimal(m).scaleb(-digits) for m in minors]


def shared_out(exact: Sequence[Decimal], total: int) -> list[int]:
    """``total`` whole minor units shared over lines whose exact taxes are ``exact``: each
    gets its exact tax rounded down, and the units left go one each to the lines with the
    largest remainders (the first of equal ones).  So no line is a unit away from its exact
    tax, and the shares add up to ``total`` (the rounding of their sum)."""
    floors = [int(e.quantize(Decimal(1), rounding=ROUND_FLOOR)) for e in exact]
    left = total - sum(floors)
    if not 0 <= left <= len(exact):
        raise ValueError(f"{total} is not the rounding of the sum of {list(exact)}")
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for index in order[:left]:
        floors[index] += 1
    return floors
