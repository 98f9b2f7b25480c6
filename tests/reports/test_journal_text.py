"""The plain-text journal: names, amounts and memos that ledger-cli and hledger read as meant."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.ledger import (
    DEFAULT_CHART,
    Account,
    AccountType,
    JournalEntry,
    JournalLine,
    SourceType,
)
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.journal_text import (
    account_name,
    account_names,
    clean_memo,
    format_amount,
    journal_lines,
)

CHART = {a.code: a for a in DEFAULT_CHART}


def entry(memo: str, *pairs: tuple[str, str], currency: str = "EUR") -> JournalEntry:
    lines = tuple(JournalLine(code, Money.of(amount, currency)) for code, amount in pairs)
    return JournalEntry(dt.date(2026, 3, 1), memo, SourceType.MANUAL, None, lines, id=1)


def test_account_name_has_root_code_and_name():
    assert account_name(CHART["1100"]) == "Assets:1100 Accounts Receivable"
    assert account_name(CHART["3000"]) == "Equity:3000 Owner's Equity"


def test_account_name_drops_special_characters():
    odd = Account("9:9", "  (Old)\tbank; @home [x]  ", AccountType.ASSET)
    name = account_name(odd)
    assert name == "Assets:9-9 Old bank home x"
    for bad in ("  ", "\t", ";", "@", "(", "["):
        assert bad not in name


def test_clashing_names_get_a_suffix():
    accounts = {
        "1:1": Account("1:1", "Cash", AccountType.ASSET),
        "1-1": Account("1-1", "Cash", AccountType.ASSET),
    }
    assert sorted(account_names(accounts).values()) == [
        "Assets:1-1 Cash", "Assets:1-1 Cash 2",
    ]


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [("1234.5", "EUR", "1234.50 EUR"), ("-0.01", "EUR", "-0.01 EUR"),
     ("1E+6", "EUR", "1000000.00 EUR"), ("1500", "JPY", "1500 JPY"),
     ("1.234", "KWD", "1.234 KWD")],
)
def test_amounts_are_exact_and_never_scientific(amount, currency, text):
    assert format_amount(Money(Decimal(amount), currency)) == text


def test_memo_is_one_plain_line():
    assert clean_memo("*Paid  in\nfull;  thanks", "x") == "Paid in full, thanks"
    assert clean_memo("(REF) receipt", "x") == "REF) receipt"
    assert clean_memo("  \n ", "Journal entry 3") == "Journal entry 3"


@given(st.text())
def test_memo_never_has_two_spaces_or_newlines(text):
    memo = clean_memo(text, "fallback")
    assert memo and "  " not in memo and "\n" not in memo and "\t" not in memo


def test_journal_layout():
    lines = list(journal_lines(
        CHART, [entry("Invoice INV-00001", ("1100", "120.00"), ("4000", "-100"),
                      ("2200", "-20"))], title="Test",
    ))
    assert lines[0] == "; Test"
    assert "account Assets:1000 Bank" in lines
    start = lines.index("2026-03-01 Invoice INV-00001")
    assert lines[start + 1:start + 5] == [
        "    Assets:1100 Accounts Receivable  120.00 EUR",
        "    Income:4000 Sales  -100.00 EUR",
        "    Liabilities:2200 Sales Tax  -20.00 EUR",
        "",
    ]


@pytest.mark.parametrize("tool", ["ledger", "hledger"])
def test_tools_read_awkward_names(installed, tool, tmp_path):
    installed(tool)
    chart = dict(CHART)
    chart["7000"] = Account("7000", "[Odd] ; name @ (x)  two", AccountType.EXPENSE)
    entries = [entry("(Memo) with ; and  spaces", ("7000", "10.50"), ("1000", "-10.50"))]
    path = tmp_path / "t.journal"
    path.write_text("\n".join(journal_lines(chart, entries)) + "\n", encoding="utf-8")
    args = [tool, "-f", str(path), "balance", "--flat", "--no-total"]
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    assert "10.50 EUR  Expenses:7000 Odd name x two" in result.stdout
    assert "-10.50 EUR  Assets:1000 Bank" in result.stdout
