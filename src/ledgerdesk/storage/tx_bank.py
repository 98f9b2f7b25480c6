"""The bank half of a transaction: standing postings on bank accounts, and bank rules.

A statement line is matched against ``bank_postings``: every ledger line on the accounts
within the dates, with what posted it, skipping an entry that was reversed (a void) and its
reversal, since neither is money the bank moved.  Read with one indexed query per call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import bindparam, insert, select, text
from sqlalchemy.exc import IntegrityError

from ledgerdesk.domain.bank_rules import BankRule
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.bank_ports import BankPosting
from ledgerdesk.storage.bank_tables import bank_rules
from ledgerdesk.storage.mapping import as_date
from ledgerdesk.storage.tx_base import TransactionBase

_POSTINGS = text("""
SELECT l.id, l.entry_id, l.account_code, e.date, l.amount_minor, l.currency, e.memo,
       e.source_type, e.source_id, p.reference, p.client_token, c.name AS contact,
       m.number AS journal_number, t.period_start, t.period_end,
       (SELECT MIN(o.account_code) FROM journal_lines AS o
         WHERE o.entry_id = e.id AND o.id <> l.id
        HAVING COUNT(DISTINCT o.account_code) = 1) AS other_account
  FROM journal_lines AS l
  JOIN journal_entries AS e ON e.id = l.entry_id
  LEFT JOIN payments AS p ON e.source_type = 'PAYMENT' AND p.id = e.source_id
  LEFT JOIN contacts AS c ON c.id = p.contact_id
  LEFT JOIN manual_journals AS m ON e.source_type = 'MANUAL' AND m.id = e.source_id
  LEFT JOIN tax_settlements AS t ON e.source_type = 'TAX_SETTLEMENT' AND t.id = e.source_id
 WHERE l.account_code IN :codes AND e.date BETWEEN :start AND :end
   AND e.reverses_id IS NULL
   AND NOT EXISTS (SELECT 1 FROM journal_entries AS r WHERE r.reverses_id = e.id)
 ORDER BY e.date, l.id
""").bindparams(bindparam("codes", expanding=True))

_LINES_FOR = text("""
SELECT e.source_id, l.id FROM journal_entries AS e
  JOIN journal_lines AS l ON l.entry_id = e.id AND l.account_code = :code
 WHERE e.source_type = :source_type AND e.source_id IN :ids AND e.reverses_id IS NULL
 ORDER BY l.id
""").bindparams(bindparam("ids", expanding=True))


def _what(row) -> str:
    source = SourceType(row.source_type)
    if source is SourceType.PAYMENT:
        return _("payment {payment_number}").format(payment_number=payment_number(row.source_id))
    if source is SourceType.MANUAL and row.journal_number:
        return _("journal {journal_number}").format(journal_number=row.journal_number)
    if source is SourceType.TAX_SETTLEMENT and row.period_start:
        return _("tax settlement {period_start} to {period_end}").format(
                   period_start=row.period_start, period_end=row.period_end)
    return _("entry {entry_id}").format(entry_id=row.entry_id)


def _posting(row) -> BankPosting:
    return BankPosting(
        line_id=row.id, entry_id=row.entry_id, account_code=row.account_code,
        date=as_date(row.date), amount=Money.from_minor(row.amount_minor, row.currency).amount,
        source_type=SourceType(row.source_type), source_id=row.source_id, what=_what(row),
        reference=row.reference if row.reference is not None else row.memo,
        counterparty=row.contact or "", other_account=row.other_account or "",
        client_token=row.client_token or "",
    )


class BankStore(TransactionBase):
    def bank_postings(
        self, account_codes: Iterable[str], start: dt.date, end: dt.date
    ) -> list[BankPosting]:
        codes = list(account_codes)
        if not codes or start > end:
            return []
        rows = self._conn.execute(_POSTINGS, {
            "codes": codes, "start": start.isoformat(), "end": end.isoformat()})
        return [_posting(row) for row in rows]

    def bank_lines_for(
        self, source_type: SourceType, source_ids: Iterable[int], account_code: str
    ) -> dict[int, int]:
        ids = list(source_ids)
        if not ids:
            return {}
        rows = self._conn.execute(_LINES_FOR, {
            "code": account_code, "source_type": source_type.value, "ids": ids})
        found: dict[int, int] = {}
        for source_id, line_id in rows:
            found.setdefault(source_id, line_id)
        return found

    def bank_rules(self) -> list[BankRule]:
        rows = self._conn.execute(select(bank_rules).order_by(bank_rules.c.id))
        return [BankRule(r.reference_contains, r.account_code, r.memo, r.id) for r in rows]

    def add_bank_rule(self, rule: BankRule) -> int:
        try:
            rule_id = self._conn.execute(insert(bank_rules).values(
                reference_contains=rule.reference_contains, account_code=rule.account_code,
                memo=rule.memo,
            )).inserted_primary_key[0]
        except IntegrityError as exc:
            if "uq_bank_rules" in str(exc.orig) or "UNIQUE" in str(exc.orig):
                raise NotAllowed(_("There is already a rule for references containing "
                                   "{reference_contains!r}.").format(
                                     reference_contains=rule.reference_contains)) from exc
            raise
        self._audit("add", "bank_rule", rule_id, {
            "reference_contains": rule.reference_contains, "account": rule.account_code})
        return rule_id
