"""The Accounts page and the account editor without Qt: the rows as the window shows them,
archiving with its question, and saving, with the command line's wording for refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.presentation.chart import AccountEditor, AccountsList
from ledgerdesk.services.fiscal_year import FISCAL_YEAR_START


@pytest.fixture
def listed(session, book, issue, customer) -> AccountsList:
    with book.write() as tx:
        tx.set_setting(FISCAL_YEAR_START, "02-01")
    issue(customer, "1234.5", issue_date=dt.date(2024, 2, 10))
    accounts = AccountsList(session)
    accounts.reload()
    return accounts


def row(accounts: AccountsList, code: str):
    return next(r for r in accounts.rows if r.code == code)


def test_rows_show_type_role_status_and_the_balance_in_the_locale(listed):
    receivable = row(listed, "1100")
    assert (receivable.name, receivable.type, receivable.role, receivable.status,
            receivable.balance) == ("Accounts Receivable", "Asset", "Receivable", "Active",
                                    "1.234,50")
    assert row(listed, "4000").balance == "1.234,50"  # income in credit reads positive
    assert row(listed, "1010").role == "Bank" and row(listed, "6300").role == ""
    assert listed.note == ("Balances on 01.03.2024; income and expense accounts since this "
                           "fiscal year began on 01.02.2024, earlier years' results in "
                           "retained earnings.")
    assert listed.count_text() == "16 accounts"


def test_archiving_asks_first_then_the_row_says_archived_and_restore_undoes_it(listed):
    travel = row(listed, "6300")
    assert listed.archive_word(travel) == "Archive"
    assert listed.archive_question(travel) == (
        "Archive account 6300 Travel? It stays in history and reports; nothing new can be "
        "posted to it until it is restored.")
    assert listed.archive(travel) == ""
    listed.reload()
    travel = row(listed, "6300")
    assert travel.status == "Archived" and listed.archive_word(travel) == "Restore"
    assert listed.count_text() == "16 accounts, 1 archived"
    assert listed.archive(travel) == ""
    listed.reload()
    assert row(listed, "6300").status == "Active"


def test_a_refused_archive_says_what_the_command_line_says(listed, run, monkeypatch):
    monkeypatch.setattr("ledgerdesk.cli.accounts.today", listed.session.clock)
    sales = row(listed, "4000")
    said = listed.archive(sales)
    assert said == ("Account 4000 Sales has a balance of 1234.50 EUR this fiscal year; only an "
                    "account at zero can be archived.")
    status, _, err = run("edit-account", listed.session.path, "4000", "--archive")
    assert status == 1 and err.strip().endswith(said)
    assert row(listed, "1100").kept and not row(listed, "6300").kept


def test_a_new_bank_account_is_saved(session):
    editor = AccountEditor(session)
    assert editor.title == "New account"
    assert editor.save(code=" 1030 ", name="Cash box", type=AccountType.ASSET, bank=True) == {}
    accounts = AccountsList(session)
    accounts.reload()
    assert (row(accounts, "1030").name, row(accounts, "1030").role) == ("Cash box", "Bank")


def test_the_editor_names_each_refused_field_and_keeps_nothing(session):
    editor = AccountEditor(session)
    assert editor.save(code="4000", name="Again", type=AccountType.INCOME, bank=False) == {
        "code": "Account 4000 already exists."}
    assert editor.save(code="2900", name="Odd", type=AccountType.LIABILITY, bank=True) == {
        "type": "A bank account is an asset account."}
    accounts = AccountsList(session)
    accounts.reload()
    assert "2900" not in {r.code for r in accounts.rows}


def test_an_existing_account_is_renamed_and_re_coded_in_one_save(session):
    accounts = AccountsList(session)
    accounts.reload()
    editor = AccountEditor(session, row(accounts, "6000").summary)
    assert editor.title == "Account 6000 Rent"
    assert editor.values == {"code": "6000", "name": "Rent", "type": AccountType.EXPENSE,
                             "bank": False, "currency": "EUR"}
    assert not editor.changed(code="6000", name="Rent", type=AccountType.EXPENSE, bank=False,
                              currency="EUR")
    assert editor.save(code="6050", name="Premises", type=AccountType.EXPENSE, bank=False) == {}
    accounts.reload()
    assert row(accounts, "6050").name == "Premises"
    assert "6000" not in {r.code for r in accounts.rows}


def test_a_kept_account_keeps_its_role(session):
    accounts = AccountsList(session)
    accounts.reload()
    editor = AccountEditor(session, row(accounts, "1100").summary)
    assert editor.bank_fixed
    assert editor.save(code="1100", name="Debtors", type=AccountType.ASSET, bank=True) == {
        "bank": "Account 1100 Accounts Receivable is the receivable account the books post "
                "to by themselves; it keeps that role."}


def test_a_bank_account_keeps_its_own_currency_and_the_home_one_as_none(session, book):
    editor = AccountEditor(session)
    assert editor.values["currency"] == "EUR"
    assert editor.save(code="1020", name="USD Account", type=AccountType.ASSET, bank=True,
                       currency="usd") == {}
    assert AccountEditor(session).save(code="1030", name="Euro box", type=AccountType.ASSET,
                                       bank=True, currency="EUR") == {}
    assert AccountEditor(session).save(code="1040", name="Odd", type=AccountType.ASSET,
                                       bank=True, currency="ZZZ") == {
        "currency": "'ZZZ' is not an ISO 4217 currency code; use one like EUR, USD or GBP."}
    with book.read() as tx:
        accounts = tx.accounts()
    assert (accounts["1020"].currency, accounts["1030"].currency) == ("USD", None)
    listed = AccountsList(session)
    listed.reload()
    assert (row(listed, "1020").role, row(listed, "1030").role) == ("Bank (USD)", "Bank")
