"""A stateful fake of the Xero Accounting API behind ``httpx.MockTransport``.

On ``FakeRemote``'s invoices, faults and rate limit, it keeps payments; refuses an
overpayment with Xero's ValidationException shape; keeps Xero's six-minute Idempotency-Key
cache (replaying errors, refusing the same key with another body); rotates refresh tokens;
answers 429 with Retry-After and X-Rate-Limit-Problem.  Every request body is checked
against our pydantic models and, where ``../shared/specs`` exists, the spec; any breach is
recorded in ``violations`` (the tests assert it stays empty).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import uuid
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs

import httpx
from fake_remote import FakeInvoice, FakeRemote, token_in
from remote_specs import SUBSET

from ledgerdesk.sync import exact_json
from ledgerdesk.sync.xero_models import PaymentCreate, PaymentDelete

API = "/api.xro/2.0"
BASE_URL = "https://xero.test" + API  # any host: MockTransport never leaves the process
TOKEN_URL = "https://xero.test/connect/token"
KEY_WINDOW = dt.timedelta(minutes=6)
OVERPAY = "Payment amount exceeds the amount outstanding on this document"
_WHERE_REFERENCE = re.compile(r'^Reference=="(.*)"$')


class FakeXero(FakeRemote):
    def __init__(self, clock, *, tenant: str = "tenant-1", spec: Path = SUBSET, **kw) -> None:
        super().__init__(clock, **kw)
        self.tenant, self.spec = tenant, spec
        self.organisation = "Demo Company (NZ)"
        self.payments: dict[str, dict] = {}
        self.refresh_tokens: set[str] = set()
        self.access_tokens: dict[str, dt.datetime] = {}
        self.codes: dict[str, str] = {}  # authorisation code -> PKCE challenge
        self.cache: dict[str, tuple[dt.datetime, bytes, int, object]] = {}
        self.used_tokens: set[str] = set()
        self.issued: list[str] = []  # every refresh and access token ever handed out

    def issue_refresh_token(self) -> str:
        token = self.new_secret()
        self.refresh_tokens.add(token)
        self.issued.append(token)
        return token

    def amount_due(self, invoice_id: str) -> Decimal:
        invoice = self.invoices[invoice_id]
        paid = sum((p["Amount"] for p in self.payments.values()
                    if p["Invoice"]["InvoiceID"] == invoice_id and p["Status"] != "DELETED"),
                   Decimal(0))
        return invoice.total - invoice.paid_elsewhere - paid

    def live_payments(self, reference: str) -> list[dict]:
        return [p for p in self.payments.values()
                if p["Reference"] == reference and p["Status"] == "AUTHORISED"]

    def live_amounts(self, token: str) -> list[Decimal]:
        return [p["Amount"] for p in self.payments.values()
                if token_in(p["Reference"]) == token and p["Status"] == "AUTHORISED"]

    # --- dispatch -----------------------------------------------------------------------------
    def before_faults(self, request: httpx.Request) -> httpx.Response | None:
        return self._token(request) if request.url.path == "/connect/token" else None

    def too_many(self, retry_after: int) -> httpx.Response:
        return self.json(429, {"Title": "Too Many Requests"}, {
            "Retry-After": str(retry_after), "X-Rate-Limit-Problem": "minute"})

    def respond(self, request: httpx.Request, fault: str | None) -> httpx.Response:
        return self._cached_or_route(request, fault)

    def check_headers(self, request: httpx.Request, fault: str | None) -> httpx.Response | None:
        auth = request.headers.get("authorization", "")
        token = auth.removeprefix("Bearer ")
        if fault == "401" and token in self.used_tokens:
            self.access_tokens.pop(token, None)  # as if it had expired (never a fresh one)
        self.used_tokens.add(token)
        expiry = self.access_tokens.get(token)
        if not auth.startswith("Bearer ") or expiry is None or self.clock.now() >= expiry:
            return self.json(401, {"Title": "Unauthorized", "Status": 401,
                                    "Detail": "TokenExpired: token expired"})
        if request.headers.get("xero-tenant-id") != self.tenant:
            self.violations.append(f"{request.method} {request.url.path}: tenant header")
            return self.json(403, {"Title": "Forbidden", "Detail": "AuthenticationUnsuccessful"})
        if len(request.headers.get("idempotency-key", "")) > 128:
            self.violations.append("Idempotency-Key longer than 128 characters")
        return None

    def _cached_or_route(self, request: httpx.Request, fault: str | None) -> httpx.Response:
        key = request.headers.get("idempotency-key")
        now = self.clock.now()
        if request.method == "POST" and key:
            cached = self.cache.get(key)
            if cached is not None and now - cached[0] < KEY_WINDOW:
                if cached[1] != request.content:
                    return self._error(400, "The same Idempotency-Key was used with another "
                                            "request body")
                return self.json(cached[2], cached[3])
        if fault == "500":
            status, body = 500, {"Title": "An error occurred", "Status": 500}
        else:
            status, body = self._route(request)
        if request.method == "POST" and key:
            self.cache[key] = (now, request.content, status, body)
        return self.json(status, body)

    def _route(self, request: httpx.Request) -> tuple[int, object]:
        path = request.url.path.removeprefix(API)
        parts = [p for p in path.split("/") if p]
        if request.method == "GET" and parts == ["Organisation"]:
            return 200, {"Organisations": [{"Name": self.organisation}]}
        if request.method == "GET" and parts == ["Invoices"]:
            numbers = request.url.params.get("InvoiceNumbers", "").split(",")
            found = [self._invoice(i) for i in self.invoices.values() if i.number in numbers]
            return 200, {"Invoices": found}
        if request.method == "GET" and len(parts) == 2 and parts[0] == "Invoices":
            invoice = self.invoices.get(parts[1])
            return (200, {"Invoices": [self._invoice(invoice)]}) if invoice else (404, {})
        if request.method == "GET" and parts == ["Payments"]:
            match = _WHERE_REFERENCE.match(request.url.params.get("where", ""))
            found = [p for p in self.payments.values()
                     if match is None or p["Reference"] == match.group(1)]
            return 200, {"Payments": found}
        if request.method == "GET" and len(parts) == 2 and parts[0] == "Payments":
            payment = self.payments.get(parts[1])
            return (200, {"Payments": [payment]}) if payment else (404, {})
        if request.method == "POST" and parts == ["Payments"]:
            return self._create(request)
        if request.method == "POST" and len(parts) == 2 and parts[0] == "Payments":
            return self._delete(request, parts[1])
        self.unexpected(request, 404, {})
        return 404, {}

    # --- payments -------------------------------------------------------------------------
    def _create(self, request: httpx.Request) -> tuple[int, object]:
        body = self.valid_body(request, PaymentCreate, "Payment", self.spec)
        if body is None:
            return 400, _validation({}, "The request does not match the Payment contract")
        invoice = self.invoices.get(body["Invoice"]["InvoiceID"])
        if invoice is None:
            return 400, _validation(body, "Invoice could not be found")
        if invoice.status != "AUTHORISED":
            return 400, _validation(body, "Invoice not of valid status for modification")
        if body["Amount"] > self.amount_due(invoice.id):
            return 400, _validation(body, OVERPAY)
        payment = {
            "PaymentID": str(uuid.uuid4()), "Invoice": {"InvoiceID": invoice.id,
                                                        "InvoiceNumber": invoice.number},
            "Account": body["Account"], "Amount": body["Amount"], "Date": body["Date"],
            "Reference": body.get("Reference", ""), "Status": "AUTHORISED",
            "PaymentType": "ACCRECPAYMENT",
        }
        if "CurrencyRate" in body:  # kept as given, as Xero answers it
            payment["CurrencyRate"] = body["CurrencyRate"]
        self.payments[payment["PaymentID"]] = payment
        self.posts[token_in(payment["Reference"])] += 1
        return 200, {"Payments": [payment]}

    def _delete(self, request: httpx.Request, payment_id: str) -> tuple[int, object]:
        if self.valid_body(request, PaymentDelete, "PaymentDelete", self.spec) is None:
            return 400, _validation({}, "The request does not match the PaymentDelete contract")
        payment = self.payments.get(payment_id)
        if payment is None:
            return 404, {}
        if payment["Status"] == "DELETED":
            return 400, _validation(payment, "This payment has already been deleted")
        payment["Status"] = "DELETED"
        return 200, {"Payments": [payment]}

    # --- OAuth2 ---------------------------------------------------------------------------
    def authorise(self, challenge: str) -> str:
        """What the user's browser sign-in would hand back: a code bound to the challenge."""
        code = uuid.uuid4().hex
        self.codes[code] = challenge
        return code

    def _token(self, request: httpx.Request) -> httpx.Response:
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        if form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return self.json(400, {"error": "invalid_grant"})
            self.refresh_tokens.discard(form["refresh_token"])  # rotation: the old one dies
        elif form.get("grant_type") == "authorization_code":
            challenge = self.codes.pop(form.get("code", ""), None)
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            if challenge != base64.urlsafe_b64encode(digest).rstrip(b"=").decode():
                return self.json(400, {"error": "invalid_grant"})
        else:
            return self.json(400, {"error": "unsupported_grant_type"})
        access = self.new_secret(header=True)
        self.issued.append(access)
        self.access_tokens[access] = self.clock.now() + dt.timedelta(minutes=30)
        return self.json(200, {"access_token": access, "expires_in": 1800,
                                 "token_type": "Bearer",
                                 "refresh_token": self.issue_refresh_token()})

    # --- answers --------------------------------------------------------------------------
    def _invoice(self, invoice: FakeInvoice) -> dict:
        return {"InvoiceID": invoice.id, "InvoiceNumber": invoice.number, "Type": "ACCREC",
                "Status": invoice.status, "Total": invoice.total, "CurrencyCode": "EUR",
                "AmountDue": self.amount_due(invoice.id),
                "AmountPaid": invoice.total - self.amount_due(invoice.id)}

    def _error(self, status: int, message: str) -> httpx.Response:
        return self.json(status, _validation({}, message))

    @staticmethod
    def _json(status: int, body: object, headers: dict | None = None) -> httpx.Response:
        return httpx.Response(status, content=exact_json.dumps(body).encode(),
                              headers={"Content-Type": "application/json", **(headers or {})})


def _validation(element: dict, message: str) -> dict:
    return {"ErrorNumber": 10, "Type": "ValidationException",
            "Message": "A validation exception occurred",
            "Elements": [{**element, "ValidationErrors": [{"Message": message}]}]}
