"""The names, products and prices the demo book is made of.

Plain data plus one name generator, so ``demo.py`` and ``demo_plan.py`` hold only logic.
Prices are tax-exclusive list prices in major units of the book's currency; quantities are
the choices a line picks from.  Account codes are the default chart's; the generator falls
back to the first account of the same type when a book's chart lacks one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.ledger import AccountType


@dataclass(frozen=True, slots=True)
class Product:
    description: str
    price: Decimal
    account_code: str
    account_type: AccountType
    tax_rate: Decimal
    quantities: tuple[Decimal, ...]


def _p(
    description: str, price: str, code: str, rate: int, quantities: str,
    account_type: AccountType,
) -> Product:
    qty = tuple(Decimal(q) for q in quantities.split())
    return Product(description, Decimal(price), code, account_type, Decimal(rate), qty)


_INC, _EXP, _ASSET = AccountType.INCOME, AccountType.EXPENSE, AccountType.ASSET
_HOURS = "1 2 2.5 3 4 6 7.5 8 12 16"
_FEW = "1 1 1 2 2 3 4 5"
_MANY = "1 2 5 10 12 20 24 50"

SALES_PRODUCTS: tuple[Product, ...] = (
    _p("Consulting, per hour", "95.00", "4100", 20, _HOURS, _INC),
    _p("Bookkeeping support, per hour", "55.00", "4100", 20, _HOURS, _INC),
    _p("Installation, per hour", "65.00", "4100", 20, _HOURS, _INC),
    _p("Website design package", "1200.00", "4100", 20, "1", _INC),
    _p("Monthly support retainer", "450.00", "4100", 20, "1 1 1 2 3", _INC),
    _p("Training workshop (half day)", "650.00", "4100", 20, "1 1 2", _INC),
    _p("Annual software licence", "399.00", "4000", 20, _FEW, _INC),
    _p("Wireless keyboard", "39.99", "4000", 20, _MANY, _INC),
    _p("27-inch monitor", "229.00", "4000", 20, _FEW, _INC),
    _p("USB-C docking station", "149.50", "4000", 20, _FEW, _INC),
    _p("Printed brochures (box of 250)", "180.00", "4000", 20, _FEW, _INC),
    _p("Children's books bundle", "24.50", "4000", 0, _MANY, _INC),
    _p("Printed technical manual", "32.00", "4000", 0, _MANY, _INC),
    _p("Delivery", "12.50", "4000", 20, "1", _INC),
    _p("Export shipment handling", "85.00", "4000", 0, "1", _INC),
)

PURCHASE_PRODUCTS: tuple[Product, ...] = (
    _p("Office rent", "1500.00", "6000", 0, "1", _EXP),
    _p("Storage unit rent", "240.00", "6000", 20, "1", _EXP),
    _p("Cloud hosting", "89.00", "6200", 20, "1 1 2", _EXP),
    _p("Accounting software subscription", "28.00", "6200", 20, "1", _EXP),
    _p("Design software seats", "54.99", "6200", 20, "1 2 3 5", _EXP),
    _p("Printer paper (box)", "23.99", "6100", 20, _FEW, _EXP),
    _p("Toner cartridge", "54.90", "6100", 20, _FEW, _EXP),
    _p("Stationery", "7.45", "6100", 20, _MANY, _EXP),
    _p("Train tickets", "86.40", "6300", 0, "1 2 3", _EXP),
    _p("Hotel, one night", "119.00", "6300", 20, "1 2 3", _EXP),
    _p("Electricity", "212.37", "6400", 5, "1", _EXP),
    _p("Broadband", "45.00", "6400", 20, "1", _EXP),
    _p("Stock: wireless keyboards", "18.20", "5000", 20, _MANY, _EXP),
    _p("Stock: 27-inch monitors", "141.00", "5000", 20, _FEW, _EXP),
    _p("Stock: books", "11.30", "5000", 0, _MANY, _EXP),
    _p("Laptop", "1099.00", "1500", 20, "1 1 2", _ASSET),
)

#: The discount (percent) that one line in ten carries.
DISCOUNT = Decimal(10)

#: Payment terms a contact gets (days); 0 is "due on receipt".
PAYMENT_TERMS = (0, 7, 14, 14, 30, 30, 30, 30, 45, 60)

CREDIT_REASONS = (
    "Returned goods", "Damaged in transit", "Pricing correction", "Goodwill discount",
    "Cancelled order",
)

CUSTOMER_NAMES = (
    "Harbour Lights Café", "Meadowbank Primary School", "Bramble & Finch Architects",
    "Quayside Dental Practice", "Northgate Veterinary Clinic", "Oakridge Golf Club",
    "Saltmarsh Brewing Co.", "Kestrel Physiotherapy", "Elm Street Bakery",
    "Copperleaf Interiors", "Riverside Community Trust", "Bluebell Nursery",
    "Tidewater Yacht Services", "Foxglove Florists", "Granite Peak Outdoor",
    "Lantern House Publishing", "Marlowe Legal LLP", "Willow Lane Dental",
)

SUPPLIER_NAMES = (
    "Northwind Office Supplies", "Brightline Energy", "Fibrelink Broadband",
    "Castle Properties Ltd", "CloudNest Hosting", "Ledgerly Software",
    "Rail Europe Travel", "Grand Hotel Leeds", "PaperTrail Stationers",
    "Vector Design Tools", "Keystone Electronics Wholesale", "Oldfield Book Distributors",
    "SecureStore Self Storage", "Apex Laptops Direct",
)

BOTH_NAMES = (
    "Pinewood Digital Agency", "Hartley & Sons Joinery", "Summit IT Partners",
    "Greenway Print Studio",
)

_NAME_FIRST = (
    "Amber", "Ashford", "Beacon", "Birch", "Calder", "Cedar", "Clearwater", "Cobalt",
    "Crescent", "Dale", "Ember", "Fairfield", "Fern", "Golden", "Hawthorn", "Heron",
    "Ivy", "Juniper", "Kingfisher", "Larch", "Linden", "Maple", "Moor", "Orchard",
    "Pebble", "Quarry", "Rowan", "Silver", "Thistle", "Wren",
)
_NAME_SECOND = (
    "Analytics", "Bakery", "Builders", "Catering", "Consulting", "Dental", "Design",
    "Engineering", "Events", "Fitness", "Florists", "Foods", "Garage", "Joinery", "Labs",
    "Logistics", "Media", "Motors", "Optics", "Pharmacy", "Print", "Studios", "Surveyors",
    "Textiles", "Travel", "Ventures",
)
_NAME_SUFFIX = ("Ltd", "LLP", "& Co.", "Group", "Partners", "Co-op")


def contact_names(count: int, rng: random.Random, reserved: tuple[str, ...]) -> list[str]:
    """``count`` distinct made-up business names, none of them in ``reserved``."""
    taken = {name.casefold() for name in reserved}
    names: list[str] = []
    serial = 1
    while len(names) < count:
        name = f"{rng.choice(_NAME_FIRST)} {rng.choice(_NAME_SECOND)} {rng.choice(_NAME_SUFFIX)}"
        if name.casefold() in taken:
            # The pool is ~4,700 names; past it, branches keep names unique.
            name = f"{name} (branch {serial})"
            serial += 1
        if name.casefold() not in taken:
            taken.add(name.casefold())
            names.append(name)
    return names


def email_for(name: str) -> str:
    """A plausible accounts address for a business name."""
    slug = "".join(ch for ch in name.casefold() if ch.isalnum())[:24] or "contact"
    return f"accounts@{slug}.example"
