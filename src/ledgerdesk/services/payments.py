"""Payment use cases: record (with allocations and an explicit excess), void, preview.

Recording re-reads every allocated document's outstanding amount inside the write
transaction (``BEGIN IMMEDIATE``), so two windows or processes can never over-allocate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ledgerdesk.domain.allocation import validate_payment
from ledgerdesk.domain.bank_accounts import bank_account_problem
from ledgerdesk.domain.chart import archived_problem
from ledgerdesk.domain.documents import Document, Lifecycle, Side
from ledgerdesk.domain.fx import with_home
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.payments import Allocation, OpenDocument, Payment, PaymentKind
from ledgerdesk.domain.postings import payment_entry
from ledgerdesk.domain.problems import NotAllowed, NotFound, Problem, ValidationFailed
from ledgerdesk.services.cleared_guard import refuse_if_cleared
from ledgerdesk.services.commands import RecordPayment
from ledgerdesk.services.documents import document_rate
from ledgerdesk.services.exchange_account import exchange_account_in
from ledgerdesk.services.lock import refuse_inside_lock
from ledgerdesk.services.outbox import enqueue_payment, enqueue_void
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.setup import base_currency, chart_roles, default_bank


@dataclass(frozen=True, slots=True)
class RecordedPayment:
    payment_id: int
    credit_id: int | None  # the prepayment that keeps the excess, if any
    credit_number: str | None
    already_recorded: bool = False  # the same client token was saved before


def check_payment(book: Book, command: RecordPayment) -> list[Problem]:
    """Every problem with ``command`` against the book as it is now; changes nothing."""
    with book.read() as tx:
        payment, problems = build_payment(tx, command, tx.accounts())
        if payment is None:
            return problems
        return problems + validate_payment(payment, tx.open_documents(_ids(payment)))


def record_payment(book: Book, command: RecordPayment) -> RecordedPayment:
    """Record a payment or raise ``ValidationFailed`` with every problem, changing nothing."""
    with book.write() as tx:
        return record_payment_in(tx, command)


def record_payment_in(tx: Transaction, command: RecordPayment) -> RecordedPayment:
    """``record_payment`` inside the caller's transaction (an import records many in one)."""
    earlier = tx.find_payment_by_token(command.client_token)
    if earlier is not None:
        assert earlier.id is not None
        credit = tx.prepayment_of(earlier.id)
        return RecordedPayment(
            earlier.id, credit.id if credit else None, credit.number if credit else None, True
        )
    refuse_inside_lock(tx, command.date, "the payment")
    accounts = tx.accounts()
    payment, problems = build_payment(tx, command, accounts)
    if payment is None or problems:
        raise ValidationFailed(problems)
    documents = tx.open_documents(_ids(payment))
    problems = validate_payment(payment, documents)
    if problems:
        raise ValidationFailed(problems)
    home = base_currency(tx)
    payment = dataclasses.replace(
        payment, allocations=with_home(payment.allocations, documents, home))
    payment_id = tx.add_payment(payment)
    contact = tx.get_contact(payment.contact_id)
    saved = dataclasses.replace(payment, id=payment_id)
    roles = chart_roles(accounts)
    if {payment.amount.currency, payment.settles_in} != {home}:
        roles.exchange = exchange_account_in(tx)
    tx.post(payment_entry(saved, roles, contact.name if contact else "", home))
    credit_id, credit_number = _keep_excess(tx, saved)
    enqueue_payment(tx, saved)  # same transaction: pushed to linked remotes exactly once
    return RecordedPayment(payment_id, credit_id, credit_number)


def void_payment(book: Book, payment_id: int, date: dt.date) -> None:
    """Void a payment: its allocations stop counting and a reversal is posted."""
    with book.write() as tx:
        payment = tx.get_payment(payment_id)
        if payment is None:
            raise NotFound(_("There is no payment with id {payment_id}.").format(
                               payment_id=payment_id))
        if payment.voided:
            raise NotAllowed(_("This payment is already void."))
        refuse_inside_lock(tx, payment.date, payment_number(payment_id))
        refuse_inside_lock(tx, date, "the void")
        refuse_if_cleared(tx, SourceType.PAYMENT, payment_id, payment_number(payment_id))
        credit = tx.prepayment_of(payment_id)
        if credit is not None and credit.lifecycle is Lifecycle.AUTHORISED:
            assert credit.id is not None
            if tx.active_allocations_on(credit.id):
                raise NotAllowed(
                    _("The credit {number} kept from this payment has been used; void what used "
                      "it first.").format(number=credit.number)
                )
            tx.mark_voided(credit.id)
        for entry in tx.entries_for(SourceType.PAYMENT, payment_id):
            if entry.reverses_id is None:
                tx.post(entry.reversal(max(date, entry.date), f"Void {entry.memo}"))
        tx.mark_payment_voided(payment_id)
        enqueue_void(tx, payment_id)


def open_items(book: Book, contact_id: int, kind: PaymentKind) -> list[OpenDocument]:
    """The documents a payment of ``kind`` for the contact could settle, oldest due first."""
    with book.read() as tx:
        return tx.open_documents_for(contact_id, kind.target_kinds)


def build_payment(
    tx: Transaction, command: RecordPayment, accounts: dict[str, Account]
) -> tuple[Payment | None, list[Problem]]:
    """The domain payment a command describes, and the problems found building it."""
    problems: list[Problem] = []
    book_currency = base_currency(tx)
    contact = tx.get_contact(command.contact_id)
    if contact is None:
        problems.append(Problem("contact", "not_found", _("Choose a contact.")))
    elif command.kind.side is Side.SALES and not contact.role.is_customer:
        problems.append(Problem("contact", "role", _("{name} is not a customer.").format(
                                                       name=contact.name)))
    elif command.kind.side is Side.PURCHASES and not contact.role.is_supplier:
        problems.append(Problem("contact", "role", _("{name} is not a supplier.").format(
                                                       name=contact.name)))
    bank = command.bank_account_code or default_bank(accounts)
    if (why := bank_account_problem(bank, accounts)) is not None:
        problems.append(Problem("bank_account", "not_bank", why))
    elif accounts[bank].archived:
        problems.append(Problem("bank_account", "archived", archived_problem(accounts[bank])))
    currency = (accounts[bank].currency if bank in accounts else None) or book_currency
    if command.currency is not None and command.currency.upper() != currency:
        problems.append(Problem("currency", "bank_currency", _(
            "{code} {name} is kept in {currency}; a payment into or out of it is in "
            "{currency} too.").format(code=bank, name=accounts[bank].name, currency=currency)))
        return None, problems
    rate, rate_problems = document_rate(tx, currency, command.exchange_rate, command.date)
    if currency == book_currency and rate != 1:
        rate_problems.append(Problem("exchange_rate", "not_one", _(
            "A payment in {currency}, the book's own currency, has rate 1.").format(
                currency=currency)))
    elif not rate.is_finite() or rate <= 0:
        rate_problems.append(Problem("exchange_rate", "not_positive",
                                     _("An exchange rate is more than zero.")))
    problems += rate_problems
    documents = tx.open_documents([a.document_id for a in command.allocations])
    try:
        amount = Money.exact(command.amount, currency)
        allocations = tuple(
            Allocation(a.document_id, Money.exact(a.amount, documents[a.document_id].currency
                                                  if a.document_id in documents else currency))
            for a in command.allocations
        )
    except ValueError as exc:
        return None, [*problems, Problem("amount", "invalid", str(exc))]
    payment = Payment(
        kind=command.kind, contact_id=command.contact_id, date=command.date, amount=amount,
        bank_account_code=bank, allocations=allocations,
        keep_excess_as_credit=command.keep_excess_as_credit, reference=command.reference,
        client_token=command.client_token, rate=rate,
    )
    return payment, problems


def _keep_excess(tx: Transaction, payment: Payment) -> tuple[int | None, str | None]:
    kind = payment.kind.prepayment_kind
    if kind is None or not payment.excess.is_positive:
        return None, None
    number = tx.take_number(kind)
    credit = Document(
        kind=kind, contact_id=payment.contact_id, issue_date=payment.date,
        due_date=payment.date, currency=payment.amount.currency, number=number,
        exchange_rate=payment.rate,
        lifecycle=Lifecycle.AUTHORISED, prepayment_amount=payment.excess,
        source_payment_id=payment.id, reference=payment.reference,
    )
    return tx.add_document(credit), number


def _ids(payment: Payment) -> list[int]:
    return [a.document_id for a in payment.allocations]
