"""``SqliteDashboard``: the ``DashboardQueries`` port (``services.dashboard``), in SQL."""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.reports.contact_reports import CREDIT_BUCKET
from ledgerdesk.reports.periods import AgingBuckets
from ledgerdesk.services.dashboard import AttentionItem, AttentionKind
from ledgerdesk.storage import dashboard_sql
from ledgerdesk.storage.mapping import as_date
from ledgerdesk.storage.reports import SqliteReports


class SqliteDashboard(SqliteReports):
    def cash_by_month(self, start: dt.date, end: dt.date) -> list[tuple[str, int, int]]:
        rows = self._all(dashboard_sql.CASH_BY_MONTH,
                         {"start": start.isoformat(), "end": end.isoformat()})
        return [(row.month, row.money_in, row.money_out) for row in rows]

    def aging_totals(
        self, side: Side, as_of: dt.date, buckets: AgingBuckets
    ) -> list[tuple[int, int, int]]:
        rows = self._all(dashboard_sql.aging_totals_sql(side, buckets),
                         {"as_of": as_of.isoformat(), "contact": None, "home": self.currency()})
        totals = {row.bucket: [row.owed, row.owing] for row in rows}
        for item in self._foreign_owed(side, as_of, buckets, None):  # at home, one by one
            owed, owing = totals.setdefault(item.bucket, [0, 0])
            totals[item.bucket] = [owed + item.home.minor_units,
                                   owing + int(item.bucket != CREDIT_BUCKET)]
        return [(bucket, owed, owing) for bucket, (owed, owing) in sorted(totals.items())]

    def attention_count(self, kind: AttentionKind, today: dt.date) -> int:
        return self._one(dashboard_sql.attention_count_sql(kind),
                         {"today": today.isoformat()})[0]

    def attention_page(
        self, kind: AttentionKind, today: dt.date, offset: int, limit: int
    ) -> list[AttentionItem]:
        params = {"today": today.isoformat(), "offset": offset, "limit": limit}
        return [
            AttentionItem(
                kind, row.id, DocumentKind(row.kind), row.payment_id,
                payment_number(row.payment_id) if row.payment_id else row.number,
                row.contact_name, as_date(row.date), Money.from_minor(row.amount, row.currency),
            )
            for row in self._all(dashboard_sql.attention_page_sql(kind), params)
        ]
