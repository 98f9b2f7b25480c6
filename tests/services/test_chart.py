"""The chart of accounts: every account with its balance; rename, re-code (every posting,
document line and payment follows), archive only at zero (then nothing new is posted to
it, while history and reports keep it), mark as bank; the role accounts are kept."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.chart import AccountChange
from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import (
    Account,
    AccountRole,
    AccountType,
    JournalEntry,
    JournalLine,
    SourceType,
)
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.reports.periods import Period
from ledgerdesk.services import reports
from ledgerdesk.services.chart import edit_account, list_accounts
from ledgerdesk.services.documents import authorise_document, void_document
from ledgerdesk.services.fiscal_year import FISCAL_YEAR_START
from ledgerdesk.services.queries import check_book, journal
from ledgerdesk.services.setup import add_account

D = dt.date
TODAY = D(2024, 6, 30)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def edit(book, which: str, /, **change) -> Account:
    return edit_account(book, which, AccountChange(**change), TODAY)


def refused(book, which: str, /, **change) -> str:
    """The one problem of a refused change; the book is unchanged."""
    before = list_accounts(book, TODAY)
    with pytest.raises(ValidationFailed) as caught:
        edit(book, which, **change)
    assert list_accounts(book, TODAY) == before
    (problem,) = caught.value.problems
    return str(problem)


@pytest.fixture
def trading(book, add_contact, issue, pay):
    """Last fiscal year (1 April start) and this one: sales, rent, a receipt to 1000."""
    with book.write() as tx:
        tx.set_setting(FISCAL_YEAR_START, "04-01")
    shop = add_contact("Shop", ContactRole.BOTH)
    old, _ = issue(shop, "300", issue_date=D(2024, 2, 1), tax_rate="20")
    issue(shop, "120", DocumentKind.BILL, issue_date=D(2024, 5, 2))
    pay(shop, "360", (old, "360"), date=D(2024, 5, 3))
    issue(shop, issue_date=D(2024, 7, 1), lines=[  # after today: not in today's balances
        {"description": "later", "unit_price": Decimal("75"), "account_code": "4100",
         "tax_rate": Decimal("0")}])
    return shop


def test_every_account_is_listed_by_code_with_type_role_and_balance(book, trading):
    listed = list_accounts(book, TODAY)
    assert [a.code for a in listed.rows] == sorted(a.code for a in listed.rows)
    by_code = {a.code: a for a in listed.rows}
    assert len(by_code) == 16 and listed.year_start == D(2024, 4, 1)
    assert (by_code["1000"].role, by_code["1000"].balance) == (AccountRole.BANK, eur("360"))
    assert by_code["1100"].balance == eur("0")
    assert by_code["2200"].balance == eur("60")  # a liability in credit reads positive
    assert by_code["4000"].balance == eur("0")  # last fiscal year's sale is not this year's
    assert by_code["6000"].balance == eur("120")
    assert by_code["6300"].type is AccountType.EXPENSE and by_code["6300"].balance == eur("0")
    assert by_code["4100"].balance == eur("0")  # its sale is dated after today
    assert not any(a.archived for a in listed.rows)


def test_a_rename_shows_in_reports(book, trading):
    edit(book, "6000", name="  Office rent ")
    bs = {r.code: r.name for r in reports.profit_and_loss_report(
        book, Period(D(2024, 4, 1), TODAY)).rows}
    assert bs["6000"] == "Office rent"


def everything(book) -> dict:
    """What reports and the exported journal say, with codes mapped back for comparison."""
    accounts, entries = journal(book)
    return {
        "trial": [(r.name, r.balance) for r in book.queries().trial_balance()],
        "sheet": [(r.name, r.amount) for r in reports.balance_sheet_report(book, TODAY).rows],
        "pnl": reports.profit_and_loss_report(book, Period(D(2024, 1, 1), TODAY)).net_profit,
        "journal": [(e.date, e.memo, tuple((accounts[ln.account_code].name, ln.amount)
                                           for ln in e.lines)) for e in entries],
    }


def test_re_coding_keeps_every_posting_document_and_payment_on_the_account(
        book, trading, draft, pay):
    waiting = draft(trading, "40")  # a draft line on 4000 too
    before = everything(book)
    edit(book, "4000", code="4010")
    edit(book, "1000", code="1001")
    assert everything(book) == before
    with book.read() as tx:
        assert "4000" not in tx.accounts() and "1000" not in tx.accounts()
        assert tx.get_document(waiting).lines[0].account_code == "4010"
        assert tx.get_payment(1).bank_account_code == "1001"
    balances = {r.code: r.balance for r in book.queries().trial_balance()}
    assert balances["4010"] == eur("-300") and balances["1001"] == eur("360")
    assert authorise_document(book, waiting)  # still posts, to 4010
    report = check_book(book)
    assert report.ok, report


def test_re_coding_moves_the_sync_link_of_a_bank_account(book, trading):
    from ledgerdesk.domain.sync import Connection, LinkKind, Provider
    from ledgerdesk.services.sync import add_connection, link_account

    connection = add_connection(book, Connection(Provider.XERO, "https://api.xero.example",
                                                 secret_ref="xero-test"))
    link_account(book, connection, "1000", "090")
    edit(book, "1000", code="1001")
    with book.read() as tx:
        assert tx.find_link(connection, LinkKind.ACCOUNT, "1000") is None
        moved = tx.find_link(connection, LinkKind.ACCOUNT, "1001")
    assert moved is not None and moved.remote_id == "090"


def test_a_new_account_under_an_old_code_starts_empty(book, trading):
    edit(book, "6000", code="6005")
    add_account(book, Account("6000", "Rent again", AccountType.EXPENSE))
    balances = {a.code: a.balance for a in list_accounts(book, TODAY).rows}
    assert (balances["6000"], balances["6005"]) == (eur("0"), eur("120"))


@pytest.mark.parametrize(("change", "words"), [
    ({"code": "4100"}, "code: Account 4100 already exists."),
    ({"code": " "}, "code: An account needs a code."),
    ({"code": "40\u202e0"}, "code"),
    ({"name": ""}, "name: An account needs a name."),
    ({"code": "4001", "name": "\x07"}, "name"),
])
def test_a_bad_code_or_name_is_refused_and_nothing_changes(book, trading, change, words):
    assert words in refused(book, "4000", **change)


def test_an_unknown_account_is_not_found(book):
    with pytest.raises(NotFound, match="no account '9999'"):
        edit(book, "9999", name="X")


def test_an_account_at_zero_is_archived_and_stays_in_history_and_reports(book, trading):
    edit(book, "4000", archived=True)  # its sale was last fiscal year
    listed = {a.code: a for a in list_accounts(book, TODAY).rows}
    assert listed["4000"].archived
    last_year = reports.profit_and_loss_report(book, Period(D(2024, 1, 1), D(2024, 3, 31)))
    assert [r.code for r in last_year.rows] == ["4000"]
    assert "4000" in {r.code for r in book.queries().trial_balance()}
    edit(book, "4000", archived=False)
    assert not {a.code: a for a in list_accounts(book, TODAY).rows}["4000"].archived


def test_an_archived_account_takes_no_new_lines_postings_or_reversals(book, trading, draft,
                                                                      issue):
    unpaid, _ = issue(trading, "10", issue_date=D(2024, 3, 1))  # last fiscal year
    edit(book, "4000", archived=True)
    with pytest.raises(ValidationFailed, match="4000 Sales is archived"):
        authorise_document(book, draft(trading, "10"))
    with pytest.raises(NotAllowed, match="Account 4000 Sales is archived, so nothing can be "
                                         "posted to it; restore it"):
        void_document(book, unpaid, TODAY)
    with pytest.raises(NotAllowed, match="archived"), book.write() as tx:
        tx.post(JournalEntry(TODAY, "manual", SourceType.MANUAL, None, (
            JournalLine("4000", eur("-1")), JournalLine("1500", eur("1")))))
    assert check_book(book).ok


def test_an_archived_bank_takes_no_payment(book, trading, issue, pay):
    add_account(book, Account("1020", "Old bank", AccountType.ASSET, AccountRole.BANK))
    edit(book, "1020", archived=True)
    invoice, _ = issue(trading, "10", issue_date=TODAY)
    with pytest.raises(ValidationFailed, match="1020 Old bank is archived"):
        pay(trading, "10", (invoice, "10"), date=TODAY, bank_account_code="1020")


@pytest.mark.parametrize(("code", "balance"), [
    ("1000", "360.00"),  # an asset: every entry
    ("6000", "120.00 EUR this fiscal year"),  # an expense: this fiscal year
])
def test_an_account_with_a_balance_is_not_archived_and_the_balance_is_named(
        book, trading, code, balance):
    words = refused(book, code, archived=True)
    assert words.startswith("archive: Account ") and f"has a balance of {balance}" in words
    assert "only an account at zero can be archived" in words


def test_a_balance_posted_after_today_still_stops_the_archive(book, trading):
    assert "has a balance of 75.00 EUR this fiscal year" in refused(book, "4100", archived=True)


@pytest.mark.parametrize("code", ["1100", "2000", "2200", "3100"])
def test_the_accounts_the_books_post_to_are_never_archived_nor_lose_their_role(book, code):
    assert "the books post to by themselves; it cannot be archived" in refused(
        book, code, archived=True)
    assert "it keeps that role" in refused(book, code, bank=True)


def test_marking_as_bank_lets_payments_use_it(book, trading, issue, pay):
    add_account(book, Account("1030", "Cash box", AccountType.ASSET))
    edit(book, "1030", bank=True)
    invoice, _ = issue(trading, "10", issue_date=TODAY)
    pay(trading, "10", (invoice, "10"), date=TODAY, bank_account_code="1030")
    assert {a.code: a for a in list_accounts(book, TODAY).rows}["1030"].balance == eur("10")


def test_only_an_asset_is_a_bank_and_the_last_bank_stays(book):
    assert "A bank account is an asset account" in refused(book, "6000", bank=True)
    edit(book, "1010", bank=False)
    assert "only bank account" in refused(book, "1000", bank=False)
    assert "only bank account" in refused(book, "1000", archived=True)


def test_every_change_is_in_the_audit_log(book):
    edit(book, "6300", code="6310", name="Travel and lodging", archived=True)
    with book.read() as tx:
        rows = tx._conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE entity = 'account' ORDER BY id").all()
    assert [r.action for r in rows[-2:]] == ["recode", "update"]
    assert '"6310"' in rows[-2].detail and "archived" in rows[-1].detail


def test_a_change_refused_by_the_book_leaves_everything(book, trading, monkeypatch):
    before = (everything(book), list_accounts(book, TODAY))
    from ledgerdesk.storage import tx_chart

    def fail(self, account):
        raise NotAllowed("disk said no")

    monkeypatch.setattr(tx_chart.ChartStore, "update_account", fail)
    with pytest.raises(NotAllowed):
        edit(book, "4000", code="4010", name="Sales renamed")
    assert (everything(book), list_accounts(book, TODAY)) == before
    with book.read() as tx:
        triggers = {r[0] for r in tx._conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"trg_journal_lines_no_update", "trg_payments_only_void",
            "trg_document_lines_update"} <= triggers
