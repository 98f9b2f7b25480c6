"""The tax codes list without Qt: every code with its side, rate (in the locale), account
and whether a posted document uses it, which is what decides if its rate and account can
still change (``ledgerdesk list tax-codes`` lists the same, from the same service)."""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.tax_codes import TaxCode, side_words
from ledgerdesk.domain.wording import plural
from ledgerdesk.presentation.numbers import NumberText
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.tax_codes import TaxCodeUse, tax_code_uses

UNUSED = N_("unused")
NOTE = (N_("A code used on posted documents keeps its rate and account: they were posted at "
           "them. For another rate, add a new code."))


def side_label(code: TaxCode) -> str:
    """``Sales``, ``Purchases``: the command line's word, as a column shows it."""
    return side_words(code.side).capitalize()


def account_label(code: str, name: str) -> str:
    return f"{code} {name}".strip()


@dataclass(frozen=True, slots=True)
class TaxCodeRow:
    name: str
    side: str
    account: str
    rate: str
    used: str
    use: TaxCodeUse

    @property
    def code(self) -> TaxCode:
        return self.use.code

    @property
    def changeable(self) -> bool:
        """No posted document uses it yet: its rate and account may change."""
        return not self.use.used_on


class TaxCodeList:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.number = NumberText(session.locale)
        self.rows: list[TaxCodeRow] = []

    def reload(self) -> list[TaxCodeRow]:
        self.rows = [self._row(use) for use in tax_code_uses(self.session.book)]
        return self.rows

    def _row(self, use: TaxCodeUse) -> TaxCodeRow:
        code = use.code
        return TaxCodeRow(code.name, side_label(code),
                          account_label(code.account_code, use.account_name),
                          self.number(code.rate),
                          _("used on {documents}").format(documents=use.used_on)
                          if use.used_on else _(UNUSED), use)

    def count_text(self) -> str:
        count = len(self.rows)
        shown = plural(count, "{count} tax code", "{count} tax codes")
        used = sum(not row.changeable for row in self.rows)
        return _("{shown}, {used} used on posted "
                 "documents").format(shown=shown, used=used) if used else shown

    def index_of(self, name: str, side: str) -> int | None:
        """The row of the code ``name`` on ``side`` (a side's label), names in any case."""
        key = (name.casefold(), side)
        return next((i for i, row in enumerate(self.rows)
                     if (row.name.casefold(), row.side) == key), None)
