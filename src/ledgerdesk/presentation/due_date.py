"""``DueDate``: an invoice or bill form's due date, which follows the contact's payment terms
from the issue date until the user types one of their own.

The date shown is the date saved, worked out by ``domain.documents.due_date_for``, the one
function the service also applies to a draft that names no due date.  A date the user typed
is theirs: choosing another contact or issue date leaves it alone, and the hint says what
the terms would give instead.  Typing exactly that date hands the field back to the terms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ledgerdesk.domain.contacts import DEFAULT_PAYMENT_TERMS_DAYS
from ledgerdesk.domain.documents import due_date_for
from ledgerdesk.domain.i18n import _, ngettext


@dataclass
class DueDate:
    issue: dt.date
    terms_days: int = DEFAULT_PAYMENT_TERMS_DAYS
    terms_of: str = ""  # whose terms they are ("" until a contact is chosen)
    typed: dt.date | None = None  # the user's own date, kept whatever else changes

    @property
    def from_terms(self) -> dt.date:
        return due_date_for(self.issue, self.terms_days)

    @property
    def date(self) -> dt.date:
        """What the form shows and saves."""
        return self.typed or self.from_terms

    def follow(self, contact_name: str, terms_days: int) -> None:
        """Another contact (or none, with ``""`` and the default terms)."""
        self.terms_of, self.terms_days = contact_name, terms_days

    def type(self, date: dt.date) -> None:
        self.typed = None if date == self.from_terms else date

    def hint(self, short_date: Callable[[dt.date], str]) -> str:
        """One line beside the field: whose terms give this date, or what they would give."""
        days = (_("due at once") if self.terms_days == 0 else
                ngettext("{count} day", "{count} days", self.terms_days).format(
                    count=self.terms_days))
        if not self.terms_of:
            return _("{days} until a contact is chosen").format(days=days)
        if self.typed is None:
            return _("Terms of {terms_of}: {days}").format(terms_of=self.terms_of, days=days)
        return (_("Typed by you; the terms of {terms_of} ({days}) give {short_date}").format(
            terms_of=self.terms_of,
            days=days,
            short_date=short_date(self.from_terms)))
