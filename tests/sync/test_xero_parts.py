"""The Xero pieces on their own: PKCE sign-in, exact JSON amounts, Xero's dates, bodies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fake_xero import TOKEN_URL
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from ledgerdesk.sync import exact_json
from ledgerdesk.sync.credentials import Secret, SecretStore
from ledgerdesk.sync.http import SignInFailed
from ledgerdesk.sync.xero_auth import REFRESH_TOKEN, XeroAuth, authorization_url, pkce_pair
from ledgerdesk.sync.xero_models import AccountRef, PaymentCreate, parse_ms_date


def test_pkce_sign_in_gets_a_refresh_token_into_the_keyring(xero, clock) -> None:
    verifier, challenge = pkce_pair()
    url = authorization_url("app-1", "http://localhost:7777/cb", ("offline_access",
                            "accounting.transactions"), "state-9", challenge)
    query = parse_qs(urlsplit(url).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["scope"] == ["offline_access accounting.transactions"]  # a setting
    code = xero.authorise(query["code_challenge"][0])
    store = SecretStore("pkce")
    auth = XeroAuth(httpx.Client(transport=xero.transport()), store, "app-1", clock, TOKEN_URL)
    auth.exchange_code(code, verifier, "http://localhost:7777/cb")
    assert store.get(REFRESH_TOKEN).reveal() in xero.refresh_tokens
    assert auth.headers()["Authorization"].startswith("Bearer ")


def test_a_wrong_verifier_is_refused(xero, clock) -> None:
    _, challenge = pkce_pair()
    code = xero.authorise(challenge)
    auth = XeroAuth(httpx.Client(transport=xero.transport()), SecretStore("x"), "app-1", clock,
                    TOKEN_URL)
    with pytest.raises(SignInFailed, match="invalid_grant"):
        auth.exchange_code(code, "another-verifier", "http://localhost:7777/cb")


def test_a_secret_never_shows_in_its_repr() -> None:
    secret = Secret("s3cr3t-value")
    assert "s3cr3t" not in repr(secret) and "s3cr3t" not in f"{secret} {[secret]}"
    assert secret.reveal() == "s3cr3t-value"


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999999.99"),
                      places=2, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_amounts_go_out_and_come_back_exactly(amount: Decimal) -> None:
    text = exact_json.dumps({"Amount": amount, "Reference": "x"})
    assert exact_json.loads(text) == {"Amount": amount, "Reference": "x"}
    assert '"Amount":"' not in text  # a JSON number, not a string


def test_floats_are_refused_in_payloads() -> None:
    with pytest.raises(TypeError):
        exact_json.dumps({"Amount": 1.5})


@given(st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 1, 1)))
def test_xero_dates_are_read_in_utc(moment: dt.datetime) -> None:
    utc = moment.replace(tzinfo=dt.UTC)
    millis = int(utc.timestamp() * 1000)
    assert parse_ms_date(f"/Date({millis}+0000)/") == utc.date()


def test_a_misspelt_field_fails_before_any_request() -> None:
    with pytest.raises(ValidationError):
        PaymentCreate.model_validate({"Invoice": {"InvoiceID": "i"}, "Account": {"Code": "090"},
                                      "Amount": Decimal("1.00"), "Date": "2024-01-15",
                                      "Referense": "typo"})
    with pytest.raises(ValidationError):
        AccountRef(AccountID="a", Code="090")  # exactly one of them


@pytest.mark.parametrize("bad", [
    {"Amount": "40.00"},  # a string: the spec wants a number
    {"Referense": "typo"},  # the spec lets it through; our model does not
])
def test_the_fake_refuses_bodies_that_break_the_contract(xero, clock, bad) -> None:
    invoice = xero.add_invoice("INV-1", "100")
    token = _access_token(xero, clock)
    body = {"Invoice": {"InvoiceID": invoice}, "Account": {"Code": "090"},
            "Amount": Decimal("40.00"), "Date": "2024-01-15", **bad}
    response = httpx.Client(transport=xero.transport()).post(
        "https://xero.test/api.xro/2.0/Payments", content=exact_json.dumps(body),
        headers={"Authorization": f"Bearer {token}", "xero-tenant-id": xero.tenant})
    assert response.status_code == 400 and xero.payments == {}
    assert len(xero.violations) == 1


def _access_token(xero, clock) -> str:
    store = SecretStore("direct")
    store.set(REFRESH_TOKEN, xero.issue_refresh_token())
    auth = XeroAuth(httpx.Client(transport=xero.transport()), store, "app", clock, TOKEN_URL)
    return auth.headers()["Authorization"].removeprefix("Bearer ")
