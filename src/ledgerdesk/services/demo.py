"""The demo book generator: a realistic small book, or a benchmark-sized one.

``generate_demo`` fills a freshly initialised book with contacts, invoices, bills, credit
notes and payments spread over the 18 months before ``today``: paid, partly paid, overdue,
settled several at a time, with kept credit, refunds, voids and drafts; then the manual
journals of such a business (``demo_journals``: capital, a loan, depreciation, tax paid),
after the opening balances it brought from another program (``demo_opening``); last, the
fiscal year before ``today``'s is locked, as a closed and filed year is.
Everything obeys the rules the services enforce (gap-free numbers, balanced entries that
``domain.postings`` would post, never an over-allocation); the documents and payments are
written in one ``book.bulk(new_book=True)`` transaction, in chunks of about 20,000
documents so that memory stays flat; a big book is built at more than 20,000 documents a
second.  The same seed always gives the same book.

How it is split: ``demo_data`` (names, products), ``demo_plan`` (the plan in minor units),
``demo_scenarios`` (what happens to each cluster of documents), ``demo_build`` (prices),
``demo_rows`` (numbers, ids, rows and balanced entries), ``demo_check`` (a sample of rows
against the domain), ``demo_worker`` (chunks), ``demo_process`` (a second process that
generates while this one writes), and this module (contacts, the transaction).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services import demo_worker
from ledgerdesk.services.company_logo import logo_from_bytes, read_logo, write_logo
from ledgerdesk.services.demo_addresses import (
    COMPANY_ADDRESS,
    COMPANY_LOGO_SVG,
    COMPANY_TAX_NUMBER,
    address_for,
)
from ledgerdesk.services.demo_data import (
    BOTH_NAMES,
    CUSTOMER_NAMES,
    PAYMENT_TERMS,
    PURCHASE_PRODUCTS,
    SALES_PRODUCTS,
    SUPPLIER_NAMES,
    contact_names,
    email_for,
)
from ledgerdesk.services.demo_foreign import add_foreign_business
from ledgerdesk.services.demo_journals import add_demo_journals
from ledgerdesk.services.demo_opening import add_demo_opening
from ledgerdesk.services.demo_plan import PlanContact
from ledgerdesk.services.demo_process import GeneratorProcess, generator_process
from ledgerdesk.services.demo_rows import Counts
from ledgerdesk.services.demo_worker import HISTORY_DAYS, DemoJob, generate_in_process
from ledgerdesk.services.fiscal_year import read_fiscal_year_start
from ledgerdesk.services.lock import change_lock
from ledgerdesk.services.ports import Book, BulkWriter
from ledgerdesk.services.settings import ADDRESS, TAX_NUMBER
from ledgerdesk.services.setup import base_currency
from ledgerdesk.services.tax_codes import code_for_rate_in

#: Invoices and bills in the small demo (size 0).
SMALL_DEMO_DOCUMENTS = 240
#: From this many invoices and bills on, a second process generates while this one writes.
SECOND_PROCESS_FROM = 10_000
#: A big demo checks one record in this many against the domain (the small one, all).
VERIFY_EVERY = 1024
#: One contact per this many documents in a sized book (at least the small demo's 36).
DOCUMENTS_PER_CONTACT = 100

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class DemoStats:
    """What ``generate_demo`` wrote; ``voided`` counts voided documents and payments."""

    contacts: int
    invoices: int
    bills: int
    credit_notes: int
    payments: int
    voided: int
    seconds: float
    journals: int = 0
    opening: int = 0  # the opening invoices and bills (not in ``invoices``/``bills``)
    foreign: int = 0  # the invoices and bills in foreign currencies (not in those either)

    @property
    def documents_per_second(self) -> float:
        return (self.invoices + self.bills) / self.seconds if self.seconds else 0.0


def generate_demo(
    book: Book, *, size: int = 0, seed: int = 7, today: dt.date,
    progress: Progress | None = None, in_process: bool | None = None,
    with_journals: bool = True, lock_last_year: bool = True, foreign: bool = False,
) -> DemoStats:
    """Fill the new, initialised ``book`` with a demo; ``size`` invoices+bills (0: small).

    A book of ``SECOND_PROCESS_FROM`` documents or more is generated, on a machine with
    more than one core, by a second process while this one writes (``demo_process``),
    unless ``in_process`` says otherwise.  That process is started with ``spawn``, so a
    script that calls this needs the usual ``if __name__ == "__main__":`` guard.
    The small demo (``size`` 0) also has opening balances, manual journals and its last
    finished fiscal year locked; a sized one (a benchmark's) keeps to documents and
    payments.  ``with_journals=False`` leaves out the manual journals, the opening
    balances' included (for a test that numbers its own from JNL-00001);
    ``lock_last_year=False`` leaves the last finished fiscal year open (for a test that
    writes into it).  ``foreign`` adds a business abroad (``demo_foreign``): a tenth of
    the documents or more in three foreign currencies, and a foreign bank account.
    """
    if size < 0:
        raise ValueError("size is a number of documents, 0 for the small demo")
    started = time.perf_counter()
    rng = random.Random(seed)
    currency, accounts, tax_codes = _setup(book)
    _company_details(book)
    target = size or SMALL_DEMO_DOCUMENTS
    if in_process is None:  # one core would run both processes in turn, for nothing
        in_process = target < SECOND_PROCESS_FROM or (os.cpu_count() or 1) < 2

    def report(done: int) -> None:
        if progress is not None:
            progress(done, max(done, target))

    # Started first: the second process boots while the contacts are written.
    generator = nullcontext(None) if in_process else generator_process()
    # The demo fills a book made for it, thrown away if this fails: it may skip syncing.
    with generator as process, book.bulk(new_book=True) as bulk:
        customers, suppliers, contact_count = _add_contacts(bulk, rng, target)
        job = DemoJob(seed, target, today, currency, accounts, tax_codes, customers, suppliers,
                      rng,
                      bulk.next_ids(), verify_every=1 if size == 0 else VERIFY_EVERY,
                      chunk_documents=demo_worker.CHUNK_DOCUMENTS)
        counts = _fill(bulk, process, job, report)
    first = today - dt.timedelta(days=HISTORY_DAYS)
    journals = opening = abroad = 0
    if foreign:  # at least a tenth of all the documents, these included
        home_documents = counts.invoices + counts.bills + counts.credit_notes
        abroad = add_foreign_business(book, rng, first, today, home_documents // 9 + 1)
    small = size == 0  # a sized book measures documents and payments: it keeps to those
    if with_journals and small:
        opening = add_demo_opening(book, first - dt.timedelta(days=1),
                                   [c.name for c in customers[:2]],
                                   [c.name for c in suppliers[:1]])
        journals = bool(opening) + add_demo_journals(book, first, today)  # + the opening one
    if lock_last_year and small:
        _close_last_year(book, today)
    return DemoStats(
        contacts=contact_count, invoices=counts.invoices, bills=counts.bills,
        credit_notes=counts.credit_notes, payments=counts.payments, voided=counts.voided,
        seconds=time.perf_counter() - started, journals=journals, opening=opening,
        foreign=abroad,
    )


def _fill(
    bulk: BulkWriter, process: GeneratorProcess | None, job: DemoJob,
    report: Callable[[int], None],
) -> Counts:
    """Every document and payment of ``job``, then the numbers that continue its series."""
    if process is None:
        summary = generate_in_process(job, bulk.add_rows, report)
    else:
        summary = process.generate(job, bulk.stager(), bulk.load_staged, report)
    for kind in DocumentKind:
        bulk.set_next_number(kind, summary.numbers[kind] + 1)
    return summary.counts


def _close_last_year(book: Book, today: dt.date) -> None:
    """Lock the books through the end of the fiscal year before ``today``'s: that year is
    finished, its tax paid and its accounts filed, as a real business's would be."""
    year_began, _ends = read_fiscal_year_start(book).year_of(today)
    change_lock(book, year_began - dt.timedelta(days=1))


def _setup(book: Book) -> tuple[str, dict[str, Account], dict[tuple[Side, Decimal], int]]:
    """The book's base currency, chart and the tax codes of every rate the demo uses (made
    when missing); refuses a book that already has documents."""
    if next(iter(book.queries().list_documents(list(DocumentKind), limit=1)), None):
        raise NotAllowed(_("The demo is generated into a new book; this one has documents."))
    rates = {(side, product.tax_rate) for side, products in
             ((Side.SALES, SALES_PRODUCTS), (Side.PURCHASES, PURCHASE_PRODUCTS))
             for product in products} | {(side, Decimal(0)) for side in Side}
    with book.write() as tx:
        codes = {(side, rate): code_for_rate_in(tx, side, rate).id for side, rate in rates}
        return base_currency(tx), tx.accounts(), codes  # type: ignore[return-value]


def _company_details(book: Book) -> None:
    """An address, a tax number and a logo for the demo company, unless it has its own."""
    with book.write() as tx:
        for key, value in ((ADDRESS, COMPANY_ADDRESS), (TAX_NUMBER, COMPANY_TAX_NUMBER)):
            if not tx.get_setting(key):
                tx.set_setting(key, value)
        if read_logo(tx) is None:
            write_logo(tx, logo_from_bytes(COMPANY_LOGO_SVG, "The demo logo"))


def _add_contacts(
    bulk: BulkWriter, rng: random.Random, target: int
) -> tuple[list[PlanContact], list[PlanContact], int]:
    """The small demo's 36 named contacts, plus generated ones for a big book."""
    named = [(n, ContactRole.CUSTOMER) for n in CUSTOMER_NAMES]
    named += [(n, ContactRole.SUPPLIER) for n in SUPPLIER_NAMES]
    named += [(n, ContactRole.BOTH) for n in BOTH_NAMES]
    extra = max(0, target // DOCUMENTS_PER_CONTACT - len(named))
    roles = (ContactRole.CUSTOMER,) * 11 + (ContactRole.SUPPLIER,) * 8 + (ContactRole.BOTH,)
    reserved = tuple(n for n, _name in named)
    named += [(n, rng.choice(roles)) for n in contact_names(extra, rng, reserved)]
    contacts = [
        Contact(name, role, email=email_for(name),
                tax_number=f"GB{rng.randint(100_000_000, 999_999_999)}" if rng.random() < 0.6
                else "",
                payment_terms_days=rng.choice(PAYMENT_TERMS), address=address_for(name, i))
        for i, (name, role) in enumerate(named)
    ]
    ids = bulk.add_contacts(contacts)
    customers, suppliers = [], []
    for contact, contact_id in zip(contacts, ids, strict=True):
        planned = PlanContact(contact_id, contact.name, contact.payment_terms_days)
        if contact.role.is_customer:
            customers.append(planned)
        if contact.role.is_supplier:
            suppliers.append(planned)
    return customers, suppliers, len(contacts)
