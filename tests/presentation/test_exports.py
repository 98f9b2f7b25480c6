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
