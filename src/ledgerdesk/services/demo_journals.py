"""The demo's manual journals: what a real small business records besides its invoices,
bills and payments, written through the same use case as the Journals page.

The owner puts money in on the first day; a bank loan arrives a month later and is repaid
monthly with interest; the equipment bought on bills is depreciated each quarter; the sales
tax owed at the end of a fiscal year is paid the month after.  Each is an ordinary journal
(``record_journal``), so the numbers run JNL-00001… and every rule of the editor holds.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.ledger import Account, AccountType
from ledgerdesk.domain.money import minor_exponent
from ledgerdesk.services.fiscal_year import read_fiscal_year_start
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import add_account, base_currency

BANK, EQUITY, EQUIPMENT, SALES_TAX = "1000", "3000", "1500", "2200"
LOAN, INTEREST, DEPRECIATION = "2500", "6800", "6900"
#: The accounts the demo's journals need beyond the default chart.
ACCOUNTS = (Account(LOAN, "Bank Loan", AccountType.LIABILITY),
            Account(INTEREST, "Loan Interest", AccountType.EXPENSE),
            Account(DEPRECIATION, "Depreciation", AccountType.EXPENSE))
CAPITAL, LOAN_AMOUNT, REPAYMENT = Decimal("20000"), Decimal("15000"), Decimal("500")
ANNUAL_INTEREST = Decimal("0.06")
DEPRECIATION_PER_QUARTER = Decimal("250")


def add_demo_journals(book: Book, first: dt.date, today: dt.date) -> int:
    """Record the demo's journals from ``first`` (the business's first day) to ``today``;
    returns how many.  Skipped (0) for a book whose chart lacks the accounts it names."""
    with book.read() as tx:
        chart, currency = tx.accounts(), base_currency(tx)
    if not {BANK, EQUITY, EQUIPMENT, SALES_TAX} <= chart.keys():
        return 0
    for account in ACCOUNTS:
        if account.code not in chart:
            add_account(book, account)
    cent = Decimal(1).scaleb(-minor_exponent(currency))
    journals = [
        _entry(first, "Owner's capital paid in", (BANK, CAPITAL), (EQUITY, -CAPITAL)),
        _entry(_months_after(first, 1), "Bank loan received",
               (BANK, LOAN_AMOUNT), (LOAN, -LOAN_AMOUNT)),
        *_repayments(_months_after(first, 2), today, cent),
        *_depreciation(first, today),
        *_tax_payments(book, first, today),
    ]
    journals.sort(key=lambda command: command.date)
    for command in journals:
        record_journal(book, command)
    return len(journals)


def _entry(date: dt.date, memo: str, *lines: tuple[str, Decimal]) -> RecordJournal:
    return RecordJournal(date=date, memo=memo, lines=[
        JournalLineInput(account_code=code, debit=amount if amount > 0 else None,
                         credit=-amount if amount < 0 else None)
        for code, amount in lines if amount
    ])


def _repayments(start: dt.date, today: dt.date, cent: Decimal) -> list[RecordJournal]:
    """Monthly: a fixed repayment of the loan and a month's interest on what is still owed."""
    owed, month, out = LOAN_AMOUNT, 0, []
    while owed > 0 and (date := _months_after(start, month)) <= today:
        interest = (owed * ANNUAL_INTEREST / 12).quantize(cent)
        repaid = min(REPAYMENT, owed)
        out.append(_entry(date, f"Loan repayment {month + 1}", (LOAN, repaid),
                          (INTEREST, interest), (BANK, -(repaid + interest))))
        owed -= repaid
        month += 1
    return out


def _depreciation(first: dt.date, today: dt.date) -> list[RecordJournal]:
    """At each quarter's end after the first day, a quarter's straight-line depreciation."""
    out, quarter_end = [], _quarter_end(first)
    while quarter_end <= today:
        quarter = (quarter_end.month - 1) // 3 + 1
        out.append(_entry(quarter_end, f"Depreciation, Q{quarter} {quarter_end.year}",
                          (DEPRECIATION, DEPRECIATION_PER_QUARTER),
                          (EQUIPMENT, -DEPRECIATION_PER_QUARTER)))
        quarter_end = _quarter_end(quarter_end + dt.timedelta(days=1))
    return out


def _tax_payments(book: Book, first: dt.date, today: dt.date) -> list[RecordJournal]:
    """The sales tax owed on the last day of each finished fiscal year, paid a month on."""
    fiscal = read_fiscal_year_start(book)
    out = []
    _, year_end = fiscal.year_of(first)
    while year_end < today:
        paid_on = year_end + dt.timedelta(days=31)
        owed = -_balance(book, SALES_TAX, year_end)  # a credit balance is owed
        if owed > 0 and paid_on <= today:
            out.append(_entry(paid_on, f"Sales tax paid, year to {year_end.isoformat()}",
                              (SALES_TAX, owed), (BANK, -owed)))
        _, year_end = fiscal.year_of(year_end + dt.timedelta(days=1))
    return out


def _balance(book: Book, code: str, as_of: dt.date) -> Decimal:
    rows = book.queries().trial_balance(as_of)
    return next((row.balance.amount for row in rows if row.code == code), Decimal(0))


def _months_after(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(date.day, 28))


def _quarter_end(date: dt.date) -> dt.date:
    last_month = (date.month - 1) // 3 * 3 + 3
    first_after = dt.date(date.year + last_month // 12, last_month % 12 + 1, 1)
    return first_after - dt.timedelta(days=1)
