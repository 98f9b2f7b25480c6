"""Every report on a small hand-built book whose numbers are worked out by hand below.

Acme (customer, 30 days' terms):
  A  invoice 2024-01-01, 100 + 20 % tax = 120, due 01-31; receipt 02-15 pays 70
  B  invoice 2024-02-01, 200, due 03-02; receipt 03-10 pays 30, voided on 04-05
  C  invoice 2024-03-01, 50, due 03-31; receipt 03-20 of 25 pays 5 and keeps 20 as credit
  CN credit note 2024-03-05, 10, due 04-04, not applied
Paper (supplier): bill 2024-01-10, 300 + 10 % = 330, due 02-09; paid 100 on 02-20.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import NotFound
from ledgerdesk.reports.periods import AgingBuckets, Period
from ledgerdesk.services import reports
from ledgerdesk.services.payments import void_payment

D = dt.date
Q1 = Period(D(2024, 1, 1), D(2024, 3, 31))


def eur(*amounts: str) -> tuple[Money, ...]:
    return tuple(Money.of(a, "EUR") for a in amounts)


@pytest.fixture
def acme(book, add_contact, issue, pay) -> dict[str, int]:
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    paper = add_contact("Paper", ContactRole.SUPPLIER)
    a, _ = issue(acme, "100", tax_rate="20", issue_date=D(2024, 1, 1))
    b, _ = issue(acme, "200", issue_date=D(2024, 2, 1))
    c, _ = issue(acme, "50", issue_date=D(2024, 3, 1))
    issue(acme, "10", DocumentKind.SALES_CREDIT_NOTE, issue_date=D(2024, 3, 5))
    bill, _ = issue(paper, "300", DocumentKind.BILL, tax_rate="10", issue_date=D(2024, 1, 10))
    pay(acme, "70", (a, "70"), date=D(2024, 2, 15))
    pay(paper, "100", (bill, "100"), kind=PaymentKind.SUPPLIER_PAYMENT, date=D(2024, 2, 20))
    voided = pay(acme, "30", (b, "30"), date=D(2024, 3, 10))
    pay(acme, "25", (c, "5"), keep=True, date=D(2024, 3, 20))
    void_payment(book, voided.payment_id, D(2024, 4, 5))
    return {"acme": acme, "paper": paper}


@pytest.mark.parametrize(("as_of", "buckets", "credits", "total"), [
    (D(2024, 2, 10), ("200", "120", "0", "0", "0"), "0", "320"),
    # the receipt voided on 04-05 still counts on 03-31; CN and the kept credit are apart
    (D(2024, 3, 31), ("45", "170", "50", "0", "0"), "-30", "235"),
    (D(2024, 4, 30), ("0", "45", "200", "50", "0"), "-30", "265"),
    (D(2023, 12, 31), ("0", "0", "0", "0", "0"), "0", "0"),
])
def test_receivable_aging_by_bucket(book, acme, as_of, buckets, credits, total) -> None:
    report = reports.aging(book, Side.SALES, as_of)
    assert report.totals == eur(*buckets)
    assert report.credits == Money.of(credits, "EUR")
    assert report.total == Money.of(total, "EUR")
    assert [row.contact_name for row in report.rows] == (["Acme"] if total != "0" else [])
    receivable = {r.code: r.balance for r in book.queries().trial_balance(as_of)}
    assert report.total == receivable.get("1100", Money.zero("EUR"))


def test_payable_aging_and_custom_buckets(book, acme) -> None:
    report = reports.aging(book, Side.PURCHASES, D(2024, 3, 31), AgingBuckets((45, 60)))
    assert report.buckets.labels == ("current", "1-45", "46-60", "over 60")
    assert report.totals == eur("0", "0", "230", "0")  # 51 days overdue
    assert report.rows[0].contact_name == "Paper"


def test_profit_and_loss_beside_the_previous_quarter(book, acme) -> None:
    report = reports.profit_and_loss_report(book, Q1)
    assert report.previous_period == Period(D(2023, 10, 1), D(2023, 12, 31))
    assert [(r.code, r.amount, r.previous) for r in report.rows] == [
        ("4000", *eur("340", "0")), ("6000", *eur("300", "0")),
    ]
    assert report.net_profit == eur("40", "0")
    later = reports.profit_and_loss_report(book, Period(D(2024, 4, 1), D(2024, 6, 30)))
    assert later.net_profit == eur("0", "40")


def test_balance_sheet_balances_with_retained_and_current_earnings(book, acme) -> None:
    report = reports.balance_sheet_report(book, D(2024, 3, 31), D(2024, 1, 31))
    rows = {(r.code or r.name): (r.amount, r.previous) for r in report.rows}
    assert rows == {
        "1000": eur("25", "0"), "1100": eur("235", "120"),
        "2000": eur("230", "330"), "2200": eur("-10", "-10"),  # input tax exceeds output
        "Retained earnings": eur("0", "0"),  # the book starts in this fiscal year
        "Current year earnings": eur("40", "-200"),
    }
    assert report.balances
    assert (report.assets, report.liabilities, report.equity) == (
        eur("260", "120"), eur("220", "320"), eur("40", "-200"))


def test_general_ledger_runs_the_balance(book, acme) -> None:
    ledger = reports.general_ledger(book, "1100", Period(D(2024, 2, 1), D(2024, 3, 31)))
    assert (ledger.opening, ledger.debits, ledger.credits, ledger.closing) == eur(
        "120", "250", "135", "235")
    lines = list(ledger.lines)
    assert [(ln.date.isoformat(), ln.debit - ln.credit, ln.balance) for ln in lines] == [
        ("2024-02-01", *eur("200", "320")), ("2024-02-15", *eur("-70", "250")),
        ("2024-03-01", *eur("50", "300")), ("2024-03-05", *eur("-10", "290")),
        ("2024-03-10", *eur("-30", "260")), ("2024-03-20", *eur("-25", "235")),
    ]
    assert {ln.source_type for ln in lines} == {"DOCUMENT", "PAYMENT"}
    with pytest.raises(NotFound, match="9999"):
        reports.general_ledger(book, "9999", Q1)


def test_statement_with_a_void_after_the_payment(book, acme) -> None:
    report = reports.statement(book, Side.SALES, acme["acme"], Period(D(2024, 3, 1),
                                                                        D(2024, 4, 30)))
    assert (report.opening, report.charges, report.credits, report.closing) == eur(
        "250", "80", "65", "265")
    lines = list(report.lines)
    assert [(ln.reference[:3], ln.charges, ln.credits, ln.balance) for ln in lines] == [
        ("INV", *eur("50", "0", "300")), ("CN-", *eur("0", "10", "290")),
        ("PAY", *eur("0", "30", "260")), ("PAY", *eur("0", "25", "235")),
        ("PAY", *eur("30", "0", "265")),  # the void of the 30 receipt: a charge
    ]
    assert report.aging.total == report.closing
    assert report.aging.buckets == eur("0", "45", "200", "50", "0")
    assert report.aging.credits == Money.of("-30", "EUR")


def test_payments_register_lists_allocations_and_kept_credit(book, acme) -> None:
    register = reports.payments_register(book, Q1)
    assert (register.count, register.money_in, register.money_out) == (3 + 1, *eur("95", "100"))
    rows = [(r.kind.value, r.document_number[:3], r.applied.amount, r.kept_as_credit, r.voided)
            for r in register.rows]
    assert rows == [
        ("CUSTOMER_RECEIPT", "INV", Decimal("70.00"), False, False),
        ("SUPPLIER_PAYMENT", "BIL", Decimal("100.00"), False, False),
        ("CUSTOMER_RECEIPT", "INV", Decimal("30.00"), False, True),
        ("CUSTOMER_RECEIPT", "INV", Decimal("5.00"), False, False),
        ("CUSTOMER_RECEIPT", "CC-", Decimal("20.00"), True, False),
    ]


def test_sales_tax_summary(book, acme) -> None:
    summary = reports.sales_tax_summary(book, Q1)
    rows = [(r.side, r.rate, r.documents, r.net, r.tax) for r in summary.rows]
    assert rows == [
        (Side.SALES, Decimal(0), 3, *eur("240", "0")),  # B, C less the credit note
        (Side.SALES, Decimal(20), 1, *eur("100", "20")),  # A
        (Side.PURCHASES, Decimal(10), 1, *eur("300", "30")),
    ]
    assert (summary.output_tax, summary.input_tax, summary.tax_due) == eur("20", "30", "-10")


def test_long_reports_stream(book, acme) -> None:
    from collections.abc import Iterator

    assert isinstance(reports.payments_register(book, Q1).rows, Iterator)
    assert isinstance(reports.general_ledger(book, "1000", Q1).lines, Iterator)
    assert isinstance(reports.statement(book, Side.SALES, acme["acme"], Q1).lines, Iterator)


def test_fast_payment_export_writes_what_the_typed_list_writes(
    book, acme, add_contact, issue, pay
) -> None:
    import io

    from ledgerdesk.cli.lists import PAYMENT_COLUMNS
    from ledgerdesk.reports.csv_format import write_csv
    from ledgerdesk.reports.list_exports import PAYMENT_EXPORT_COLUMNS
    from ledgerdesk.services.queries import list_payments

    tricky = add_contact("=cmd|' /C calc'!A0", ContactRole.CUSTOMER)
    first, _ = issue(tricky, "10")
    second, _ = issue(tricky, "20")
    pay(tricky, "35", (first, "10"), (second, "20"), keep=True, reference="-ref")
    typed, fast = io.StringIO(), io.StringIO()
    write_csv(PAYMENT_COLUMNS, list_payments(book), typed)
    write_csv(PAYMENT_EXPORT_COLUMNS, reports.payment_lines(book), fast)
    assert fast.getvalue() == typed.getvalue()
    assert "'=cmd" in fast.getvalue() and ",'-ref," in fast.getvalue()
    assert fast.getvalue().count("\n") == 1 + 5


def test_aging_drills_down_to_its_documents(book, acme) -> None:
    as_of = D(2024, 3, 31)
    documents = list(reports.aging_documents(book, Side.SALES, as_of, contact_id=acme["acme"]))
    assert [(d.number[:3], d.days_overdue, d.bucket, d.outstanding.amount) for d in documents] == [
        ("INV", 60, 2, Decimal("50.00")),  # A, due 01-31
        ("INV", 29, 1, Decimal("170.00")),  # B, due 03-02, with the later-voided receipt
        ("CC-", None, None, Decimal("-20.00")),  # kept credit: never overdue
        ("INV", 0, 0, Decimal("45.00")),  # C, due today
        ("CN-", None, None, Decimal("-10.00")),
    ]
    only = reports.aging(book, Side.SALES, as_of, contact_id=acme["acme"])
    assert only.total == Money.of("235", "EUR") and len(only.rows) == 1
    assert reports.aging(book, Side.SALES, as_of, contact_id=acme["paper"]).rows == ()
