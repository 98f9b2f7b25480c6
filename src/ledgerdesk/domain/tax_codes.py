"""Named tax codes: a name, a rate, the side it is used on (sales or purchases), an account.

A document line refers to a tax code and keeps the code's rate as it was when posted.  A
code's name is unique on its side ("Standard 20%" may exist for sales and for purchases).
Once a posted document uses a code its rate is history: the rate cannot change, and a new
rate needs a new code (``rate_change_problem`` says so).  A line given only a bare rate takes
the first code of its side with that rate, made (``name_for_rate``) when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import text_problem
from ledgerdesk.domain.problems import Problem

MAX_NAME = 60
MAX_SHOWN_RATE = 12  # a longer rate is not echoed in a message (``--rate 1000…0``)


def percent_text(rate: Decimal) -> str:
    """``20``, ``5.5``, ``0``: a rate without trailing zeros or an exponent."""
    return f"{rate.normalize():f}" if rate else "0"


def side_words(side: Side) -> str:
    """``sales``, ``purchases``: as the command line and the tax return's CSV write a side."""
    return side.value.lower()


@dataclass(frozen=True, slots=True)
class TaxCode:
    name: str
    rate: Decimal  # percent
    side: Side
    account_code: str
    id: int | None = None

    @property
    def label(self) -> str:
        """The name, and the rate unless the name already says it: ``Standard 20%``,
        ``Zero-rated (0%)``, for pickers and reports."""
        rate = f"{percent_text(self.rate)}%"
        return self.name if rate in self.name.replace(" %", "%") else f"{self.name} ({rate})"


#: The codes a new book starts with, on each side (the rates the demo uses).
DEFAULT_CODES: tuple[tuple[str, Decimal], ...] = (
    ("Standard 20%", Decimal(20)),
    ("Reduced 5%", Decimal(5)),
    ("No tax 0%", Decimal(0)),
)


def name_for_rate(rate: Decimal) -> str:
    """The name of a code made for a bare rate (an older book's lines, an import's
    ``tax_rate`` column): ``Tax 5.5%``; ``No tax 0%`` for zero."""
    return _("No tax 0%") if not rate else _("Tax {percent_text}%").format(
                                            percent_text=percent_text(rate))


def tax_code_problems(name: str, rate: Decimal, account_code: str,
                      accounts: set[str]) -> list[Problem]:
    """Everything wrong with a code's fields, each with its field; empty when none."""
    problems = []
    if not name.strip():
        problems.append(Problem("name", "required", _("A tax code needs a name.")))
    elif len(name) > MAX_NAME:
        problems.append(Problem("name", "too_long",
                                _("A tax code's name is at most {max_name} characters.").format(
                                    max_name=MAX_NAME)))
    elif why := text_problem(name, _("tax code name")):
        problems.append(Problem("name", "plain_text", why))
    if not rate.is_finite() or not 0 <= rate <= 100:
        problems.append(Problem("rate", "out_of_range", _out_of_range(rate),
                                {"attempted": rate} if rate.is_finite() else {}))
    elif rate != rate.quantize(Decimal("0.001")):
        problems.append(Problem("rate", "too_precise",
                                _("A tax rate has at most 3 decimal places."), {"attempted": rate}))
    if account_code not in accounts:
        problems.append(Problem("account", "unknown",
                                _("There is no account {account_code!r} in the chart.").format(
                                    account_code=account_code)))
    return problems


def _out_of_range(rate: Decimal) -> str:
    """Naming the rate given, unless it is too long to read at a glance."""
    shown = percent_text(rate) if rate.is_finite() else ""
    if not shown or len(shown) > MAX_SHOWN_RATE:
        return _("A tax rate is 0 to 100 percent.")
    return _("A tax rate is 0 to 100 percent, not {shown}%.").format(shown=shown)


def rate_example(decimal: str = ".") -> str:
    """How a rate is written, with the decimal separator of the face asking (``5,5``)."""
    return f"like 20 or 5{decimal}5"


def not_a_percentage(quoted: str, decimal: str = ".") -> str:
    """The one sentence for a rate that cannot be read as a number (``quoted``: the text as
    typed, in quotes): the command line's ``--rate`` and the window's Rate field."""
    return _("{path} is not a percentage, {rate_example}.").format(
               path=quoted, rate_example=rate_example(decimal))


def no_rate(decimal: str = ".") -> str:
    return _("A tax code needs a rate, {rate_example}.").format(rate_example=rate_example(decimal))


def saved_words(code: TaxCode, account_name: str, *, created: bool, changed: bool) -> str:
    """What saving a code did, as the command line prints it and the window shows it:
    ``Created sales tax code Books at 5.5%, posting to 2200 Sales Tax.``; ``… is already
    at …`` when it was already so."""
    verb = "Created " if created else "Changed " if changed else ""
    what = _("{side_words} tax code {name}").format(
               side_words=side_words(code.side),
                   name=code.name) + ("" if changed else _(" is already"))
    sentence = (_("{verb}{what} at {percent_text}%, posting to {account_code} "
                  "{account_name}.").format(
                    verb=verb, what=what, percent_text=percent_text(code.rate),
                    account_code=code.account_code, account_name=account_name))
    return sentence[0].upper() + sentence[1:]


def rate_change_problem(code: TaxCode, new_rate: Decimal, used_on: str) -> Problem:
    """Refusing a new rate for a code that posted documents use (``used_on`` names one)."""
    return Problem(
        "rate", "in_use",
        _("{name} is used on posted documents ({used_on}), so its rate stays {percent_text}%: "
          "they were posted at it. Make a new code for {percent_text2}% instead (e.g. "
          "“{name_for_rate}”).").format(
            name=code.name,
            used_on=used_on,
            percent_text=percent_text(code.rate),
            percent_text2=percent_text(new_rate),
            name_for_rate=name_for_rate(new_rate)),
        {"rate": code.rate, "attempted": new_rate},
    )


def account_change_problem(code: TaxCode, new_account: str, used_on: str) -> Problem:
    """Refusing another account for a code that posted documents use."""
    return Problem(
        "account", "in_use",
        _("{name} is used on posted documents ({used_on}), so its tax stays on {account_code}: "
          "their tax was posted there, and a settlement clears it there. Make a new code for "
          "{new_account} instead.").format(
            name=code.name,
            used_on=used_on,
            account_code=code.account_code,
            new_account=new_account),
    )
