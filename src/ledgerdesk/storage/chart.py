"""``SqliteChart``: the ``ChartQueries`` port, the chart of accounts with balances in SQL."""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.ledger import Account
from ledgerdesk.storage.mapping import account_from_row
from ledgerdesk.storage.pages import ListPages

# Entries by date then their lines (the covering ix_journal_lines_entry), as the reports do.
ACCOUNT_LIST = (
    "SELECT a.code, a.name, a.type, a.role, a.archived, COALESCE(t.balance, 0) AS balance"
    " FROM accounts AS a LEFT JOIN ("
    "  SELECT l.account_code, SUM(l.amount_minor) AS balance"
    "  FROM journal_entries AS e CROSS JOIN journal_lines AS l ON l.entry_id = e.id"
    "  JOIN accounts AS x ON x.code = l.account_code"
    "  WHERE e.date <= :as_of"
    "  AND (e.date >= :year_start OR x.type NOT IN ('INCOME', 'EXPENSE'))"
    "  GROUP BY l.account_code"
    " ) AS t ON t.account_code = a.code ORDER BY a.code"
)


class SqliteChart(ListPages):
    """Reads on the book's engine, each in its own read transaction."""

    def account_list(self, as_of: dt.date, year_start: dt.date) -> list[tuple[Account, int]]:
        params = {"as_of": as_of.isoformat(), "year_start": year_start.isoformat()}
        with self._reading() as conn:
            rows = conn.exec_driver_sql(ACCOUNT_LIST, params).all()
        return [(account_from_row(row), int(row.balance)) for row in rows]
