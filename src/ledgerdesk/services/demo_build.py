"""Pricing the demo's lines, and checking its generated records against the domain.

``Catalogue`` prices each distinct line (product, quantity, discount, tax mode) once through
the domain's own ``line_amounts`` and reuses it.  ``DomainCheck`` builds real ``Document``
and ``Payment`` objects for a sample of the planned records (every one in the small demo)
and compares what ``domain.postings`` would post, and the document total the domain
computes, with the rows ``demo_rows`` wrote; any difference fails the load loudly.
"""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

from ledgerdesk.domain.documents import LineItem, Side, TaxMode, line_amounts
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountType
from ledgerdesk.domain.money import quantize
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.demo_data import DISCOUNT, PURCHASE_PRODUCTS, SALES_PRODUCTS, Product
from ledgerdesk.services.demo_plan import PricedLine

_MODE_LIST = (TaxMode.EXCLUSIVE, TaxMode.INCLUSIVE, TaxMode.NO_TAX)
# Indexes into _MODE_LIST: most sales exclude tax; a third of purchases are till receipts.
_SALES_MODES = (0,) * 17 + (1,) * 2 + (2,)
_PURCHASE_MODES = (0,) * 13 + (1,) * 6 + (2,)
_HUNDRED = Decimal(100)


class Catalogue:
    """The products of the demo, with account codes from the book's chart."""

    def __init__(self, currency: str, accounts: dict[str, Account],
                 tax_codes: dict[tuple[Side, Decimal], int]) -> None:
        self.currency = currency
        self.tax_codes = tax_codes  # (side, rate) -> the book's code
        self.products = {
            Side.SALES: [_resolve(p, accounts) for p in SALES_PRODUCTS],
            Side.PURCHASES: [_resolve(p, accounts) for p in PURCHASE_PRODUCTS],
        }
        self._sales, self._purchases = self.products[Side.SALES], self.products[Side.PURCHASES]
        self._lines: dict[int, PricedLine] = {}

    def lines(self, side: Side, rng: random.Random) -> tuple[TaxMode, tuple[PricedLine, ...]]:
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
        lines = []
        for _line in range(count):
            index = int(rand() * len(products))
            product = products[index]
            quantity = int(rand() * len(product.quantities))
            key = (((index * 2 + sales) * 64 + quantity) * 2 + (rand() < 0.1)) * 4 + mode_index
            lines.append(self._lines.get(key) or self._price(key, product, side))
        return _MODE_LIST[mode_index], tuple(lines)

    def credit_line(self, line: PricedLine, mode: TaxMode, reason: str) -> PricedLine:
        """One unit of ``line`` credited back, described with the reason."""
        item = dataclasses.replace(line.item, description=f"{reason}: {line.item.description}",
                                   quantity=Decimal(1))
        return self.priced(item, mode)

    def priced(self, item: LineItem, mode: TaxMode) -> PricedLine:
        """``item`` with its amounts from the domain, and its row text."""
        amounts = line_amounts(item, self.currency, mode)
        row = (item.description, str(item.quantity), str(item.unit_price), item.account_code,
               str(item.tax_rate), str(item.discount_percent), item.tax_code_id)
        return PricedLine(item, item.account_code, amounts.net.minor_units,
                          amounts.tax.minor_units, row)

    def _price(self, key: int, product: Product, side: Side) -> PricedLine:
        mode = _MODE_LIST[key % 4]
        discount = DISCOUNT if key // 4 % 2 else Decimal(0)
        quantity = product.quantities[key // 8 % 64]
        price = product.price
        if mode is TaxMode.INCLUSIVE:  # shelf prices for tax-inclusive documents
            price = quantize(price * (_HUNDRED + product.tax_rate) / _HUNDRED, self.currency)
        # A document without tax puts its lines on the side's zero code, as the editor does.
        rate = Decimal(0) if mode is TaxMode.NO_TAX else product.tax_rate
        item = LineItem(product.description, quantity, price, product.account_code,
                        rate, discount, self.tax_codes[side, rate])
        priced = self._lines[key] = self.priced(item, mode)
        return priced


def _resolve(product: Product, accounts: dict[str, Account]) -> Product:
    account = accounts.get(product.account_code)
    if account is not None and account.type is product.account_type and account.accepts_lines:
        return product
    for code in sorted(accounts):
        if accounts[code].type is product.account_type and accounts[code].accepts_lines:
            return dataclasses.replace(product, account_code=code)
    if product.account_type is AccountType.ASSET:
        return _resolve(dataclasses.replace(product, account_type=AccountType.EXPENSE), accounts)
    raise NotAllowed(_("The chart has no {value} account.").format(
                         value=product.account_type.value.lower()))


