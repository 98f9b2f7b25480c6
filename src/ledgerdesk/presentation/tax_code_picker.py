"""``TaxCodePicker``: the tax codes a document form offers, without Qt.

An invoice or sales credit note offers the sales codes, a bill the purchase codes, each as
its name and rate ("Standard 20%"; "Zero-rated (0 %)" when the name does not say the rate),
by rate.  A line holds the chosen code's id as text; a new line takes the code of the line
above it, the first line the code this contact's last document used, else the side's
no-tax code (a line has no tax until one is chosen, as before codes).
"""

from __future__ import annotations

from decimal import Decimal

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.tax_codes import TaxCode, percent_text, side_words
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.presentation.numbers import NumberText
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.tax_codes import list_tax_codes

ROUNDING_NOTES = Translated({
    TaxRounding.PER_LINE: N_("Tax is rounded line by line"),
    TaxRounding.PER_DOCUMENT: N_("Tax is rounded once per tax code for the document"),
})


class TaxCodePicker:
    def __init__(self, session: Session, side: Side) -> None:
        self.number = NumberText(session.locale)
        self.codes = list_tax_codes(session.book, side)
        self._by_id = {str(code.id): code for code in self.codes}

    def label(self, code: TaxCode) -> str:
        """The name, and the rate in the locale unless the name already says it."""
        spoken = {f"{percent_text(code.rate)}%", f"{percent_text(code.rate)} %",
                  f"{self.number(code.rate)}%", f"{self.number(code.rate)} %"}
        if any(rate in code.name for rate in spoken):
            return code.name
        return f"{code.name} ({self.number(code.rate)} %)"

    def choices(self) -> list[tuple[str, str]]:
        """(label, value) for each code, the value being what a line holds."""
        return [(self.label(code), str(code.id)) for code in self.codes]

    def code(self, value: str) -> TaxCode | None:
        return self._by_id.get(value.strip())

    def label_of(self, value: str) -> str:
        code = self.code(value)
        return self.label(code) if code is not None else ""

    def rate_of(self, value: str) -> Decimal:
        code = self.code(value)
        return code.rate if code is not None else Decimal(0)

    def first_value(self, used: int | None) -> str:
        """The first line's code: ``used`` (the contact's last one) if offered, else the
        side's first no-tax code, else the first code."""
        if used is not None and str(used) in self._by_id:
            return str(used)
        zero = next((c for c in self.codes if not c.rate), None)
        chosen = zero or (self.codes[0] if self.codes else None)
        return str(chosen.id) if chosen is not None else ""


def rounding_note(rounding: TaxRounding, *, posted: bool) -> str:
    """Said under a form whose tax is not rounded line by line, or that was posted so."""
    if posted:
        return _("{rounding_notes}, as when this document was posted.").format(
                   rounding_notes=ROUNDING_NOTES[rounding])
    return "" if rounding is TaxRounding.PER_LINE else f"{ROUNDING_NOTES[rounding]}."


def every_code_choice(session: Session) -> list[tuple[str, int]]:
    """Each code of both sides as the tax return's "Documents on" list offers it:
    ``Standard 20%, sales``."""
    choices = []
    for side in Side:
        picker = TaxCodePicker(session, side)
        choices += [(f"{label}, {side_words(side)}", int(value))
                    for label, value in picker.choices()]
    return choices
