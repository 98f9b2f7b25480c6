"""``ledgerdesk demo --foreign`` (issue 15's Show): a tenth of the documents or more in three
foreign currencies, one of them JPY, many paid at later rates; ``check`` passes and
ledger-cli and hledger at cost give the trial balance to the cent."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest


@pytest.fixture(scope="module")
def foreign_demo(tmp_path_factory):
    from ledgerdesk.cli import main

    path = tmp_path_factory.mktemp("fx") / "fx.book"
    assert main(["demo", str(path), "--foreign"]) == 0
    return path


def _csv(run, *args) -> list[dict[str, str]]:
    status, out, err = run(*args, "--csv", "-")
    assert status == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_a_tenth_in_three_currencies_many_paid_at_later_rates(run, foreign_demo):
    documents = [*_csv(run, "list", "invoices", foreign_demo),
                 *_csv(run, "list", "bills", foreign_demo),
                 *_csv(run, "list", "credit-notes", foreign_demo)]
    currencies = Counter(d["currency"] for d in documents)
    foreign = {code: n for code, n in currencies.items() if code != "EUR"}
    assert set(foreign) == {"USD", "CHF", "JPY"}
    assert sum(foreign.values()) * 10 >= len(documents)
    payments = _csv(run, "list", "payments", foreign_demo)
    assert any(p["currency"] == "USD" for p in payments)  # into the USD account
    assert any(p["currency"] == "EUR" and p["allocated_currency"] == "JPY" for p in payments)
    status, out, _ = run("check", foreign_demo)
    assert status == 0, out
    status, out, _ = run("report", "profit-and-loss", foreign_demo)
    assert "4900" in out  # the realised gains and losses of settling at later rates


@pytest.mark.parametrize("tool,cost", [("ledger", "--basis"), ("hledger", "--cost")])
def test_the_tools_at_cost_give_the_trial_balance(at_cost, foreign_demo, tool, cost):
    found, expected = at_cost(tool, cost, foreign_demo)
    assert found == expected
