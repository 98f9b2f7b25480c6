"""The API the reconcile command calls: ``match_statement`` and ``accept``.

Each line is found in the book (a payment typed in, a journal), offered as a payment of
open documents, a journal by a bank rule or a transfer, or nothing; ``accept`` records the
offers in one transaction and returns the new postings' ledger line ids on the bank.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.ledger import Account, AccountType
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.bank_rules import add_bank_rule
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal
from ledgerdesk.services.lock import change_lock
from ledgerdesk.services.setup import add_account
from ledgerdesk.services.statement_accept import accept
from ledgerdesk.services.statement_matching import match_statement

D = dt.date(2024, 3, 10)


def line(row: int, amount: str, reference: str = "", party: str = "", days: int = 0):
    return StatementLine(row, D + dt.timedelta(days=days), Decimal(amount), reference, party)


@pytest.fixture
def banks(book):
    add_account(book, Account("1150", "Transfers in transit", AccountType.ASSET))
    add_account(book, Account("6500", "Bank fees", AccountType.EXPENSE))
    return book


def test_each_line_gets_one_answer_and_a_posting_is_matched_once(banks, add_contact, issue,
                                                                  pay):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    first, _ = issue(acme, "100")
    second, _ = issue(acme, "100")
    typed_in = pay(acme, "100", (first, "100"), date=D - dt.timedelta(days=2))
    add_bank_rule(banks, "card fee", "6500", "Card fees")
    found = match_statement(banks, "1000", [
        line(2, "100.00", "thanks", "ACME RETAIL"),  # the payment typed in two days before
        line(3, "100.00", "", "Acme Retail"),  # the same amount again: not the same posting
        line(4, "-2.50", "CARD FEE 03/24"),
        line(5, "-500.00", "To Savings"),
        line(6, "7.00", "unknown"),
    ])
    in_book, other, fee, transfer, nothing = found.lines
    assert in_book.posting.what == f"payment PAY-{typed_in.payment_id:05d}"
    assert other.posting is None and other.journal is None
    assert [s.document.id for s in other.suggestions] == [second]
    assert fee.journal.account_code == "6500" and fee.journal.memo == "Card fees"
    assert fee.journal.rule_id == 1 and not fee.journal.transfer
    assert transfer.journal.account_code == "1010" and transfer.journal.transfer
    assert nothing.posting is None and nothing.journal is None and not nothing.suggestions
    assert found.in_book == {2: in_book.posting}


def test_accept_records_payments_and_journals_and_returns_their_bank_lines(banks, add_contact,
                                                                           issue, owed):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    invoice, number = issue(acme, "100")
    add_bank_rule(banks, "card fee", "6500")
    match = match_statement(banks, None, [line(2, "100.00", number, "Acme Retail"),
                                          line(3, "-2.50", "card fee"),
                                          line(4, "-500.00", "Transfer to Savings")])
    accepted = accept(banks, match)
    assert accepted.committed and accepted.problems == [] and owed(invoice) == 0
    assert sorted(accepted.ledger_lines) == [2, 3, 4]
    again = match_statement(banks, "1000", [m.line for m in match.lines])
    assert {row: p.line_id for row, p in again.in_book.items()} == accepted.ledger_lines
    assert [p.amount for p in again.in_book.values()] == [
        Decimal("100.00"), Decimal("-2.50"), Decimal("-500.00")]
    savings = match_statement(banks, "1010", [line(7, "500.00", "from current", days=1)])
    assert savings.lines[0].posting is not None  # the transfer's other half, already there


def test_accept_takes_only_the_rows_asked_for(banks):
    add_bank_rule(banks, "fee", "6500")
    match = match_statement(banks, "1000", [line(2, "-1.00", "fee"), line(3, "-2.00", "fee")])
    accepted = accept(banks, match, which=[3])
    assert list(accepted.ledger_lines) == [3]
    assert [m.posting is not None for m in
            match_statement(banks, "1000", [m.line for m in match.lines]).lines] == [False, True]


def test_a_posting_cleared_elsewhere_can_be_left_out(banks):
    record_journal(banks, RecordJournal(date=D, memo="fee", lines=[
        JournalLineInput(account_code="6500", debit=Decimal("3")),
        JournalLineInput(account_code="1000", credit=Decimal("3"))]))
    found = match_statement(banks, "1000", [line(2, "-3.00", "fee")])
    cleared = found.lines[0].posting.line_id
    assert match_statement(banks, "1000", [line(2, "-3.00", "fee")],
                           exclude={cleared}).lines[0].posting is None


def test_the_other_half_of_a_transfer_through_a_clearing_account(banks):
    record_journal(banks, RecordJournal(date=D, memo="from current", lines=[
        JournalLineInput(account_code="1010", debit=Decimal("250")),
        JournalLineInput(account_code="1150", credit=Decimal("250"))]))
    found = match_statement(banks, "1000", [line(2, "-250.00", "online banking", days=1)])
    proposal = found.lines[0].journal
    assert proposal.transfer and proposal.account_code == "1150"
    assert proposal.posting.account_code == "1010"
    assert accept(banks, found).committed
    balances = {r.code: r.balance.amount for r in banks.queries().trial_balance()}
    assert balances["1150"] == 0  # the money left one bank and reached the other
    assert balances["1000"] == Decimal("-250.00") and balances["1010"] == Decimal("250.00")


def test_a_refused_journal_records_nothing_and_says_why(banks):
    add_bank_rule(banks, "fee", "6500")
    change_lock(banks, dt.date(2024, 12, 31))
    match = match_statement(banks, "1000", [line(2, "-1.00", "fee")])
    accepted = accept(banks, match)
    assert not accepted.committed and accepted.ledger_lines == {}
    assert "locked" in accepted.problems[0].reason


def test_only_a_bank_account_can_be_matched(banks):
    with pytest.raises(NotAllowed) as refused:
        match_statement(banks, "6500", [line(2, "1.00")])
    assert str(refused.value) == ("6500 Bank fees is not a bank account; the bank accounts "
                                  "are 1000 Bank, 1010 Savings.")


def test_a_bank_named_only_bank_is_not_found_in_every_bank_charge(banks):
    found = match_statement(banks, "1010", [line(2, "-3.00", "Bank charges"),
                                            line(3, "-50.00", "Transfer to 1000")])
    assert found.lines[0].journal is None
    assert found.lines[1].journal.account_code == "1000"


def test_what_runs_after_accept_in_its_transaction_takes_everything_back_when_it_refuses(
        banks):
    """The reconcile command finishes its reconciliation in accept's transaction: when
    that is refused, the accepted journals must not stay behind."""
    add_bank_rule(banks, "fee", "6500")
    lines = [line(2, "-1.00", "fee")]
    seen = {}

    def refuse(tx, new_lines):
        seen.update(new_lines)
        raise NotAllowed("the reconciliation does not add up")

    with pytest.raises(NotAllowed, match="does not add up"):
        accept(banks, match_statement(banks, "1000", lines), then=refuse)
    assert list(seen) == [2]  # it was given the new posting's ledger line
    assert match_statement(banks, "1000", lines).lines[0].posting is None
