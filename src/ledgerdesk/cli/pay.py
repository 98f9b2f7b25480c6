"""``ledgerdesk pay``: record a payment, or print every problem and change nothing.

The contact and document numbers are resolved in a read transaction; the kind of payment is
inferred from the documents (or from the contact's role); then one service call records it,
re-checking every balance inside its own write transaction.
"""

from __future__ import annotations

import argparse
import re
from decimal import Decimal
from typing import TextIO

from pydantic import ValidationError

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError, check_places
from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.documents import Document, Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind, payment_kind_for
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.domain.problems import NotFound, Problem, ValidationFailed
from ledgerdesk.services.commands import AllocationInput, RecordPayment, problems_from
from ledgerdesk.services.contacts import resolve_contact
from ledgerdesk.services.document_lookup import numbered
from ledgerdesk.services.payment_exchange import exchange_lines
from ledgerdesk.services.payments import RecordedPayment, record_payment
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.setup import base_currency, default_bank

_ALLOCATION_FIELD = re.compile(r"allocations\[([0-9]+)\]")


def run_pay(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with opened(args.path) as book:
        try:
            command, contact, documents, currency = build_command(book, args)
            recorded = record_payment(book, command)
        except ValidationError as exc:
            report_refusal(problems_from(exc), [], err)
            return 1
        except ValidationFailed as exc:
            report_refusal(exc.problems, [number for number, _amount in args.allocate], err)
            return 1
        report_success(book, recorded, command, contact, documents, currency, out)
    return 0


def build_command(
    book: Book, args: argparse.Namespace
) -> tuple[RecordPayment, Contact, list[Document], str]:
    """The ``RecordPayment`` the arguments describe, with what it was resolved from."""
    with book.read() as tx:
        contact = resolve_contact(tx, args.contact)
        accounts = tx.accounts()
        bank = accounts.get(args.bank or default_bank(accounts))
        currency = (bank.currency if bank else None) or base_currency(tx)
        check_places(args.amount, currency, f"--amount {args.amount}")
        documents = []
        for number, amount in args.allocate:
            documents.append(resolve_document(tx, number))
            check_places(amount, documents[-1].currency, f"--allocate {number}={amount}")
    kind = infer_kind(contact, documents, refund=args.refund)
    assert contact.id is not None
    allocations = [
        AllocationInput(document_id=doc.id, amount=amount)
        for doc, (_number, amount) in zip(documents, args.allocate, strict=True)
    ]
    command = RecordPayment(
        kind=kind, contact_id=contact.id, date=args.date, amount=args.amount,
        bank_account_code=args.bank, allocations=allocations,
        keep_excess_as_credit=args.keep_excess_as_credit, reference=args.reference,
        exchange_rate=args.rate,
    )
    return command, contact, documents, currency


def resolve_document(tx: Transaction, number: str) -> Document:
    """A document by its number as typed, or in capitals (``inv-00012``)."""
    doc = numbered(tx, number)
    if doc is None or doc.id is None:
        raise NotFound(_("There is no document numbered {number!r}.").format(number=number))
    return doc


def infer_kind(contact: Contact, documents: list[Document], *, refund: bool) -> PaymentKind:
    """From the first document (an invoice: a receipt; a credit note: a refund), else from
    the contact's role.  Documents of another kind are then reported by the validator."""
    if documents:
        first = documents[0].kind
        return payment_kind_for(first.side, refund or first.is_credit)
    if contact.role is ContactRole.BOTH:
        raise CliError(
            _("{name} is both a customer and a supplier; name a document with --allocate so the "
              "direction of the payment is clear.").format(name=contact.name)
        )
    side = Side.SALES if contact.role.is_customer else Side.PURCHASES
    return payment_kind_for(side, refund)


def report_refusal(problems: list[Problem], numbers: list[str], err: TextIO) -> None:
    """Every problem on its own line, ``allocations[i]`` followed by the document's number."""
    err.write(_("ledgerdesk pay: the payment was not recorded (nothing was changed):") + "\n")
    for problem in problems:
        err.write(f"  {field_label(problem.field, numbers)}: {shown_inert(problem.message)}\n")


def field_label(field: str, numbers: list[str]) -> str:
    """``allocations[0].amount`` -> ``allocations[0].amount (INV-00012)``."""
    match = _ALLOCATION_FIELD.match(field)
    if match is None or int(match.group(1)) >= len(numbers):
        return field
    return f"{field} ({numbers[int(match.group(1))]})"


def report_success(
    book: Book,
    recorded: RecordedPayment,
    command: RecordPayment,
    contact: Contact,
    documents: list[Document],
    currency: str,
    out: TextIO,
) -> None:
    direction = "from" if command.kind.money_in else "to"
    words = command.kind.value.replace("_", " ").lower()
    out.write(
        _("Recorded payment {payment_id}: {words} of {money} {direction} {name}.").format(
            payment_id=recorded.payment_id,
            words=words,
            money=Money(command.amount, currency),
            direction=direction,
            name=shown_inert(contact.name)) + "\n"
    )
    for line in exchange_lines(book, recorded.payment_id):
        out.write(line + "\n")
    if recorded.credit_id is not None:
        allocated = sum((a.amount for a in command.allocations), Decimal(0))
        kept = Money(command.amount - allocated, currency)
        out.write(_("Kept {kept} as credit {credit_number}.").format(
                      kept=kept,
                      credit_number=recorded.credit_number) + "\n")
    with book.read() as tx:
        fresh = tx.open_documents([doc.id for doc in documents if doc.id is not None])
    for doc in documents:
        if doc.id in fresh:
            out.write(_("{number} now has {outstanding} outstanding.").format(
                          number=doc.number,
                          outstanding=fresh[doc.id].outstanding) + "\n")
