"""What each kind of import reads, and the column mapping: which CSV header feeds which field.

Defaults match headers by name ignoring case, spaces, ``_``, ``-`` and ``.``, including the
headers ``ledgerdesk list KIND --csv`` writes, so our own export maps itself.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ledgerdesk.domain.i18n import N_, _


class ImportKind(enum.StrEnum):
    CONTACTS = "contacts"
    INVOICES = "invoices"
    BILLS = "bills"
    BANK = "bank"
    OPENING_BALANCES = "opening-balances"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    help: str
    required: bool = False
    aliases: tuple[str, ...] = ()  # other header names that feed it by default


_CONTACT = (
    FieldSpec("name", N_("the contact's name"), True, ("contact", "company", "contact name")),
    FieldSpec("role", N_("customer, supplier or both (default both)"), False, ("type",)),
    FieldSpec("email", N_("email address"), False, ("e-mail", "email address")),
    FieldSpec("tax_number", N_("tax or VAT number"), False, ("vat", "vat number", "tax id")),
    FieldSpec("payment_terms_days", N_("days to pay (default 30)"), False,
              ("terms", "payment terms")),
    FieldSpec("address", N_("postal address, one cell (lines kept)"), False,
              ("postal address", "billing address", "street address")),
)
_DOCUMENT = (
    FieldSpec("number", N_("groups lines into one document"), False,
              ("document", "invoice", "bill")),
    FieldSpec("contact", N_("the contact's name"), True, ("customer", "supplier", "name")),
    FieldSpec("issue_date", N_("YYYY-MM-DD"), True, ("date", "issued", "invoice date")),
    FieldSpec("due_date", N_("YYYY-MM-DD (default: the contact's terms)"), False, ("due",)),
    FieldSpec("reference", N_("the document's reference"), False, ("ref",)),
    FieldSpec("description", N_("the line's text"), False, ("item",)),
    FieldSpec("quantity", N_("default 1"), False, ("qty",)),
    FieldSpec("unit_price", N_("the line's price (or give total)"), False, ("price", "unit price")),
    FieldSpec("account", N_("account code (default: the first income/expense)"), False,
              ("account code", "account_code")),
    FieldSpec("tax_rate", N_("percent, default 0"), False, ("tax", "vat rate")),
    FieldSpec("tax_code", N_("the line's tax code by name (a new name with a tax_rate is made)"),
              False, ("vat code",)),
    FieldSpec("discount_percent", N_("percent, default 0"), False, ("discount",)),
    FieldSpec("total", N_("a one-line document of this amount (no tax)"), False, ("amount",)),
    FieldSpec("status", N_("draft or void keep that status; anything else is authorised"), False),
    FieldSpec("tax_mode", N_("exclusive, inclusive or no tax (default exclusive)"), False,
              ("amounts are", "tax type")),
    FieldSpec("currency", N_("ISO code (default: the contact's, else the book's own)"), False,
              ("currency code",)),
    FieldSpec("exchange_rate", N_("home units per one unit of its currency (default: the "
              "book's rate of its date)"), False, ("fx rate",)),  # i18n: not user text
)
_BANK = (
    FieldSpec("date", N_("YYYY-MM-DD"), True, ("booking date", "value date", "transaction date")),
    FieldSpec("amount", N_("positive: received; negative: paid"), True, ()),
    FieldSpec("reference", N_("the payment's reference"), False,
              ("description", "memo", "details", "remittance")),
    FieldSpec("counterparty", N_("who paid or was paid"), False,
              ("contact", "payee", "payer", "name", "party")),
    FieldSpec("documents", N_("numbers it pays, comma separated (instead of suggestions)"), False,
              ("document", "invoices", "invoice numbers")),
    FieldSpec("kind", N_("customer receipt or supplier payment (default: the amount's sign)"),
              False, ("payment kind",)),
    FieldSpec("void", N_("yes: reported, not recorded"), False, ("voided",)),
    FieldSpec("keep_excess_as_credit",
              N_("yes: keep what the line pays beyond its documents as the contact's credit"),
              False, ("keep excess", "keep as credit", "kept as credit")),
    FieldSpec("currency", N_("ISO code; only the book's own (default)"), False, ("currency code",)),
    FieldSpec("bank_id", N_("the bank's id of the line: one already recorded is not again"),
              False, ("transaction id", "fitid", "bank id")),
)

_OPENING = (
    FieldSpec("account", N_("account code"), True, ("account code", "account_code", "code")),
    FieldSpec("debit", N_("a debit balance, like 1234.50"), False, ("dr",)),
    FieldSpec("credit", N_("a credit balance, like 1234.50"), False, ("cr",)),
    FieldSpec("contact", N_("receivable/payable rows: the customer or supplier"), False,
              ("customer", "supplier", "name")),
    FieldSpec("number", N_("receivable/payable rows: the open invoice's or bill's number"), False,
              ("document", "invoice", "bill")),
    FieldSpec("due_date", N_("receivable/payable rows: YYYY-MM-DD"), False, ("due",)),
)

FIELDS: dict[ImportKind, tuple[FieldSpec, ...]] = {
    ImportKind.CONTACTS: _CONTACT,
    ImportKind.INVOICES: _DOCUMENT,
    ImportKind.BILLS: _DOCUMENT,
    ImportKind.BANK: _BANK,
    ImportKind.OPENING_BALANCES: _OPENING,
}


class MappingError(ValueError):
    """The columns cannot feed the import (a required field without a column, a bad --map)."""


def header_key(header: str) -> str:
    return re.sub(r"[\s_\-.]+", "", header).casefold()


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which header (by position) feeds which field; fields without a column are absent."""

    kind: ImportKind
    headers: tuple[str, ...]
    columns: Mapping[str, int]  # field name -> index into headers

    @classmethod
    def default(cls, kind: ImportKind, headers: tuple[str, ...]) -> ColumnMapping:
        by_key = {header_key(h): i for i, h in reversed(list(enumerate(headers))) if h}
        columns: dict[str, int] = {}
        for spec in FIELDS[kind]:
            for name in (spec.name, *spec.aliases):
                index = by_key.get(header_key(name))
                if index is not None and index not in columns.values():
                    columns[spec.name] = index
                    break
        return cls(kind, headers, columns)

    def with_overrides(self, overrides: Mapping[str, str]) -> ColumnMapping:
        """``{field: header}`` from the user; an empty header un-maps the field."""
        names = [spec.name for spec in FIELDS[self.kind]]
        by_key = {header_key(h): i for i, h in enumerate(self.headers) if h}
        columns = dict(self.columns)
        for name, header in overrides.items():
            if name not in names:
                raise MappingError(
                    _("{kind} imports have no field {name!r}; the fields are {items}.").format(
                        kind=self.kind,
                        name=name,
                        items=', '.join(names))
                )
            if not header.strip():
                columns.pop(name, None)
                continue
            index = by_key.get(header_key(header))
            if index is None:
                raise MappingError(
                    _("The file has no column {header!r}; its columns are {items}.").format(
                        header=header,
                        items=', '.join(repr(h) for h in self.headers))
                )
            columns = {f: i for f, i in columns.items() if i != index}
            columns[name] = index
        return ColumnMapping(self.kind, self.headers, columns)

    def check(self) -> None:
        """Raise ``MappingError`` naming every required field that has no column."""
        missing = [s.name for s in FIELDS[self.kind] if s.required and s.name not in self.columns]
        if self.kind in (ImportKind.INVOICES, ImportKind.BILLS) and not (
            {"unit_price", "total"} & set(self.columns)
        ):
            missing.append(_("unit_price (or total)"))
        opening = self.kind is ImportKind.OPENING_BALANCES
        if opening and not ({"debit", "credit"} & set(self.columns)):
            missing.append(_("debit (or credit)"))
        if missing:
            raise MappingError(
                _("No column for {items}; the file's columns are {join2}. Map one with --map "
                  "FIELD=HEADER.").format(
                    items=', '.join(missing),
                    join2=', '.join(repr(h) for h in self.headers))
            )

    def header(self, name: str) -> str:
        """The header feeding ``name``, for messages; the field's name when it has none."""
        index = self.columns.get(name)
        return name if index is None else self.headers[index]

    def unused_headers(self) -> list[str]:
        used = set(self.columns.values())
        return [h for i, h in enumerate(self.headers) if i not in used and h]
