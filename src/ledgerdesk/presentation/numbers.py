"""Plain numbers typed in the user's locale: quantities, prices, discounts and tax rates.

The same strict reading as ``amounts`` (the locale's own separators, no exponents, no
NaN), but with a number of decimals chosen by the field instead of by a currency, and an
optional ``%`` for rates.
"""

from __future__ import annotations

from decimal import Decimal

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.tax_codes import no_rate, not_a_percentage
from ledgerdesk.presentation.amounts import AmountError, AmountFormatter, split_number
from ledgerdesk.presentation.locales import echo
from ledgerdesk.presentation.number_symbols import number_symbols

MAX_WHOLE_DIGITS = 12


class NumberError(ValueError):
    """A typed number that is not one; ``str()`` is the sentence to show beside the field."""


def parse_number(text: str, locale: str, places: int) -> Decimal:
    """The number in ``text`` with at most ``places`` decimals, or ``NumberError``."""
    try:
        typed = split_number(text, locale, affixes=("%",))
    except AmountError as exc:
        raise NumberError(str(exc).replace("is not an amount", "is not a number")) from None
    if typed is None:
        raise NumberError(_("No number was entered."))
    negative, whole, fraction = typed.negative, typed.whole, typed.fraction
    if len(fraction) > places:
        allowed = _("no decimals") if places == 0 else _("at most {places} decimals").format(
                                                        places=places)
        raise NumberError(_("{text} has too many decimals: {allowed} here.").format(
                              text=echo(text),
                              allowed=allowed))
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise NumberError(_("{text} is too large.").format(text=echo(text)))
    value = Decimal(f"{whole or 0}.{fraction or 0}")
    return -value if negative and value else value


def parse_percent(text: str, locale: str) -> Decimal:
    """A percentage as typed (``20``, ``5,5`` in German, ``5.5 %``), or ``NumberError`` in
    the words ``ledgerdesk tax-code --rate`` uses; whether it is 0 to 100 with at most 3
    decimals is the domain's rule to say (``tax_code_problems``), as it says for ``--rate``."""
    decimal = number_symbols(locale).decimal
    if not text.strip():
        raise NumberError(no_rate(decimal))
    try:
        typed = split_number(text, locale, affixes=("%",))
    except AmountError:
        typed = None
    if typed is None:
        raise NumberError(not_a_percentage(echo(text), decimal))
    # As typed, like ``--rate``: 5,50 is 5.50, and 20 stays 20 (not 20.0) in the audit log.
    value = Decimal(f"{typed.whole or 0}" + (f".{typed.fraction}" if typed.fraction else ""))
    return -value if typed.negative and value else value


class NumberText:
    """Writes a number back the way ``parse_number`` reads it: no grouping, the locale's
    decimal separator, no trailing zeros (``2``, ``12,5``, ``0,125``)."""

    def __init__(self, locale: str) -> None:
        self._decimal = number_symbols(locale).decimal

    def __call__(self, value: Decimal) -> str:
        text = f"{value.normalize():f}" if value else "0"
        return text.replace(".", self._decimal)


def price_text(price: Decimal, amounts: AmountFormatter, plain: NumberText) -> str:
    """A unit price as an amount (``85,00``), unless it has more decimals than the currency
    (``0,125``): the same on the form and on the printed document, and read back by
    ``parse_number``."""
    exact = price == price.quantize(Decimal(1).scaleb(-amounts.places))
    return amounts.format(price) if exact else plain(price)
