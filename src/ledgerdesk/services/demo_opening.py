"""The demo's opening balances: the demo company moved over from another program.

On the day before its first day in Ledgerdesk it brings its bank balance, its equipment,
two invoices its customers still owe and a bill it still owes, all balanced by the owner's
equity (so nothing lands on retained earnings: the balance sheet's retained earnings stay
exactly the earlier fiscal years' profit).  They are recorded through the same use case as
``ledgerdesk import opening-balances`` and the wizard, numbered the old program's way
(``OB-1001``), and each open document is paid in the first weeks, as a real one would be.

Opening balances may not come after anything dated on or before their day; the demo's own
documents all come later, so they are recorded after the bulk load, which thereby keeps its
fast path for a new book.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.opening import OpeningLine
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.commands import AllocationInput, RecordPayment
from ledgerdesk.services.opening import record_opening_balances
from ledgerdesk.services.payments import record_payment
from ledgerdesk.services.ports import Book

BANK, RECEIVABLE, EQUIPMENT, PAYABLE, EQUITY = "1000", "1100", "1500", "2000", "3000"
OPENING_BANK, OPENING_EQUIPMENT = Decimal("8400.00"), Decimal("6500.00")
#: (number, amount, days after the opening day it falls due, days after it is paid)
INVOICES = (("OB-1001", Decimal("1850.00"), 10, 12), ("OB-1002", Decimal("960.00"), 3, 25))
BILLS = (("OB-2001", Decimal("1240.00"), 20, 18),)


def add_demo_opening(book: Book, as_of: dt.date, customers: list[str],
                     suppliers: list[str]) -> int:
    """Record the opening balances on ``as_of`` for the named contacts (the first of each
    list) and pay their open documents; returns how many documents were opened (0 when
    the book's chart lacks an account the lines name)."""
    with book.read() as tx:
        chart = tx.accounts()
    if not {BANK, RECEIVABLE, EQUIPMENT, PAYABLE, EQUITY} <= chart.keys():
        return 0
    lines = [OpeningLine(BANK, debit=OPENING_BANK), OpeningLine(EQUIPMENT, debit=OPENING_EQUIPMENT)]
    lines += [OpeningLine(RECEIVABLE, debit=amount, contact=customers[i % len(customers)],
                          number=number, due_date=as_of + dt.timedelta(days=due))
              for i, (number, amount, due, _) in enumerate(INVOICES)]
    lines += [OpeningLine(PAYABLE, credit=amount, contact=suppliers[i % len(suppliers)],
                          number=number, due_date=as_of + dt.timedelta(days=due))
              for i, (number, amount, due, _) in enumerate(BILLS)]
    owned = sum((line.signed for line in lines), Decimal(0))
    lines.append(OpeningLine(EQUITY, credit=owned))
    record_opening_balances(book, as_of, lines)
    _pay(book, as_of)
    return len(INVOICES) + len(BILLS)


def _pay(book: Book, as_of: dt.date) -> None:
    """Each opening document paid in full, as planned, into the bank."""
    for kind, plans in ((PaymentKind.CUSTOMER_RECEIPT, INVOICES),
                        (PaymentKind.SUPPLIER_PAYMENT, BILLS)):
        for number, amount, _, paid in plans:
            with book.read() as tx:
                document = tx.find_document(number)
            assert document is not None and document.id is not None  # recorded just now
            record_payment(book, RecordPayment(
                kind=kind, contact_id=document.contact_id,
                date=as_of + dt.timedelta(days=paid), amount=amount, reference=number,
                bank_account_code=BANK,
                allocations=[AllocationInput(document_id=document.id, amount=amount)]))
