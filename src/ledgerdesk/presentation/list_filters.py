"""A list's filter bar without Qt: status, contact, a date range and text, in words.

``ListFilters`` changes its list presenter's query (which SQL answers) and says, for the
bar, which filters are active and how many rows match out of how many.  Dates are typed in
the user's locale; a date that cannot be read, or a range that ends before it starts, is
refused with a sentence and the filter stays as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.presentation.amount_format import format_count
from ledgerdesk.presentation.contacts import ContactChoice
from ledgerdesk.presentation.dates import DateError, DateFormatter, parse_date
from ledgerdesk.presentation.lists import STATUS_FILTERS, QueryList
from ledgerdesk.presentation.locales import echo
from ledgerdesk.services.list_queries import StatusFilter

#: The query fields a filter bar sets; a list's query has the ones its bar offers.
FILTER_FIELDS = ("status", "contact_id", "date_from", "date_to", "text")
_SAMPLE_DATE = dt.date(2024, 12, 31)


class ListFilters:
    def __init__(self, presenter: QueryList[Any], noun: tuple[str, str], *,
                 date_label: str = "Date", create_hint: str = "Ctrl+N creates one.") -> None:
        self.presenter = presenter
        self.noun = noun
        self.date_label = date_label
        self.create_hint = create_hint  # how to make the first row, for an empty list
        query = presenter.query
        self._blank = {f: getattr(query, f) for f in FILTER_FIELDS if hasattr(query, f)}
        self._contacts: dict[int, str] = {}
        self._locale = presenter.session.locale
        self._dates = DateFormatter(self._locale)

    # ---- what the bar offers -----------------------------------------------------------

    def offers(self, field: str) -> bool:
        return field in self._blank

    @property
    def date_hint(self) -> str:
        """An example of a date as the user's locale writes it, for an empty date field."""
        return self._dates.short(_SAMPLE_DATE)

    def date_text(self, day: dt.date) -> str:
        return self._dates.short(day)

    def set_contact_choices(self, choices: Sequence[ContactChoice]) -> None:
        self._contacts = {choice.id: choice.name for choice in choices}

    # ---- changing the filters --------------------------------------------------------------

    def value(self, field: str) -> Any:
        return getattr(self.presenter.query, field)

    def set_text(self, text: str) -> None:
        self.presenter.filter(text=text)

    def set_status(self, status: StatusFilter) -> None:
        self.presenter.filter(status=status)

    def set_contact(self, contact_id: int | None) -> None:
        self.presenter.filter(contact_id=contact_id)

    def set_dates(self, first: str, last: str) -> str:
        """Filter from ``first`` to ``last`` (either may be blank); "" when applied, else
        why not, and the dates filter stays as it was."""
        try:
            start = self._read_date(first, _("From"))
            end = self._read_date(last, _("To"))
        except DateError as exc:
            return str(exc)
        if start is not None and end is not None and start > end:
            return (_("The range ends before it starts: {short} is before {short2}.").format(
                short=self._dates.short(end),
                short2=self._dates.short(start)))
        self.presenter.filter(date_from=start, date_to=end)
        return ""

    def _read_date(self, text: str, which: str) -> dt.date | None:
        if not text.strip():
            return None
        try:
            return parse_date(text, self._locale)
        except DateError as exc:
            raise DateError(f"{which}: {exc}", exc.problem, exc.text) from None

    def clear(self) -> None:
        self.presenter.filter(**self._blank)

    @staticmethod
    def no_such_contact(text: str) -> str:
        return (_("No contact is called {text}: pick one from the list, or empty the field to "
                  "show every "
                  "contact.").format(text=echo(text)))

    # ---- what the bar shows ---------------------------------------------------------------

    @property
    def is_filtered(self) -> bool:
        return any(self.value(field) != blank for field, blank in self._blank.items())

    def active(self) -> list[str]:
        """Each active filter in words, in the bar's order."""
        query, words = self.presenter.query, []
        if self.offers("status") and query.status is not StatusFilter.ALL:
            words.append(_("Status: {status_filters}").format(
                             status_filters=STATUS_FILTERS[query.status]))
        if self.offers("contact_id") and query.contact_id is not None:
            name = self._contacts.get(query.contact_id, f"#{query.contact_id}")
            words.append(_("Contact: {name}").format(name=name))
        if self.offers("date_from") and (query.date_from or query.date_to):
            words.append(f"{self.date_label}: {self._range(query.date_from, query.date_to)}")
        if self.offers("text") and query.text:
            words.append(_("Text: {text}").format(text=echo(query.text)))
        return words

    def _range(self, start: dt.date | None, end: dt.date | None) -> str:
        short = self._dates.short
        if start and end:
            return f"{short(start)} – {short(end)}"
        if start:
            return _("from {date}").format(date=short(start))
        return _("until {date}").format(date=short(end))  # type: ignore[arg-type]

    def count_text(self, count: int) -> str:
        """``12 invoices``, or ``12 of 1,234 invoices`` while filtered (numbers in the
        user's locale)."""
        if not self.is_filtered:
            return f"{self._number(count)} {self._noun(count)}"
        everything = dataclasses.replace(self.presenter.query, **self._blank)
        total = self.presenter.count_where(everything)
        return _("{count} of {total} {noun}").format(
            count=self._number(count), total=self._number(total), noun=self._noun(total))

    def empty_text(self, count: int) -> str:
        """What the table says in place of rows when ``count`` is 0 ("" otherwise): that the
        filters hide everything (the bar offers Clear), or how to make the first one."""
        if count:
            return ""
        if self.is_filtered:
            return _("No {noun} match these filters.").format(noun=self._noun(2))
        return _("No {noun} yet — {create_hint}").format(noun=self._noun(2),
                                                         create_hint=_(self.create_hint))

    def _noun(self, count: int) -> str:
        """The noun's form for ``count`` (``book_view`` marks its pairs with ``Nn_``)."""
        return ngettext(*self.noun, count)

    def _number(self, count: int) -> str:
        return format_count(count, self._locale)
