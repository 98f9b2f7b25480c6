"""A stateful fake of Clockify's invoice payments (``/api/v1``) behind ``httpx.MockTransport``.

Amounts in cents; the 201 of a new payment answers with the invoice, not the payment; no
idempotency header (a retried POST simply pays twice, as Clockify would); 429 "Too many
requests", sometimes without Retry-After; an overpayment is refused with a 400.  Bodies
are checked against our ``extra="forbid"`` model (there is no published spec to add).
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

import httpx
from fake_remote import FakeInvoice, FakeRemote, token_in

from ledgerdesk.sync.clockify import ClockifyPayment

BASE_URL = "https://clockify.test/api/v1"
API_KEY = "clockify-key-7f3a9c"
_PATH = re.compile(r"^/api/v1/workspaces/([^/]+)/invoices(?:/([^/]+))?(/payments)?(?:/([^/]+))?$")


class FakeClockify(FakeRemote):
    faults_offered = ("429", "500", "timeout", "lost")  # an API key does not expire

    def __init__(self, clock, *, workspace: str = "ws-1", **kw) -> None:
        super().__init__(clock, **kw)
        self.workspace = workspace
        self.api_key = API_KEY
        self.payments: dict[str, dict] = {}  # id -> payment with its invoice id

    def amount_due(self, invoice_id: str) -> Decimal:
        invoice = self.invoices[invoice_id]
        paid = sum((p["amount"] for p in self.payments.values() if p["invoice"] == invoice_id),
                   0)
        return invoice.total - invoice.paid_elsewhere - Decimal(paid) / 100

    def live_amounts(self, token: str) -> list[Decimal]:
        return [Decimal(p["amount"]) / 100 for p in self.payments.values()
                if token_in(p["note"]) == token]

    def too_many(self, retry_after: int) -> httpx.Response:
        headers = {"Retry-After": str(retry_after)} if retry_after % 2 else {}
        return self.json(429, {"message": "Too many requests", "code": 429}, headers)

    def check_headers(self, request: httpx.Request, fault: str | None) -> httpx.Response | None:
        if request.headers.get("x-api-key") != self.api_key:
            return self.json(401, {"message": "Full authentication is required", "code": 401})
        return None

    def respond(self, request: httpx.Request, fault: str | None) -> httpx.Response:
        if fault == "500":
            return self.json(500, {"message": "Internal server error", "code": 500})
        match = _PATH.match(request.url.path)
        if match is None or match.group(1) != self.workspace:
            return self.unexpected(request, 404, {"message": "Not found", "code": 404})
        invoice_id, payments, payment_id = match.group(2), match.group(3), match.group(4)
        if invoice_id is None and request.method == "GET":
            return self._page(request, [self._invoice(i) for i in self.invoices.values()],
                              wrap=True)
        invoice = self.invoices.get(invoice_id or "")
        if invoice is None:
            return self.json(404, {"message": "Invoice not found", "code": 404})
        if not payments and request.method == "GET":
            return self.json(200, self._invoice(invoice))
        if payments and payment_id is None and request.method == "GET":
            mine = [{k: v for k, v in p.items() if k != "invoice"}
                    for p in self.payments.values() if p["invoice"] == invoice.id]
            return self._page(request, mine)
        if payments and payment_id is None and request.method == "POST":
            return self._create(request, invoice)
        if payment_id and request.method == "DELETE":
            if self.payments.get(payment_id, {}).get("invoice") != invoice.id:
                return self.json(404, {"message": "Payment not found", "code": 404})
            del self.payments[payment_id]
            return self.json(204, None)
        return self.unexpected(request, 405, {"message": "Method not allowed"})

    def _create(self, request: httpx.Request, invoice: FakeInvoice) -> httpx.Response:
        body = self.valid_body(request, ClockifyPayment)
        if body is None:
            return self.json(400, {"message": "Invalid request", "code": 400})
        if invoice.status == "VOID":
            return self.json(400, {"message": "Invoice is void", "code": 400})
        if Decimal(body["amount"]) / 100 > self.amount_due(invoice.id):
            return self.json(400, {"message": "Payment amount exceeds invoice balance",
                                   "code": 400})
        payment_id = uuid.uuid4().hex[:24]
        self.payments[payment_id] = {"id": payment_id, "amount": body["amount"],
                                     "date": body["paymentDate"], "note": body["note"],
                                     "author": "Ledgerdesk", "invoice": invoice.id}
        self.posts[token_in(body["note"])] += 1
        return self.json(201, self._invoice(invoice))

    def _invoice(self, invoice: FakeInvoice) -> dict:
        due = self.amount_due(invoice.id)
        status = invoice.status if invoice.status == "VOID" else (
            "PAID" if due == 0 else "PARTIALLY_PAID" if due < invoice.total else "SENT")
        return {"id": invoice.id, "number": invoice.number, "currency": "EUR",
                "amount": int(invoice.total * 100), "paid": int((invoice.total - due) * 100),
                "balance": int(due * 100), "status": status}

    def _page(self, request: httpx.Request, items: list, wrap: bool = False) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        size = int(request.url.params.get("page-size", "50"))
        chosen = items[(page - 1) * size: page * size]
        return self.json(200, {"invoices": chosen, "total": len(items)} if wrap else chosen)
