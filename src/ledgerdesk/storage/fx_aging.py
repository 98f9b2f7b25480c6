"""Foreign documents in the aging and the dashboard (issue 15): each valued one by one.

A foreign document owes in its own currency; at home it still holds its total at its
booked rate less what its settlements in force took (``allocations.home_minor``), exactly
the control account's share, which SQL cannot round the way the ledger did.  So the SQL
sums the home-currency documents (``aging_sql`` and ``aging_totals_sql`` with ``:home``)
and the few foreign ones come through here, per document.
"""

from __future__ import annotations

from decimal import Decimal

from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.contact_reports import CREDIT_BUCKET, AgingRow
from ledgerdesk.reports.fx_revaluation import ForeignOwed


def foreign_owed(row, home: str, bucket: int) -> ForeignOwed:
    """From an ``aging_documents_sql`` row (``foreign_only``)."""
    owed = Money.from_minor(row.owed, row.currency)
    booked = at_rate(Money.from_minor(row.total_minor, row.currency),
                     Decimal(row.exchange_rate), home)
    sign = -1 if owed.amount < 0 else 1
    held = sign * booked.minor_units + int(row.home_taken)
    return ForeignOwed(row.contact_id, row.name, bucket, owed, Money.from_minor(held, home),
                       row.id, row.number)


#: Each foreign bank account's balance on :as_of, in its currency and at home as booked
#: (a revaluation left out, as the documents' booked amounts leave it out).
FOREIGN_BANKS = (
    "SELECT a.code, a.name, a.currency, COALESCE(SUM(l.foreign_minor), 0) AS foreign_minor,"
    " COALESCE(SUM(l.amount_minor), 0) AS home_minor FROM accounts AS a"
    " LEFT JOIN journal_lines AS l ON l.account_code = a.code"
    " AND l.entry_id IN (SELECT e.id FROM journal_entries AS e WHERE e.date <= :as_of"
    " AND e.source_type <> 'REVALUATION')"
    " WHERE a.role = 'BANK' AND a.currency IS NOT NULL GROUP BY a.code ORDER BY a.code"
)


def foreign_rows(owed: list[ForeignOwed], size: int, home: str) -> list[AgingRow]:
    """One aging row per contact and foreign currency, with its amounts at home beside."""
    groups: dict[tuple[int, str, str], list[ForeignOwed]] = {}
    for item in owed:
        groups.setdefault((item.contact_id, item.contact_name, item.owed.currency),
                          []).append(item)
    rows = []
    for (contact_id, name, currency), items in groups.items():
        own = [Money.zero(currency)] * size
        at_home = [Money.zero(home)] * size
        credits, home_credits = Money.zero(currency), Money.zero(home)
        for item in items:
            if item.bucket == CREDIT_BUCKET:
                credits, home_credits = credits + item.owed, home_credits + item.home
            else:
                own[item.bucket] += item.owed
                at_home[item.bucket] += item.home
        rows.append(AgingRow(contact_id, name, tuple(own), credits, tuple(at_home),
                             home_credits))
    return rows
