"""Hostile variants of the four fake remotes, and how a secret may be written down.

Each echoes the whole request (method, URL with its query, headers, body) in every error it
gives: in the body (plainly, URL-encoded, base64-encoded and JSON-escaped, appended to each
of its messages), in the reason phrase and an ``X-Echo`` header, in ``X-Rate-Limit-Problem``,
and in the exceptions it raises.  Their secrets hold every character an encoding changes.
``plan`` forces a failure on the next request that matches a method and a path; ``echoed``
keeps every word the remote said, so a test can check the echo did carry secrets.
``leaks`` searches any text or bytes for any written form of any secret.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from urllib.parse import quote, quote_plus

import httpx
from fake_clockify import FakeClockify
from fake_dayzero import FakeDayZero
from fake_strapi import FakeStrapi
from fake_xero import FakeXero

from ledgerdesk.sync import exact_json

RAISED = (httpx.ConnectError, httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.DecodingError)


def hostile_secret(kind: str, header: bool = False) -> str:
    """Unique, and changed by URL-, JSON- and base64-encoding; a header's stays ASCII."""
    if header:
        return f"{kind}/{uuid.uuid4().hex}+Q=="
    return f'{kind} "pa/ss" w\u00f6\\rd {uuid.uuid4().hex}+Q=='


def echo_of(request: httpx.Request) -> str:
    body = request.content.decode("utf-8", errors="replace")
    return f"{request.method} {request.url} headers={dict(request.headers)} body={body}"


def hostile_words(request: httpx.Request) -> str:
    echo = echo_of(request)
    return (f" | you sent: {echo} | url-encoded: {quote(echo, safe='')} | base64: "
            f"{base64.b64encode(echo.encode()).decode()} | json: {json.dumps(echo)}")


class Hostile:
    """Mixed in before a fake remote: its errors echo the request."""

    API = r"."  # the paths a forced rate limit may hit (not the sign-in)

    def __init__(self, clock, **kw) -> None:
        super().__init__(clock, **kw)
        #: (method or "*", path pattern, what to do[, the entry to plan once this one is
        #: used]): "400", "401"… answer so; "429" with a long Retry-After; "raise".
        self.plan: list[tuple] = []
        self.echoed: list[str] = []
        self.raised = 0
        self.poisoned = False  # its invoices quote our credentials in their fields
        self.last: httpx.Request | None = None

    def new_secret(self, header: bool = False) -> str:
        return hostile_secret(type(self).__name__.lower(), header)

    def secrets(self) -> list[str]:
        raise NotImplementedError

    def error_body(self, status: int, path: str) -> dict:
        raise NotImplementedError

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.last = request
        planned = self._planned(request)
        if planned == "raise":
            self.requests.append(request)
            self._raise(request, "connection reset")
        if planned == "429":
            self.requests.append(request)
            problem = json.dumps(echo_of(request))  # ASCII, one line: fit for a header
            self.echoed.append(problem)
            return self.json(429, {"message": "Too many requests"},
                             {"Retry-After": "3600", "X-Rate-Limit-Problem": problem})
        if planned is not None:
            self.requests.append(request)
            response = self.json(int(planned), self.error_body(int(planned), request.url.path))
        else:
            try:
                response = super().handle(request)
            except httpx.HTTPError as exc:
                self._raise(request, str(exc))
        return self._echoing(request, response) if response.status_code >= 400 else response

    def _planned(self, request: httpx.Request) -> str | None:
        for n, (method, path, what, *then) in enumerate(self.plan):
            if method in ("*", request.method) and re.search(path, request.url.path):
                del self.plan[n]
                self.plan += then
                return what
        return None

    def _raise(self, request: httpx.Request, said: str):
        words = f"{said}{hostile_words(request)}"
        self.echoed.append(words)
        kind = RAISED[self.raised % len(RAISED)]
        self.raised += 1
        raise kind(words, request=request)

    def _echoing(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        words = hostile_words(request)
        self.echoed.append(words)
        try:
            body = exact_json.loads(response.content) if response.content else {}
        except ValueError:
            body = {}
        body = _appended(body, words) if body else {"message": words}
        if isinstance(body, dict):
            body["echo"] = {"method": request.method, "url": str(request.url),
                            "headers": dict(request.headers),
                            "body": request.content.decode("utf-8", errors="replace")}
        reason = json.dumps(echo_of(request))[:4000].encode("ascii")
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        headers["X-Echo"] = reason.decode("ascii")
        return httpx.Response(response.status_code, content=exact_json.dumps(body).encode(),
                              headers=headers, extensions={"reason_phrase": reason})


def _appended(value, words: str):
    if isinstance(value, str):
        return value + words
    if isinstance(value, dict):
        return {k: _appended(v, words) for k, v in value.items()}
    if isinstance(value, list):
        return [_appended(v, words) for v in value]
    return value


class HostileXero(Hostile, FakeXero):
    API = r"^/api\.xro/"

    def secrets(self) -> list[str]:
        return list(self.issued)

    def _invoice(self, invoice) -> dict:
        found = super()._invoice(invoice)
        if self.poisoned and self.last is not None:
            said = self.last.headers.get("authorization", "")
            found.update(CurrencyCode=said, AmountDue=said, Status=said)
        return found

    def error_body(self, status: int, path: str) -> dict:
        if path == "/connect/token":
            return {"error": "invalid_grant" if status == 400 else "invalid_client"}
        if status == 400:
            return {"ErrorNumber": 10, "Type": "ValidationException",
                    "Message": "A validation exception occurred",
                    "Elements": [{"ValidationErrors": [{"Message": "Account is not valid"}]}]}
        return {"Title": "An error occurred", "Status": status, "Detail": "Refused"}


class HostileClockify(Hostile, FakeClockify):
    API = r"^/api/v1/"

    def __init__(self, clock, **kw) -> None:
        super().__init__(clock, **kw)
        self.api_key = hostile_secret("clockify", header=True)

    def secrets(self) -> list[str]:
        return [self.api_key]

    def _invoice(self, invoice) -> dict:
        found = super()._invoice(invoice)
        if self.poisoned and self.last is not None:
            said = self.last.headers.get("x-api-key", "")
            found.update(currency=said, balance=said, status=said)
        return found

    def error_body(self, status: int, path: str) -> dict:
        return {"message": f"Request refused ({status})", "code": status}


class HostileDayZero(Hostile, FakeDayZero):
    API = r"^/api/v1/"

    def __init__(self, clock, **kw) -> None:
        super().__init__(clock, **kw)
        self.token = hostile_secret("dz_live", header=True)

    def secrets(self) -> list[str]:
        return [self.token]

    def error_body(self, status: int, path: str) -> dict:
        if status == 422:
            return {"detail": [{"loc": ["body", "amount"], "msg": "value is not valid",
                                "type": "value_error"}]}
        return {"detail": f"Request refused ({status})"}


class HostileStrapi(Hostile, FakeStrapi):
    API = r"^/payments"

    def __init__(self, clock, **kw) -> None:
        super().__init__(clock, **kw)
        self.password = hostile_secret("strapi")

    def new_secret(self, header: bool = False) -> str:
        return hostile_secret("jwt", header=True)  # sent in the Authorization header

    def secrets(self) -> list[str]:
        return [self.password, *self.issued]

    def error_body(self, status: int, path: str) -> dict:
        return {"statusCode": status, "error": "Bad Request", "message": "Request refused"}


def forms(secret: str) -> dict[str, bytes]:
    """How ``secret`` may be written: plainly, URL-encoded, JSON-escaped, in a Python repr,
    and the stretch of any base64 text that it alone decides, at each of three offsets."""
    found = {
        "plain": secret, "url": quote(secret, safe=""), "url path": quote(secret),
        "url form": quote_plus(secret), "json": json.dumps(secret)[1:-1],
        "json utf-8": json.dumps(secret, ensure_ascii=False)[1:-1], "repr": repr(secret)[1:-1],
    }
    raw = secret.encode()
    written = {name: text.encode() for name, text in found.items()}
    written["bytes repr"] = repr(raw)[2:-1].encode()
    for shift in range(3):
        for name, encode in (("base64", base64.b64encode), ("base64url", base64.urlsafe_b64encode)):
            encoded = encode(b"\0" * shift + raw)
            start, end = -(-8 * shift // 6), 8 * (shift + len(raw)) // 6
            written[f"{name}+{shift}"] = encoded[start:end]
    return written


def leaks(where: str | bytes, secrets: list[str]) -> list[str]:
    """Each secret's forms found in ``where`` (empty: none is there)."""
    haystack = where.encode() if isinstance(where, str) else where
    return [f"{secret[:12]}… as {name}" for secret in secrets
            for name, form in forms(secret).items() if form in haystack]
