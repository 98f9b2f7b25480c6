"""Turning a demo plan into real domain objects: lines, documents, payments, journal entries.

Amounts are worked out in integer minor units: each distinct line (product, quantity,
discount, tax mode) is priced once through the domain's own ``line_amounts`` and reused, and
each distinct amount becomes a ``Money`` once.  The journal entries are built the way
``domain.postings`` builds them; ``Builder.verify`` compares a sample of them with
``document_entry``/``payment_entry`` and fails loudly on any difference.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal

from ledgerdesk.domain.documents import (
    Document,
    DocumentKind,
    LineItem,
    Side,
    TaxMode,
    line_amounts,
    side_sign,
)
from ledgerdesk.domain.ledger import Account, AccountType, JournalEntry, JournalLine, SourceType
from ledgerdesk.domain.money import MAX_AMOUNT, Money, minor_exponent, quantize
from ledgerdesk.domain.payments import Allocation, Payment, PaymentKind
from ledgerdesk.domain.postings import ChartRoles, document_entry, payment_entry
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.demo_data import DISCOUNT, PURCHASE_PRODUCTS, SALES_PRODUCTS, Product
from ledgerdesk.services.demo_plan import LineMinor, PlanDoc, PlanPayment

_MODE_LIST = (TaxMode.EXCLUSIVE, TaxMode.INCLUSIVE, TaxMode.NO_TAX)
# Indexes into _MODE_LIST: most sales exclude tax; a third of purchases are till receipts.
_SALES_MODES = (0,) * 17 + (1,) * 2 + (2,)
_PURCHASE_MODES = (0,) * 13 + (1,) * 6 + (2,)
_CACHE_LIMIT = 50_000
_HUNDRED = Decimal(100)


class MoneyCache(dict[int, Money]):
    """``cache[minor]`` equals ``Money.from_minor(minor, currency)``, built once, bounded.

    ``from_minor`` validates and quantizes an amount that is already exact here: the
    Decimal of an integer scaled by the currency's exponent is quantized by construction, and
    the currency was checked once.  So within Money's range the instance is made directly
    (a fifth of the cost, which matters at hundreds of thousands of amounts); anything
    outside it goes through ``from_minor`` and its checks.  ``verify`` compares both, and
    should ``Money`` ever hold more than its amount and currency, every amount goes through
    ``from_minor``.
    """

    def __init__(self, currency: str) -> None:
        super().__init__()
        self.currency = Money.zero(currency).currency  # validates the code once
        self.exponent = -minor_exponent(currency)
        plain = tuple(f.name for f in dataclasses.fields(Money)) == ("amount", "currency")
        self.limit = int(MAX_AMOUNT.scaleb(-self.exponent)) if plain else 0

    def __missing__(self, minor: int) -> Money:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        if type(minor) is int and -self.limit < minor < self.limit:
            money = _new_money(Money)
            _set(money, "amount", Decimal(minor).scaleb(self.exponent))
            _set(money, "currency", self.currency)
        else:
            money = Money.from_minor(minor, self.currency)
        self[minor] = money
        return money

    def verify(self) -> None:
        for minor, money in list(self.items())[:: max(1, len(self) // 64)]:
            if repr(money) != repr(Money.from_minor(minor, self.currency)):
                raise AssertionError(f"demo amount {minor} became {money}")


_new_money = object.__new__
_set = object.__setattr__


class Catalogue:
    """The products of the demo, with account codes from the book's chart."""

    def __init__(self, currency: str, accounts: dict[str, Account]) -> None:
        self.currency = currency
        self.products = {
            Side.SALES: [_resolve(p, accounts) for p in SALES_PRODUCTS],
            Side.PURCHASES: [_resolve(p, accounts) for p in PURCHASE_PRODUCTS],
        }
        self._sales, self._purchases = self.products[Side.SALES], self.products[Side.PURCHASES]
        self._lines: dict[int, tuple[LineItem, LineMinor]] = {}

    def lines(
        self, side: Side, rng: random.Random
    ) -> tuple[TaxMode, tuple[LineItem, ...], tuple[LineMinor, ...]]:
        """A document's tax mode and one to four random lines, priced.

        Plain ``random()`` and integer cache keys: this runs once per generated document.
        """
        rand = rng.random
        sales = side is Side.SALES
        modes = _SALES_MODES if sales else _PURCHASE_MODES
        mode_index = modes[int(rand() * len(modes))]
        products = self._sales if sales else self._purchases
        u = rand()
        count = 1 if u < 0.5 else 2 if u < 0.8 else 3 if u < 0.95 else 4
        items, amounts = [], []
        for _ in range(count):
            index = int(rand() * len(products))
            product = products[index]
            quantity = int(rand() * len(product.quantities))
            key = (((index * 2 + sales) * 64 + quantity) * 2 + (rand() < 0.1)) * 4 + mode_index
            cached = self._lines.get(key) or self._price(key, product)
            items.append(cached[0])
            amounts.append(cached[1])
        return _MODE_LIST[mode_index], tuple(items), tuple(amounts)

    def credit_line(
        self, line: LineItem, mode: TaxMode, reason: str
    ) -> tuple[LineItem, LineMinor]:
        """One unit of ``line`` credited back, described with the reason."""
        item = dataclasses.replace(line, description=f"{reason}: {line.description}",
                                   quantity=Decimal(1))
        amounts = line_amounts(item, self.currency, mode)
        return item, (item.account_code, amounts.net.minor_units, amounts.tax.minor_units)

    def _price(self, key: int, product: Product) -> tuple[LineItem, LineMinor]:
        mode = _MODE_LIST[key % 4]
        discount = DISCOUNT if key // 4 % 2 else Decimal(0)
        quantity = product.quantities[key // 8 % 64]
        price = product.price
        if mode is TaxMode.INCLUSIVE:  # shelf prices for tax-inclusive documents
            price = quantize(price * (_HUNDRED + product.tax_rate) / _HUNDRED, self.currency)
        item = LineItem(product.description, quantity, price, product.account_code,
                        product.tax_rate, discount)
        amounts = line_amounts(item, self.currency, mode)
        cached = self._lines[key] = (
            item, (item.account_code, amounts.net.minor_units, amounts.tax.minor_units)
        )
        return cached


def _resolve(product: Product, accounts: dict[str, Account]) -> Product:
    account = accounts.get(product.account_code)
    if account is not None and account.type is product.account_type and account.accepts_lines:
        return product
    for code in sorted(accounts):
        if accounts[code].type is product.account_type and accounts[code].accepts_lines:
            return dataclasses.replace(product, account_code=code)
    if product.account_type is AccountType.ASSET:
        return _resolve(dataclasses.replace(product, account_type=AccountType.EXPENSE), accounts)
    raise NotAllowed(f"The chart has no {product.account_type.value.lower()} account.")


class Builder:
    """Domain objects for planned documents and payments of one book."""

    def __init__(self, currency: str, roles: ChartRoles, bank: str, seed: int) -> None:
        self.currency = currency
        self.roles = roles
        self.bank = bank
        self.money = MoneyCache(currency)
        # Per kind, looked up once per record: sign, control account, memo words.
        self._doc_kinds = {
            kind: (side_sign(kind.side) * kind.control_sign, roles.control_for(kind),
                   kind.label.capitalize())
            for kind in DocumentKind
        }
        self._payment_kinds = {
            kind: (1 if kind.money_in else -1,
                   roles.receivable if side_sign(kind.side) == 1 else roles.payable,
                   kind.value.replace("_", " ").capitalize())
            for kind in PaymentKind
        }
        self._token = f"demo-{seed}-"

    def document(self, doc: PlanDoc) -> Document:
        """The domain document (a prepayment carries its amount and its payment's id)."""
        prepaid = self.money[doc.total] if doc.kind.is_prepayment else None
        return Document(
            kind=doc.kind, contact_id=doc.contact.id, issue_date=doc.issue, due_date=doc.due,
            currency=self.currency, lines=doc.lines, tax_mode=doc.mode,
            reference=doc.reference, number=doc.number, lifecycle=doc.lifecycle,
            prepayment_amount=prepaid,
            source_payment_id=doc.source.id if doc.source is not None else None,
        )

    def payment(self, payment: PlanPayment, serial: int) -> Payment:
        """The payment, with a client token unique to the seed and ``serial``."""
        money = self.money
        return Payment(
            kind=payment.kind, contact_id=payment.contact.id, date=payment.date,
            amount=money[payment.amount], bank_account_code=self.bank,
            allocations=tuple(Allocation(doc.id, money[amount])  # type: ignore[arg-type]
                              for doc, amount in payment.allocations),
            keep_excess_as_credit=payment.credit is not None, reference=payment.reference,
            client_token=f"{self._token}{serial:09d}",
            voided=payment.void_on is not None,
        )

    def document_entry(self, doc: PlanDoc) -> JournalEntry:
        """What ``postings.document_entry`` posts for ``doc``, from its minor units."""
        sign, control, words = self._doc_kinds[doc.kind]
        merged = {control: doc.total * sign}
        for code, net, _ in doc.amounts:
            merged[code] = merged.get(code, 0) - net * sign
        tax_code = self.roles.sales_tax
        merged[tax_code] = merged.get(tax_code, 0) - doc.tax * sign
        money = self.money
        lines = tuple([JournalLine(code, money[v]) for code, v in merged.items() if v])
        return JournalEntry(doc.issue, f"{words} {doc.number}", _DOCUMENT, doc.id, lines)

    def payment_entry(self, payment: PlanPayment) -> JournalEntry:
        """What ``postings.payment_entry`` posts for ``payment``, from its minor units."""
        sign, control, words = self._payment_kinds[payment.kind]
        amount = payment.amount * sign
        lines = (JournalLine(self.bank, self.money[amount]),
                 JournalLine(control, self.money[-amount]))
        memo = f"{words} {payment.contact.name}".strip()
        if payment.reference:
            memo += f" ({payment.reference})"
        return JournalEntry(payment.date, memo, _PAYMENT, payment.id, lines)

    def verify(self, doc_pairs: list, payment_pairs: list) -> None:
        """Compare entries built here with the domain's own; raise on any difference."""
        for doc, entry in doc_pairs:
            built = dataclasses.replace(self.document(doc), id=doc.id)
            _same(entry, document_entry(built, self.roles), doc.number)
        for payment, entry in payment_pairs:
            built = dataclasses.replace(self.payment(payment, 0), id=payment.id)
            _same(entry, payment_entry(built, self.roles, payment.contact.name), entry.memo)
        self.money.verify()
        for _, entry in doc_pairs + payment_pairs:
            if not entry.is_balanced():
                raise AssertionError(f"demo entry {entry.memo} does not balance")


def _same(ours: JournalEntry, theirs: JournalEntry, what: str | None) -> None:
    if ours != theirs:
        raise AssertionError(f"demo entry for {what} differs from the domain's: {ours} {theirs}")


def reversal(entry: JournalEntry, entry_id: int, date: dt.date) -> JournalEntry:
    """The domain's reversal of a posted entry, dated no earlier than the entry."""
    posted = dataclasses.replace(entry, id=entry_id)
    return posted.reversal(max(date, entry.date), f"Void {entry.memo}")


_DOCUMENT, _PAYMENT = SourceType.DOCUMENT, SourceType.PAYMENT
