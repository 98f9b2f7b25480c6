"""The demo book generator: a realistic small book, or a benchmark-sized one.

``generate_demo`` fills a freshly initialised book with contacts, invoices, bills, credit
notes and payments spread over the 18 months before ``today``: paid, partly paid, overdue,
settled several at a time, with kept credit, refunds, voids and drafts.  Everything obeys the
rules the services enforce (gap-free numbers, balanced entries that ``domain.postings`` would
post, never an over-allocation), and is written through ``book.bulk()`` in chunks of about
20,000 documents so that memory stays flat and a big book is built at tens of thousands of
documents a second.  The same seed always gives the same book.

How it is split: ``demo_data`` (names, products), ``demo_plan`` (the plan in minor units),
``demo_scenarios`` (what happens to each cluster of documents), ``demo_build`` (domain
objects and journal entries), and this module (contacts, chunks, numbering, writing).
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import Account
from ledgerdesk.domain.money import minor_exponent
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.demo_build import Builder, Catalogue
from ledgerdesk.services.demo_data import (
    BOTH_NAMES,
    CUSTOMER_NAMES,
    PAYMENT_TERMS,
    SUPPLIER_NAMES,
    contact_names,
    email_for,
)
from ledgerdesk.services.demo_plan import ChunkPlan, PlanBook, PlanContact, days
from ledgerdesk.services.demo_scenarios import plan_chunk
from ledgerdesk.services.demo_write import ChunkWriter
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import base_currency, chart_roles, default_bank

#: Invoices and bills in the small demo (size 0).
SMALL_DEMO_DOCUMENTS = 240
#: Invoices and bills written per ``book.bulk()`` transaction.
CHUNK_DOCUMENTS = 20_000
#: How far back the book goes: 18 months.
HISTORY_DAYS = 548
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

    @property
    def documents_per_second(self) -> float:
        return (self.invoices + self.bills) / self.seconds if self.seconds else 0.0


def generate_demo(
    book: Book, *, size: int = 0, seed: int = 7, today: dt.date,
    progress: Progress | None = None,
) -> DemoStats:
    """Fill the new, initialised ``book`` with a demo; ``size`` invoices+bills (0: small)."""
    if size < 0:
        raise ValueError("size is a number of documents, 0 for the small demo")
    started = time.perf_counter()
    rng = random.Random(seed)
    currency, accounts = _setup(book)
    builder = Builder(currency, chart_roles(accounts), default_bank(accounts), seed)
    target = size or SMALL_DEMO_DOCUMENTS
    customers, suppliers, contact_count = _add_contacts(book, rng, target)
    planner = PlanBook(rng, Catalogue(currency, accounts), today,
                       unit=10 ** minor_exponent(currency))
    writer = ChunkWriter(builder, verify_every=1 if size == 0 else 1024)
    with _no_gc_pauses():
        _write_chunks(book, planner, writer, customers, suppliers, target, progress)
    with book.bulk() as bulk:
        for kind in DocumentKind:
            bulk.set_next_number(kind, writer.numbers[kind] + 1)
    counts = writer.counts
    return DemoStats(
        contacts=contact_count, invoices=counts.invoices, bills=counts.bills,
        credit_notes=counts.credit_notes, payments=counts.payments, voided=counts.voided,
        seconds=time.perf_counter() - started,
    )


def _write_chunks(
    book: Book, planner: PlanBook, writer: ChunkWriter, customers: list[PlanContact],
    suppliers: list[PlanContact], target: int, progress: Progress | None,
) -> None:
    """Plan and write ``target`` invoices and bills, one bulk transaction per chunk."""
    chunks = max(1, -(-target // CHUNK_DOCUMENTS))
    done = 0
    for chunk in range(chunks):
        low, high = _window(planner.today, chunk, chunks)
        planner.plan = ChunkPlan()
        plan_chunk(planner, customers, suppliers, target * (chunk + 1) // chunks - done,
                   low, high)
        # The demo fills a book made for it, thrown away if this fails: it may skip syncing.
        with book.bulk(new_book=True) as bulk:
            writer.write(bulk, planner.plan)
        done += planner.plan.invoices_and_bills
        if progress is not None:
            progress(done, max(done, target))


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Pause the cyclic garbage collector while generating.

    Each chunk creates a few hundred thousand short-lived objects and the collector would
    walk them again and again (a fifth of the generator's time); reference counting frees
    them anyway, and the collector is restored, and run once, afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


def _window(today: dt.date, chunk: int, chunks: int) -> tuple[dt.date, dt.date]:
    """The first and last issue day of a chunk's documents: consecutive slices of history."""
    first = today - days(HISTORY_DAYS)
    low = first + days(HISTORY_DAYS * chunk // chunks)
    if chunk + 1 == chunks:
        return low, today
    return low, max(low, first + days(HISTORY_DAYS * (chunk + 1) // chunks - 1))


def _setup(book: Book) -> tuple[str, dict[str, Account]]:
    """The book's base currency and chart; refuses a book that already has documents."""
    if next(iter(book.queries().list_documents(list(DocumentKind), limit=1)), None):
        raise NotAllowed("The demo is generated into a new book; this one has documents.")
    with book.read() as tx:
        return base_currency(tx), tx.accounts()


def _add_contacts(
    book: Book, rng: random.Random, target: int
) -> tuple[list[PlanContact], list[PlanContact], int]:
    """The small demo's 36 named contacts, plus generated ones for a big book."""
    named = [(n, ContactRole.CUSTOMER) for n in CUSTOMER_NAMES]
    named += [(n, ContactRole.SUPPLIER) for n in SUPPLIER_NAMES]
    named += [(n, ContactRole.BOTH) for n in BOTH_NAMES]
    extra = max(0, target // DOCUMENTS_PER_CONTACT - len(named))
    roles = (ContactRole.CUSTOMER,) * 11 + (ContactRole.SUPPLIER,) * 8 + (ContactRole.BOTH,)
    reserved = tuple(n for n, _ in named)
    named += [(n, rng.choice(roles)) for n in contact_names(extra, rng, reserved)]
    contacts = [
        Contact(name, role, email=email_for(name),
                tax_number=f"GB{rng.randint(100_000_000, 999_999_999)}" if rng.random() < 0.6
                else "",
                payment_terms_days=rng.choice(PAYMENT_TERMS))
        for name, role in named
    ]
    with book.bulk() as bulk:
        ids = bulk.add_contacts(contacts)
    customers, suppliers = [], []
    for contact, contact_id in zip(contacts, ids, strict=True):
        planned = PlanContact(contact_id, contact.name, contact.payment_terms_days)
        if contact.role.is_customer:
            customers.append(planned)
        if contact.role.is_supplier:
            suppliers.append(planned)
    return customers, suppliers, len(contacts)
