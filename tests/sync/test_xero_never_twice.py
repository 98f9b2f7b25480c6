""""Never post twice" against the fake Xero: look-ups after silence, keys only in their window,
Retry-After on 429, one refresh on 401, and the rotated refresh token saved before use.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.services.sync import link_documents, outbox
from ledgerdesk.services.sync_drain import drain
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.xero_auth import REFRESH_TOKEN


@pytest.fixture
def queued(xero_book, customer, issue, pay):
    """One 40.00 payment on a linked 100.00 invoice, waiting in the outbox."""
    document_id, number = issue(customer, "100")
    remote_id = xero_book.xero.add_invoice(number, "100.00")
    link_documents(xero_book.book, xero_book.gateway(), [number])
    pay(customer, "40", (document_id, "40"))
    xero_book.xero.requests.clear()
    return remote_id


def _posts(xero):
    return [r for r in xero.requests if r.method == "POST" and r.url.path.endswith("/Payments")]


def _only_row(book):
    [row] = outbox(book)
    return row


def test_a_timeout_before_processing_reposts_with_the_same_key(xero_book, queued) -> None:
    xero_book.xero.next_faults = [None, "timeout"]
    drain(xero_book.book, xero_book.gateway())
    first, second = _posts(xero_book.xero)
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert _only_row(xero_book.book).state is OutboxState.SENT
    assert len(xero_book.xero.payments) == 1


def test_after_a_500_a_new_key_series_starts(xero_book, queued) -> None:
    xero_book.xero.next_faults = [None, "500"]
    drain(xero_book.book, xero_book.gateway())
    first, second = _posts(xero_book.xero)
    # Xero replays a cached error to the same key, so the same key would fail forever.
    assert first.headers["idempotency-key"] != second.headers["idempotency-key"]
    assert _only_row(xero_book.book).key_series == 2
    assert len(xero_book.xero.payments) == 1


@pytest.mark.parametrize(("minutes", "same_key"), [(2, True), (10, False)])
def test_a_key_is_reused_only_inside_its_window(xero_book, queued, minutes, same_key) -> None:
    xero_book.xero.next_faults = [None, "timeout"]
    report = drain(xero_book.book, xero_book.gateway(tries=1))  # gives up: unanswered
    assert _only_row(xero_book.book).state is OutboxState.FAILED
    assert "did not answer" in report.lines[0].text
    xero_book.clock.advance(minutes=minutes)
    drain(xero_book.book, xero_book.gateway())
    first, second = _posts(xero_book.xero)
    assert (first.headers["idempotency-key"] == second.headers["idempotency-key"]) is same_key
    looked_up = [r for r in xero_book.xero.requests
                 if r.method == "GET" and r.url.path.endswith("/Payments")]
    assert looked_up, "a re-post must follow a look-up"
    assert _only_row(xero_book.book).state is OutboxState.SENT
    assert len(xero_book.xero.payments) == 1


def test_429_waits_for_retry_after(xero_book, queued) -> None:
    xero_book.xero.next_faults = [None, "429"]
    before = xero_book.clock.now()
    drain(xero_book.book, xero_book.gateway())
    assert len(_posts(xero_book.xero)) == 2 and len(xero_book.xero.payments) == 1
    [asked] = xero_book.xero.retry_afters
    assert xero_book.clock.now() - before >= dt.timedelta(seconds=asked)


def test_the_minute_limit_is_respected(xero_book, customer, issue, pay) -> None:
    documents = [issue(customer, "10") for _ in range(30)]
    for _, number in documents:
        xero_book.xero.add_invoice(number, "10.00")
    link_documents(xero_book.book, xero_book.gateway(), [number for _, number in documents])
    for document_id, _ in documents:
        pay(customer, "10", (document_id, "10"))
    start = xero_book.clock.now()
    drain(xero_book.book, xero_book.gateway())
    assert all(row.state is OutboxState.SENT for row in outbox(xero_book.book))
    calls = len(xero_book.xero.requests)
    assert xero_book.clock.now() - start >= dt.timedelta(minutes=calls // 60 - 1)


def test_one_refresh_on_401_then_success(xero_book, queued) -> None:
    xero_book.xero.next_faults = [None, "401"]
    drain(xero_book.book, xero_book.gateway())
    tokens = [r for r in xero_book.xero.requests if r.url.path == "/connect/token"]
    assert len(tokens) == 2  # the first sign-in, and one refresh after the 401
    assert _only_row(xero_book.book).state is OutboxState.SENT


def test_a_revoked_sign_in_stops_the_run_and_keeps_the_row(xero_book, queued) -> None:
    xero_book.xero.refresh_tokens.clear()
    report = drain(xero_book.book, xero_book.gateway())
    row = _only_row(xero_book.book)
    assert row.state is OutboxState.FAILED and "connect xero" in row.user_message
    assert report.stopped and xero_book.xero.payments == {}


def test_the_rotated_refresh_token_is_saved_before_it_is_used(xero_book, queued) -> None:
    store = SecretStore(xero_book.connection.secret_ref)
    seen = []
    handle = xero_book.xero.handle

    def spying(request):
        if request.url.path != "/connect/token":
            seen.append(store.get(REFRESH_TOKEN).reveal() in xero_book.xero.refresh_tokens)
        return handle(request)

    xero_book.xero.handle = spying
    drain(xero_book.book, xero_book.gateway())
    assert seen and all(seen)
    # A new process signs in with what the keyring holds: the old token is dead by now.
    xero_book.xero.handle = handle
    assert drain(xero_book.book, xero_book.gateway()).stopped == ""


def test_a_failing_look_up_is_never_taken_for_not_there(xero_book, queued) -> None:
    # the invoice read, the post (committed, answer lost), then every look-up fails
    xero_book.xero.next_faults = [None, "lost", *["500"] * 5]
    drain(xero_book.book, xero_book.gateway())
    row = _only_row(xero_book.book)
    assert row.state is OutboxState.FAILED and "HTTP 500" in row.remote_message
    assert len(_posts(xero_book.xero)) == 1
    drain(xero_book.book, xero_book.gateway())  # Xero is back: found, not posted again
    assert _only_row(xero_book.book).state is OutboxState.SENT
    assert len(_posts(xero_book.xero)) == 1 and len(xero_book.xero.payments) == 1
