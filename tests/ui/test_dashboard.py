"""The dashboard reads its figures off the GUI thread: "Loading…", then the figures, and the
newest figures after the book changes; opening a book does not read them at all."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.commands import AllocationInput, RecordPayment
from ledgerdesk.services.dashboard import AttentionKind
from ledgerdesk.services.payments import record_payment
from ledgerdesk.storage import open_book
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.views.dashboard import LOADING, UPDATING, DashboardPage

TODAY = dt.date(2024, 3, 1)
EURO = "\xa0€"  # de_DE: "150,00 €" with a no-break space


@pytest.fixture
def page(qtbot, ui_session, two_invoices):
    shown = DashboardPage(ui_session)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.stop()


def owed_tile(page: DashboardPage) -> tuple[str, str]:
    tile = page.tiles[0]
    return tile.value.text(), tile.detail.text()


def test_says_loading_then_shows_the_figures(qtbot, page):
    page.reload()
    assert page.loading
    assert page.state.text() == LOADING and owed_tile(page)[1] == LOADING
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    value, detail = owed_tile(page)
    assert f"150,00{EURO}" in value
    assert detail == f"! 150,00{EURO} overdue on 2 invoices"
    overdue = page.attention.items(AttentionKind.OVERDUE)
    assert [(item.contact_name, item.amount.amount) for item in overdue] == [
        ("Acme Retail", Decimal(100)), ("Acme Retail", Decimal(50))]  # most overdue first
    assert page.state.text() == ""


def test_after_a_payment_the_newest_figures_replace_the_old(qtbot, page, pay, customer,
                                                           two_invoices):
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    first, _second = two_invoices
    pay(customer, "100", (first, "100"))
    page.reload()
    assert page.state.text() == UPDATING
    assert f"150,00{EURO}" in owed_tile(page)[0]  # the last figures stay until the new ones
    page.reload()  # a second change before the first answer: only the newest counts
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert f"50,00{EURO}" in owed_tile(page)[0]
    assert owed_tile(page)[1] == f"! 50,00{EURO} overdue on 1 invoice"
    assert page.state.text() == ""


def test_a_failed_read_says_so_on_the_page(qtbot, page):
    page.session.book.close()
    page.session.path.unlink()  # the file is gone: the next read finds no tables
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert page.state.text().startswith("The figures could not be read")
    assert owed_tile(page)[1] == "not available"


@pytest.fixture
def window(qtbot, tmp_path, book, two_invoices):
    main = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                      clock=lambda: TODAY, system_locale="en_US")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    book.close()  # the window opens the file itself
    return main


def test_opening_a_book_shows_the_invoices_without_reading_the_dashboard(qtbot, window,
                                                                         book):
    main = window
    main.welcome.new_button.setFocus()
    assert main.open_path(book.path)
    view = main.book_view
    qtbot.wait(50)
    assert view.current_page() is view.invoices
    assert view.dashboard.figures is None and not view.dashboard.loading
    assert view.invoices.table.hasFocus()  # ready for the arrow keys


def test_closing_the_book_while_the_dashboard_loads_drops_its_figures(qtbot, window, book):
    main = window
    assert main.open_path(book.path)
    dashboard = main.book_view.dashboard
    main.actions["go_dashboard"].trigger()
    assert dashboard.loading
    main.actions["close_book"].trigger()  # waits for the read, then closes the file
    assert main.stack.currentWidget() is main.welcome
    qtbot.wait(50)
    assert main.session is None


def test_a_payment_made_elsewhere_reaches_the_dashboard_on_the_next_look(qtbot, window, book,
                                                                           customer,
                                                                           two_invoices):
    main = window
    assert main.open_path(book.path)
    dashboard = main.book_view.dashboard
    main.actions["go_dashboard"].trigger()
    qtbot.waitUntil(lambda: not dashboard.loading, timeout=5000)
    assert "€150.00" in owed_tile(dashboard)[0]  # the book has no locale: en_US
    with open_book(book.path) as elsewhere:  # another window or program on the same file
        record_payment(elsewhere, RecordPayment(
            kind=PaymentKind.CUSTOMER_RECEIPT, contact_id=customer, date=TODAY,
            amount=Decimal(100),
            allocations=[AllocationInput(document_id=two_invoices[0], amount=Decimal(100))]))
    main._stale_timer.timeout.emit()  # the timer's next tick, without waiting
    assert dashboard.loading
    qtbot.waitUntil(lambda: not dashboard.loading, timeout=5000)
    assert "€50.00" in owed_tile(dashboard)[0]
