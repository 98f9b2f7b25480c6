"""``SqliteChart``: the ``ChartQueries`` port, the chart of accounts with balances in SQL."""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.ledger import Account
from ledgerdesk.storage.mapping import account_from_row
from ledgerdesk.storage.pages import ListPages

# From the running balances (``account_days``), as the reports read them.
ACCOUNT_LIST = (
    "SELECT a.code, a.name, a.type, a.role, a.archived, a.currency,"
    " COALESCE(t.balance, 0) AS balance"
    " FROM accounts AS a LEFT JOIN ("
    "  SELECT d.account_code, SUM(d.amount_minor) AS balance"
    "  FROM account_days AS d JOIN accounts AS x ON x.code = d.account_code"
    "  WHERE d.day <= :as_of"
    "  AND (d.day >= :year_start OR x.type NOT IN ('INCOME', 'EXPENSE'))"
    "  GROUP BY d.account_code"
    " ) AS t ON t.account_code = a.code ORDER BY a.code"
)


class SqliteChart(ListPages):
    """Reads on the book's engine, each in its own read transaction."""

    def account_list(self, as_of: dt.date, year_start: dt.date) -> list[tuple[Account, int]]:
        params = {"as_of": as_of.isoformat(), "year_start": year_start.isoformat()}
        with self._reading() as conn:
            rows = conn.exec_driver_sql(ACCOUNT_LIST, params).all()
        return [(account_from_row(row), int(row.balance)) for row in rows]
