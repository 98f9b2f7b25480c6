"""``SqliteTransaction``: the ``Transaction`` port on one open SQLite transaction.

Documents, payments, sync rows, manual journals, tax codes and reconciliations live in their
own mixins (``tx_documents``, ``tx_payments``, ``tx_sync``, ``tx_journals``, ``tx_tax``,
``tx_reconciliation``, ``tx_rates``); this module adds settings, the chart, contacts and the ledger.
Every mutating method appends an audit row in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ledgerdesk.domain.chart import archived_problem
from ledgerdesk.domain.contacts import Contact
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, JournalEntry, SourceType
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.storage.mapping import (
    account_from_row,
    check_balanced,
    contact_from_row,
    contact_values,
    entry_from_rows,
)
from ledgerdesk.storage.tables import accounts, contacts, journal_entries, journal_lines, settings
from ledgerdesk.storage.tx_bank import BankStore
from ledgerdesk.storage.tx_batch import BatchStore
from ledgerdesk.storage.tx_chart import ChartStore
from ledgerdesk.storage.tx_documents import DocumentStore
from ledgerdesk.storage.tx_journals import JournalStore
from ledgerdesk.storage.tx_opening import OpeningStore
from ledgerdesk.storage.tx_payments import PaymentStore
from ledgerdesk.storage.tx_rates import RateStore
from ledgerdesk.storage.tx_reconciliation import ReconciliationStore
from ledgerdesk.storage.tx_sync import SyncStore
from ledgerdesk.storage.tx_tax import TaxStore


class SqliteTransaction(DocumentStore, PaymentStore, SyncStore, BatchStore, ChartStore,
                        JournalStore, OpeningStore, TaxStore, BankStore,
                        ReconciliationStore, RateStore):
    """One transaction on the book; commits or rolls back with the ``write()`` block."""

    # settings and chart ------------------------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        return self._conn.scalar(select(settings.c.value).where(settings.c.key == key))

    def set_setting(self, key: str, value: str) -> None:
        statement = sqlite_insert(settings).values(key=key, value=value)
        self._exec(statement.on_conflict_do_update(
            index_elements=[settings.c.key], set_={"value": statement.excluded.value}
        ))
        self._audit("set_setting", "setting", None, {"key": key})  # values may be private

    def accounts(self) -> dict[str, Account]:
        rows = self._conn.execute(select(accounts).order_by(accounts.c.code))
        return {row.code: account_from_row(row) for row in rows}

    def add_account(self, account: Account) -> None:
        self._exec(insert(accounts).values(
            code=account.code, name=account.name, type=account.type.value,
            role=account.role.value if account.role else None, archived=int(account.archived),
            currency=account.currency,
        ))
        self._audit("add", "account", None, {"code": account.code, "name": account.name})

    # contacts ----------------------------------------------------------------------------
    def add_contact(self, contact: Contact) -> int:
        contact_id = self._exec(
            insert(contacts).values(**contact_values(contact))
        ).inserted_primary_key[0]
        self._audit("add", "contact", contact_id, {"name": contact.name})
        return contact_id

    def update_contact(self, contact: Contact) -> None:
        """Overwrite a contact's fields; the audit row keeps what each changed field was."""
        before = self.get_contact(contact.id) if contact.id is not None else None
        if before is None:
            raise NotFound(_("There is no contact {id}.").format(id=contact.id))
        values = contact_values(contact)
        was = contact_values(before)
        self._exec(update(contacts).where(contacts.c.id == contact.id).values(**values))
        changed = {k: [was[k], v] for k, v in values.items() if was[k] != v}
        self._audit("update", "contact", contact.id, {"changed": changed})

    def get_contact(self, contact_id: int) -> Contact | None:
        row = self._conn.execute(select(contacts).where(contacts.c.id == contact_id)).first()
        return None if row is None else contact_from_row(row)

    def find_contact(self, name: str) -> Contact | None:
        # contacts.name is COLLATE NOCASE, so "=" ignores (ASCII) case and uses the index.
        row = self._conn.execute(
            select(contacts).where(contacts.c.name == name).order_by(contacts.c.id)
        ).first()
        return None if row is None else contact_from_row(row)

    # ledger ------------------------------------------------------------------------------
    def post(self, entry: JournalEntry) -> int:
        check_balanced(entry)
        self._refuse_archived({line.account_code for line in entry.lines})
        entry_id = self._exec(insert(journal_entries).values(
            date=entry.date, memo=entry.memo, source_type=entry.source_type.value,
            source_id=entry.source_id, reverses_id=entry.reverses_id,
        )).inserted_primary_key[0]
        self._exec(insert(journal_lines), [
            {"entry_id": entry_id, "account_code": line.account_code, "amount_minor": line.amount,
             "currency": line.amount.currency, "memo": line.memo,
             "foreign_minor": line.foreign, "foreign_currency":
                 None if line.foreign is None else line.foreign.currency}
            for line in entry.lines
        ])
        self._audit("post", "journal_entry", entry_id, {
            "source_type": entry.source_type.value, "source_id": entry.source_id,
            "reverses_id": entry.reverses_id, "lines": len(entry.lines),
        })
        return entry_id

    def _refuse_archived(self, codes: set[str]) -> None:
        """Nothing new on an archived account (a void's reversal neither), in a sentence;
        the trigger behind it would only say the book refused."""
        rows = self._conn.execute(
            select(accounts).where(accounts.c.code.in_(sorted(codes)), accounts.c.archived == 1)
            .order_by(accounts.c.code)).all()
        if rows:
            raise NotAllowed(archived_problem(account_from_row(rows[0])))

    def entries_for(self, source_type: SourceType, source_id: int) -> list[JournalEntry]:
        rows = self._conn.execute(
            select(journal_entries)
            .where(journal_entries.c.source_type == source_type.value,
                   journal_entries.c.source_id == source_id)
            .order_by(journal_entries.c.id)
        ).all()
        return [entry_from_rows(row, self._lines_of(row.id)) for row in rows]

    def _lines_of(self, entry_id: int):
        return self._conn.execute(
            select(journal_lines)
            .where(journal_lines.c.entry_id == entry_id)
            .order_by(journal_lines.c.id)
        )
