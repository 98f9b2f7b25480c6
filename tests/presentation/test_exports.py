"""File > Export without Qt: a filtered, sorted list writes exactly its rows in its order
(from the list's own SQL, streamed); a cancel leaves no file; text is guarded; a report
writes what ``ledgerdesk report --csv`` writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ledgerdesk.app.files import build_demo_book
from ledgerdesk.cli import main
from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.exports import list_export, report_export, write_export
from ledgerdesk.presentation.lists import ContactList, DocumentList, PaymentList
from ledgerdesk.presentation.report_params import ReportForm, ReportKind
from ledgerdesk.presentation.session import Session
from ledgerdesk.reports.csv_format import BOM, read_csv
from ledgerdesk.services.list_queries import ContactSort, DocumentSort, StatusFilter
from ledgerdesk.storage import open_book

TODAY = dt.date(2024, 6, 30)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A 3,000-document demo book, read only."""
    path = tmp_path_factory.mktemp("export") / "big.book"
    build_demo_book(path, company="Big Co", currency="EUR", size=3000, seed=11, today=TODAY)
    book = open_book(path)
    yield Session.of(book, path, fallback_locale="en_US", clock=lambda: TODAY)
    book.close()


def rows_of(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as lines:
        return list(read_csv(lines))


class Cancel(Exception):
    pass


def test_a_filtered_sorted_list_exports_exactly_its_rows_in_order(big, tmp_path):
    invoices = DocumentList(big, (DocumentKind.SALES_INVOICE,))
    invoices.filter(status=StatusFilter.PAID, text="a")
    invoices.sort_by(list(invoices.sort_keys).index(DocumentSort.CONTACT), True)
    count = invoices.count()
    assert 500 < count < invoices.count_where(
        invoices.query.__class__(kinds=invoices.query.kinds, today=TODAY))
    seen: list[tuple[int, int]] = []
    path = tmp_path / "open.csv"
    written = write_export(list_export(big, "Sales invoices", invoices), path, bom=False,
                           progress=lambda done, total: seen.append((done, total)))
    rows = rows_of(path)
    assert written == count == len(rows) - 1
    assert rows[0] == [c.key for c in invoices.columns]
    expected = invoices.page(0, count)
    assert [row[0] for row in rows[1:]] == [doc.number for doc in expected]
    assert rows[1][2] == expected[0].issue_date.isoformat()  # dates ISO, not the locale's
    assert rows[1][5] == f"{expected[0].total.amount:f}"  # amounts exact, with a dot
    assert seen[-1] == (count, count) and len(seen) > 1


def test_payments_and_contacts_export_in_their_lists_order(big, tmp_path):
    payments = PaymentList(big)
    payments.filter(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31))
    write_export(list_export(big, "Payments", payments), tmp_path / "p.csv", bom=True)
    assert (tmp_path / "p.csv").read_text(encoding="utf-8").startswith(BOM + "number,")
    dates = [row[1] for row in rows_of(tmp_path / "p.csv")[1:]]
    assert len(dates) == payments.count() > 0
    assert dates == sorted(dates, reverse=True) and dates[-1] >= "2024-03-01"
    contacts = ContactList(big)
    contacts.sort_by(list(contacts.sort_keys).index(ContactSort.RECEIVABLE), True)
    write_export(list_export(big, "Contacts", contacts), tmp_path / "c.csv", bom=False)
    names = [row[0] for row in rows_of(tmp_path / "c.csv")[1:]]
    assert names == [c.name for c in contacts.page(0, 10_000)]


def test_a_cancel_leaves_no_file_and_an_old_file_untouched(big, tmp_path):
    invoices = DocumentList(big, (DocumentKind.SALES_INVOICE,))
    path = tmp_path / "invoices.csv"
    path.write_text("yesterday's export\n", encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        raise Cancel

    with pytest.raises(Cancel):
        write_export(list_export(big, "Sales invoices", invoices), path, bom=True,
                     progress=cancel)
    assert path.read_text(encoding="utf-8") == "yesterday's export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["invoices.csv"]
    fresh = tmp_path / "fresh.csv"
    with pytest.raises(Cancel):
        write_export(list_export(big, "Sales invoices", invoices), fresh, bom=True,
                     progress=cancel)
    assert not fresh.exists() and [p.name for p in tmp_path.iterdir()] == ["invoices.csv"]


def test_a_formula_named_contact_is_written_as_text(session, add_contact, issue, tmp_path):
    name = '=HYPERLINK("http://x.example","click")'
    issue(add_contact(name, ContactRole.CUSTOMER), "10")
    path = tmp_path / "invoices.csv"
    write_export(list_export(session, "Sales invoices",
                             DocumentList(session, (DocumentKind.SALES_INVOICE,))),
                 path, bom=False)
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8")
    assert rows_of(path)[1][1] == name


def test_a_report_exports_what_the_command_line_writes(big, tmp_path, capsys):
    form = ReportForm("en_US", TODAY, kind=ReportKind.GENERAL_LEDGER)
    form.account, form.start_text, form.end_text = "1000", "1/1/2024", "6/30/2024"
    request = form.request()
    assert request is not None
    ours = tmp_path / "ours.csv"
    count = write_export(report_export(big, request), ours, bom=True)
    theirs = tmp_path / "theirs.csv"
    assert main(["report", "general-ledger", str(big.path), "--account", "1000",
                 "--from", "2024-01-01", "--to", "2024-06-30", "--csv", str(theirs),
                 "--bom"]) == 0
    assert ours.read_bytes() == theirs.read_bytes()
    assert count == len(rows_of(ours)) - 1 > 1000


STATUS_WORDS = ["draft", "open", "partly paid", "overdue", "paid", "void"]


@pytest.fixture
def every_status(book, customer, issue, draft, pay):
    """One sales invoice in each status as of the real today (the command line's), in the
    order of ``STATUS_WORDS``, numbered by amount: 1.00 is the draft ... 6.00 the void one;
    and payments: one allocated, one partly kept as credit, one voided."""
    from ledgerdesk.services.documents import void_document
    from ledgerdesk.services.payments import void_payment

    today = dt.date.today()
    soon, later = today - dt.timedelta(days=2), today + dt.timedelta(days=28)
    draft(customer, "1", issue_date=soon, due_date=later)
    issue(customer, "2", issue_date=soon, due_date=later)
    partly, _ = issue(customer, "3", issue_date=soon, due_date=later)
    pay(customer, "1", (partly, "1"), date=soon)
    issue(customer, "4", issue_date=today - dt.timedelta(days=60),
          due_date=today - dt.timedelta(days=30))
    paid, _ = issue(customer, "5", issue_date=soon, due_date=later)
    pay(customer, "7.50", (paid, "5"), keep=True, date=soon)
    voided, _ = issue(customer, "6", issue_date=soon, due_date=later)
    void_document(book, voided, today)
    mistaken = issue(customer, "9", issue_date=soon, due_date=later)[0]
    void_payment(book, pay(customer, "9", (mistaken, "9"), date=soon).payment_id, today)
    void_document(book, mistaken, today)
    return Session.of(book, Path(book.path), fallback_locale="en_US", clock=lambda: today)


def status_by_total(rows: list[list[str]]) -> dict[str, str]:
    header = rows[0]
    return {row[header.index("total")]: row[header.index("status")] for row in rows[1:]}


def test_a_list_export_carries_plain_status_words_not_the_screens_marks(every_status,
                                                                        tmp_path):
    invoices = DocumentList(every_status, (DocumentKind.SALES_INVOICE,))
    path = tmp_path / "invoices.csv"
    write_export(list_export(every_status, "Sales invoices", invoices), path, bom=False)
    expected = {f"{n}.00": word for n, word in enumerate(STATUS_WORDS, start=1)}
    assert status_by_total(rows_of(path)) == {**expected, "9.00": "void"}
    cli = tmp_path / "cli.csv"
    assert main(["list", "invoices", str(every_status.path), "--csv", str(cli)]) == 0
    assert status_by_total(rows_of(cli)) == {**expected, "9.00": "void"}

    payments = PaymentList(every_status)
    payments.page(0, 200)  # as the window would have read them (with their sync state)
    write_export(list_export(every_status, "Payments", payments), path, bom=False)
    rows = rows_of(path)
    statuses = {row[rows[0].index("amount")]: row[rows[0].index("status")] for row in rows[1:]}
    assert statuses == {"1.00": "allocated", "7.50": "2.50 kept as credit", "9.00": "void"}
    assert {row[rows[0].index("sync")] for row in rows[1:]} == {""}


@pytest.mark.parametrize(("kind", "name"), [(ReportKind.PROFIT_AND_LOSS, "profit-and-loss"),
                                            (ReportKind.BALANCE_SHEET, "balance-sheet")])
def test_a_statements_export_ends_with_its_totals_as_the_command_lines(big, tmp_path, kind,
                                                                       name):
    form = ReportForm("en_US", TODAY, kind=kind)
    if kind is ReportKind.PROFIT_AND_LOSS:
        form.start_text, form.end_text = "1/1/2024", "6/30/2024"
        extra = ["--from", "2024-01-01", "--to", "2024-06-30"]
    else:
        form.as_of_text = "6/30/2024"
        extra = ["--as-of", "2024-06-30"]
    request = form.request()
    assert request is not None
    ours = tmp_path / "ours.csv"
    write_export(report_export(big, request), ours, bom=False)
    theirs = tmp_path / "theirs.csv"
    assert main(["report", name, str(big.path), *extra, "--csv", str(theirs)]) == 0
    assert ours.read_bytes() == theirs.read_bytes()
    last = rows_of(ours)[-1]
    assert last[2] == ("Net profit" if kind is ReportKind.PROFIT_AND_LOSS
                       else "Total liabilities and equity")
