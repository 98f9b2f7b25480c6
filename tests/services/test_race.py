"""Several processes paying the same invoice at once can never overpay it.

Each worker process opens the book with ``open_book`` and fires payments at one invoice whose
total is far less than the sum of all attempts.  ``record_payment`` re-reads the outstanding
amount inside ``BEGIN IMMEDIATE``, so every attempt either fits and is recorded, or is refused
with ``ValidationFailed``; nothing else (no busy errors, no lost or doubled payments).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import traceback
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.commands import (
    AllocationInput,
    DocumentDraft,
    LineInput,
    NewContact,
    RecordPayment,
)
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.services.documents import create_document
from ledgerdesk.services.payments import record_payment
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage.book import create_book, open_book

DAY = dt.date(2024, 3, 1)
WORKERS = 3
ATTEMPTS = 40
TIMEOUT = 60


def _worker(path: str, contact_id: int, invoice_id: int, amounts: list[str], barrier, results):
    """Pay ``amounts`` at the invoice one by one; report (recorded amounts, refusals, errors)."""
    recorded: list[str] = []
    refused = 0
    errors: list[str] = []
    try:
        book = open_book(Path(path))
        try:
            barrier.wait(TIMEOUT)
            for amount in amounts:
                command = RecordPayment(
                    kind=PaymentKind.CUSTOMER_RECEIPT, contact_id=contact_id, date=DAY,
                    amount=Decimal(amount),
                    allocations=[AllocationInput(document_id=invoice_id, amount=Decimal(amount))],
                )
                try:
                    record_payment(book, command)
                except ValidationFailed as failed:
                    codes = {p.code for p in failed.problems}
                    if codes != {"exceeds_outstanding"}:
                        errors.append(f"unexpected problems: {failed.problems}")
                    refused += 1
                else:
                    recorded.append(amount)
        finally:
            book.close()
    except BaseException:  # report everything: the parent asserts there were none
        errors.append(traceback.format_exc())
    results.put((recorded, refused, errors))


def _setup(path: Path, total: str) -> tuple[int, int]:
    book = create_book(path)
    try:
        initialise_book(book, "Race Co", "EUR")
        contact = add_contact(book, NewContact(name="Busy Customer", role=ContactRole.CUSTOMER))
        invoice, _ = create_document(book, DocumentDraft(
            kind=DocumentKind.SALES_INVOICE, contact_id=contact, issue_date=DAY,
            lines=[LineInput(unit_price=Decimal(total), account_code="4000")],
        ))
    finally:
        book.close()
    return contact, invoice


def _race(path: Path, contact: int, invoice: int, plans: list[list[str]]):
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(plans))
    results = ctx.Queue()
    processes = [
        ctx.Process(target=_worker, args=(str(path), contact, invoice, plan, barrier, results))
        for plan in plans
    ]
    for process in processes:
        process.start()
    try:
        reports = [results.get(timeout=TIMEOUT) for _ in processes]
    finally:
        for process in processes:
            process.join(TIMEOUT)
            if process.is_alive():
                process.kill()
    assert all(process.exitcode == 0 for process in processes)
    return reports


def _outcome(path: Path, invoice: int):
    book = open_book(path)
    try:
        with book.read() as tx:
            doc = tx.open_documents([invoice])[invoice]
        payments = [p for p in book.queries().list_payments() if not p.voided]
        report = check_book(book)
        balances = {r.code: r.balance.amount for r in book.queries().trial_balance()}
    finally:
        book.close()
    return doc, payments, report, balances


@pytest.mark.parametrize(
    ("total", "plan"),
    [
        # random amounts from 0.01 to 5.00: about 300.00 of attempts at a 30.00 invoice
        ("30.00", "random"),
        # 120 attempts of 1.00 at 30.00: exactly 30 must succeed and it must end fully paid
        ("30.00", "ones"),
    ],
)
def test_concurrent_payments_never_overpay_one_invoice(tmp_path, total, plan):
    path = tmp_path / "race.book"
    contact, invoice = _setup(path, total)
    if plan == "random":
        plans = [
            [str(Decimal(rng.randint(1, 500)) / 100) for _ in range(ATTEMPTS)]
            for rng in (random.Random(seed) for seed in range(WORKERS))
        ]
    else:
        plans = [["1.00"] * ATTEMPTS for _ in range(WORKERS)]
    assert sum(Decimal(a) for p in plans for a in p) > Decimal(total)

    reports = _race(path, contact, invoice, plans)

    errors = [e for _, _, errs in reports for e in errs]
    assert errors == []
    recorded = [Decimal(a) for amounts, _, _ in reports for a in amounts]
    refused = sum(r for _, r, _ in reports)
    assert len(recorded) + refused == WORKERS * ATTEMPTS  # every attempt got an answer

    doc, payments, report, balances = _outcome(path, invoice)
    paid = sum(recorded, Decimal(0))
    outstanding = doc.outstanding.amount
    assert outstanding >= 0
    assert paid == Decimal(total) - outstanding <= Decimal(total)
    # the book holds exactly the payments the workers were told were recorded
    assert len(payments) == len(recorded)
    assert sum((p.amount.amount for p in payments), Decimal(0)) == paid
    assert balances["1000"] == paid
    assert balances["1100"] == outstanding
    assert report.ok, (report.integrity, report.invariants)
    if plan == "ones":
        assert outstanding == 0
        assert len(recorded) == 30
    else:
        # random attempts keep coming after the invoice is nearly paid: whatever is left is
        # smaller than at least one refused attempt could fill, and never negative
        assert refused > 0
