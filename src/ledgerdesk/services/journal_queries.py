"""What the Journals list and ``ledgerdesk list journal-entries`` ask of a book.

One row per manual journal (``JournalSummary``): its number, date, memo, debit total and
whether it is void.  The window pages the list in SQL (``count_journals``,
``journal_page``); an export streams every row (``journal_summaries``).  Kept apart from
``ports.py``: a book that can answer these is a ``Book`` with ``journals()``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ledgerdesk.domain.money import Money
from ledgerdesk.services.ports import Book


class JournalSort(enum.Enum):
    NUMBER = "number"
    DATE = "date"
    MEMO = "memo"
    TOTAL = "total"


@dataclass(frozen=True, slots=True)
class JournalQuery:
    """Filters, sort and direction, as ``list_queries``: sorting ends with the id, text is
    a case-insensitive substring of the number or the memo, dates are inclusive."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    sort: JournalSort = JournalSort.DATE
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.text.strip())


@dataclass(frozen=True, slots=True)
class JournalSummary:
    id: int
    number: str
    date: dt.date
    memo: str
    total: Money  # the debits, which equal the credits
    voided: bool
    void_date: dt.date | None  # the reversal's date

    @property
    def status(self) -> str:
        return "void" if self.voided else "posted"


class JournalQueries(Protocol):
    def count_journals(self, query: JournalQuery) -> int: ...
    def journal_page(
        self, query: JournalQuery, offset: int, limit: int
    ) -> list[JournalSummary]: ...
    def journal_summaries(self) -> Iterator[JournalSummary]: ...  # every one, by date then id


class JournalBook(Book, Protocol):
    def journals(self) -> JournalQueries: ...
