"""A new line's account: the side's first revenue or expense account, or better, the one the
same contact's last document used; never a balance-sheet account such as 1500 Equipment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import void_document


def one_line(account: str, amount: str = "100") -> list[dict]:
    return [{"description": "work", "unit_price": Decimal(amount), "account_code": account}]


def accounts(editor: DocumentEditor) -> list[str]:
    return [line.text("account_code") for line in editor.lines]


@pytest.mark.parametrize(("kind", "first"), [
    (DocumentKind.SALES_INVOICE, "4000"), (DocumentKind.SALES_CREDIT_NOTE, "4000"),
    (DocumentKind.BILL, "5000"), (DocumentKind.PURCHASE_CREDIT_NOTE, "5000"),
])
def test_a_new_document_starts_on_the_sides_first_revenue_or_expense_account(session, kind,
                                                                            first):
    editor = DocumentEditor(session, kind)
    assert accounts(editor) == [first]
    editor.add_line()
    assert accounts(editor) == [first, first]


def test_lines_follow_the_account_the_contacts_last_invoice_used(session, add_contact, issue,
                                                                 draft):
    acme, brio = add_contact("Acme Retail"), add_contact("Brio Cafés")
    issue(acme, lines=one_line("4000"), issue_date=dt.date(2024, 1, 5))
    issue(acme, lines=one_line("4100"), issue_date=dt.date(2024, 2, 5))
    draft(brio, lines=one_line("4000"))
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_line_text(0, "description", "Consulting")
    editor.set_contact(acme, "Acme Retail")
    assert accounts(editor) == ["4100"]
    editor.add_line()
    assert accounts(editor) == ["4100", "4100"]
    editor.set_contact(brio, "Brio Cafés")
    assert accounts(editor) == ["4000", "4000"]


def test_an_account_the_user_chose_stays_when_the_contact_changes(session, add_contact, issue):
    acme = add_contact("Acme Retail")
    issue(acme, lines=one_line("4100"))
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_line_text(0, "account_code", "4000")
    editor.set_contact(acme, "Acme Retail")
    assert accounts(editor) == ["4000"]


def test_a_void_last_document_is_skipped(session, book, add_contact, issue):
    acme = add_contact("Acme Retail")
    issue(acme, lines=one_line("4100"), issue_date=dt.date(2024, 1, 5))
    wrong, _ = issue(acme, lines=one_line("4000"), issue_date=dt.date(2024, 2, 5))
    void_document(book, wrong, dt.date(2024, 2, 6))
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(acme, "Acme Retail")
    assert accounts(editor) == ["4100"]


def test_a_bill_follows_the_suppliers_last_bill(session, add_contact, issue):
    paper = add_contact("Paper Supplies")
    issue(paper, kind=DocumentKind.BILL, lines=one_line("6300"))
    editor = DocumentEditor(session, DocumentKind.BILL)
    editor.set_contact(paper, "Paper Supplies")
    assert accounts(editor) == ["6300"]
    invoice = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    invoice.set_contact(paper, "Paper Supplies")  # a bill's expense is no invoice account
    assert accounts(invoice) == ["4000"]
