"""Invoice, bill and credit note use cases: save a draft, authorise, void."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.contacts import payment_terms_of
from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.document_rules import validate_document
from ledgerdesk.domain.documents import (
    EDITABLE_KINDS,
    Document,
    Lifecycle,
    LineItem,
    due_date_for,
)
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.postings import document_entry
from ledgerdesk.domain.problems import NotAllowed, NotFound, Problem, ValidationFailed
from ledgerdesk.domain.rates import NoRate
from ledgerdesk.domain.tax_settlement import overlapping
from ledgerdesk.services.cleared_guard import refuse_if_cleared
from ledgerdesk.services.commands import DocumentDraft
from ledgerdesk.services.lock import refuse_inside_lock
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.rates import rate_on_in
from ledgerdesk.services.settings import tax_rounding_in
from ledgerdesk.services.setup import base_currency, posting_roles
from ledgerdesk.services.tax_codes import line_code_in


def save_draft(book: Book, draft: DocumentDraft, document_id: int | None = None) -> int:
    """Create a draft, or replace the draft ``document_id``; returns its id."""
    with book.write() as tx:
        doc = build_document(tx, draft, document_id)
        refuse_inside_lock(tx, doc.issue_date, f"the {doc.kind.label}")
        check_document(tx, doc, authorising=False)
        if document_id is None:
            return tx.add_document(doc)
        existing = _get(tx, document_id)
        if existing.lifecycle is not Lifecycle.DRAFT:
            raise NotAllowed(_("{number} is {value}; it can no longer be edited. Void it or issue "
                               "a credit note.").format(
                number=existing.number,
                value=existing.lifecycle.value.lower()))
        tx.replace_draft(doc)
        return document_id


def create_document(book: Book, draft: DocumentDraft) -> tuple[int, str]:
    """Create and authorise a document in one transaction; returns (id, number)."""
    with book.write() as tx:
        return create_document_in(tx, draft)


def create_document_in(
    tx: Transaction, draft: DocumentDraft, *, authorise: bool = True
) -> tuple[int, str]:
    """A new document (authorised, or a draft) inside the caller's transaction, as an import
    needs; returns (id, number), the number "" for a draft."""
    doc = build_document(tx, draft, None)
    refuse_inside_lock(tx, doc.issue_date, f"the {doc.kind.label}")
    check_document(tx, doc, authorising=authorise)
    document_id = tx.add_document(doc)
    return document_id, _authorise(tx, document_id) if authorise else ""


def authorise_document(book: Book, document_id: int) -> str:
    """Authorise a draft: number it, post it, and make it immutable.  Returns the number."""
    with book.write() as tx:
        doc = _get(tx, document_id)
        if doc.lifecycle is not Lifecycle.DRAFT:
            raise NotAllowed(_("{number} is already {value}.").format(
                                 number=doc.number,
                                 value=doc.lifecycle.value.lower()))
        refuse_inside_lock(tx, doc.issue_date, f"the draft {doc.kind.label}")
        check_document(tx, doc, authorising=True)
        rounding = tax_rounding_in(tx)
        if doc.tax_rounding is not rounding:  # a draft is priced as the editor shows it
            tx.replace_draft(dataclasses.replace(doc, tax_rounding=rounding))
        return _authorise(tx, document_id)


def void_document(book: Book, document_id: int, date: dt.date) -> None:
    """Void an authorised document by posting a reversal; a draft is simply voided."""
    with book.write() as tx:
        void_document_in(tx, document_id, date)


def void_document_in(tx: Transaction, document_id: int, date: dt.date) -> None:
    """``void_document`` inside the caller's transaction."""
    doc = _get(tx, document_id)
    if doc.kind not in EDITABLE_KINDS:
        raise NotAllowed(_("A customer or supplier credit is voided with its payment."))
    if doc.lifecycle is Lifecycle.VOIDED:
        raise NotAllowed(_("{value} is already void.").format(value=doc.number or 'This draft'))
    # Both dates: the record's (a void changes what the locked period shows) and the
    # void's own (the reversal it posts), so a closed period is never touched.
    refuse_inside_lock(tx, doc.issue_date, doc.number or f"the draft {doc.kind.label}")
    refuse_inside_lock(tx, date, "the void")
    if doc.lifecycle is Lifecycle.AUTHORISED:  # a draft posted nothing to clear
        refuse_if_cleared(tx, SourceType.DOCUMENT, document_id, doc.number or "")
    _refuse_if_tax_settled(tx, doc)
    if tx.active_allocations_on(document_id):
        raise NotAllowed(
            _("{number} has payments or credits allocated; void those first.").format(
                number=doc.number)
        )
    if doc.lifecycle is Lifecycle.AUTHORISED:
        for entry in tx.entries_for(SourceType.DOCUMENT, document_id):
            if entry.reverses_id is None:
                tx.post(entry.reversal(max(date, entry.date), f"Void {entry.memo}"))
    tx.mark_voided(document_id)


def _refuse_if_tax_settled(tx: Transaction, doc: Document) -> None:
    """A posted document whose tax a settled return paid stays: voiding it would leave on
    the tax account what no later return shows.  A credit note corrects it instead."""
    if doc.lifecycle is not Lifecycle.AUTHORISED:
        return
    settled = overlapping(tx.tax_settlements(), doc.issue_date, doc.issue_date)
    if settled is not None:
        raise NotAllowed(_("{number}'s tax was settled with {settled}; record a credit note "
                           "instead.").format(
            number=doc.number,
            settled=settled.describe()))


def load_document(book: Book, document_id: int) -> tuple[Document, str]:
    """A document with its lines, and its contact's name, for an editor to show."""
    with book.read() as tx:
        doc = _get(tx, document_id)
        contact = tx.get_contact(doc.contact_id)
        return doc, contact.name if contact else ""


def _authorise(tx: Transaction, document_id: int) -> str:
    doc = _get(tx, document_id)
    number = tx.take_number(doc.kind)
    tx.mark_authorised(document_id, number)
    posted = dataclasses.replace(doc, number=number, lifecycle=Lifecycle.AUTHORISED)
    tx.post(document_entry(posted, posting_roles(tx), base_currency(tx)))
    return number


def build_document(tx: Transaction, draft: DocumentDraft, document_id: int | None, *,
                   brought_in: bool = False) -> Document:
    """The domain document a draft describes (not saved, not checked): each line on its tax
    code (made for a bare rate when missing), rounded as the book now rounds tax.  A line
    naming a code the book does not have is refused with the document's other problems
    (those of a document ``brought_in``, see ``check_document``)."""
    if draft.kind not in EDITABLE_KINDS:
        raise ValidationFailed([Problem("kind", "not_editable", _("Credits come from payments."))])
    contact = tx.get_contact(draft.contact_id)
    terms = payment_terms_of(contact)
    due = draft.due_date or due_date_for(draft.issue_date, terms)
    lines, problems = [], []
    for index, ln in enumerate(draft.lines):
        code, wrong = line_code_in(tx, draft.kind.side, draft.tax_mode, f"lines[{index}]",
                                   code_id=ln.tax_code_id, name=ln.tax_code, rate=ln.tax_rate)
        problems += wrong
        lines.append(LineItem(
            description=ln.description, quantity=ln.quantity, unit_price=ln.unit_price,
            account_code=ln.account_code,
            tax_rate=code.rate if code else ln.tax_rate or Decimal(0),
            discount_percent=ln.discount_percent, tax_code_id=code.id if code else None,
        ))
    home = base_currency(tx)
    currency = (draft.currency or (contact.currency if contact else None) or home).upper()
    rate, rate_problems = document_rate(tx, currency, draft.exchange_rate, draft.issue_date)
    problems += rate_problems
    doc = Document(
        kind=draft.kind, contact_id=draft.contact_id, issue_date=draft.issue_date,
        due_date=due, currency=currency, lines=tuple(lines),
        tax_mode=draft.tax_mode, exchange_rate=rate,
        reference=draft.reference, id=document_id, tax_rounding=tax_rounding_in(tx),
    )
    if problems:
        others = validate_document(doc, tx.get_contact(doc.contact_id), tx.accounts(),
                                   base_currency=base_currency(tx), authorising=False,
                                   brought_in=brought_in)
        raise ValidationFailed(problems + [p for p in others if p.field not in
                                           {q.field for q in problems}])
    return doc


def document_rate(tx: Transaction, currency: str, typed: Decimal | None,
                  date: dt.date) -> tuple[Decimal, list[Problem]]:
    """The rate a document or payment in ``currency`` is booked at: the one typed, else the
    book's rate of its date (1 for the home currency); a missing one is a problem."""
    if typed is not None:
        return typed, []
    if currency == base_currency(tx) or currency_problem(currency):
        return Decimal(1), []  # a code that is no currency is refused on its own field
    try:
        return rate_on_in(tx, currency, date).rate, []
    except NoRate as missing:
        return Decimal(1), [missing.problem]


def payment_terms(book: Book, contact_id: int | None) -> int:
    """The payment terms ``build_document`` applies to a draft of this contact that names
    no due date, for an editor to show that date before saving."""
    if contact_id is None:
        return payment_terms_of(None)
    with book.read() as tx:
        return payment_terms_of(tx.get_contact(contact_id))


def check_document(tx: Transaction, doc: Document, *, authorising: bool,
                   brought_in: bool = False) -> None:
    """Raise ``ValidationFailed`` with every problem of ``doc`` against the book
    (``brought_in``: issued elsewhere, see ``domain.document_rules``)."""
    problems = validate_document(
        doc, tx.get_contact(doc.contact_id), tx.accounts(),
        base_currency=base_currency(tx), authorising=authorising, brought_in=brought_in,
    )
    if problems:
        raise ValidationFailed(problems)


def _get(tx: Transaction, document_id: int) -> Document:
    doc = tx.get_document(document_id)
    if doc is None:
        raise NotFound(_("There is no document with id {document_id}.").format(
                           document_id=document_id))
    return doc
