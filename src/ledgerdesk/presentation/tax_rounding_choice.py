"""Settings' "Tax rounding" choice, without Qt: what is on offer, whether it changed, and
saving it with the one service call ``ledgerdesk settings --tax-rounding`` makes."""

from __future__ import annotations

from ledgerdesk.domain.i18n import N_
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.settings import TAX_ROUNDING_NOTE, set_tax_rounding, tax_rounding

CHOICES = ((N_("Per line"), TaxRounding.PER_LINE),
           (N_("Per document (once per tax code)"), TaxRounding.PER_DOCUMENT))
NOTE = TAX_ROUNDING_NOTE


class TaxRoundingChoice:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.loaded = tax_rounding(session.book)

    def changed(self, chosen: TaxRounding) -> bool:
        return chosen is not self.loaded

    def save(self, chosen: TaxRounding) -> dict[str, str]:
        """Save ``chosen``; the problem by field (``book``) when the book refuses."""
        try:
            set_tax_rounding(self.session.book, chosen)
        except BookFailure as exc:
            return {"book": str(exc)}
        self.loaded = chosen
        return {}
