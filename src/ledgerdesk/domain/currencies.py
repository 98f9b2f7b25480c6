"""ISO 4217: the currency codes a book may be set up in, with their minor units.

The domain imports only the standard library, so the list lives here rather than being
asked of Babel; ``tests/domain/test_currencies.py`` holds it to Babel's data: every currency
Babel calls current is here, every code here is one Babel knows, and the minor units agree
except where CLDR rounds for display (``CLDR_DISPLAY_DIGITS``).

Left out on purpose: precious metals, bond units, the SDR, the testing and "no currency"
codes (``XAU``, ``XDR``, ``XTS``, ``XXX`` …), and the two funds codes kept to four decimals
(``CLF``, ``UYW``): a book stores amounts in minor units of its currency, and those would
need more places than any book has been written with.  Money read from an existing book is
not checked against this list (``Money`` needs only three capital letters), so a book set up
before the check still opens.
"""

from __future__ import annotations

from ledgerdesk.domain.i18n import _

_ZERO = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_THREE = "BHD IQD JOD KWD LYD OMR TND"
_TWO = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN "
    "BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB "
    "EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS "
    "KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN "
    "MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD "
    "SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD "
    "TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG"
)

#: Code -> digits of the minor unit, as ISO 4217 gives them.
ISO_CURRENCIES: dict[str, int] = {
    **dict.fromkeys(_TWO.split(), 2),
    **dict.fromkeys(_ZERO.split(), 0),
    **dict.fromkeys(_THREE.split(), 3),
}

#: Where CLDR (Babel) shows fewer digits than ISO 4217's minor unit: it rounds these for
#: display (no coins circulate), while a book keeps the unit ISO defines.
_CLDR_FEWER = "AFN ALL COP HUF IDR IQD IRR KPW LAK LBP MGA MMK SLL SOS SYP YER"
CLDR_DISPLAY_DIGITS = frozenset(_CLDR_FEWER.split(" "))


def is_iso_currency(code: str) -> bool:
    """Whether ``code`` (exactly as given: ``EUR``, not ``eur``) is a currency a new book or
    a typed value may use."""
    return code in ISO_CURRENCIES


def currency_problem(text: str) -> str:
    """Why ``text`` is not a currency code a book takes, in one sentence; "" when it is."""
    code = text.strip().upper()
    if is_iso_currency(code):
        return ""
    if len(code) == 3 and code.isascii() and code.isalpha():
        return _("{code!r} is not an ISO 4217 currency code; use one like EUR, USD or GBP.").format(
                   code=code)
    return _("{contact!r} is not a currency code; use three letters, like EUR.").format(
               contact=text.strip())
