"""Whatever is typed into the window's editors (the same hostile text the CLI attack tests
send), the form answers with words: no exception from typing, from what the form shows, or
from saving, and a save that is refused leaves the book as it was.  The editors are the
presenters the dialogs show, driven as the dialogs drive them."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation import document_lines, journal_editor, opening_wizard
from ledgerdesk.presentation.chart import AccountEditor
from ledgerdesk.presentation.contact_editor import ContactEditor
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.journal_editor import JournalEditor
from ledgerdesk.presentation.opening_wizard import OpeningWizard
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.presentation.settings import SettingsEditor
from ledgerdesk.services.chart import list_accounts
from ledgerdesk.services.queries import check_book, list_contacts
from ledgerdesk.services.settings import read_settings

NASTY = [
    "1e309", "NaN", "-Infinity", "-0", "--5", "+-1", "1,2,3.4", "1.234,56", "١٢٣٫٤٥", "(5)",
    "5-", "0.001", "1_000", "9" * 400, "  12  ", "12\x00", "\u202e12", "=1+2", "\t", "",
    "1100", "1100 Accounts Receivable", "٫", "DROP TABLE documents;--", "2024-02-30",
    "0000-01-01", "9999-12-31", "\ud7ff", "\ufeff1", "1\u00a0000", "1 000,5", "-",
]
TYPED = st.one_of(st.sampled_from(NASTY), st.text(max_size=30))


def not_a_traceback(message: str) -> bool:
    """A sentence for a person, not an exception's insides."""
    return bool(message.strip()) and not any(
        mark in message for mark in ("Traceback", "Error(", "<class", "File \"", "\n  "))


SLOW = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _shown(editor, fields) -> None:
    """Everything the dialog reads to paint itself."""
    for index in range(len(editor.lines)):
        for name in fields:
            editor.line_error(index, name)
            if hasattr(editor, "cell_text"):
                editor.cell_text(index, name)
    editor.form_problems() if hasattr(editor, "form_problems") else editor.field_problems()


def _typed(editor, fields, texts: list[str]) -> None:
    while len(editor.lines) < 3:
        editor.add_line()
    for position, text in enumerate(texts):
        editor.set_line_text(position % 3, fields[position % len(fields)], text)


@SLOW
@given(texts=st.lists(TYPED, min_size=1, max_size=12), reference=TYPED)
def test_a_document_form_answers_anything_in_words(session, customer, snapshot_of,
                                                   texts, reference) -> None:
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(customer)
    editor.set_reference(reference)
    _typed(editor, document_lines.LINE_FIELDS, texts)
    _shown(editor, document_lines.LINE_FIELDS)
    editor.totals()
    before = snapshot_of(session.book)
    if editor.save() is None:
        assert snapshot_of(session.book) == before
        assert all(not_a_traceback(p) for p in editor.field_problems())
    assert check_book(session.book).ok


@SLOW
@given(texts=st.lists(TYPED, min_size=1, max_size=12), memo=TYPED)
def test_a_journal_form_answers_anything_in_words(session, snapshot_of, texts, memo) -> None:
    editor = JournalEditor(session)
    editor.set_memo(memo)
    _typed(editor, journal_editor.FIELDS, texts)
    _shown(editor, journal_editor.FIELDS)
    editor.balance_text()
    before = snapshot_of(session.book)
    if editor.save() is None:
        assert snapshot_of(session.book) == before
        assert all(not_a_traceback(p) for p in editor.form_problems())
    assert check_book(session.book).ok


@SLOW
@given(texts=st.lists(TYPED, min_size=1, max_size=18))
def test_the_opening_wizard_answers_anything_in_words(session, snapshot_of, texts) -> None:
    wizard = OpeningWizard(session)
    wizard.set_as_of(dt.date(2024, 1, 1))
    _typed(wizard, opening_wizard.FIELDS, texts)
    _shown(wizard, opening_wizard.FIELDS)
    wizard.balance_text()
    before = snapshot_of(session.book)
    if not wizard.finish():
        assert snapshot_of(session.book) == before
        assert all(not_a_traceback(p) for p in wizard.form_problems())
    assert check_book(session.book).ok


@SLOW
@given(amount=TYPED, reference=TYPED, allocations=st.lists(TYPED, max_size=3))
def test_a_payment_form_answers_anything_in_words(session, customer, issue, snapshot_of,
                                                  amount, reference, allocations) -> None:
    issue(customer, "100")
    editor = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
    editor.set_contact(customer)
    editor.set_amount_text(amount)
    editor.set_reference(reference)
    for index, text in enumerate(allocations[:len(editor.rows)]):
        editor.set_allocation_text(index, text)
    for index in range(len(editor.rows)):
        editor.row_message(index)
    shown = (editor.amount_message, editor.summary, editor.grid_message, editor.describe())
    assert all(isinstance(text, str) for text in shown)
    before, could_save = snapshot_of(session.book), editor.can_save
    if editor.save() is None:
        assert snapshot_of(session.book) == before
        assert not could_save or not_a_traceback(editor.save_error)
    assert check_book(session.book).ok


def test_a_pasted_control_character_is_named_beside_its_line(session, customer,
                                                           snapshot_of) -> None:
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(customer)
    editor.set_reference("PO\x07 17")
    editor.add_line()
    editor.set_line_text(1, "description", "Design\x1bwork")
    editor.set_line_text(1, "unit_price", "100")
    before = snapshot_of(session.book)
    assert editor.save() is None
    assert "U+001B" in editor.line_error(1, "description")
    assert any("U+0007" in p for p in editor.field_problems())
    assert snapshot_of(session.book) == before


@SLOW
@given(name=TYPED, email=TYPED, tax_number=TYPED, address=TYPED,
       terms=st.one_of(st.integers(), st.sampled_from(["30", "-1", "1e9"])))
def test_a_contact_form_answers_anything_in_words(session, snapshot_of, name, email,
                                                  tax_number, address, terms) -> None:
    editor = ContactEditor(session)
    before = snapshot_of(session.book), list(list_contacts(session.book))
    values = {**editor.values, "name": name, "email": email, "tax_number": tax_number,
              "address": address, "payment_terms_days": terms}
    if not editor.save(**values):
        assert (snapshot_of(session.book), list(list_contacts(session.book))) == before
        assert not_a_traceback(editor.error)


@SLOW
@given(code=TYPED, name=TYPED, kind=st.sampled_from(AccountType), bank=st.booleans())
def test_an_account_form_answers_anything_in_words(session, code, name, kind, bank) -> None:
    editor = AccountEditor(session)
    chart = list_accounts(session.book, dt.date(2024, 3, 1))
    problems = editor.save(code=code, name=name, type=kind, bank=bank)
    if problems:
        assert list_accounts(session.book, dt.date(2024, 3, 1)) == chart
        assert all(not_a_traceback(message) for message in problems.values())
    assert check_book(session.book).ok


@SLOW
@given(company=TYPED, address=TYPED, tax_number=TYPED, fiscal=TYPED, prefix=TYPED)
def test_the_settings_form_answers_anything_in_words(session, company, address, tax_number,
                                                     fiscal, prefix) -> None:
    editor = SettingsEditor(session)
    loaded = editor.loaded
    wanted = dataclasses.replace(
        loaded, company=company, address=address, tax_number=tax_number,
        fiscal_year_start=fiscal,
        prefixes={**loaded.prefixes, DocumentKind.SALES_INVOICE: prefix})
    stored = read_settings(session.book)
    if editor.save(wanted):
        assert read_settings(session.book) == stored
        assert all(not_a_traceback(message) for message in editor.save(wanted).values())


def test_a_pasted_reference_too_long_is_said_and_the_payment_kept(session, customer, issue,
                                                                 snapshot_of) -> None:
    issue(customer, "100")
    editor = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
    editor.set_contact(customer)
    editor.set_amount_text("100")
    editor.set_reference("R" * 300)
    before = snapshot_of(session.book)
    assert editor.save() is None
    assert editor.save_error == "Reference: It has 300 characters; at most 255 fit: shorten it."
    assert snapshot_of(session.book) == before and editor.amount == 100
