"""The Sync panel against the fake Xero (MockTransport, fake clock): Sync now off the GUI
thread, states and messages as the user reads them, Retry and Resolve, the payment's mark."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.app.remotes import SyncRemotes
from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.presentation.payment_detail import PaymentView
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.sync import outbox
from ledgerdesk.services.sync_admin import Resolution
from ledgerdesk.storage.book import open_book
from ledgerdesk.ui.editors.payment_detail_dialog import PaymentDetailDialog
from ledgerdesk.ui.models.sync_rows import OutboxColumn
from ledgerdesk.ui.views.sync_page import SyncPage


@pytest.fixture
def remote_xero(xero_book, monkeypatch):
    """``SyncRemotes`` (the app's own) reaching the fake Xero through MockTransport."""
    monkeypatch.setattr("ledgerdesk.sync.gateways.DEFAULT_TRANSPORT", xero_book.xero.transport())
    monkeypatch.setattr("ledgerdesk.sync.gateways.DEFAULT_CLOCK", xero_book.clock)
    return SyncRemotes()


@pytest.fixture
def page(qtbot, xero_book, remote_xero):
    session = Session.of(xero_book.book, Path(xero_book.book.path),
                         clock=lambda: dt.date(2024, 3, 1))
    widget = SyncPage(session, remote_xero, lambda: open_book(xero_book.book.path))
    qtbot.addWidget(widget)
    yield widget
    widget.stop()


def _linked_invoice(xero_book, customer, issue, total="100", remote_due=None):
    document_id, number = issue(customer, total)
    remote_id = xero_book.xero.add_invoice(number, remote_due or total)
    xero_book.link([number])
    return document_id, number, remote_id


def _sync(qtbot, page) -> None:
    page.sync_now()
    qtbot.waitUntil(lambda: page.task is None, timeout=20000)


def _cells(page, column: OutboxColumn) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_sync_now_sends_a_queued_payment_once_and_shows_it_sent(
        qtbot, page, xero_book, customer, issue, pay) -> None:
    document_id, number, _ = _linked_invoice(xero_book, customer, issue)
    recorded = pay(customer, "40", (document_id, "40"))
    page.reload()
    assert _cells(page, OutboxColumn.STATE) == ["◷ Pending"]
    assert _cells(page, OutboxColumn.DOCUMENT) == [number]
    _sync(qtbot, page)
    assert _cells(page, OutboxColumn.STATE) == ["✓ Sent"]
    assert "1 sent" in page.status.text()
    [row] = outbox(xero_book.book)
    assert xero_book.xero.live_amounts(row.client_token) == [Decimal("40.00")]
    _sync(qtbot, page)  # nothing left to send: nothing is posted again
    assert xero_book.xero.live_amounts(row.client_token) == [Decimal("40.00")]
    assert row.payment_id == recorded.payment_id


def test_an_overpayment_needs_you_with_both_messages_and_resolves(
        qtbot, page, xero_book, customer, issue, pay) -> None:
    document_id, number, _ = _linked_invoice(xero_book, customer, issue, remote_due="30")
    pay(customer, "40", (document_id, "40"))
    _sync(qtbot, page)
    assert _cells(page, OutboxColumn.STATE) == ["⚠ Needs you"]
    [message] = _cells(page, OutboxColumn.MESSAGE)
    assert number in message and "30" in message  # says what is due there, in words
    assert xero_book.xero.payments == {}  # refused before posting, not by the server
    page.table.selectRow(0)
    assert page.retry_button.isEnabled() and page.resolve_button.isEnabled()
    page.resolve_current(Resolution.CANCEL)
    assert _cells(page, OutboxColumn.STATE) == ["– Cancelled"]
    assert not page.retry_button.isEnabled()


def test_retry_after_fixing_puts_the_row_back_and_the_next_sync_sends_it(
        qtbot, page, xero_book, customer, issue, pay) -> None:
    document_id, _, remote_id = _linked_invoice(xero_book, customer, issue, remote_due="30")
    pay(customer, "40", (document_id, "40"))
    _sync(qtbot, page)
    xero_book.xero.invoices[remote_id].total = Decimal("100")  # fixed in Xero
    page.table.selectRow(0)
    page.retry_button.click()
    assert _cells(page, OutboxColumn.STATE) == ["◷ Pending"]
    _sync(qtbot, page)
    assert _cells(page, OutboxColumn.STATE) == ["✓ Sent"]


def test_a_remote_failure_shows_the_remotes_own_words(
        qtbot, page, xero_book, customer, issue, pay) -> None:
    document_id, _, remote_id = _linked_invoice(xero_book, customer, issue)
    pay(customer, "40", (document_id, "40"))
    xero_book.xero.invoices[remote_id].status = "VOIDED"
    _sync(qtbot, page)
    [message] = _cells(page, OutboxColumn.MESSAGE)
    assert "VOIDED" in message
    assert outbox(xero_book.book)[0].state is OutboxState.NEEDS_YOU


def test_the_payment_detail_says_it_needs_you(
        qtbot, page, xero_book, customer, issue, pay) -> None:
    document_id, number, _ = _linked_invoice(xero_book, customer, issue, remote_due="30")
    recorded = pay(customer, "40", (document_id, "40"))
    _sync(qtbot, page)
    dialog = PaymentDetailDialog(PaymentView(page.session, recorded.payment_id))
    qtbot.addWidget(dialog)
    text = dialog.sync_state.text()
    assert text.startswith("⚠ Needs you") and f"Xero push for {number}: needs you" in text


def test_without_remotes_the_page_says_sync_is_unavailable(qtbot, xero_book) -> None:
    session = Session.of(xero_book.book, Path(xero_book.book.path))
    widget = SyncPage(session, None, lambda: open_book(xero_book.book.path))
    qtbot.addWidget(widget)
    widget.reload()
    assert not widget.sync_button.isEnabled() and "not available" in widget.sync_button.toolTip()
    assert "Nothing is queued" in widget.summary.text()


def test_the_outbox_model_passes_the_model_tester(
        qtmodeltester, page, xero_book, customer, issue, pay) -> None:
    document_id, _, _ = _linked_invoice(xero_book, customer, issue)
    pay(customer, "40", (document_id, "40"))
    pay(customer, "10", (document_id, "10"))
    page.reload()
    qtmodeltester.check(page.model)


def test_the_payments_list_marks_each_payments_sync_state(
        qtbot, page, xero_book, customer, issue, pay) -> None:
    from ledgerdesk.presentation.lists import PaymentList

    document_id, _, _ = _linked_invoice(xero_book, customer, issue, remote_due="30")
    too_much = pay(customer, "40", (document_id, "40"))
    plain_id, _ = issue(customer, "10")
    unlinked = pay(customer, "10", (plain_id, "10"))
    payments = PaymentList(page.session)
    column = [c.key for c in payments.columns].index("sync")
    texts = {r.id: payments.columns[column].text(r) for r in payments.page(0, 10)}
    assert texts == {too_much.payment_id: "◷ Pending", unlinked.payment_id: ""}
    _sync(qtbot, page)
    texts = {r.id: payments.columns[column].text(r) for r in payments.page(0, 10)}
    assert texts[too_much.payment_id] == "⚠ Needs you"
