"""A demo business that also sells and buys abroad (``ledgerdesk demo --foreign``, issue 15).

Three foreign currencies beside the book's own (USD, CHF and JPY, or GBP for whichever of
those the book keeps): weekly rates on a random walk over the demo's history, a customer
invoiced in each of the first two, a supplier billing in the third, and a bank account kept
in the first.  A tenth of the book's documents or more are theirs; most are paid, at later
rates: the USD invoices into the USD account, the others in home money (what arrived),
some in two parts; the rest stay open for the month end's revaluation.  Everything goes
through the services, in one transaction, so it obeys every rule a user's entries do.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.money import Money, quantize
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.rates import ExchangeRate, rounded_rate
from ledgerdesk.services.commands import AllocationInput, DocumentDraft, LineInput, RecordPayment
from ledgerdesk.services.documents import create_document_in
from ledgerdesk.services.payments import record_payment_in
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.rate_ports import rated
from ledgerdesk.services.rates import rate_on_in
from ledgerdesk.services.setup import base_currency

FOREIGN_BANK = "1020"
#: Home-currency value of one unit, where the demo starts (roughly, for a EUR book).
_STARTS = {"USD": Decimal("0.92"), "CHF": Decimal("1.05"), "JPY": Decimal("0.0062"),
           "GBP": Decimal("1.17")}
_PARTNERS = (  # currency slot, name, role, what it buys or sells, account, price range
    (0, "Hudson & Pike LLC", ContactRole.CUSTOMER, "Brand strategy", "4100", (800, 6000)),
    (1, "Alpenblick AG", ContactRole.CUSTOMER, "Packaging design", "4100", (900, 5000)),
    (2, "Sakura Print KK", ContactRole.SUPPLIER, "Print run", "5000", (40_000, 600_000)),
)


def foreign_currencies(home: str) -> tuple[str, str, str]:
    picked = [code for code in ("USD", "CHF", "JPY", "GBP") if code != home]
    return picked[0], picked[1], picked[2]


def add_foreign_business(book: Book, rng: random.Random, first: dt.date, today: dt.date,
                         documents: int) -> int:
    """``documents`` foreign invoices and bills between ``first`` and ``today``; returns
    how many were written."""
    with book.write() as tx:
        home = base_currency(tx)
        currencies = foreign_currencies(home)
        _rates(tx, rng, currencies, first, today)
        tx.add_account(Account(FOREIGN_BANK, f"{currencies[0]} Account", AccountType.ASSET,
                               AccountRole.BANK, currency=currencies[0]))
        partners = [(tx.add_contact(Contact(name, role, currency=currencies[slot],
                                            payment_terms_days=30)), slot, what, code, prices)
                    for slot, name, role, what, code, prices in _PARTNERS]
        days = max(1, (today - first).days - 10)
        for index in range(documents):
            contact, slot, what, code, (low, high) = partners[index % len(partners)]
            issued = first + dt.timedelta(days=rng.randrange(days))
            price = Decimal(rng.randrange(low, high)) if slot == 2 else \
                Decimal(rng.randrange(low * 100, high * 100)).scaleb(-2)
            kind = DocumentKind.BILL if slot == 2 else DocumentKind.SALES_INVOICE
            doc_id, _number = create_document_in(tx, DocumentDraft(
                kind=kind, contact_id=contact, issue_date=issued,
                reference=f"{what} {index + 1}",
                lines=[LineInput(description=what, unit_price=price, account_code=code,
                                 tax_rate=Decimal(0))]))
            if issued + dt.timedelta(days=20) < today and rng.random() < 0.75:
                _pay(tx, rng, doc_id, contact, kind, currencies[slot], slot == 0,
                     Money(price, currencies[slot]), issued, today)
        return documents


def _rates(tx: Transaction, rng: random.Random, currencies: tuple[str, ...],
           first: dt.date, today: dt.date) -> None:
    """Weekly rates from a week before ``first`` to ``today``, each a random walk."""
    store = rated(tx)
    for code in currencies:
        rate = _STARTS[code]
        day = first - dt.timedelta(days=7)
        while day <= today:
            quoted = Decimal(format(rate, ".5g"))  # five significant digits, as the ECB's
            store.put_rate(ExchangeRate(day, code, rounded_rate(quoted)))
            rate *= Decimal(1) + Decimal(rng.randint(-150, 150)) / 10_000
            day += dt.timedelta(days=7)


def _pay(tx: Transaction, rng: random.Random, doc_id: int, contact: int, kind: DocumentKind,
         currency: str, into_foreign_bank: bool, total: Money, issued: dt.date,
         today: dt.date) -> None:
    """Pay ``total`` later, in one part or two: into the foreign bank account in its own
    currency, or in home money at the rate of the day (what arrived, or what went out)."""
    home = base_currency(tx)
    parts = [total]
    if rng.random() < 0.25:
        first_part = Money(quantize(total.amount * Decimal("0.4"), currency), currency)
        parts = [first_part, total - first_part]
    day = issued
    for part in parts:
        day = min(today, day + dt.timedelta(days=rng.randint(10, 50)))
        rate = rate_on_in(tx, currency, day).rate
        amount = part.amount if into_foreign_bank else at_rate(part, rate, home).amount
        tx_kind = (PaymentKind.SUPPLIER_PAYMENT if kind is DocumentKind.BILL
                   else PaymentKind.CUSTOMER_RECEIPT)
        record_payment_in(tx, RecordPayment(
            kind=tx_kind, contact_id=contact, date=day, amount=amount,
            bank_account_code=FOREIGN_BANK if into_foreign_bank else None,
            allocations=[AllocationInput(document_id=doc_id, amount=part.amount)]))
