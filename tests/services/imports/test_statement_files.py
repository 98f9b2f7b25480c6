"""OFX (1.x SGML, 2.x XML, QFX) and CAMT.053 statements: each line to the cent, signs right,
the bank's id kept; the kind found by content; a corrupt or foreign file changes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.imports.source import ImportFileError
from ledgerdesk.services.imports.statement_files import (
    StatementFormat,
    read_statement_file,
    statement_format,
)

FILES = Path(__file__).parent / "statements"
D = dt.date


def lines_of(name: str, currency: str = "EUR"):
    path = FILES / name
    found = read_statement_file(path, statement_format(path), currency)
    assert found.problems == []
    return [(ln.row, ln.date, ln.amount, ln.reference, ln.counterparty, ln.bank_id, ln.skip)
            for ln in found.lines]


def test_an_ofx_1_sgml_statement_keeps_the_banks_dates_and_fitids():
    assert lines_of("ofx1.ofx") == [
        # 23:00 in New York is still 5 February, whatever UTC says
        (1, D(2024, 2, 5), Decimal("250.00"), "Payment INV-00002 thanks", "ACME RETAIL LTD",
         "202402050001", ""),
        (2, D(2024, 2, 12), Decimal("-40.00"), "BILL-00001", "PAPER SUPPLIES", "202402120007", ""),
        (3, D(2024, 2, 29), Decimal("-2.50"), "Account fee February", "THE BANK",
         "202402290011", ""),
    ]


def test_an_ofx_2_xml_statement_and_a_cheque_without_memo():
    assert lines_of("ofx2.ofx") == [
        (1, D(2024, 2, 3), Decimal("100.00"), "card payment", "Bay Cafe", "A-77001", ""),
        (2, D(2024, 2, 29), Decimal("7.77"), "Interest February", "The Bank", "A-77002", ""),
        (3, D(2024, 2, 15), Decimal("-1234.56"), "Check 000123", "Castle Properties Ltd",
         "A-77003", ""),
    ]


def test_a_quicken_qfx_card_statement_with_its_private_tags():
    assert lines_of("quicken.qfx") == [
        (1, D(2024, 2, 10), Decimal("-19.99"), "CLO-90446", "CLOUDNEST HOSTING",
         "2024021024692160000000001", ""),
        (2, D(2024, 2, 20), Decimal("19.99"), "Refund CLO-90446", "CLOUDNEST HOSTING",
         "2024022024692160000000002", ""),
    ]


def test_a_camt053_statement_splits_a_batch_and_signs_a_reversal_by_its_indicator():
    statement = "2024-02-DE89370400440532013000"
    assert lines_of("camt053.xml") == [
        (1, D(2024, 2, 5), Decimal("1190.00"), "Invoice INV-00001", "Acme Retail Ltd",
         "2024020500017", ""),
        (2, D(2024, 2, 29), Decimal("-2.50"), "Account fee February", "", f"{statement}/0002", ""),
        (3, D(2024, 2, 15), Decimal("-500.00"), "BILL-00001", "Paper Supplies",
         "2024021500042/PAY-BILL-00001", ""),
        (4, D(2024, 2, 15), Decimal("-700.00"), "RF18539007547034", "Castle Properties Ltd",
         "2024021500042/PAY-BILL-00002", ""),
        (5, D(2024, 2, 15), Decimal("-300.00"), "GRE-81587", "Greenway Print Studio",
         "2024021500042/3", ""),
        # a returned direct debit: credited back, the supplier it was paid to named
        (6, D(2024, 2, 20), Decimal("40.00"), "Reversal: Direct debit returned",
         "Paper Supplies", "2024022000088", ""),
        (7, D(2024, 2, 29), Decimal("-99.00"), "Card payment CloudNest (pending)", "",
         f"{statement}/0005", "not booked at the bank (PDNG)"),
    ]
    assert sum(line[2] for line in lines_of("camt053.xml")[:6]) == Decimal("4727.50") - Decimal(
        "5000.00")  # the statement's closing balance less its opening one


@pytest.mark.parametrize(("name", "kind"), [
    ("ofx1.ofx", StatementFormat.OFX), ("ofx2.ofx", StatementFormat.OFX),
    ("quicken.qfx", StatementFormat.OFX), ("camt053.xml", StatementFormat.CAMT053)])
def test_the_kind_is_found_by_content_whatever_the_name(name, kind, tmp_path):
    renamed = shutil.copyfile(FILES / name, tmp_path / "download.csv")
    assert statement_format(renamed) is kind


def test_a_statement_in_another_currency_is_refused():
    with pytest.raises(ImportFileError, match=r"ofx1.ofx is in EUR; this book keeps USD\."):
        read_statement_file(FILES / "ofx1.ofx", StatementFormat.OFX, "USD")
    found = read_statement_file(FILES / "camt053.xml", StatementFormat.CAMT053, "USD")
    assert str(found.problems[0]) == "row 1, Amt: is in EUR; this book keeps USD"


@pytest.fixture
def open_docs(add_contact, issue):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    paper = add_contact("Paper Supplies", ContactRole.SUPPLIER)
    return {"INV-00001": issue(acme, "1190")[0], "INV-00002": issue(acme, "250")[0],
            "BILL-00001": issue(paper, "500", DocumentKind.BILL)[0]}


@pytest.mark.parametrize("name", ["ofx1.ofx", "ofx2.ofx", "quicken.qfx", "camt053.xml"])
def test_importing_a_statement_twice_records_nothing_the_second_time(
    name, open_docs, run_import, book, state
):
    first = run_import(FILES / name, "bank", accept_suggestions=True)
    assert first.ok, first.problems
    after = state()
    again = run_import(FILES / name, "bank", accept_suggestions=True)
    assert again.ok and again.created == [] and not again.committed
    assert state() == after
    recorded = {c.row for c in first.created}
    assert all(m.posting is not None for m in again.matches if m.line.row in recorded)


def test_a_statement_file_pays_open_documents(open_docs, run_import, owed):
    preview = run_import(FILES / "camt053.xml", "bank", accept_suggestions=True)
    assert preview.committed and preview.source.startswith("CAMT.053 statement of account")
    assert owed(open_docs["INV-00001"]) == owed(open_docs["BILL-00001"]) == 0
    assert [c.row for c in preview.created] == [1, 3]


BROKEN = {
    "cut.ofx": (FILES / "ofx1.ofx").read_text()[:600],
    "foreign.xml": '<?xml version="1.0"?><invoice><total>12</total></invoice>',
    "report.xml": '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:'
                  'camt.052.001.02"><BkToCstmrAcctRpt/></Document>',
    "bomb.xml": '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                '<!ENTITY b "&a;&a;&a;&a;&a;">]><Document><BkToCstmrStmt>&b;</BkToCstmrStmt>'
                '</Document>',
    "outside.xml": '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<Document><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>',
    "empty.ofx": "date,amount\n2024-01-01,5.00\n",
    "nothing.xml": '<?xml version="1.0"?><Document><BkToCstmrStmt/></Document>',
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_corrupt_or_foreign_file_is_one_line_and_changes_nothing(
    name, tmp_path, open_docs, run_import, state
):
    path = tmp_path / name
    path.write_text(BROKEN[name], encoding="utf-8")
    before = state()
    with pytest.raises(ImportFileError) as caught:
        run_import(path, "bank", accept_suggestions=True)
    message = str(caught.value)
    assert message.startswith(name) and "\n" not in message and "root:" not in message
    assert state() == before


@pytest.mark.parametrize(("name", "count"), [("ofx1.ofx", 3), ("camt053.xml", 7),
                                             ("statement.csv", 2)])
def test_any_statement_file_reads_into_lines_for_a_reconciliation(name, count, book, csv_file):
    from ledgerdesk.services.imports.bank_import import statement_lines

    path = FILES / name if name != "statement.csv" else csv_file(
        [["Date", "Amount", "Reference"], ["2024-02-01", "-2.50", "fee"],
         ["2024-02-02", "10.00", "interest"]], name=name)
    found = statement_lines(book, path)
    assert len(found.lines) == count and found.problems == []
    assert found.described == ("CSV file" if name.endswith(".csv") else found.described)
