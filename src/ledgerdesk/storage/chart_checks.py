"""The chart's invariants, in SQL, for ``ledgerdesk check``: the accounts the books post to
by themselves are never archived, and an archived balance-sheet account is at zero (nothing
can be posted to it after, so it stays there).  Income and expense accounts are archived at
zero for their fiscal year; earlier years' totals are history and stay."""

from __future__ import annotations

from sqlalchemy import Connection

from ledgerdesk.domain.chart import KEPT_ROLES
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.services.read_models import InvariantFailure

_KEPT = ", ".join(f"'{role.value}'" for role in KEPT_ROLES)


def chart_failures(conn: Connection) -> list[InvariantFailure]:
    failures = [
        InvariantFailure("kept_roles_active", _("account {code} {name} is the book's {role} "
                                                "account but is archived").format(
                                                  code=code, name=name,
                                                  role=role.lower().replace('_', ' ')))
        for code, name, role in conn.exec_driver_sql(
            f"SELECT code, name, role FROM accounts WHERE archived = 1 AND role IN ({_KEPT})"
            " ORDER BY code")
    ]
    failures += [
        InvariantFailure("archived_at_zero", _("archived account {code} {name} has a balance of "
                                               "{amount}").format(
                                                 code=code, name=name,
                                                 amount=Money.from_minor(minor, currency)))
        for code, name, currency, minor in conn.exec_driver_sql(
            "SELECT a.code, a.name, l.currency, SUM(l.amount_minor) FROM accounts AS a"
            " JOIN journal_lines AS l ON l.account_code = a.code WHERE a.archived = 1"
            " AND a.type IN ('ASSET', 'LIABILITY', 'EQUITY')"
            " GROUP BY a.code, l.currency HAVING SUM(l.amount_minor) <> 0 ORDER BY a.code")
    ]
    return failures
