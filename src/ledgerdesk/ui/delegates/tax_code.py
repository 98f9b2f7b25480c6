"""``TaxCodeDelegate``: pick a line's tax code from the side's codes (name and rate)."""

from __future__ import annotations

from ledgerdesk.ui.delegates.choice import ChoiceDelegate


class TaxCodeDelegate(ChoiceDelegate):
    """The choices are (the code's name and rate, the code's id as text)."""
