"""``CachedReads``: an import's transaction with the settings, chart and contacts read once.

The use cases' own builders ask for the base currency, the chart, the tax codes and the
contact of every record; across an import of thousands that was most of the statements.
Nothing an import does changes a setting, an account or an existing contact, so their first
answers stand for the whole transaction; the tax codes are read again after the import
makes one.  Everything else goes straight to the transaction underneath.
"""

from __future__ import annotations

from typing import Any

from ledgerdesk.domain.contacts import Contact
from ledgerdesk.domain.ledger import Account
from ledgerdesk.domain.tax_codes import TaxCode
from ledgerdesk.services.batch_port import BatchTransaction, batched
from ledgerdesk.services.ports import Transaction


class CachedReads:
    def __init__(self, tx: Transaction) -> None:
        self.tx: BatchTransaction = batched(tx)
        self._settings: dict[str, str | None] = {}
        self._contacts: dict[int, Contact | None] = {}
        self._by_name: dict[str, Contact | None] = {}
        self._accounts: dict[str, Account] | None = None
        self._tax_codes: list[TaxCode] | None = None

    def get_setting(self, key: str) -> str | None:
        if key not in self._settings:
            self._settings[key] = self.tx.get_setting(key)
        return self._settings[key]

    def accounts(self) -> dict[str, Account]:
        if self._accounts is None:
            self._accounts = self.tx.accounts()
        return self._accounts

    def tax_codes(self) -> list[TaxCode]:
        if self._tax_codes is None:
            self._tax_codes = self.tx.tax_codes()
        return self._tax_codes

    def add_tax_code(self, code: TaxCode) -> int:
        """A code made for a rate or a name in the file: the cached list is read again."""
        self._tax_codes = None
        return self.tx.add_tax_code(code)

    def get_contact(self, contact_id: int) -> Contact | None:
        if contact_id not in self._contacts:
            self._contacts[contact_id] = self.tx.get_contact(contact_id)
        return self._contacts[contact_id]

    def find_contact(self, name: str) -> Contact | None:
        key = name.casefold()
        if key not in self._by_name:
            self._by_name[key] = self.tx.find_contact(name)
        return self._by_name[key]

    def add_contact(self, contact: Contact) -> int:
        self._by_name.pop(contact.name.casefold(), None)
        return self.tx.add_contact(contact)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tx, name)
