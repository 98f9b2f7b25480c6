"""``ledgerdesk report NAME``: every report as a table and as CSV, agreeing with the trial
balance and with ledger-cli; bad options refused in one line; formula-safe CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.cli.report_options import REPORT_NAMES
from ledgerdesk.reports.csv_format import BOM

ARGS = {"general-ledger": ["--account", "1100"],
        "customer-statement": ["--contact", "Bluebell Nursery"],
        "supplier-statement": ["--contact", "PaperTrail Stationers"]}


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))


def trial_balance(run, book: Path, *extra: str) -> dict[str, Decimal]:
    status, out, _ = run("trial-balance", book, "--csv", "-", *extra)
    assert status == 0
    return {r["code"]: Decimal(r["debit"]) - Decimal(r["credit"]) for r in csv_rows(out)}


@pytest.mark.parametrize(("name", "code", "sign"), [
    ("receivable-aging", "1100", 1), ("payable-aging", "2000", -1),
])
def test_aging_csv_totals_equal_the_trial_balance(run, demo_book, tmp_path, name, code, sign):
    target = tmp_path / "a.csv"
    status, out, _ = run("report", name, demo_book, "--csv", target)
    assert status == 0 and "total" in out
    rows = csv_rows(target.read_text(encoding="utf-8"))
    assert rows and list(rows[0]) == ["contact", "current", "days_1_30", "days_31_60",
                                      "days_61_90", "days_over_90", "unapplied_credits",
                                      "total"]
    total = sum(Decimal(r["total"]) for r in rows)
    assert total == sign * trial_balance(run, demo_book)[code]
    for row in rows:  # each row's buckets add up to its total
        assert sum(Decimal(v) for k, v in row.items() if k not in ("contact", "total")) == (
            Decimal(row["total"]))


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_every_report_prints_a_table_and_writes_csv(run, demo_book, name):
    status, table, err = run("report", name, demo_book, *ARGS.get(name, []))
    assert status == 0, err
    assert "Northwind Design Studio" in table and "----" in table
    status, text, err = run("report", name, demo_book, *ARGS.get(name, []), "--csv", "-")
    assert status == 0, err
    rows = list(csv.reader(io.StringIO(text)))
    if name == "fx-revaluation":  # the demo keeps to its own currency: nothing to revalue
        assert len(rows) == 1 and "Nothing in a foreign currency is open on" in table
        return
    assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows)


def test_bom_for_excel(run, demo_book, tmp_path):
    target = tmp_path / "pnl.csv"
    assert run("report", "profit-and-loss", demo_book, "--csv", target, "--bom")[0] == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfsection,code,account,amount,previous\n")


@pytest.mark.parametrize(("args", "message"), [
    (["receivable-aging", "--account", "1100"], "--account does not apply"),
    (["profit-and-loss", "--detail"], "--detail does not apply"),
    (["general-ledger"], "needs --account"),
    (["general-ledger", "--account", "9999"], "no account '9999'"),
    (["customer-statement", "--contact", "Nobody"], "no contact named 'Nobody'"),
    (["payable-aging", "--buckets", "60,30"], "each larger than the one before"),
    (["sales-tax", "--from", "2024-05-01", "--to", "2024-04-01"], "is after --to"),
    (["balance-sheet", "--bom"], "--bom goes with --csv"),
    (["profit-and-loss", "--previous-from", "2024-01-01"], "both --previous-from"),
])
def test_bad_options_are_refused_in_one_line(run, demo_book, tmp_path, args, message):
    target = tmp_path / "never.csv"
    name, rest = args[0], args[1:]
    extra = [] if "--bom" in rest else ["--csv", target]
    status, _, err = run("report", name, demo_book, *rest, *extra)
    assert status == 1
    assert message in err and err.count("\n") == 1
    assert not target.exists()


def test_a_formula_in_a_contact_name_is_exported_as_text(run, book_copy, tmp_path):
    from ledgerdesk.domain.contacts import ContactRole
    from ledgerdesk.domain.documents import DocumentKind
    from ledgerdesk.services.commands import DocumentDraft, LineInput, NewContact
    from ledgerdesk.services.contacts import add_contact
    from ledgerdesk.services.documents import create_document
    from ledgerdesk.storage.book import open_book

    name = '=HYPERLINK("http://x","y")'
    with open_book(book_copy) as book:
        contact = add_contact(book, NewContact(name=name, role=ContactRole.CUSTOMER))
        create_document(book, DocumentDraft(
            kind=DocumentKind.SALES_INVOICE, contact_id=contact, issue_date=dt.date.today(),
            lines=[LineInput(description="-1 formula", unit_price=Decimal("12.50"),
                             account_code="4000")]))
    for args in (["list", "contacts", book_copy], ["report", "receivable-aging", book_copy]):
        status, out, _ = run(*args, "--csv", "-")
        assert status == 0
        (row,) = [r for r in csv.reader(io.StringIO(out)) if "HYPERLINK" in r[0]]
        assert row[0] == "'" + name
        assert not any(cell.startswith("'") for cell in row[1:])


def test_journal_list_has_every_line_and_balances(run, demo_book):
    status, out, _ = run("list", "journal", demo_book, "--csv", "-")
    assert status == 0
    rows = csv_rows(out)
    debits = sum(Decimal(r["debit"] or 0) for r in rows)
    credits = sum(Decimal(r["credit"] or 0) for r in rows)
    assert rows and debits == credits
    balances: dict[str, Decimal] = {}
    for r in rows:
        balances[r["account"]] = balances.get(r["account"], Decimal(0)) + Decimal(
            r["debit"] or 0) - Decimal(r["credit"] or 0)
    assert {k: v for k, v in balances.items() if v} == {
        k: v for k, v in trial_balance(run, demo_book).items() if v}


def test_trial_balance_as_of_equals_ledger_cli(installed, run, demo_book, tmp_path):
    installed("ledger")
    from test_cli_export_journal import NAMES, parse_balance_lines

    journal = tmp_path / "book.journal"
    assert run("export-journal", demo_book, "-o", journal)[0] == 0
    as_of = dt.date.today() - dt.timedelta(days=200)
    status, out, _ = run("report", "trial-balance", demo_book, "--as-of", as_of, "--csv", "-")
    assert status == 0
    ours = {NAMES[r["code"]]: Decimal(r["debit"]) - Decimal(r["credit"]) for r in csv_rows(out)}
    result = subprocess.run(
        ["ledger", "-f", str(journal), "balance", "--flat", "--no-total",
         "--end", (as_of + dt.timedelta(days=1)).isoformat()],
        capture_output=True, text=True, check=True, timeout=120,
    )
    assert parse_balance_lines(result.stdout, "EUR") == {k: v for k, v in ours.items() if v}


def test_aging_csv_keeps_unapplied_credits_out_of_the_day_buckets(run, demo_book):
    status, out, _ = run("report", "receivable-aging", demo_book, "--detail", "--csv", "-")
    assert status == 0
    documents = csv_rows(out)
    credits = [d for d in documents if d["kind"] != "invoice"]
    assert credits, "the demo book has unapplied credits"
    for document in credits:  # never overdue: no days, no day bucket, never positive
        assert (document["days_overdue"], document["bucket"]) == ("", "credit")
        assert Decimal(document["outstanding"]) < 0
    for document in documents:
        if document["kind"] == "invoice":
            assert document["bucket"] != "credit" and document["days_overdue"]
    _, out, _ = run("report", "receivable-aging", demo_book, "--csv", "-")
    rows = csv_rows(out)
    assert sum(Decimal(r["unapplied_credits"]) for r in rows) == sum(
        Decimal(d["outstanding"]) for d in credits)
    for row in rows:  # only invoices in the day buckets: none of them is negative
        assert all(Decimal(row[k]) >= 0 for k in ("current", "days_1_30", "days_31_60",
                                                   "days_61_90", "days_over_90"))
    status, table, _ = run("report", "receivable-aging", demo_book)
    assert "Unapplied credits" in table


def test_aging_detail_lists_the_documents_behind_the_totals(run, demo_book):
    status, out, _ = run("report", "receivable-aging", demo_book, "--detail", "--csv", "-")
    assert status == 0
    documents = csv_rows(out)
    assert documents and {"number", "days_overdue", "bucket", "outstanding"} <= set(documents[0])
    total = sum(Decimal(d["outstanding"]) for d in documents)
    assert total == trial_balance(run, demo_book)["1100"]
    name = documents[0]["contact"]
    status, out, _ = run("report", "receivable-aging", demo_book, "--contact", name, "--csv", "-")
    (row,) = csv_rows(out)
    assert Decimal(row["total"]) == sum(
        Decimal(d["outstanding"]) for d in documents if d["contact"] == name)


def test_no_credit_in_the_list_is_overdue(run, demo_book):
    today = dt.date.today().isoformat()
    status, out, _ = run("list", "credit-notes", demo_book, "--csv", "-")
    assert status == 0
    credits = csv_rows(out)
    past_due = [c for c in credits if c["due_date"] < today and Decimal(c["outstanding"]) > 0
                and c["status"] != "void"]
    assert past_due, "the demo book has credits left past their due dates"
    assert {c["status"] for c in past_due} <= {"open", "partly paid"}
    status, out, _ = run("list", "invoices", demo_book, "--csv", "-")
    assert "overdue" in {row["status"] for row in csv_rows(out)}  # invoices still fall due


def test_sales_tax_csv_has_a_row_per_rate_and_no_void_document(run, book, issue, customer):
    from ledgerdesk.services.documents import void_document

    issue(customer, "100", tax_rate="20", issue_date=dt.date(2024, 1, 10))
    issue(customer, "50", tax_rate="10", issue_date=dt.date(2024, 1, 11))
    voided, _ = issue(customer, "200", tax_rate="20", issue_date=dt.date(2024, 1, 12))
    void_document(book, voided, dt.date(2024, 5, 1))
    status, out, err = run("report", "sales-tax", book.path, "--from", "2024-01-01",
                           "--to", "2024-03-31", "--csv", "-")
    assert status == 0, err
    assert list(csv.reader(io.StringIO(out))) == [
        ["side", "rate", "documents", "net", "tax"],
        ["sales", "10", "1", "50.00", "5.00"], ["sales", "20", "1", "100.00", "20.00"]]
    status, table, _ = run("report", "sales-tax", book.path, "--from", "2024-01-01",
                           "--to", "2024-03-31")
    assert "void documents left out" in table
    assert [line.split() for line in table.splitlines() if line.startswith("Tax due")] == [
        ["Tax", "due", "25.00"]]


def test_profit_and_loss_and_balance_sheet_csv_end_with_their_totals(run, demo_book):
    status, out, _ = run("report", "profit-and-loss", demo_book, "--csv", "-")
    assert status == 0
    rows = csv_rows(out)
    accounts = [r for r in rows if r["code"]]
    *_, income, expenses, net = rows
    assert [r["account"] for r in (income, expenses, net)] == [
        "Total income", "Total expenses", "Net profit"]
    for column in ("amount", "previous"):
        assert Decimal(income[column]) == sum(Decimal(r[column]) for r in accounts
                                              if r["section"] == "income")
        assert Decimal(expenses[column]) == sum(Decimal(r[column]) for r in accounts
                                                if r["section"] == "expense")
        assert Decimal(net[column]) == Decimal(income[column]) - Decimal(expenses[column])
    status, out, _ = run("report", "balance-sheet", demo_book, "--csv", "-")
    rows = csv_rows(out)
    *_, assets, liabilities, equity, both = rows
    assert [r["account"] for r in (assets, liabilities, equity, both)] == [
        "Total assets", "Total liabilities", "Total equity", "Total liabilities and equity"]
    for column in ("amount", "previous"):
        assert Decimal(both[column]) == Decimal(assets[column]) == (
            Decimal(liabilities[column]) + Decimal(equity[column]))
    status, table, _ = run("report", "balance-sheet", demo_book)
    assert table.rstrip().splitlines()[-1].split()[:4] == ["Total", "liabilities", "and",
                                                          "equity"]
