"""The tax code form without Qt: a new code (name, side, rate, account), or an existing
code's rate and account, as ``ledgerdesk tax-code`` creates and changes them.

The rate is a percentage typed in the locale (``parse_percent``).  Problems are live, by
field, in the domain's words (the same rules the service applies, including "a code that
posted documents use keeps its rate and account"); ``save`` calls ``save_tax_code``, which
checks again in its transaction, and ``message`` is then the command line's sentence.
"""

from __future__ import annotations

from decimal import Decimal

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.domain.tax_codes import (
    account_change_problem,
    rate_change_problem,
    side_words,
    tax_code_problems,
)
from ledgerdesk.presentation.field_problems import by_field
from ledgerdesk.presentation.numbers import NumberError, NumberText, parse_percent
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.tax_code_list import account_label
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.tax_codes import (
    SavedCode,
    TaxCodeUse,
    list_tax_codes,
    save_tax_code,
    tax_accounts,
)

FIELDS = ("name", "side", "rate", "account")


class TaxCodeEditor:
    """``use`` is the code to change (with the document that uses it, if any), or None
    for a new code.  A code's name and side are what name it, so they are fixed once it
    exists, as on the command line."""

    def __init__(self, session: Session, use: TaxCodeUse | None) -> None:
        self.session = session
        self.before = use.code if use is not None else None
        self.used_on = use.used_on if use is not None else ""
        offered = tax_accounts(session.book)
        self.accounts = [(a.code, account_label(a.code, a.name)) for a in offered.accounts]
        if use is not None and use.code.account_code not in dict(self.accounts):
            self.accounts.append((use.code.account_code,  # archived since: still shown
                                  account_label(use.code.account_code, use.account_name)))
        self.default_account = offered.default
        self._taken = {(c.side, c.name.casefold()) for c in list_tax_codes(session.book)}
        self._number = NumberText(session.locale)
        self.saved: SavedCode | None = None
        self.message = ""

    @property
    def title(self) -> str:
        if self.before is None:
            return _("New tax code")
        return _("Tax code {name} ({side_words})").format(
                   name=self.before.name,
                   side_words=side_words(self.before.side))

    @property
    def note(self) -> str:
        if self.before is None:
            return ""
        if self.used_on:
            return (_("Used on posted documents ({used_on}): its rate and account stay as they "
                      "were "
                      "posted. For another rate, add a new code.").format(used_on=self.used_on))
        return _("No posted document uses this code yet: its rate and account can change.")

    @property
    def values(self) -> dict[str, object]:
        before = self.before
        if before is None:
            return {"name": "", "side": Side.SALES, "rate": "", "account": self.default_account}
        return {"name": before.name, "side": before.side, "rate": self._number(before.rate),
                "account": before.account_code}

    def changed(self, **typed: object) -> bool:
        return typed != self.values

    def problems(self, *, name: str, side: Side, rate: str, account: str) -> dict[str, str]:
        """Everything wrong with the form as typed, by field; empty when it can be saved."""
        problems: dict[str, str] = {}
        try:
            parsed: Decimal | None = parse_percent(rate, self.session.locale)
        except NumberError as exc:
            problems["rate"], parsed = str(exc), None
        for problem in tax_code_problems(name.strip(), Decimal(0) if parsed is None else parsed,
                                         account, set(dict(self.accounts))):
            problems.setdefault(problem.field, problem.message)
        if self.before is None and "name" not in problems \
                and (side, name.strip().casefold()) in self._taken:
            problems["name"] = (_("There is already a {side_words} tax code {name}: change that "
                                  "code, or choose "
              "another name.").format(side_words=side_words(side), name=name.strip()))
        if self.before is not None and self.used_on and parsed is not None and not problems:
            if parsed != self.before.rate:
                problems["rate"] = rate_change_problem(self.before, parsed, self.used_on).message
            elif account != self.before.account_code:
                problems["account"] = account_change_problem(self.before, account,
                                                             self.used_on).message
        return problems

    def save(self, *, name: str, side: Side, rate: str, account: str) -> dict[str, str]:
        """Save through the service; the problems by field (``book`` for the file's own),
        or {} with ``saved`` and ``message`` set."""
        problems = self.problems(name=name, side=side, rate=rate, account=account)
        if problems:
            return problems
        if self.before is not None:
            name, side = self.before.name, self.before.side
        try:
            self.saved = save_tax_code(self.session.book, name.strip(),
                                       parse_percent(rate, self.session.locale), side, account)
        except ValidationFailed as exc:
            return by_field(exc.problems, FIELDS, problems)
        except (NotFound, NotAllowed, BookFailure) as exc:
            return {"book": str(exc)}
        self.message = self.saved.words
        return {}
