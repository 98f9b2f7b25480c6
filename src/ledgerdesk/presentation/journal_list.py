"""The Journals list: one row per manual journal, counted, sorted, filtered and paged in SQL
(``services.journal_queries``), each cell in the book's locale."""

from __future__ import annotations

from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.presentation.columns import Column, Mark
from ledgerdesk.presentation.lists import QueryList
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.journal_queries import JournalQuery, JournalSort, JournalSummary

STATUS_TEXT = Translated({"posted": N_("Posted"), "void": N_("⊘ Void")})


class JournalList(QueryList[JournalQuery]):
    sort_keys = (JournalSort.NUMBER, JournalSort.DATE, JournalSort.MEMO, JournalSort.TOTAL,
                 None)

    def __init__(self, session: Session) -> None:
        super().__init__(session, JournalQuery())
        money, date = self.money.format, self._date
        self.columns: list[Column[JournalSummary]] = [
            Column("number", _("Number"), lambda r: r.number, lambda r: r.number, width=100),
            Column("date", _("Date"), lambda r: date(r.date), lambda r: r.date, width=100,
                   samples=self.dates),
            Column("memo", _("Memo"), lambda r: r.memo, lambda r: r.memo, width=380),
            Column("total", _("Total"), lambda r: money(r.total.amount), lambda r: r.total.amount,
                   numeric=True, width=130),
            Column("status", _("Status"), lambda r: STATUS_TEXT[r.status], lambda r: r.status,
                   sortable=False, width=100, plain=lambda r: r.status,
                   samples=tuple(STATUS_TEXT.values())),
        ]

    def mark(self, row: JournalSummary) -> Mark:
        return Mark.VOID if row.voided else Mark.NONE

    def count_where(self, query: JournalQuery) -> int:
        return self.session.book.journals().count_journals(query)  # type: ignore[attr-defined]

    def page(self, offset: int, limit: int) -> list[JournalSummary]:
        return self.session.book.journals().journal_page(  # type: ignore[attr-defined]
            self.query, offset, limit)
