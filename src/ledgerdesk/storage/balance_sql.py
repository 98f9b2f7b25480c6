"""The SQL of the running balances (``account_days``, migration 0010_account_days): the
rebuild from the journal, and the balances the reports read from it.

A day's row is the net of every journal line dated that day on the account, so a balance
as of a day is the sum of the rows up to it and a period's movement the rows between its
days: a few thousand rows where the journal holds millions of lines.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ledgerdesk.domain.i18n import _
from ledgerdesk.services.read_models import InvariantFailure

#: The whole table from the journal (a fresh load; ``check`` compares against it).
JOURNAL_DAYS = (
    "SELECT l.account_code, l.currency, e.date AS day, SUM(l.amount_minor) AS amount_minor"
    " FROM journal_entries AS e JOIN journal_lines AS l ON l.entry_id = e.id"
    " GROUP BY l.account_code, l.currency, e.date"
)
REBUILD_ACCOUNT_DAYS = (
    "INSERT INTO account_days (account_code, currency, day, amount_minor) " + JOURNAL_DAYS
)

#: Rows where the cache and the journal disagree (account, currency, day, amount), the
#: cache's first: either side's rows that the other lacks or sums differently.
ACCOUNT_DAYS_DRIFT = (
    "SELECT * FROM (SELECT account_code, currency, day, amount_minor FROM account_days"
    f" EXCEPT {JOURNAL_DAYS}) UNION ALL SELECT * FROM ({JOURNAL_DAYS}"
    " EXCEPT SELECT account_code, currency, day, amount_minor FROM account_days) LIMIT 5"
)


def account_days_failures(conn: Connection) -> list[InvariantFailure]:
    """The running balances against the journal they are kept from: every day of every
    account and currency must sum to its journal lines."""
    rows = conn.exec_driver_sql(ACCOUNT_DAYS_DRIFT).all()
    if not rows:
        return []
    detail = "; ".join(f"{code} {currency} on {day}: {amount}" for code, currency, day, amount
                       in rows)
    return [InvariantFailure(
        "running_balances", _("the running balances differ from the journal lines (account, "
                              "currency, day and the sum that disagrees): {detail}").format(
                                detail=detail))]
