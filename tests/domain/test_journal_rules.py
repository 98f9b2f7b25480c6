"""Manual journals: the pure validator names every problem with its field, and the entry
a valid journal posts is balanced, line for line."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.journals import (
    JOURNAL_PREFIX,
    JournalLine,
    ManualJournal,
    journal_entry,
    journal_number,
    validate_journal,
)
from ledgerdesk.domain.ledger import DEFAULT_CHART, Account, AccountType, SourceType

DAY = dt.date(2024, 3, 1)
CHART = {account.code: account for account in DEFAULT_CHART}


def line(code: str, debit: str | None = None, credit: str | None = None,
         description: str = "") -> JournalLine:
    return JournalLine(code, Decimal(debit) if debit is not None else None,
                       Decimal(credit) if credit is not None else None, description)


def journal(*lines: JournalLine, memo: str = "Owner's capital") -> ManualJournal:
    return ManualJournal(DAY, memo, tuple(lines), "EUR")


def problems_of(draft: ManualJournal, accounts=CHART) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in validate_journal(draft, accounts):
        found.setdefault(problem.field, []).append(problem.code)
    return found


def test_a_balanced_journal_has_no_problems() -> None:
    draft = journal(line("1000", debit="5000.00", description="Transfer from owner"),
                    line("3000", credit="5000.00"))
    assert validate_journal(draft, CHART) == []


def test_any_number_of_lines_may_balance() -> None:
    draft = journal(line("6000", debit="100"), line("6100", debit="20.50"),
                    line("6200", debit="9.50"), line("1000", credit="130"))
    assert validate_journal(draft, CHART) == []


def test_an_unbalanced_journal_says_the_difference() -> None:
    draft = journal(line("1000", debit="5000.00"), line("3000", credit="4999.99"))
    (problem,) = validate_journal(draft, CHART)
    assert problem.field == "lines" and problem.code == "unbalanced"
    assert problem.numbers == {"debits": Decimal("5000.00"), "credits": Decimal("4999.99"),
                               "difference": Decimal("0.01")}
    assert "0.01" in problem.message and "differ" in problem.message


def test_credits_more_than_debits_is_unbalanced_too() -> None:
    draft = journal(line("1000", debit="10"), line("3000", credit="12.50"))
    (problem,) = validate_journal(draft, CHART)
    assert problem.numbers["difference"] == Decimal("2.50")


def test_at_least_two_lines() -> None:
    assert problems_of(journal(line("1000", debit="10"))) == {"lines": ["too_few_lines",
                                                                        "unbalanced"]}
    assert problems_of(journal()) == {"lines": ["too_few_lines"]}


@pytest.mark.parametrize(("debit", "credit", "code"), [
    (None, None, "no_amount"),
    ("10", "10", "both_sides"),
    ("0", None, "not_positive"),
    (None, "-5", "not_positive"),
    ("1.234", None, "too_many_places"),
    ("10000000000000", None, "too_large"),
])
def test_each_line_is_exactly_one_positive_debit_or_credit(debit, credit, code) -> None:
    draft = journal(line("1000", debit="10"), line("3000", credit="10"),
                    line("6000", debit, credit))
    found = problems_of(draft)
    assert found["lines[2].amount"] == [code]
    assert set(found) <= {"lines[2].amount", "lines"}


def test_every_problem_is_reported_at_once_with_its_field() -> None:
    draft = journal(line("9999", debit="10"), line("1000", debit="-1"),
                    line("3000", "1", "2"), memo="")
    found = problems_of(draft)
    assert found["lines[0].account_code"] == ["unknown_account"]
    assert found["lines[1].amount"] == ["not_positive"]
    assert found["lines[2].amount"] == ["both_sides"]
    assert "lines" in found  # and it does not balance either
    assert found["memo"] == ["required"]


def test_a_journal_says_what_it_is_for() -> None:
    draft = journal(line("1000", debit="5"), line("3000", credit="5"), memo="   ")
    (problem,) = validate_journal(draft, CHART)
    assert (problem.field, problem.code) == ("memo", "required")
    assert "what the journal is for" in problem.message


def test_the_receivable_account_is_refused_saying_why() -> None:
    draft = journal(line("1100", debit="50"), line("4000", credit="50"))
    (problem,) = validate_journal(draft, CHART)
    assert problem.field == "lines[0].account_code" and problem.code == "control_account"
    assert problem.message.startswith("1100 Accounts Receivable moves only with invoices")
    assert "keeps equalling what customers owe" in problem.message
    assert "record an invoice or a credit note instead" in problem.message


def test_the_payable_account_is_refused_saying_why() -> None:
    draft = journal(line("6000", debit="50"), line("2000", credit="50"))
    (problem,) = validate_journal(draft, CHART)
    assert problem.field == "lines[1].account_code" and problem.code == "control_account"
    assert problem.message.startswith("2000 Accounts Payable moves only with bills")
    assert "what the business owes its suppliers" in problem.message
    assert "record a bill or a supplier credit note instead" in problem.message


def test_bank_tax_and_equity_accounts_may_be_journalled() -> None:
    draft = journal(line("2200", debit="300"), line("1000", credit="300"),
                    memo="Sales tax paid for Q1")
    assert validate_journal(draft, CHART) == []


def test_an_archived_account_is_refused_when_accounts_can_be_archived() -> None:
    @dataclasses.dataclass(frozen=True)
    class ArchivableAccount(Account):
        archived: bool = False

    chart = dict(CHART)
    chart["6500"] = ArchivableAccount("6500", "Old van", AccountType.EXPENSE, archived=True)
    found = problems_of(journal(line("6500", debit="5"), line("1000", credit="5")), chart)
    assert found == {"lines[0].account_code": ["archived_account"]}


def test_memo_and_descriptions_are_plain_text() -> None:
    draft = journal(line("1000", debit="5", description="evil\u202etext"),
                    line("3000", credit="5"), memo="two\nlines")
    found = problems_of(draft)
    assert found == {"memo": ["plain_text"], "lines[0].description": ["plain_text"]}


def test_the_entry_debits_positive_and_credits_negative_with_descriptions() -> None:
    draft = dataclasses.replace(
        journal(line("1000", debit="5000", description="From the owner"),
                line("3000", credit="5000")), id=7, number="JNL-00003")
    entry = journal_entry(draft)
    assert entry.source_type is SourceType.MANUAL and entry.source_id == 7
    assert entry.date == DAY and entry.memo == "JNL-00003 Owner's capital"
    assert [(ln.account_code, ln.amount.amount, ln.memo) for ln in entry.lines] == [
        ("1000", Decimal("5000.00"), "From the owner"), ("3000", Decimal("-5000.00"), "")]
    assert entry.is_balanced()


def test_the_debit_total() -> None:
    draft = journal(line("6000", debit="100"), line("6100", debit="20.50"),
                    line("1000", credit="120.50"))
    assert draft.debit_total.amount == Decimal("120.50")


def test_numbers_are_gap_free_in_their_own_series() -> None:
    assert JOURNAL_PREFIX == "JNL-"
    assert journal_number(1) == "JNL-00001"
    assert journal_number(123456) == "JNL-123456"
