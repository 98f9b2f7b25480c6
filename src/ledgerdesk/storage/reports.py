"""``SqliteReports``: the ``ReportQueries`` port, every figure summed in SQL.

Each call is one read transaction.  Short answers (one row per account, contact or bucket)
come back as lists; long ones (ledger lines, statement lines, the payments register) are
generators over a cursor, so an export of any length runs in constant memory.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ledgerdesk.domain.documents import DocumentKind, Side, TaxMode, side_sign
from ledgerdesk.domain.ledger import AccountRole, AccountType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.reports.contact_reports import (
    CREDIT_BUCKET,
    AgingDocument,
    AgingRow,
    PaymentRegisterRow,
    StatementItem,
)
from ledgerdesk.reports.fx_revaluation import ForeignOwed
from ledgerdesk.reports.ledger_reports import AccountBalance, LedgerLine
from ledgerdesk.reports.list_exports import PaymentLine
from ledgerdesk.reports.periods import AgingBuckets, Period
from ledgerdesk.reports.tax_lines import TaxLine
from ledgerdesk.storage import ledger_sql, report_sql
from ledgerdesk.storage.fx_aging import FOREIGN_BANKS, foreign_owed, foreign_rows
from ledgerdesk.storage.mapping import as_date
from ledgerdesk.storage.queries import SqliteQueries
from ledgerdesk.storage.summaries import book_currency

_BATCH = 500
_ROLE_OF_SIDE = {Side.SALES: AccountRole.RECEIVABLE, Side.PURCHASES: AccountRole.PAYABLE}


def _period(period: Period) -> dict[str, str]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


class SqliteReports(SqliteQueries):
    """Reports on one book's engine (and, being ``SqliteQueries``, its lists too)."""

    def _one(self, sql: str, params: dict[str, Any]) -> Any:
        with self._reading() as conn:
            return conn.exec_driver_sql(sql, params).one()

    def _all(self, sql: str, params: dict[str, Any]) -> list[Any]:
        with self._reading() as conn:
            return conn.exec_driver_sql(sql, params).all()

    def currency(self) -> str:
        with self._reading() as conn:
            return book_currency(conn)

    def _role_code(self, role: AccountRole) -> str:
        rows = self._all("SELECT code FROM accounts WHERE role = :role ORDER BY code",
                         {"role": role.value})
        return rows[0].code if rows else ""

    def account_balances(
        self, end: dt.date, start: dt.date | None = None
    ) -> list[AccountBalance]:
        params = {"end": end.isoformat(), "start": start.isoformat() if start else None}
        rows = self._all(ledger_sql.account_balances_sql(start is not None), params)
        return [
            AccountBalance(r.account_code, r.name, AccountType(r.type),
                           Money.from_minor(r.balance, r.currency))
            for r in rows
        ]

    def aging(
        self, side: Side, as_of: dt.date, buckets: AgingBuckets, contact_id: int | None = None
    ) -> list[AgingRow]:
        currency = self.currency()
        params = {"as_of": as_of.isoformat(), "contact": contact_id, "home": currency}
        rows = self._all(report_sql.aging_sql(side, buckets, contact_id is not None), params)
        result = []
        for contact, group in itertools.groupby(rows, key=lambda r: (r.contact_id, r.name)):
            sums, credits = [0] * len(buckets), 0
            for row in group:
                if row.bucket == CREDIT_BUCKET:
                    credits += row.owed
                else:
                    sums[row.bucket] += row.owed
            amounts = tuple(Money.from_minor(s, currency) for s in sums)
            result.append(AgingRow(contact[0], contact[1], amounts,
                                   Money.from_minor(credits, currency)))
        foreign = foreign_rows(self._foreign_owed(side, as_of, buckets, contact_id),
                               len(buckets), currency)
        return sorted(result + foreign, key=lambda r: (r.contact_name, r.contact_id,
                                                      r.currency != currency, r.currency))

    def foreign_documents(self, side: Side, as_of: dt.date) -> list[ForeignOwed]:
        """The side's foreign documents owing on ``as_of``, each with what it holds at home."""
        return self._foreign_owed(side, as_of, AgingBuckets(), None)

    def foreign_banks(self, as_of: dt.date) -> list[tuple[str, str, Money, Money]]:
        """Each foreign bank account: code, name, its balance on ``as_of`` in its currency
        and at home."""
        home = self.currency()
        return [(r.code, r.name, Money.from_minor(r.foreign_minor, r.currency),
                 Money.from_minor(r.home_minor, home))
                for r in self._all(FOREIGN_BANKS, {"as_of": as_of.isoformat()})]

    def _foreign_owed(self, side: Side, as_of: dt.date, buckets: AgingBuckets,
                      contact_id: int | None) -> list[ForeignOwed]:
        home = self.currency()
        params = {"as_of": as_of.isoformat(), "contact": contact_id, "home": home}
        sql = report_sql.aging_documents_sql(side, contact_id is not None, foreign_only=True)
        return [foreign_owed(row, home, CREDIT_BUCKET if DocumentKind(row.kind).is_credit
                             else buckets.index(row.days))
                for row in self._all(sql, params)]

    def aging_documents(
        self, side: Side, as_of: dt.date, buckets: AgingBuckets, contact_id: int | None = None
    ) -> Iterator[AgingDocument]:
        sql = report_sql.aging_documents_sql(side, contact_id is not None)
        for (doc_id, kind, number, contact, name, issued, due, days, owed, currency, *_
             ) in self._stream(sql, {"as_of": as_of.isoformat(), "contact": contact_id}):
            document_kind = DocumentKind(kind)
            credit = document_kind.is_credit  # never overdue, in no day bucket
            yield AgingDocument(
                doc_id, document_kind, number, contact, name, as_date(issued), as_date(due),
                None if credit else days, None if credit else buckets.index(days),
                Money.from_minor(owed, currency),
            )

    def statement_items(
        self, side: Side, contact_id: int, period: Period, currency: str | None = None
    ) -> Iterator[StatementItem]:
        params = {**_period(period), "contact": contact_id, "currency": currency,
                  "control": self._role_code(_ROLE_OF_SIDE[side])}
        sign = side_sign(side)
        sql = report_sql.statement_sql(side, foreign=currency is not None)
        for (_entry, date, memo, source_type, source_id, ref, minor,
             code) in self._stream(sql, params):
            payment = source_type == "PAYMENT"
            yield StatementItem(
                as_date(date), source_type, source_id,
                payment_number(source_id) if payment else ref, memo,
                Money.from_minor(sign * minor, code),
            )

    def control_sums(self, side: Side, contact_id: int, period: Period,
                     currency: str | None = None) -> tuple[int, int, int]:
        params = {**_period(period), "contact": contact_id, "currency": currency,
                  "control": self._role_code(_ROLE_OF_SIDE[side])}
        sql = report_sql.control_sums_sql(side, foreign=currency is not None)
        before, debits, credits = self._one(sql, params)
        if side_sign(side) == 1:  # receivable: a debit raises what the customer owes
            return before, debits, credits
        return -before, credits, debits  # payable: a credit raises what we owe

    def ledger_sums(self, code: str, period: Period) -> tuple[int, int, int]:
        before, debits, credits = self._one(ledger_sql.LEDGER_SUMS, {**_period(period),
                                                                     "code": code})
        return before, debits, credits

    def ledger_lines(self, code: str, period: Period, opening_minor: int) -> Iterator[LedgerLine]:
        balance = opening_minor
        rows = self._stream(ledger_sql.LEDGER_LINES, {**_period(period), "code": code})
        # By position (the SELECT's order): a long ledger reads 150,000 rows.
        for (entry_id, date, memo, source_type, source_id, line_memo, minor, currency,
             foreign_minor, foreign_currency) in rows:
            balance += minor
            zero = Money.from_minor(0, currency)
            amount = Money.from_minor(abs(minor), currency)
            yield LedgerLine(
                as_date(date), entry_id, f"{memo}: {line_memo}" if line_memo else memo,
                source_type, source_id, amount if minor > 0 else zero,
                amount if minor < 0 else zero, Money.from_minor(balance, currency),
                None if foreign_currency is None
                else Money.from_minor(foreign_minor, foreign_currency),
            )

    def has_foreign(self, code: str) -> bool:
        """Whether any posting on the account holds foreign money."""
        return bool(self._one(ledger_sql.HAS_FOREIGN, {"code": code})[0])

    def payment_sums(self, period: Period) -> tuple[int, int, int]:
        count, money_in, money_out = self._one(ledger_sql.PAYMENT_SUMS, _period(period))
        return count, money_in, money_out

    def payments_register(self, period: Period) -> Iterator[PaymentRegisterRow]:
        rows = self._stream(ledger_sql.PAYMENTS_REGISTER, _period(period))
        for _, group in itertools.groupby(rows, key=lambda r: r.id):
            yield from _register_rows(list(group))

    def payment_lines(self) -> Iterator[PaymentLine]:
        """Plain tuples straight from the driver's cursor, inside the read transaction:
        SQLAlchemy's rows and a named tuple each cost a tenth of the export's time."""
        with self._reading() as conn:
            cursor = conn.connection.driver_connection.execute(ledger_sql.PAYMENT_LINES)
            try:
                while batch := cursor.fetchmany(_BATCH):
                    yield from batch
            finally:
                cursor.close()

    def tax_lines(self, period: Period, tax_code_id: int | None = None) -> Iterator[TaxLine]:
        sql, params = ledger_sql.TAX_LINES, _period(period)
        if tax_code_id is not None:
            sql, params = sql + ledger_sql.ON_TAX_CODE, {**params, "code": tax_code_id}
        for (doc_id, kind, mode, currency, quantity, price, discount, rate, code, rounding,
             number, issued, contact, exchange_rate) in self._stream(
                sql + ledger_sql.IN_DOCUMENT_ORDER, params):
            yield TaxLine(doc_id, DocumentKind(kind), TaxMode(mode), currency, Decimal(quantity),
                          Decimal(price), Decimal(discount), Decimal(rate), code,
                          TaxRounding(rounding), number or "", as_date(issued), contact,
                          Decimal(exchange_rate))

def _register_rows(group: list[Any]) -> Iterator[PaymentRegisterRow]:
    """One payment's rows: each allocation, then the credit it kept, if any."""
    (payment_id, date, kind, contact_id, contact_name, reference, bank, amount_minor,
     currency, voided, _, _, _, kept_id, kept_number, kept_minor, _) = group[0]
    lines = [(r.document_id, r.document_number or "", r.applied_minor, False,
              r.document_currency) for r in group if r.document_id is not None]
    if kept_id is not None:
        lines.append((kept_id, kept_number or "", kept_minor, True, currency))
    if not lines:
        lines.append((None, "", 0, False, currency))
    amount, day, payment_kind = Money.from_minor(amount_minor, currency), as_date(date), (
        PaymentKind(kind))
    for document_id, number, applied, kept, applied_in in lines:
        yield PaymentRegisterRow(
            payment_id=payment_id, date=day, kind=payment_kind, contact_id=contact_id,
            contact_name=contact_name, reference=reference, bank_account_code=bank,
            amount=amount, voided=bool(voided), document_id=document_id,
            document_number=number, applied=Money.from_minor(applied, applied_in),
            kept_as_credit=kept,
        )
