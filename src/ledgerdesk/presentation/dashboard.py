"""The dashboard's figures: what is owed both ways, what is overdue, money in the bank.

Every figure is one SQL question (counts, the trial balance, the most overdue documents),
so the dashboard of a 100,000-document book appears as quickly as an empty one's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import AccountRole
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.list_queries import DocumentQuery, StatusFilter
from ledgerdesk.services.queries import most_overdue, trial_balance
from ledgerdesk.services.read_models import DocumentSummary
from ledgerdesk.services.setup import chart_roles

TOP_OVERDUE = 8


@dataclass(frozen=True)
class DashboardFigures:
    open_invoices: int
    overdue_invoices: int
    open_bills: int
    overdue_bills: int
    receivable: Decimal
    payable: Decimal
    bank: Decimal
    most_overdue: list[DocumentSummary]


def dashboard_figures(session: Session) -> DashboardFigures:
    book, today = session.book, session.today
    queries = book.queries()

    def count(kind: DocumentKind, status: StatusFilter) -> int:
        return queries.count_documents(DocumentQuery(kinds=(kind,), today=today, status=status))

    with book.read() as tx:
        accounts = tx.accounts()
    roles = chart_roles(accounts)
    balances = {row.code: row.balance.amount for row in trial_balance(book)}
    banks = [code for code, account in accounts.items() if account.role is AccountRole.BANK]
    return DashboardFigures(
        open_invoices=count(DocumentKind.SALES_INVOICE, StatusFilter.OPEN),
        overdue_invoices=count(DocumentKind.SALES_INVOICE, StatusFilter.OVERDUE),
        open_bills=count(DocumentKind.BILL, StatusFilter.OPEN),
        overdue_bills=count(DocumentKind.BILL, StatusFilter.OVERDUE),
        receivable=balances.get(roles.receivable, Decimal(0)),
        payable=-balances.get(roles.payable, Decimal(0)),
        bank=sum((balances.get(code, Decimal(0)) for code in banks), Decimal(0)),
        most_overdue=most_overdue(book, today, TOP_OVERDUE),
    )
