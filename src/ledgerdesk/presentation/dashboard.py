"""The dashboard's figures: what is owed both ways and how overdue, money in the bank, money
in and out per month, and what needs attention.

Every figure is summed or paged in SQL (``services.dashboard``, ``services.queries``), so the
dashboard of a 100,000-document book is read in well under a second, off the GUI thread.
The texts are made here, with Babel, so the Qt page only places them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.i18n import N_, Translated, _, ngettext
from ledgerdesk.domain.ledger import AccountRole
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.dashboard import (
    AgingSummary,
    AttentionItem,
    AttentionKind,
    AttentionPage,
    MonthFlow,
    aging_summary,
    attention,
    money_by_month,
)
from ledgerdesk.services.queries import trial_balance


@dataclass(frozen=True)
class DashboardFigures:
    receivable: AgingSummary
    payable: AgingSummary
    bank: Decimal
    months: list[MonthFlow]  # the last twelve, oldest first
    attention: dict[AttentionKind, AttentionPage]  # the first page of each


def dashboard_figures(session: Session) -> DashboardFigures:
    book, today = session.book, session.today
    with book.read() as tx:
        banks = {code for code, account in tx.accounts().items()
                 if account.role is AccountRole.BANK}
    bank = sum((row.balance.amount for row in trial_balance(book) if row.code in banks),
               Decimal(0))
    return DashboardFigures(
        receivable=aging_summary(book, Side.SALES, today),  # type: ignore[arg-type]
        payable=aging_summary(book, Side.PURCHASES, today),  # type: ignore[arg-type]
        bank=bank,
        months=money_by_month(book, today),  # type: ignore[arg-type]
        attention={kind: attention(book, kind, today)  # type: ignore[arg-type]
                   for kind in AttentionKind},
    )


def attention_more(session: Session, kind: AttentionKind, offset: int) -> AttentionPage:
    """The next page of one kind of attention item (the "Show more" row)."""
    return attention(session.book, kind, session.today, offset)  # type: ignore[arg-type]


SECTION_TITLES = Translated({
    AttentionKind.OVERDUE: N_("Overdue invoices and bills"),
    AttentionKind.UNALLOCATED: N_("Payments with money not yet allocated"),
    AttentionKind.CREDIT: N_("Credit notes with credit left"),
})
_WHAT = Translated({
    DocumentKind.SALES_INVOICE: N_("Invoice"), DocumentKind.BILL: N_("Bill"),
    DocumentKind.SALES_CREDIT_NOTE: N_("Credit note"), DocumentKind.PURCHASE_CREDIT_NOTE:
    N_("Supplier credit note"), DocumentKind.CUSTOMER_PREPAYMENT: N_("Receipt"),
    DocumentKind.SUPPLIER_PREPAYMENT: N_("Payment"),
})


@dataclass(frozen=True, slots=True)
class AttentionRow:
    """One row of the "Needs attention" list as it is shown."""

    item: AttentionItem
    what: str  # "Invoice INV-00012"
    contact: str
    when: str  # "due 3/1/2024" or "paid 3/1/2024"
    note: str  # "45 days overdue", "apply or refund"
    amount: str


def attention_rows(page: AttentionPage, today: dt.date, money: AmountFormatter,
                   dates: DateFormatter) -> list[AttentionRow]:
    rows = []
    for item in page.items:
        what = f"{_WHAT[item.document_kind]} {item.number}".strip()
        if item.kind is AttentionKind.OVERDUE:
            days = (today - item.date).days
            when = _("due {date}").format(date=dates.short(item.date))
            note = ngettext("{count:,} day overdue", "{count:,} days overdue", days).format(
                count=days)
        elif item.kind is AttentionKind.UNALLOCATED:
            when = _("paid {date}").format(date=dates.short(item.date))
            note = _("allocate or refund")
        else:
            when = _("issued {date}").format(date=dates.short(item.date))
            note = _("apply or refund")
        rows.append(AttentionRow(item, what, shown_inert(item.contact_name), when, note,
                                 money.format(item.amount.amount)))
    return rows


def overdue_line(summary: AgingSummary, money: AmountFormatter) -> str:
    """"€1,234.00 overdue on 12 invoices" (or bills); "Nothing overdue"."""
    count = summary.overdue_count
    if not count and not summary.overdue.amount:
        return _("Nothing overdue")
    if summary.side is Side.SALES:
        text = ngettext("{amount} overdue on {count:,} invoice",
                        "{amount} overdue on {count:,} invoices", count)
    else:
        text = ngettext("{amount} overdue on {count:,} bill", "{amount} overdue on {count:,} bills",
                        count)
    return text.format(amount=money.format(summary.overdue.amount), count=count)
