"""Archived accounts are offered for no new line: not in the invoice or bill editor's
account choices, not as the account a new line starts on, not as an import's bank; the
reports still list them."""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.chart import AccountChange
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.import_wizard import ImportWizard
from ledgerdesk.services.chart import edit_account


def archive(session, code: str) -> None:
    edit_account(session.book, code, AccountChange(archived=True), session.today)


def test_the_editor_offers_no_archived_account(session):
    archive(session, "6300")
    codes = [a.code for a in DocumentEditor(session, DocumentKind.BILL).accounts]
    assert "6300" not in codes and "6000" in codes


def test_a_new_line_does_not_start_on_an_archived_account(session, issue, supplier):
    line = {"description": "trip", "unit_price": 50, "account_code": "6300", "tax_rate": 0}
    issue(supplier, kind=DocumentKind.BILL, lines=[line], issue_date=dt.date(2023, 5, 1))
    editor = DocumentEditor(session, DocumentKind.BILL)
    editor.set_contact(supplier, "Paper Supplies")
    assert editor.default_account == "6300"  # the supplier's last bill's account
    archive(session, "6300")  # at zero this fiscal year: last year's bill is history
    editor = DocumentEditor(session, DocumentKind.BILL)
    editor.set_contact(supplier, "Paper Supplies")
    assert editor.default_account == "5000"  # the first expense account


def test_an_import_offers_no_archived_bank(session):
    archive(session, "1010")
    wizard = ImportWizard(session)
    assert [code for code, _ in wizard.bank_accounts()] == ["1000"]
