"""The printed statement's model: the opening row, each line with its running balance,
totals that add up, and a closing that says whether the customer owes or is in credit."""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.print_statement import statement_print
from ledgerdesk.services.statements import statement_figures


def test_a_statement_in_credit_reads_as_such(book, add_contact, issue, pay):
    customer = add_contact("Elm Street Bakery", address="14 Elm Street\nIpswich")
    invoice, _ = issue(customer, "100", issue_date=dt.date(2024, 1, 10))
    _, note = issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE,
                    issue_date=dt.date(2024, 1, 20))
    pay(customer, "150", (invoice, "100"), keep=True, date=dt.date(2024, 2, 1), reference="BACS")
    figures = statement_figures(book, customer, dt.date(2024, 1, 15), dt.date(2024, 2, 28))
    model = statement_print(figures, "fr_FR", dt.date(2024, 3, 1))
    assert model.recipient_lines == ("14 Elm Street", "Ipswich")
    assert dict(model.facts) == {"Statement date": "1 mars 2024",
                                 "Period": "15 janv. 2024 – 28 févr. 2024"}
    assert [c.title for c in model.columns] == ["Date", "Document", "Description", "Charges",
                                                "Credits", "Balance"]
    assert [(row[1], row[2], row[3], row[4], row[5]) for row in model.rows] == [
        ("", "Opening balance", "", "", "100,00"),
        (note, f"Credit note {note}", "", "30,00", "70,00"),  # a credit, never -30
        ("PAY-00001", "Customer receipt Elm Street Bakery (BACS)", "", "150,00", "-80,00")]
    assert [(t.label, t.amount) for t in model.totals] == [
        ("Opening balance", "100,00"), ("Charges", "0,00"), ("Credits", "180,00"),
        ("In credit", "80,00")]
    assert model.notes[0].startswith("Your account is in credit")
    assert model.page_size.value == "A4"


def test_a_supplier_statement_says_what_we_owe_them(book, supplier, issue, pay):
    from ledgerdesk.domain.payments import PaymentKind

    bill, number = issue(supplier, "80", DocumentKind.BILL, issue_date=dt.date(2024, 1, 5))
    pay(supplier, "50", (bill, "50"), kind=PaymentKind.SUPPLIER_PAYMENT,
        date=dt.date(2024, 1, 25))
    figures = statement_figures(book, supplier, dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    model = statement_print(figures, "en_GB", dt.date(2024, 2, 1))
    assert model.title == "Supplier statement"
    assert [row[1] for row in model.rows] == ["", number, "PAY-00001"]
    assert [(t.label, t.amount) for t in model.totals][-1] == ("We owe you", "30.00")
    assert model.notes[0].startswith("Our records show 30.00 EUR owed to you on 31 Jan 2024")


def test_a_refund_paid_out_is_a_charge_on_the_printed_statement(book, customer, issue, pay):
    from ledgerdesk.domain.payments import PaymentKind

    _, note = issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE,
                    issue_date=dt.date(2024, 1, 20))
    note_id = next(d.id for d in book.queries().list_documents([DocumentKind.SALES_CREDIT_NOTE]))
    pay(customer, "30", (note_id, "30"), kind=PaymentKind.CUSTOMER_REFUND,
        date=dt.date(2024, 2, 1))
    figures = statement_figures(book, customer, dt.date(2024, 1, 1), dt.date(2024, 2, 28))
    model = statement_print(figures, "en_US", dt.date(2024, 3, 1))
    assert [(row[1], row[3], row[4], row[5]) for row in model.rows[1:]] == [
        (note, "", "30.00", "-30.00"), ("PAY-00001", "30.00", "", "0.00")]
    assert [(t.label, t.amount) for t in model.totals] == [
        ("Opening balance", "0.00"), ("Charges", "30.00"), ("Credits", "30.00"),
        ("Balance due", "0.00")]
