"""The dashboard's charts and "Needs attention" list as a user meets them: bars with exact
amounts in their tooltips, month and bucket names in the book's locale, rows that open
their document, payment or the apply-credit dialog on Enter, and "Show more" pages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow
from test_book_view_editors import in_the_dialog

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.dashboard import ATTENTION_PAGE, AttentionKind
from ledgerdesk.ui.book_view import BookView
from ledgerdesk.ui.editors.credit_dialog import CreditDialog
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.editors.payment_detail_dialog import PaymentDetailDialog

EURO = "\xa0€"


@pytest.fixture
def view(qtbot, ui_session):
    window = QMainWindow()
    qtbot.addWidget(window)
    book_view = BookView(ui_session, QUndoStack(window), window)
    window.setCentralWidget(book_view)
    window.resize(1280, 800)
    window.show()
    yield book_view
    book_view.stop()


def loaded(qtbot, view):
    view.show_page(0)
    view.reload()  # as after the changes the test made through the services
    qtbot.waitUntil(lambda: view.dashboard.figures is not None and not view.dashboard.loading,
                    timeout=5000)
    return view.dashboard


def test_charts_show_months_and_buckets_with_exact_tooltips(qtbot, view, customer, pay,
                                                            two_invoices):
    pay(customer, "30.25", (two_invoices[1], "30.25"), date=dt.date(2024, 2, 10))
    page = loaded(qtbot, view)
    money = page.money_chart
    assert money.data.categories[-2:] == ("Feb", "Mär")  # de_DE, the last is this month
    assert [s.name for s in money.data.series] == ["Money in from customers",
                                                   "Money out to suppliers"]
    assert money.tooltip(0, 10) == f"Februar 2024: 30,25{EURO} in from customers"
    assert money.chart().legend().isVisible()
    assert len(money.chart().series()[0].barSets()) == 2
    aging = page.aging_chart
    assert aging.data.categories == ("Not due", "1–30", "31–60", "61–90", "90+")
    # Due 31 Jan and 19 Feb, seen on 1 March: 100 and 19.75 are 1-30 days overdue.
    assert aging.tooltip(0, 1) == f"Customers owe you, 1–30 days overdue: 119,75{EURO} (2 invoices)"
    labels = [label for label in aging.chart().axes(Qt.Orientation.Vertical)[0].categoriesLabels()]
    assert labels[0] == f"0{EURO}" and len(labels) >= 3


def test_enter_on_rows_opens_the_document_the_payment_and_the_credit(
        qtbot, view, customer, issue, pay, two_invoices):
    kept = pay(customer, "120", (two_invoices[0], "100"), keep=True)
    issue(customer, "10", DocumentKind.SALES_CREDIT_NOTE)
    page = loaded(qtbot, view)
    tree = page.attention
    assert [i.payment_id for i in tree.items(AttentionKind.UNALLOCATED)] == [kept.payment_id]
    for kind, dialog in ((AttentionKind.OVERDUE, DocumentDialog),
                         (AttentionKind.UNALLOCATED, PaymentDetailDialog),
                         (AttentionKind.CREDIT, CreditDialog)):
        section = tree.sections[kind]
        tree.setFocus()
        tree.setCurrentItem(section.child(0))
        in_the_dialog(dialog, lambda d: d.reject())
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert "Show" not in tree.sections[AttentionKind.OVERDUE].child(0).text(0)


def test_show_more_reads_the_next_page(qtbot, view, customer, issue):
    for n in range(ATTENTION_PAGE + 2):
        issue(customer, "1", issue_date=dt.date(2024, 1, 1) + dt.timedelta(days=n % 20))
    page = loaded(qtbot, view)
    tree = page.attention
    section = tree.sections[AttentionKind.OVERDUE]
    assert section.text(0) == f"Overdue invoices and bills ({ATTENTION_PAGE + 2})"
    more = section.child(section.childCount() - 1)
    assert more.text(0) == "Show 2 more of 2…"
    tree.setFocus()
    tree.setCurrentItem(more)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(tree.items(AttentionKind.OVERDUE)) == ATTENTION_PAGE + 2,
                    timeout=5000)
    items = tree.items(AttentionKind.OVERDUE)
    assert [i.date for i in items] == sorted(i.date for i in items)  # most overdue first
    assert section.childCount() == ATTENTION_PAGE + 2  # and no "Show more" row left
