"""What every fake remote shares: invoices with an amount due, payments, fault injection,
a per-minute rate limit with 429s, and the record the tests read (requests, faults, posts,
contract violations).  ``FakeXero`` and ``FakeClockify`` add their own routes and auth.

Payments carry the outbox row's token at the end of their reference or note
(``... ld:<token>``); ``posts`` counts committed creations per token.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import Counter, deque
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import httpx
from pydantic import ValidationError
from remote_specs import spec_problems

from ledgerdesk.sync import exact_json

FAULTS = ("429", "500", "timeout", "lost", "401")


@dataclass
class FakeInvoice:
    id: str
    number: str
    total: Decimal
    status: str = "AUTHORISED"
    paid_elsewhere: Decimal = Decimal(0)  # payments entered remotely by someone else


def token_in(text: str) -> str:
    return text.rpartition("ld:")[2] if "ld:" in text else ""


class FakeRemote:
    faults_offered = FAULTS
    refuses_overpayment = True
    tracks_tokens = True  # every payment carries its outbox token

    def __init__(self, clock, *, rng: random.Random | None = None, fault_rate: float = 0.0,
                 per_minute: int = 60) -> None:
        self.clock, self.fault_rate, self.per_minute = clock, fault_rate, per_minute
        self.rng = rng or random.Random(0)
        self.invoices: dict[str, FakeInvoice] = {}
        self.recent: deque[dt.datetime] = deque()
        self.next_faults: list[str | None] = []
        self.faults: Counter[str] = Counter()
        self.posts: Counter[str] = Counter()  # committed creations, by outbox token
        self.requests: list[httpx.Request] = []
        self.violations: list[str] = []
        self.retry_afters: list[int] = []

    # --- what the tests set up and read ------------------------------------------------------
    def add_invoice(self, number: str, total: str | Decimal, **kw) -> str:
        invoice = FakeInvoice(str(uuid.uuid4()), number, Decimal(total), **kw)
        self.invoices[invoice.id] = invoice
        return invoice.id

    def new_secret(self, header: bool = False) -> str:
        """A token, key or JWT this remote hands out (``header``: one sent in a header)."""
        return uuid.uuid4().hex

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def amount_due(self, invoice_id: str) -> Decimal:
        raise NotImplementedError

    def live_amounts(self, token: str) -> list[Decimal]:
        """The amounts of the remote payments (not deleted) made for outbox token ``token``."""
        raise NotImplementedError

    # --- dispatch -----------------------------------------------------------------------------
    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        early = self.before_faults(request)
        if early is not None:
            return early
        fault = self._fault()
        if fault == "timeout":
            raise httpx.ReadTimeout("timed out (injected)", request=request)
        if fault == "429" or self._over_limit():
            self.retry_afters.append(self.rng.randint(1, 30))
            return self.too_many(self.retry_afters[-1])
        response = self.check_headers(request, fault) or self.respond(request, fault)
        if fault == "lost":
            raise httpx.ReadTimeout("response lost after commit (injected)", request=request)
        return response

    def before_faults(self, request: httpx.Request) -> httpx.Response | None:
        return None  # e.g. a sign-in endpoint that never fails

    def too_many(self, retry_after: int) -> httpx.Response:
        return self.json(429, {"message": "Too many requests"},
                         {"Retry-After": str(retry_after)})

    def check_headers(self, request: httpx.Request, fault: str | None) -> httpx.Response | None:
        raise NotImplementedError

    def respond(self, request: httpx.Request, fault: str | None) -> httpx.Response:
        raise NotImplementedError

    def _fault(self) -> str | None:
        if self.next_faults:
            fault = self.next_faults.pop(0)
        elif self.fault_rate and self.rng.random() < self.fault_rate:
            fault = self.rng.choice(self.faults_offered)
        else:
            return None
        if fault is not None:
            self.faults[fault] += 1
        return fault

    def _over_limit(self) -> bool:
        now = self.clock.now()
        while self.recent and now - self.recent[0] >= dt.timedelta(minutes=1):
            self.recent.popleft()
        if len(self.recent) >= self.per_minute:
            return True
        self.recent.append(now)
        return False

    def valid_body(self, request: httpx.Request, model, schema: str = "",
                   spec: Path | None = None) -> dict | None:
        """The request's JSON if it meets our model (and the spec's ``schema``), else None
        with the breach recorded in ``violations``."""
        try:
            body = exact_json.loads(request.content)
            model.model_validate(body)
        except (ValueError, ValidationError) as exc:
            self.violations.append(f"{request.url.path}: {exc}")
            return None
        problems = spec_problems(body, schema, spec) if schema and spec else []
        if problems:
            self.violations.append(f"{request.url.path}: spec: {problems}")
            return None
        return body

    def unexpected(self, request: httpx.Request, status: int, body: object) -> httpx.Response:
        self.violations.append(f"unexpected {request.method} {request.url.path}")
        return self.json(status, body)

    @staticmethod
    def json(status: int, body: object, headers: dict | None = None) -> httpx.Response:
        content = b"" if body is None else exact_json.dumps(body).encode()
        return httpx.Response(status, content=content,
                              headers={"Content-Type": "application/json", **(headers or {})})
