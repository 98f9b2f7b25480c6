"""The tax half of a transaction: tax codes (migration 0004) and tax settlements."""

from __future__ import annotations

from sqlalchemy import and_, insert, select, update

from ledgerdesk.domain.documents import Lifecycle, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.tax_codes import TaxCode
from ledgerdesk.domain.tax_settlement import TaxSettlement
from ledgerdesk.storage.tables import document_lines, documents, tax_codes, tax_settlements
from ledgerdesk.storage.tx_base import TransactionBase


def tax_code_from_row(row) -> TaxCode:
    return TaxCode(row.name, row.rate, Side(row.side), row.account_code, row.id)


class TaxStore(TransactionBase):
    def tax_codes(self) -> list[TaxCode]:
        """Every code: sales first, then purchases; each side by rate, then name."""
        rows = self._conn.execute(select(tax_codes).order_by(tax_codes.c.id)).all()
        codes = [tax_code_from_row(row) for row in rows]
        return sorted(codes, key=lambda c: (c.side is Side.PURCHASES, c.rate, c.name.casefold()))

    def add_tax_code(self, code: TaxCode) -> int:
        code_id = self._exec(insert(tax_codes).values(
            name=code.name, side=code.side.value, rate=code.rate,
            account_code=code.account_code,
        )).inserted_primary_key[0]
        self._audit("add", "tax_code", code_id, {
            "name": code.name, "side": code.side.value, "rate": str(code.rate),
            "account": code.account_code})
        return code_id

    def update_tax_code(self, code: TaxCode) -> None:
        """A new rate or account for a code; the drafts that use it take the new rate (posted
        lines keep theirs: the service refuses a new rate for a code they use)."""
        before = next(c for c in self.tax_codes() if c.id == code.id)
        self._exec(update(tax_codes).where(tax_codes.c.id == code.id)
                   .values(rate=code.rate, account_code=code.account_code))
        if before.rate != code.rate:
            drafts = select(documents.c.id).where(documents.c.lifecycle == Lifecycle.DRAFT.value)
            self._exec(update(document_lines).where(and_(
                document_lines.c.tax_code_id == code.id,
                document_lines.c.document_id.in_(drafts),
            )).values(tax_rate=code.rate))
        self._audit("update", "tax_code", code.id, {
            "rate": [str(before.rate), str(code.rate)],
            "account": [before.account_code, code.account_code]})

    def tax_code_posted_on(self, code_id: int) -> str | None:
        """The number of a posted (authorised or void) document with a line on the code."""
        return self._conn.scalar(
            select(documents.c.number)
            .join(document_lines, document_lines.c.document_id == documents.c.id)
            .where(document_lines.c.tax_code_id == code_id,
                   documents.c.lifecycle != Lifecycle.DRAFT.value)
            .order_by(documents.c.issue_date, documents.c.id).limit(1)
        )

    def add_tax_settlement(self, settlement: TaxSettlement) -> int:
        settlement_id = self._exec(insert(tax_settlements).values(
            period_start=settlement.start, period_end=settlement.end, date=settlement.date,
            amount_minor=settlement.amount, currency=settlement.amount.currency,
            bank_account_code=settlement.bank_account_code,
        )).inserted_primary_key[0]
        self._audit("add", "tax_settlement", settlement_id, {
            "from": settlement.start.isoformat(), "to": settlement.end.isoformat(),
            "amount": str(settlement.amount.amount)})
        return settlement_id

    def tax_settlements(self) -> list[TaxSettlement]:
        rows = self._conn.execute(
            select(tax_settlements).order_by(tax_settlements.c.period_start)).all()
        return [TaxSettlement(row.period_start, row.period_end, row.date,
                              Money.from_minor(row.amount_minor, row.currency),
                              row.bank_account_code, row.id) for row in rows]
