"""Foreign money for ``screenshots`` (issue 15): an invoice in a customer's own currency at
the book's rate of its date with its total at home, a receipt into a foreign bank account
at its rate, and home money settling a foreign invoice with the rate it implies.  All of it
in a new book in ``scratch``: a screenshot changes no book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.presentation.session import BookFiles, Session
from ledgerdesk.services.commands import DocumentDraft, LineInput, NewContact
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.services.documents import authorise_document, save_draft
from ledgerdesk.services.rates import save_rate
from ledgerdesk.services.setup import add_account
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.models.allocations import AllocationColumn
from ledgerdesk.ui.models.lines import LineColumn

CUSTOMER = "Globex Inc"


def fx_dialogs(session: Session, files: BookFiles, scratch: Path,
               parent: QWidget | None) -> Iterator[tuple[str, QDialog]]:
    path = scratch / "foreign.book"
    book = files.create(path, company=session.company, currency=session.currency)
    try:
        shown = replace(session, book=book, path=path)
        foreign = "USD" if session.currency != "USD" else "EUR"
        contact = _set_up(shown, foreign)
        yield "86-foreign-invoice", _invoice(shown, contact, parent)
        yield "87-payment-foreign-bank", _payment(shown, parent, bank="1020",
                                                  amount=Decimal("1250"))
        yield "88-payment-cross-currency", _payment(shown, parent, bank="",
                                                    amount=Decimal("1140"))
    finally:
        book.close()


def _set_up(session: Session, foreign: str) -> int:
    """A foreign bank account, a week of rates, a customer in that currency with an
    authorised invoice to pay."""
    book, today = session.book, session.today
    add_account(book, Account("1020", f"{foreign} Account", AccountType.ASSET,
                              AccountRole.BANK, currency=foreign))
    for days, rate in ((30, "0.9214"), (7, "0.9187"), (0, "0.9312")):
        save_rate(book, foreign, Decimal(rate), today - dt.timedelta(days=days))
    contact = add_contact(book, NewContact(name=CUSTOMER, role=ContactRole.CUSTOMER,
                                           currency=foreign))
    with book.read() as tx:
        income = min(a.code for a in tx.accounts().values()
                     if a.type is AccountType.INCOME and a.accepts_lines and not a.archived)
    draft = DocumentDraft(kind=DocumentKind.SALES_INVOICE, contact_id=contact,
                          issue_date=today - dt.timedelta(days=30), lines=[LineInput(
                              description="Design sprint", unit_price=Decimal("1250"),
                              account_code=income)])
    authorise_document(book, save_draft(book, draft))
    return contact


def _invoice(session: Session, contact: int, parent: QWidget | None) -> DocumentDialog:
    dialog = DocumentDialog(DocumentEditor(session, DocumentKind.SALES_INVOICE), parent)
    dialog.contact.select_id(contact)
    texts = (("Brand workshop, two days", "2", "1250"), ("Logo variations", "1", "480"))
    for row, (description, quantity, price) in enumerate(texts):
        if row >= len(dialog.editor.lines):
            dialog.model.add_line()
        for column, text in ((LineColumn.DESCRIPTION, description),
                             (LineColumn.QUANTITY, quantity),
                             (LineColumn.UNIT_PRICE, _local(dialog, price))):
            dialog.model.setData(dialog.model.index(row, column), text)
    dialog._refresh()
    return dialog


def _payment(session: Session, parent: QWidget | None, *, bank: str,
             amount: Decimal) -> PaymentDialog:
    """A receipt from the foreign customer: into ``bank`` (its own currency), or into the
    first home account with the invoice's amount typed on its row (cross-currency)."""
    dialog = PaymentDialog(PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT), parent)
    dialog.contact.setCurrentIndex(dialog.contact.findText(CUSTOMER))
    if bank:
        dialog.bank_box.setCurrentIndex(dialog.bank_box.findData(bank))
    editor = dialog.editor
    dialog.amount_edit.setText(editor.fmt.format(amount))
    dialog._amount_edited(dialog.amount_edit.text())
    if not bank and editor.rows:
        owed = editor.rows[0].document.outstanding.amount
        cell = dialog.model.index(0, AllocationColumn.THIS_PAYMENT)
        dialog.model.setData(cell, editor.messages.formatter(
            editor.rows[0].document.currency).format(owed))
    dialog._refresh()
    return dialog


def _local(dialog: DocumentDialog, plain: str) -> str:
    return dialog.editor.fmt.format(Decimal(plain))
