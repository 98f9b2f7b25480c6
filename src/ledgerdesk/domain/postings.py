"""The journal entries that authorising documents and recording payments post.

- Sales invoice: Dr Receivable total / Cr income per line / Cr each tax code's account
  (Sales Tax unless the code names another).
- Bill: Dr expense per line / Dr Sales Tax (input tax) / Cr Payable total.
- Credit notes post the mirror image of their side's invoice or bill.
- A receipt: Dr Bank / Cr Receivable; a supplier payment: Dr Payable / Cr Bank; refunds mirror.
  A payment's excess kept as credit stays in the control account, where the prepayment
  document it creates offsets it; applying a credit to an invoice moves nothing in the ledger.
"""

from __future__ import annotations

from collections.abc import Mapping

from ledgerdesk.domain.documents import Document, DocumentKind, side_sign
from ledgerdesk.domain.fx_postings import document_lines_at_home, payment_lines
from ledgerdesk.domain.ledger import JournalEntry, JournalLine, SourceType, merge_lines
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Payment


class ChartRoles:
    """The account codes the rules post to, resolved from the book's chart."""

    def __init__(self, receivable: str, payable: str, sales_tax: str,
                 tax_accounts: Mapping[int, str] | None = None,
                 exchange: str | None = None) -> None:
        self.receivable = receivable
        self.payable = payable
        self.sales_tax = sales_tax
        #: Each tax code's own account; a line without a code, or a code not listed,
        #: posts its tax to ``sales_tax``.
        self.tax_accounts = dict(tax_accounts or {})
        #: Where realised exchange gains and losses go (None until the book needs one).
        self.exchange = exchange

    def tax_account_for(self, tax_code_id: int | None) -> str:
        if tax_code_id is None:
            return self.sales_tax
        return self.tax_accounts.get(tax_code_id, self.sales_tax)

    def control_for(self, kind: DocumentKind) -> str:
        return self.receivable if side_sign(kind.side) == 1 else self.payable


def document_entry(doc: Document, roles: ChartRoles, home: str | None = None) -> JournalEntry:
    """The entry posted when ``doc`` is authorised; a document in another currency than
    ``home`` is posted at its rate (``domain.fx_postings``)."""
    if doc.id is None or doc.kind.is_prepayment:
        raise ValueError("only a saved invoice, bill or credit note posts on authorise")
    # Work in "sales invoice" orientation, then flip by side and by credit/debit kind.
    sign = side_sign(doc.kind.side) * doc.kind.control_sign
    totals = doc.totals()
    control = JournalLine(roles.control_for(doc.kind), totals.total.times(sign))
    lines: list[JournalLine] = []
    taxes: list[JournalLine] = []
    for line, amounts in zip(doc.lines, doc.line_amounts(), strict=True):
        lines.append(JournalLine(line.account_code, amounts.net.times(-sign)))
        taxes.append(JournalLine(roles.tax_account_for(line.tax_code_id),
                                 amounts.tax.times(-sign)))
    posted = ((control, *merge_lines(lines + taxes)) if home is None or doc.currency == home
              else document_lines_at_home(control, lines, taxes, doc.exchange_rate, home))
    memo = f"{doc.kind.label.capitalize()} {doc.number or ''}".strip()
    return JournalEntry(doc.issue_date, memo, SourceType.DOCUMENT, doc.id, posted)


def payment_entry(payment: Payment, roles: ChartRoles, contact_name: str = "",
                  home: str | None = None) -> JournalEntry:
    """The entry posted when ``payment`` is recorded; with foreign money in it (another
    currency than ``home``), at its rates with the realised difference."""
    if payment.id is None:
        raise ValueError("only a saved payment posts")
    control = roles.receivable if side_sign(payment.kind.side) == 1 else roles.payable
    amount: Money = payment.amount if payment.kind.money_in else -payment.amount
    lines: tuple[JournalLine, ...] = (
        JournalLine(payment.bank_account_code, amount),
        JournalLine(control, -amount),
    )
    if home is not None and {payment.amount.currency, payment.settles_in} != {home}:
        lines = payment_lines(payment, control, roles.exchange, home)
    words = payment.kind.value.replace("_", " ").capitalize()
    memo = f"{words} {contact_name}".strip()
    if payment.reference:
        memo += f" ({payment.reference})"
    return JournalEntry(payment.date, memo, SourceType.PAYMENT, payment.id, lines)
