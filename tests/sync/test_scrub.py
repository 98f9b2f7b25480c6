"""``sync.scrub``: a secret we hold is hidden however an echo writes it, a credential's shape
is hidden even when we never held its value, and the remote's own words stay readable."""

from __future__ import annotations

import base64
import html
import json
import logging
import uuid
from urllib.parse import quote, quote_plus

import pytest

from ledgerdesk.sync.scrub import HIDDEN, remember, scrub


@pytest.fixture
def secret() -> str:
    """A fresh secret with every character an encoding changes: quote, slash, plus, equals,
    backslash, space and a non-ASCII letter."""
    value = f'pa"ss/wö+rd=\\ {uuid.uuid4().hex}'
    remember(value)
    return value


def _b64(text: str, urlsafe: bool = False) -> str:
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    return encode(text.encode()).decode()


FORMS = {
    "plain": lambda s: s,
    "url path": lambda s: quote(s),
    "url query": lambda s: quote(s, safe=""),
    "url form": quote_plus,
    "url lower hex": lambda s: quote(s, safe="").lower(),
    "url twice": lambda s: quote(quote(s, safe=""), safe=""),
    "json ascii": lambda s: json.dumps(s)[1:-1],
    "json utf-8": lambda s: json.dumps(s, ensure_ascii=False)[1:-1],
    "json slashes": lambda s: json.dumps(s)[1:-1].replace("/", "\\/"),
    "json twice": lambda s: json.dumps(json.dumps(s))[1:-1],
    "html": html.escape,
    "python repr": lambda s: repr(s)[1:-1],
    "bytes repr": lambda s: repr(s.encode())[2:-1],
    "basic auth": lambda s: "Basic " + _b64(f"books@example.test:{s}"),
    "base64 inside": lambda s: _b64(f'{{"a": 1, "password": "{s}"}}'),
    "base64 shifted": lambda s: _b64(f'xy{s}z'),
    "base64 url-safe": lambda s: _b64(f'?{s}', urlsafe=True),
    "base64 of url-encoded": lambda s: _b64("refresh_token=" + quote_plus(s)),
}


@pytest.mark.parametrize("form", FORMS)
def test_a_remembered_secret_is_hidden_however_the_echo_writes_it(secret, form) -> None:
    written = FORMS[form](secret)
    text = f"Bad request; you sent: {written} (see the docs)"
    cleaned = scrub(text)
    for check in FORMS.values():
        assert check(secret) not in cleaned
    assert HIDDEN in cleaned
    assert cleaned.startswith("Bad request; you sent: ") and cleaned.endswith("(see the docs)")


@pytest.mark.parametrize("text, kept", [
    ("Authorization: Bearer eyz0a9Qm7sTq2w.x", "Authorization: "),
    ("{'authorization': 'Bearer 1f2e3d4c5b6a7980'}", "{'authorization': '"),
    ("grant_type=refresh_token&refresh_token=r7Qz2mPq&client_id=app-1",
     "grant_type=refresh_token&refresh_token="),
    ("client_secret=s3cr3t-v4lue&x=1", "client_secret="),
    ('{"identifier": "me@example.test", "password": "hunter2 hunter2"}', '"password": "'),
    ('{\\"password\\": \\"hunter2 hunter2\\"}', "password"),
    ("X-Api-Key: k3y-9f8e7d", "X-Api-Key: "),
    ("Basic Ym9va3M6aHVudGVyMg==", "Basic "),
    ("jwt eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl", "jwt "),
    ("echo " + quote("client_secret=abcdef123456", safe=""), "echo "),
    ("echo " + _b64("Authorization: Bearer 0123456789abcdef"), "echo "),
])
def test_credential_shapes_are_hidden_without_knowing_their_value(text, kept) -> None:
    cleaned = scrub(text)
    assert HIDDEN in cleaned and kept in cleaned
    for value in ("eyz0a9Qm7sTq2w", "1f2e3d4c5b6a7980", "r7Qz2mPq", "s3cr3t-v4lue", "hunter2",
                  "k3y-9f8e7d", "Ym9va3M6aHVudGVyMg", "c2lnbmF0dXJl", "abcdef123456"):
        assert value not in cleaned


@pytest.mark.parametrize("words", [
    "Payment amount exceeds the amount outstanding on this document",
    "Identifier or password invalid.",
    "TokenExpired: token expired",
    "Invalid token.",
    "Too many requests",
    "invalid_grant",
    "body.amount: ensure this value is greater than 0",
    "Invoice 0f8fad5b-d9cb-469f-a165-70867728950e not of valid status for modification",
    "GET /Invoices/0f8fad5bd9cb469fa16570867728950e: HTTP 500 An error occurred",
])
def test_the_remotes_own_words_stay_readable(words) -> None:
    assert scrub(words) == words


def test_scrubbing_twice_changes_nothing_more(secret) -> None:
    text = (f"Authorization: Bearer {secret}; password={quote_plus(secret)}; "
            f"{_b64(secret)}; 'x-api-key': 'abcdefgh12'")
    once = scrub(text)
    assert scrub(once) == once


def test_a_log_line_of_httpx_or_this_package_is_scrubbed(secret, caplog) -> None:
    import ledgerdesk.sync.scrub  # noqa: F401  (guards the loggers on import)

    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpx").info('HTTP Request: POST %s "HTTP/1.1 400 %s"',
                                    "https://x.test/auth", f"echo {secret}")
    logging.getLogger("httpcore.http11").debug("receive_response_headers.complete "
                                               "return_value=%r", [(b"X-Echo", secret.encode())])
    logging.getLogger("ledgerdesk.sync").warning("said %s", quote(secret, safe=""))
    assert len(caplog.records) == 3
    for check in FORMS.values():
        assert check(secret) not in caplog.text


def test_a_secret_holding_a_lone_surrogate_is_hidden_and_breaks_nothing_after() -> None:
    """A secret typed in a terminal that is not UTF-8 holds lone surrogates; remembering it
    used to make every later scrub raise UnicodeEncodeError (whatever text it was given)."""
    odd = "caf\udce9-secret-1234"
    remember(odd)
    assert scrub(f"echo: {odd}") == f"echo: {HIDDEN}"
    assert scrub("nothing secret here") == "nothing secret here"
