"""A stateful fake of a Strapi v3 site with a ``payments`` collection.

``POST /auth/local`` trades identifier and password for a JWT (which the fault "401"
expires); ``/payments`` creates (200 with the entry), lists with equality filters, reads
and deletes entries.  Errors come as ``{"statusCode", "error", "message"}``, as Strapi
sends them at run time.  Bodies are checked against our model and the reconstructed spec.
Each entry is tied to the outbox token the test expects for it (``expect``), as Strapi
keeps no token of ours.
"""

from __future__ import annotations

import uuid
from collections import Counter
from decimal import Decimal

import httpx
from fake_remote import FakeRemote
from remote_specs import STRAPI

from ledgerdesk.sync import exact_json
from ledgerdesk.sync.strapi import StrapiPayment

BASE_URL = "https://strapi.test"
USER, PASSWORD = "books@example.test", "correct horse battery"


class FakeStrapi(FakeRemote):
    refuses_overpayment = False  # a collection entry has no balance to check
    tracks_tokens = False  # entries carry no token: ``live_keys`` is what can be checked
    def __init__(self, clock, **kw) -> None:
        super().__init__(clock, **kw)
        self.entries: dict[str, dict] = {}
        self.password = PASSWORD
        self.jwts: set[str] = set()
        self.used: set[str] = set()
        self.issued: list[str] = []
        self.token_of: dict[str, str] = {}  # entry id -> outbox token (see ``expect``)
        self.invoice_of: dict[str, str] = {}  # outbox token -> invoice number
        self.expected: list[tuple[tuple, str]] = []  # (date, amount, due date) -> token

    def add_invoice(self, number: str, total: str | Decimal, **kw) -> str:
        """The site has no invoices: this only lets tests total what was recorded per one."""
        super().add_invoice(number, total, **kw)
        invoice = self.invoices.popitem()[1]
        invoice.id = number
        self.invoices[number] = invoice
        return number

    def expect(self, key: tuple[str, Decimal, str], token: str, invoice: str) -> None:
        """The next entry created with this (date, amountPaid, dueDate) is ``token``'s."""
        self.expected.append((key, token))
        self.invoice_of[token] = invoice

    def amount_due(self, invoice_id: str) -> Decimal:
        paid = sum((e["amountPaid"] for i, e in self.entries.items()
                    if self.invoice_of.get(self.token_of.get(i, "")) == invoice_id), Decimal(0))
        return self.invoices[invoice_id].total - paid

    def live_amounts(self, token: str) -> list[Decimal]:
        return [e["amountPaid"] for i, e in self.entries.items() if self.token_of.get(i) == token]

    def live_keys(self) -> Counter[tuple]:
        """How many entries there are of each (date, amountPaid, amountDue, dueDate)."""
        return Counter((e["date"], e["amountPaid"], e["amountDue"], e["dueDate"])
                       for e in self.entries.values())

    def before_faults(self, request: httpx.Request) -> httpx.Response | None:
        if request.url.path != "/auth/local":
            return None
        form = exact_json.loads(request.content)
        if (form.get("identifier"), form.get("password")) != (USER, self.password):
            return self._error(400, "Bad Request", "Identifier or password invalid.")
        jwt = self.new_secret()
        self.jwts.add(jwt)
        self.issued.append(jwt)
        return self.json(200, {"jwt": jwt, "user": {"id": 1, "username": USER}})

    def check_headers(self, request: httpx.Request, fault: str | None) -> httpx.Response | None:
        jwt = request.headers.get("authorization", "").removeprefix("Bearer ")
        if fault == "401" and jwt in self.used:
            self.jwts.discard(jwt)  # as if it had expired (never a fresh one)
        self.used.add(jwt)
        if jwt not in self.jwts:
            return self._error(401, "Unauthorized", "Invalid token.")
        return None

    def respond(self, request: httpx.Request, fault: str | None) -> httpx.Response:
        if fault == "500":
            return self._error(500, "Internal Server Error", "An internal server error occurred")
        parts = [p for p in request.url.path.split("/") if p]
        if parts == ["payments"] and request.method == "GET":
            wanted = dict(request.url.params)
            found = [e for e in self.entries.values()
                     if all(_text(e.get(k)) == v for k, v in wanted.items())]
            return self.json(200, found)
        if parts == ["payments"] and request.method == "POST":
            return self._create(request)
        entry = self.entries.get(parts[1]) if len(parts) == 2 else None
        if entry is None:
            return self._error(404, "Not Found", "Not Found")
        if request.method == "GET":
            return self.json(200, entry)
        if request.method == "DELETE":
            del self.entries[entry["id"]]
            return self.json(200, entry)
        return self.unexpected(request, 405, {"statusCode": 405, "error": "Method Not Allowed"})

    def _create(self, request: httpx.Request) -> httpx.Response:
        body = self.valid_body(request, StrapiPayment, "NewPayment", STRAPI)
        if body is None:
            return self._error(400, "Bad Request", self.violations[-1])
        entry = {"id": uuid.uuid4().hex[:12], **body, "created_at": "2026-03-02T09:00:00.000Z",
                 "updated_at": "2026-03-02T09:00:00.000Z", "created_by": "1"}
        self.entries[entry["id"]] = entry
        key = (body["date"], body["amountPaid"], body["dueDate"])
        for n, (expected_key, token) in enumerate(self.expected):
            if expected_key == key:
                self.token_of[entry["id"]] = token
                self.posts[token] += 1
                del self.expected[n]
                break
        return self.json(200, entry)

    def _error(self, status: int, error: str, message: str) -> httpx.Response:
        return self.json(status, {"statusCode": status, "error": error, "message": message})


def _text(value: object) -> str:
    return f"{value:f}" if isinstance(value, Decimal) else str(value)
