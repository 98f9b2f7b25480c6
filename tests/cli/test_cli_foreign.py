"""Foreign money from the command line (issue 15): a USD bank account, invoices imported in
USD and JPY at their rates, paid in USD and in the home currency, each payment saying its
rate and what it realised; ``check`` passes and ledger-cli and hledger, valuing each
posting at its cost, give exactly the trial balance."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from ledgerdesk.cli import main

INVOICES = """number,contact,issue_date,description,unit_price,account,currency,exchange_rate
US-1,Globex Inc,2026-01-10,Design work,1000.00,4100,USD,0.90
US-2,Globex Inc,2026-01-20,Hosting,250.00,4100,USD,
JP-1,Globex Inc,2026-01-12,Licence,120000,4000,JPY,0.0062
"""


@pytest.fixture
def foreign_book(run, tmp_path):
    book = tmp_path / "fx.book"
    assert main(["new", str(book), "--company", "Test Co", "--currency", "EUR"]) == 0
    status, out, err = run("add-account", book, "1020", "USD Account", "--type", "asset",
                           "--bank", "--currency", "usd")
    assert (status, out, err) == (0, "Added USD bank account 1020 USD Account.\n", "")
    assert run("rate", book, "USD", "0.92", "--date", "2026-01-15")[0] == 0
    source = tmp_path / "invoices.csv"
    source.write_text(INVOICES, encoding="utf-8")
    status, out, err = run("import", "invoices", book, source, "--create-contacts")
    assert status == 0, err
    return book


def succeeded(result: tuple[int, str, str]) -> str:
    status, out, err = result
    assert status == 0, err
    return out


def numbers(run, book) -> dict[str, tuple[str, str]]:
    """Each imported invoice's number and currency by its number in the file (its total
    tells it: each is different)."""
    status, out, _ = run("list", "invoices", book, "--csv", "-")
    assert status == 0
    by_total = {"1000.00": "US-1", "250.00": "US-2", "120000": "JP-1", "45.77": "TX-1"}
    return {by_total[row["total"]]: (row["number"], row["currency"])
            for row in csv.DictReader(io.StringIO(out))}


def test_foreign_payments_say_their_rate_and_what_they_realised(run, foreign_book):
    docs = numbers(run, foreign_book)
    us1, us2, jp1 = docs["US-1"][0], docs["US-2"][0], docs["JP-1"][0]
    status, out, err = run("pay", foreign_book, "--contact", "Globex Inc", "--amount",
                           "1250.00", "--date", "2026-02-10", "--bank", "1020", "--rate",
                           "0.95", "--allocate", f"{us1}=1000.00", "--allocate",
                           f"{us2}=250.00")
    assert (status, err) == (0, "")
    assert "At 0.95 EUR per USD, 1250.00 USD is 1187.50 EUR." in out
    # booked at 900.00 (0.90) and 230.00 (US-2 took the book's 0.92 of its date)
    assert "Realised an exchange gain of 57.50 EUR on 4900 Exchange Gains and Losses." in out
    status, out, err = run("pay", foreign_book, "--contact", "Globex Inc", "--amount",
                           "700.00", "--date", "2026-02-11", "--allocate", f"{jp1}=120000")
    assert (status, err) == (0, "")
    assert "700.00 EUR settled 120000 JPY: 0.005833333333 EUR per JPY." in out
    assert "Realised an exchange loss of 44.00 EUR" in out
    assert run("check", foreign_book)[0] == 0


def test_a_cross_currency_allocation_is_checked_in_the_documents_currency(run, foreign_book):
    us1 = numbers(run, foreign_book)["US-1"][0]
    status, _, err = run("pay", foreign_book, "--contact", "Globex Inc", "--amount", "10",
                           "--date", "2026-02-10", "--allocate", f"{us1}=1000.001")
    assert status == 1 and "has more decimal places than USD allows (2)" in err
    status, _out, err = run("pay", foreign_book, "--contact", "Globex Inc", "--amount", "10",
                           "--date", "2026-02-10", "--allocate", f"{us1}=1000.01")
    assert status == 1
    assert "1000.01 is more than the 1000.00 outstanding" in err
    status, _, err = run("pay", foreign_book, "--contact", "Globex Inc", "--amount", "10",
                         "--date", "2026-01-01", "--bank", "1020", "--allocate",
                         f"{us1}=10")
    assert status == 1 and "no USD rate on or before 2026-01-01" in err


@pytest.mark.parametrize("tool,cost", [("ledger", "--basis"), ("hledger", "--cost")])
def test_the_tools_at_cost_give_the_trial_balance(at_cost, run, foreign_book, tool, cost):
    docs = numbers(run, foreign_book)
    assert run("pay", foreign_book, "--contact", "Globex Inc", "--amount", "600.00",
               "--date", "2026-02-10", "--bank", "1020", "--rate", "0.95", "--allocate",
               f"{docs['US-1'][0]}=600.00")[0] == 0
    found, expected = at_cost(tool, cost, foreign_book)
    assert found == expected


def test_reports_add_foreign_money_up_at_home(run, foreign_book, tmp_path):
    """The aging lists each currency on its own row with its home total beside it and adds
    the home totals up to the control account; the payments list names each amount's
    currency; the tax return counts foreign tax at the document's rate, to the cent what the
    tax account holds; the summary's receivable is the control account's."""
    taxed = tmp_path / "taxed.csv"
    taxed.write_text(
        "number,contact,issue_date,description,unit_price,account,tax_rate,currency,"
        "exchange_rate\n"
        + "".join(f"TX-1,Globex Inc,2026-01-25,Item {i},{p},4000,20,USD,0.913457\n"
                  for i, p in enumerate(("10.33", "7.77", "0.05", "19.99"))),
        encoding="utf-8")
    assert run("import", "invoices", foreign_book, taxed)[0] == 0
    docs = numbers(run, foreign_book)
    assert run("pay", foreign_book, "--contact", "Globex Inc", "--amount", "700.00",
               "--date", "2026-02-11", "--allocate", f"{docs['JP-1'][0]}=50000")[0] == 0
    out = succeeded(run("trial-balance", foreign_book, "--as-of", "2026-03-01", "--csv", "-"))
    balances = {row["code"]: Decimal(row["debit"]) - Decimal(row["credit"])
                for row in csv.DictReader(io.StringIO(out))}
    out = succeeded(run("report", "receivable-aging", foreign_book, "--as-of", "2026-03-01",
                        "--csv", "-"))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["currency"], r["total"]) for r in rows] == [("JPY", "70000"),
                                                           ("USD", "1295.77")]
    assert sum(Decimal(r["home_total"]) for r in rows) == balances["1100"]
    out = succeeded(run("report", "tax-return", foreign_book, "--from", "2026-01-01",
                        "--to", "2026-03-01", "--csv", "-"))
    due = [r["tax"] for r in csv.DictReader(io.StringIO(out)) if r["code"] == "net due"]
    assert Decimal(due[0]) == -balances["2200"] != 0  # 7.63 USD of tax at 0.913457, per line
    out = succeeded(run("list", "payments", foreign_book, "--csv", "-"))
    [payment] = csv.DictReader(io.StringIO(out))
    assert (payment["amount"], payment["currency"]) == ("700.00", "EUR")
    assert (payment["allocated"], payment["allocated_currency"]) == ("50000", "JPY")
    out = succeeded(run("summary", foreign_book))
    assert f"receivable      {balances['1100']:.2f} EUR" in out


def test_a_statement_in_the_contacts_foreign_currency(run, foreign_book):
    """A statement in USD lists the USD postings in USD, the balance at home beside it; the
    home statement adds every currency up at home, as the control account holds it."""
    docs = numbers(run, foreign_book)
    assert run("pay", foreign_book, "--contact", "Globex Inc", "--amount", "400.00",
               "--date", "2026-02-10", "--bank", "1020", "--rate", "0.95", "--allocate",
               f"{docs['US-1'][0]}=400.00")[0] == 0
    out = succeeded(run("report", "customer-statement", foreign_book, "--contact",
                        "Globex Inc", "--from", "2026-01-01", "--to", "2026-03-01",
                        "--currency", "usd"))
    assert "In USD; at home the closing balance is 770.00 EUR" in out  # 600 at .90 + 230
    lines = _csv(run, "report", "customer-statement", foreign_book, "--contact", "Globex Inc",
                 "--from", "2026-01-01", "--to", "2026-03-01", "--currency", "USD")
    assert [line["balance"] for line in lines] == ["0.00", "1000.00", "1250.00", "850.00"]
    home = _csv(run, "report", "customer-statement", foreign_book, "--contact", "Globex Inc",
                "--from", "2026-01-01", "--to", "2026-03-01")
    trial = _csv(run, "trial-balance", foreign_book, "--as-of", "2026-03-01")
    receivable = next(r for r in trial if r["code"] == "1100")
    assert Decimal(home[-1]["balance"]) == Decimal(receivable["debit"]) - Decimal(
        receivable["credit"])
    status, _, err = run("report", "customer-statement", foreign_book, "--contact",
                         "Globex Inc", "--currency", "XYZ")
    assert status == 1 and err.count("\n") == 1 and "ISO 4217" in err


def _csv(run, *args) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(succeeded(run(*args, "--csv", "-")))))


def test_reconciling_a_foreign_bank_account_is_refused_in_one_line(run, foreign_book):
    """Its statement is in USD, the book's postings on it at home: rather than a difference
    that could never be right, one line saying so, and nothing recorded."""
    status, _, err = run("reconcile", foreign_book, "--account", "1020", "--statement-date",
                         "2026-02-28", "--statement-balance", "0")
    assert status == 1 and err.count("\n") == 1
    assert "1020 USD Account is kept in USD" in err
    assert "0 reconciliations" in succeeded(run("list", "reconciliations", foreign_book))
