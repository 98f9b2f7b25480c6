"""Generating the demo's rows chunk by chunk: ``DemoRows`` and what it needs.

``DemoRows`` plans each chunk (``demo_scenarios``) and turns it into batches of rows
(``demo_rows``).  ``generate_in_process`` writes them as they come; ``demo_process`` runs
the same ``DemoRows`` in a second process for a big book.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.ledger import Account
from ledgerdesk.domain.money import minor_exponent
from ledgerdesk.services.bulk_rows import NextIds, RowBatch
from ledgerdesk.services.demo_build import Catalogue
from ledgerdesk.services.demo_check import DomainCheck
from ledgerdesk.services.demo_plan import ChunkPlan, PlanBook, PlanContact, days
from ledgerdesk.services.demo_rows import Counts, RowBuilder
from ledgerdesk.services.demo_scenarios import plan_chunk
from ledgerdesk.services.setup import chart_roles, default_bank

#: Invoices and bills planned per chunk (one batch of rows).
CHUNK_DOCUMENTS = 20_000
#: How far back the book goes: 18 months.
HISTORY_DAYS = 548


@dataclass(frozen=True)
class DemoJob:
    """Everything the generator needs; picklable, to hand to a second process."""

    seed: int
    target: int  # invoices and bills
    today: dt.date
    currency: str
    accounts: dict[str, Account]
    tax_codes: dict[tuple[Side, Decimal], int]  # the code of each side and rate the demo uses
    customers: list[PlanContact]
    suppliers: list[PlanContact]
    rng: random.Random  # already used for the contacts
    ids: NextIds
    verify_every: int
    chunk_documents: int = CHUNK_DOCUMENTS


@dataclass(frozen=True)
class DemoSummary:
    """What the generator wrote: counts, and the last number taken per kind."""

    counts: Counts
    numbers: dict[DocumentKind, int]


class DemoRows:
    """Iterating gives each chunk's batches of rows, then the invoices and bills so far."""

    def __init__(self, job: DemoJob) -> None:
        self.job = job
        accounts = job.accounts
        check = DomainCheck(job.currency, chart_roles(accounts), default_bank(accounts),
                            job.verify_every)
        self.builder = RowBuilder(check, job.seed, job.ids)
        catalogue = Catalogue(job.currency, accounts, job.tax_codes)
        self.planner = PlanBook(job.rng, catalogue, job.today,
                                unit=10 ** minor_exponent(job.currency))

    def __iter__(self) -> Iterator[RowBatch | int]:
        job, planner = self.job, self.planner
        chunks = max(1, -(-job.target // job.chunk_documents))
        done = 0
        for chunk in range(chunks):
            low, high = window(job.today, chunk, chunks)
            planner.plan = ChunkPlan()
            plan_chunk(planner, job.customers, job.suppliers,
                       job.target * (chunk + 1) // chunks - done, low, high)
            yield from self.builder.batches(planner.plan)
            done += planner.plan.invoices_and_bills
            yield done

    def summary(self) -> DemoSummary:
        return DemoSummary(self.builder.counts, dict(self.builder.numbers))


def window(today: dt.date, chunk: int, chunks: int) -> tuple[dt.date, dt.date]:
    """The first and last issue day of a chunk's documents: consecutive slices of history."""
    first = today - days(HISTORY_DAYS)
    low = first + days(HISTORY_DAYS * chunk // chunks)
    if chunk + 1 == chunks:
        return low, today
    return low, max(low, first + days(HISTORY_DAYS * (chunk + 1) // chunks - 1))


def generate_in_process(
    job: DemoJob, add: Callable[[RowBatch], None], progress: Callable[[int], None]
) -> DemoSummary:
    """Plan, build and write each chunk in turn, in this process."""
    rows = DemoRows(job)
    with no_gc_pauses():
        for item in rows:
            if isinstance(item, RowBatch):
                add(item)
            else:
                progress(item)
    return rows.summary()


@contextmanager
def no_gc_pauses() -> Iterator[None]:
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
