"""A stateful fake of DayZero's bill payments (``/api/v1``) behind ``httpx.MockTransport``.

Bills keep an amount due that the API never shows; a payment names a bank transaction that
must exist; (bill, transaction) is unique (409); an overpayment is a 400 ``{"detail"}``; a
bad body is FastAPI's 422 ``{"detail": [{loc, msg, type}]}``.  Answers come bare or in the
``{success, message, code, data}`` envelope at random, as the docs disagree.  Every body is
checked against our model and the reconstructed spec in ``../shared/specs``.
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

import httpx
from fake_remote import FakeInvoice, FakeRemote
from remote_specs import DAYZERO

from ledgerdesk.sync.dayzero import DayZeroPayment

BASE_URL = "https://dayzero.test"
TOKEN = "dz_live_5b2e61"
_PATH = re.compile(r"^/api/v1/bills/([^/]+)/payments(?:/([^/]+))?$")


class FakeDayZero(FakeRemote):
    faults_offered = ("429", "500", "timeout", "lost")

    def __init__(self, clock, *, business: str | None = None, **kw) -> None:
        super().__init__(clock, **kw)
        self.business = business or str(uuid.uuid4())
        self.token = TOKEN
        self.transactions: set[str] = set()
        self.payments: dict[str, dict] = {}
        self.tokens: dict[str, str] = {}  # payment id -> outbox token, known to the test
        self.token_of_transaction: dict[str, str] = {}  # set by the test that matches them

    def new_transaction(self) -> str:
        transaction = str(uuid.uuid4())
        self.transactions.add(transaction)
        return transaction

    def amount_due(self, invoice_id: str) -> Decimal:
        bill = self.invoices[invoice_id]
        paid = sum((p["amount"] for p in self.payments.values() if p["bill_id"] == invoice_id), 0)
        return bill.total - bill.paid_elsewhere - Decimal(paid) / 100

    def live_amounts(self, token: str) -> list[Decimal]:
        return [Decimal(p["amount"]) / 100 for pid, p in self.payments.items()
                if self.tokens.get(pid) == token]

    def check_headers(self, request: httpx.Request, fault: str | None) -> httpx.Response | None:
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return self.json(401, {"detail": "Could not validate credentials"})
        if request.headers.get("x-business-id") != self.business:
            return self.json(404, {"detail": "Business not found"})
        return None

    def respond(self, request: httpx.Request, fault: str | None) -> httpx.Response:
        if fault == "500":
            return self.json(500, {"detail": "Internal Server Error"})
        match = _PATH.match(request.url.path)
        bill = self.invoices.get(match.group(1)) if match else None
        if bill is None:
            return self.json(404, {"detail": "Bill not found"})
        payment_id = match.group(2)
        if request.method == "GET" and payment_id is None:
            return self._list(request, bill)
        if request.method == "POST" and payment_id is None:
            return self._create(request, bill)
        if request.method == "DELETE" and payment_id:
            if self.payments.get(payment_id, {}).get("bill_id") != bill.id:
                return self.json(404, {"detail": "Payment not found"})
            del self.payments[payment_id]
            return self.json(200, {"success": True, "message": "Payment removed", "code": None,
                                   "data": None})
        return self.unexpected(request, 405, {"detail": "Method Not Allowed"})

    def _create(self, request: httpx.Request, bill: FakeInvoice) -> httpx.Response:
        body = self.valid_body(request, DayZeroPayment, "BillPaymentRequest", DAYZERO)
        if body is None:
            return self.json(422, {"detail": [{"loc": ["body"], "msg": self.violations[-1],
                                               "type": "value_error"}]})
        if body["transaction_id"] not in self.transactions:
            return self.json(404, {"detail": "Transaction not found"})
        if any(p["bill_id"] == bill.id and p["transaction_id"] == body["transaction_id"]
               for p in self.payments.values()):
            return self.json(409, {"detail": "This transaction already pays this bill"})
        if Decimal(body["amount"]) / 100 > self.amount_due(bill.id):
            return self.json(400, {"detail": "Payment exceeds the remaining balance of the "
                                             "bill; it would overpay"})
        payment = {"id": uuid.uuid4().hex, "bill_id": bill.id, "amount": body["amount"],
                   "transaction_id": body["transaction_id"], "currency": "EUR",
                   "paid_on": body.get("paid_on") or "2026-01-01T00:00:00Z",
                   "created_at": "2026-03-02T09:00:00Z", "updated_at": "2026-03-02T09:00:00Z",
                   "business_id": self.business}
        self.payments[payment["id"]] = payment
        token = self.token_of_transaction.get(body["transaction_id"], "")
        self.tokens[payment["id"]] = token
        self.posts[token] += 1
        if self.rng.random() < 0.5:
            return self.json(201, {"success": True, "message": None, "code": None,
                                   "data": payment})
        return self.json(201, payment)

    def _list(self, request: httpx.Request, bill: FakeInvoice) -> httpx.Response:
        mine = [p for p in self.payments.values() if p["bill_id"] == bill.id]
        start = int(request.url.params.get("cursor", "0"))
        limit = int(request.url.params.get("limit", "20"))
        page = mine[start:start + limit]
        cursor = str(start + limit) if start + limit < len(mine) else None
        return self.json(200, {"success": True, "message": None, "code": None,
                               "data": {"items": page, "next_cursor": cursor}})
