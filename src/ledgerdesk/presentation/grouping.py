"""Where a typed number's group separators may stand, and what a misplaced one meant.

``0,125`` in en_US has its "thousands" after a leading 0, and ``1,23`` or ``12,3456`` have
groups of the wrong size: each is far more likely a decimal written the other way
(0.125, 1.23, 12.3456) than a grouped whole number, so it is refused, and the sentence
says what was probably meant: that decimal when there is one separator and no decimal
part, otherwise the same digits grouped the locale's way (``1,23,4567.00`` → 1,234,567.00).
"""

from __future__ import annotations

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.amount_format import group_digits
from ledgerdesk.presentation.locales import echo
from ledgerdesk.presentation.number_symbols import NumberSymbols

_SAMPLE_DIGITS = "1234567"


def group_name(symbols: NumberSymbols) -> str:
    return _("a space") if symbols.group.isspace() else f"“{symbols.group}”"


def misgrouped(whole: str, fraction: str | None, negative: bool,
               symbols: NumberSymbols) -> str:
    """Why the groups of ``whole`` (digits with "," for the locale's group separator) are
    wrong and what was probably meant, or "" when they are right.  ``fraction`` is None
    when no decimal separator was typed."""
    if "," not in whole:
        return ""
    groups = whole.split(",")
    leading_zero = groups[0].startswith("0")
    if not leading_zero and (_grouped_as(groups, symbols.primary, symbols.secondary)
                             or _grouped_as(groups, symbols.primary, symbols.primary)):
        return ""
    group = group_name(symbols)
    why = (_("{group} groups digits and never follows a leading "
             "0").format(group=group) if leading_zero
           else _("{group} groups digits as in {regrouped}").format(
                    group=group,
                    regrouped=_regrouped(_SAMPLE_DIGITS, symbols)))
    sign = "-" if negative else ""
    if len(groups) == 2 and fraction is None and groups[1]:
        guess = f"{sign}{groups[0] or '0'}{symbols.decimal}{groups[1]}"
        return (_("{why}; did you mean {guess} (the decimal separator is “{decimal}”)?").format(
            why=why,
            guess=echo(guess),
            decimal=symbols.decimal))
    guess = sign + _regrouped("".join(groups).lstrip("0") or "0", symbols)
    if fraction:
        guess += symbols.decimal + fraction
    return _("{why}; did you mean {guess}?").format(why=why, guess=echo(guess))


def _regrouped(digits: str, symbols: NumberSymbols) -> str:
    return group_digits(digits, symbols.primary, symbols.secondary).replace(",", symbols.group)


def _grouped_as(groups: list[str], primary: int, secondary: int) -> bool:
    """Whether ``["12", "34", "567"]`` follows the locale's grouping (3, then 2s here)."""
    *head, last = groups
    return (
        len(last) == primary
        and 1 <= len(head[0]) <= secondary
        and all(len(group) == secondary for group in head[1:])
    )
