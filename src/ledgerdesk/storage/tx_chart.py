"""The chart of accounts' changes in a transaction: rename, archive, mark as bank, re-code.

An account is known everywhere by its code: journal lines, document lines, payments and
sync links hold it.  Re-coding moves every one of those references in the same transaction
as the account itself, with the foreign keys on: the new account row first, then each
reference (every foreign key to ``accounts``, found in the schema, so a table added later
is moved too), then the old row goes.  Posted rows are frozen by triggers (journal lines
are append-only; a posted document's lines and a payment never change); those triggers are
dropped for the move and re-created from their own stored SQL before the transaction ends,
as ``bulk.py`` does for a load, so a failure anywhere rolls the schema back with the data.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import text, update
from sqlalchemy.exc import IntegrityError

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account
from ledgerdesk.domain.problems import NotFound
from ledgerdesk.storage.tables import accounts
from ledgerdesk.storage.tx_base import TransactionBase, refused

_UPDATE_TRIGGER = re.compile(r"\b(?:BEFORE|AFTER|INSTEAD\s+OF)\s+UPDATE\b", re.IGNORECASE)
# References to an account by code that are not foreign keys: (table, column, condition).
_LOOSE_REFERENCES = (("sync_links", "local_key", "kind = 'ACCOUNT'"),
                     ("settings", "value",
                      "key IN ('exchange_account', 'unrealised_exchange_account')"))


class ChartStore(TransactionBase):
    def update_account(self, account: Account) -> None:
        """Save an existing account's name, role and archived flag (its code stays)."""
        before = self._conn.execute(
            accounts.select().where(accounts.c.code == account.code)).first()
        if before is None:
            raise NotFound(_("There is no account {code!r} in the chart.").format(
                               code=account.code))
        values = {"name": account.name, "role": account.role.value if account.role else None,
                  "archived": int(account.archived)}
        changed = {k: [before._mapping[k], v] for k, v in values.items()
                   if before._mapping[k] != v}
        if changed:
            self._exec(update(accounts).where(accounts.c.code == account.code).values(**values))
            self._audit("update", "account", None, {"code": account.code, "changed": changed})

    def recode_account(self, old: str, new: str) -> None:
        """Give account ``old`` the code ``new``, moving every reference to it."""
        references = self._account_references()
        suspended = self._drop_update_triggers({table for table, _ in references}
                                               | {t for t, _, _ in _LOOSE_REFERENCES})
        codes = {"old": old, "new": new}
        columns = ", ".join(c.name for c in accounts.columns if c.name != "code")
        moved = self._driver(
            f"INSERT INTO accounts (code, {columns}) SELECT :new, {columns} FROM accounts"
            " WHERE code = :old", codes).rowcount
        if moved != 1:
            raise NotFound(f"There is no account {old!r} in the chart.")
        counts = {}
        for table, column in references:
            counts[table] = self._driver(
                f'UPDATE "{table}" SET "{column}" = :new WHERE "{column}" = :old', codes
            ).rowcount
        for table, column, condition in _LOOSE_REFERENCES:
            self._driver(f'UPDATE "{table}" SET "{column}" = :new'
                         f' WHERE "{column}" = :old AND {condition}', codes)
        self._driver("DELETE FROM accounts WHERE code = :old", codes)
        for sql in suspended:
            self._conn.exec_driver_sql(sql)
        self._audit("recode", "account", None, {"code": old, "new_code": new,
                                                "moved": {t: n for t, n in counts.items() if n}})

    def account_balance(self, code: str, since: dt.date | None = None) -> int:
        """The account's debit-positive sum in minor units over every entry (from ``since``,
        when given, including entries dated later than today)."""
        sql = ("SELECT COALESCE(SUM(amount_minor), 0) FROM account_days"
               " WHERE account_code = :code")  # the running balances
        params: dict[str, Any] = {"code": code}
        if since is not None:
            sql += " AND day >= :since"
            params["since"] = since.isoformat()
        return int(self._conn.exec_driver_sql(sql, params).scalar_one())

    def _driver(self, sql: str, params: dict[str, Any]) -> Any:
        try:
            return self._conn.execute(text(sql), params)
        except IntegrityError as exc:
            raise refused(exc) from exc

    def _account_references(self) -> list[tuple[str, str]]:
        """(table, column) of every foreign key to ``accounts``."""
        tables = [row[0] for row in self._conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'accounts'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        found = []
        for table in tables:
            for row in self._conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")'):
                if row[2] == "accounts":
                    found.append((table, row[3]))
        return found

    def _drop_update_triggers(self, tables: set[str]) -> list[str]:
        """Drop the UPDATE triggers of ``tables``; their CREATE statements, to restore."""
        marks = ", ".join("?" * len(tables))
        rows = self._conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            f" AND tbl_name IN ({marks}) ORDER BY name", tuple(sorted(tables))).all()
        dropped = []
        for name, sql in rows:
            if _UPDATE_TRIGGER.search(sql.split(" ON ", 1)[0]):
                self._conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
                dropped.append(sql)
        return dropped
