"""Bank statement lines: ranked suggestions with reasons, accepted into payments, once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.payments import PaymentKind

HEADER = ["Booking date", "Amount", "Description", "Payee"]


@pytest.fixture
def open_docs(add_contact, issue):
    """Two customers and a supplier with open documents; two invoices of 100.00."""
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    bay = add_contact("Bay Cafe", ContactRole.CUSTOMER)
    paper = add_contact("Paper Supplies", ContactRole.SUPPLIER)
    return {
        "INV-00001": issue(acme, "100")[0],
        "INV-00002": issue(acme, "250")[0],
        "INV-00003": issue(bay, "100")[0],
        "BILL-00001": issue(paper, "40", DocumentKind.BILL)[0],
    }


def statement(csv_file, *lines):
    return csv_file([HEADER, *lines], name="statement.csv")


def suggestions(preview):
    return {m.line.row: [(s.document.number, s.reason) for s in m.suggestions]
            for m in preview.matches}


def test_each_line_gets_ranked_suggestions_with_a_reason(open_docs, csv_file, run_import, state):
    before = state()
    path = statement(csv_file,
                     ["2024-02-01", "250.00", "Payment INV-00002 thanks", "ACME RETAIL LTD"],
                     ["2024-02-02", "100.00", "card payment", "Bay Cafe"],
                     ["2024-02-03", "-40.00", "", "paper supplies"],
                     ["2024-02-04", "60.00", "part of inv-00001", ""],
                     ["2024-02-05", "7.77", "interest", "The Bank"])
    preview = run_import(path, "bank")
    found = suggestions(preview)
    assert found[2][0] == ("INV-00002", "INV-00002 is in the reference; the counterparty is "
                                        "Acme Retail; the amount equals what is outstanding")
    assert [n for n, _ in found[3]] == ["INV-00003", "INV-00001"]  # the payee decides
    assert found[3][1][1] == "the amount equals what is outstanding"
    assert found[4] == [("BILL-00001", "the counterparty is Paper Supplies; "
                                       "the amount equals what is outstanding")]
    assert found[5] == [("INV-00001", "INV-00001 is in the reference; pays 60.00 of 100.00 "
                                      "outstanding")]
    assert found[6] == []
    assert preview.ok and not preview.committed and state() == before  # nothing accepted


def test_accepting_records_one_payment_per_line_and_reports_the_rest(
    open_docs, csv_file, run_import, owed, book
):
    path = statement(csv_file,
                     ["2024-02-01", "250.00", "INV-00002", "Acme Retail"],
                     ["2024-02-02", "-40.00", "BILL-00001", ""],
                     ["2024-02-03", "100.00", "", ""],  # INV-00001 or INV-00003: a tie
                     ["2024-02-05", "7.77", "interest", ""])
    preview = run_import(path, "bank", accept_suggestions=True)
    assert preview.committed and [c.row for c in preview.created] == [2, 3]
    assert owed(open_docs["INV-00002"]) == owed(open_docs["BILL-00001"]) == 0
    assert [(u.line.row, u.reason) for u in preview.unmatched] == [
        (4, "equally good matches: INV-00001, INV-00003; choose one"),
        (5, "no open document matches"),
    ]
    payments = list(book.queries().list_payments())
    assert [(p.kind, p.amount.amount, p.reference) for p in payments] == [
        (PaymentKind.CUSTOMER_RECEIPT, Decimal("250.00"), "INV-00002"),
        (PaymentKind.SUPPLIER_PAYMENT, Decimal("40.00"), "BILL-00001"),
    ]


def test_the_users_choice_settles_a_tie_and_two_lines_never_share_a_document(
    open_docs, csv_file, run_import, owed
):
    path = statement(csv_file, ["2024-02-03", "100.00", "", ""], ["2024-02-04", "100.00", "", ""])
    preview = run_import(path, "bank", choices={2: open_docs["INV-00003"]},
                         accept_suggestions=True)
    assert preview.committed and [c.row for c in preview.created] == [2, 3]
    assert owed(open_docs["INV-00003"]) == owed(open_docs["INV-00001"]) == 0


def test_a_statement_imported_twice_records_each_payment_once(
    open_docs, csv_file, run_import, book
):
    path = statement(csv_file, ["2024-02-01", "250.00", "INV-00002", ""],
                     ["2024-02-01", "50.00", "INV-00001", ""],
                     ["2024-02-01", "50.00", "INV-00001", ""])  # the same line, paid twice
    assert run_import(path, "bank", accept_suggestions=True).committed
    again = run_import(path, "bank", accept_suggestions=True)
    # each line is found in the book as the payment the first import recorded for it
    assert [m.posting.what for m in again.matches] == [
        "payment PAY-00001", "payment PAY-00002", "payment PAY-00003"]
    assert again.created == [] and len(list(book.queries().list_payments())) == 3


def test_bad_lines_import_nothing_and_are_named(open_docs, csv_file, run_import, book):
    path = statement(csv_file, ["2024-02-01", "250.00", "INV-00002", ""],
                     ["01.02.2024", "1.234,00", "", ""], ["2024-02-02", "0.00", "", ""])
    preview = run_import(path, "bank", accept_suggestions=True)
    assert [(p.row, p.column) for p in preview.problems] == [
        (3, "Booking date"), (3, "Amount"), (4, "Amount")]
    assert "DD/MM/YYYY or MM/DD/YYYY" in preview.problems[0].reason
    assert list(book.queries().list_payments()) == []


def test_an_amount_finer_than_the_currency_is_refused_not_rounded(
    open_docs, csv_file, run_import, book
):
    path = statement(csv_file, ["2024-02-01", "60.005", "INV-00001", ""])
    preview = run_import(path, "bank", accept_suggestions=True)
    assert [(p.row, p.column, p.reason) for p in preview.problems] == [
        (2, "Amount", "has more decimal places than EUR has (2)")]
    assert list(book.queries().list_payments()) == []


def test_a_dialog_previews_then_records_only_the_lines_the_user_chose(
    open_docs, csv_file, run_import, owed
):
    path = statement(csv_file, ["2024-02-01", "250.00", "INV-00002", ""],
                     ["2024-02-02", "100.00", "", "Bay Cafe"])
    preview = run_import(path, "bank", dry_run=True)
    second = preview.matches[1].suggestions[1].document  # the user prefers the runner-up
    assert second.number == "INV-00001"
    done = run_import(path, "bank", choices={3: second.id})
    assert done.committed and [c.row for c in done.created] == [3]
    assert [u.reason for u in done.unmatched] == ["no suggestion accepted"]
    assert owed(open_docs["INV-00001"]) == 0 and owed(open_docs["INV-00002"]) == 250


def test_our_payments_export_names_documents_kinds_and_voids(
    open_docs, csv_file, run_import, owed
):
    path = csv_file([
        ["date", "kind", "contact", "amount", "documents", "reference", "void"],
        ["2024-02-01", "customer receipt", "Acme Retail", "130.00", "INV-00001, INV-00002", "",
         "no"],
        ["2024-02-01", "supplier payment", "Paper Supplies", "40.00", "BILL-00001", "", "no"],
        ["2024-02-02", "customer receipt", "Bay Cafe", "10.00", "INV-00003", "", "yes"],
        ["2024-02-03", "customer refund", "Bay Cafe", "5.00", "CRN-00001", "", "no"],
        ["2024-02-04", "customer receipt", "Bay Cafe", "5.00", "INV-00009", "", "no"],
        ["2024-02-05", "customer receipt", "Bay Cafe", "5.00", "BILL-00001", "", "no"],
    ], name="payments.csv")
    preview = run_import(path, "bank", accept_suggestions=True)
    assert preview.committed
    assert [c.what for c in preview.created] == [
        "payment 130.00 Acme Retail for INV-00001, INV-00002",
        "payment 40.00 Paper Supplies for BILL-00001",
    ]
    assert owed(open_docs["INV-00001"]) == 0 and owed(open_docs["INV-00002"]) == 220
    assert owed(open_docs["BILL-00001"]) == 0 and owed(open_docs["INV-00003"]) == 100
    assert [(u.line.row, u.reason) for u in preview.unmatched] == [
        (4, "void in the file"), (5, "refunds are not imported"),
        (6, "INV-00009 is not an open invoice"), (7, "BILL-00001 is not an open invoice"),
    ]


@pytest.fixture
def nearly_paid(add_contact, issue, pay):
    """INV-00001 of 100.00 owing 0.19 after a receipt of 99.81."""
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    invoice, _ = issue(acme, "100")
    pay(acme, "99.81", (invoice, "99.81"))
    return invoice


EXCESS_HEADER = ["date", "amount", "reference", "documents"]


def test_an_excess_is_refused_unless_its_line_is_marked(nearly_paid, csv_file, run_import,
                                                         state, owed):
    path = csv_file([EXCESS_HEADER, ["2024-02-01", "4.00", "", "INV-00001"],
                     ["2024-02-02", "0.10", "", "INV-00001"]], name="statement.csv")
    before = state()
    preview = run_import(path, "bank", accept_suggestions=True)
    assert not preview.committed and state() == before  # all or nothing
    assert [str(p) for p in preview.problems] == [
        "row 2, amount: 4.00 pays INV-00001, which owes 0.19: the excess 3.81 would be kept "
        "as Acme Retail's credit; mark the line to keep the excess, or correct the amount"]
    assert [(e.row, e.owed, e.excess, e.kept) for e in preview.excess] == [
        (2, Decimal("0.19"), Decimal("3.81"), False)]
    kept = run_import(path, "bank", accept_suggestions=True, keep_excess=frozenset({2}))
    assert kept.ok and kept.committed
    assert [c.what for c in kept.created] == [
        "payment 4.00 Acme Retail for INV-00001, 3.81 kept as credit"]
    assert [(u.line.row, u.reason) for u in kept.unmatched] == [
        (3, "its documents are already settled by earlier lines")]
    assert owed(nearly_paid) == 0


@pytest.mark.parametrize("mark", ["no", ""])
def test_a_line_the_column_does_not_mark_keeps_no_excess(nearly_paid, csv_file, run_import,
                                                         mark):
    path = csv_file([[*EXCESS_HEADER, "Keep excess as credit"],
                     ["2024-02-01", "4.00", "", "INV-00001", mark]], name="statement.csv")
    preview = run_import(path, "bank", accept_suggestions=True)
    assert [p.row for p in preview.problems] == [2] and not preview.committed


def test_a_keep_excess_column_marks_its_lines(nearly_paid, csv_file, run_import, book):
    path = csv_file([[*EXCESS_HEADER, "Keep excess as credit"],
                     ["2024-02-01", "4.00", "", "INV-00001", "yes"]], name="statement.csv")
    preview = run_import(path, "bank", accept_suggestions=True)
    assert preview.ok and preview.committed
    credits = [d for d in book.queries().list_documents([DocumentKind.CUSTOMER_PREPAYMENT])]
    assert [d.total.amount for d in credits] == [Decimal("3.81")]


def test_a_keep_excess_cell_must_say_yes_or_no_and_a_marked_row_must_be_a_line(
        nearly_paid, csv_file, run_import):
    path = csv_file([[*EXCESS_HEADER, "keep_excess_as_credit"],
                     ["2024-02-01", "4.00", "", "INV-00001", "perhaps"]], name="statement.csv")
    preview = run_import(path, "bank", accept_suggestions=True, keep_excess=frozenset({9}))
    assert [str(p) for p in preview.problems] == [
        "row 2, keep_excess_as_credit: 'perhaps' is neither yes nor no",
        "row 9: is marked to keep its excess as credit, but the file has no such line"]
    assert not preview.committed
