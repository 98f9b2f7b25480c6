"""One HTTP call to a remote, with the waiting rules every provider shares.

- 429: wait ``Retry-After`` (or a backoff) and resend: the remote did not process it.
- 401: refresh the sign-in once and resend; a second 401 is ``SignInFailed``.
- 5xx and timeouts: a *safe* call (a GET) is resent after a backoff with full jitter; an
  unsafe one (a POST that may have been committed) is handed back to the provider, which
  looks the payment up before it posts again.

Nothing here logs or raises a header, a token or a body: only method, path and status, and
the remote's words through ``remote_text.said`` (which scrubs them).  A failure of the
exchange itself (timeout, dropped connection, a garbled answer) is ``NoAnswer``, named by
its type only: its message may quote what we sent.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.whole_numbers import whole_number
from ledgerdesk.sync import exact_json
from ledgerdesk.sync.clock import Clock
from ledgerdesk.sync.remote_text import said

log = logging.getLogger("ledgerdesk.sync")


class NoAnswer(Exception):
    """No response (timeout, dropped connection): the remote may or may not have acted."""


class SignInFailed(Exception):
    """The remote refused our credentials even after a refresh; the user must reconnect."""


class CannotSend(SignInFailed):
    """The request cannot even be built: the connection's address is not one HTTP can use
    (``https://xn--/``), or a header holds what HTTP cannot carry (an API key typed with an
    accent).  Nothing was sent; the connection must be corrected, as after a refused
    sign-in.  The message never shows a header's value: it may be the secret."""


#: Why a request could not be built, by what went wrong.
BAD_ADDRESS = ("The connection's base URL is not an address HTTP can use; correct it "
               "(ledgerdesk edit-connection, or Settings > Connections).")
BAD_HEADER = ("The connection's secret or one of its ids holds characters HTTP cannot send "
              "(only plain ASCII letters, digits and signs); give the right one.")


def built(http: httpx.Client, method: str, url: str, **kw: Any) -> httpx.Request:
    """``http.build_request``, what stops it raised as ``CannotSend``."""
    try:
        return http.build_request(method, url, **kw)
    except UnicodeEncodeError:  # httpx encodes header values as ASCII
        raise CannotSend(BAD_HEADER) from None
    except (httpx.InvalidURL, ValueError):  # the idna package's errors are ValueErrors
        raise CannotSend(BAD_ADDRESS) from None


class SignInUnanswered(SignInFailed):
    """The sign-in service could not be reached: the sign-in itself may be fine, so the user
    should sync again later, not connect again."""


class RateLimited(Exception):
    """The remote asked us to wait longer than a sync run should (a daily limit)."""

    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


class Authenticator(Protocol):
    def headers(self) -> dict[str, str]: ...
    def refresh(self) -> None: ...


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    tries: int = 5  # per safe call, and per unsafe row in the provider's loop
    base_seconds: float = 1.0
    cap_seconds: float = 60.0
    max_rate_waits: int = 50
    longest_wait_seconds: float = 120.0  # a longer Retry-After ends the run instead


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class RemoteClient:
    def __init__(
        self, http: httpx.Client, auth: Authenticator, clock: Clock,
        rng: random.Random | None = None, policy: RetryPolicy | None = None,
    ) -> None:
        self.http = http
        self.auth = auth
        self.clock = clock
        self.rng = rng or random.Random()
        self.policy = policy or RetryPolicy()
        self.waited_seconds = 0.0

    def backoff(self, attempt: int) -> None:
        """Sleep a random time in [0, min(cap, base * 2**attempt)] (full jitter)."""
        ceiling = min(self.policy.cap_seconds, self.policy.base_seconds * 2 ** attempt)
        self._sleep(self.rng.uniform(0, ceiling))

    def _sleep(self, seconds: float) -> None:
        self.waited_seconds += seconds
        self.clock.sleep(seconds)

    def call(
        self, method: str, url: str, *, body: Any = None, headers: dict[str, str] | None = None,
        params: dict[str, str] | None = None, safe: bool,
    ) -> Answer:
        refreshed = False
        rate_waits = 0
        failures = 0
        while True:
            try:
                answer = self._send(method, url, body, headers, params)
            except NoAnswer:
                failures += 1
                if not safe or failures >= self.policy.tries:
                    raise
                self.backoff(failures)
                continue
            if answer.status == 401 and not refreshed:
                refreshed = True
                self.auth.refresh()
                continue
            if answer.status == 401:
                raise SignInFailed(_("The remote no longer accepts this connection's sign-in."))
            if answer.status == 429:
                rate_waits += 1
                self._wait_for_rate(answer, rate_waits)
                continue
            if answer.status >= 500 and safe and failures + 1 < self.policy.tries:
                failures += 1
                self.backoff(failures)
                continue
            return answer

    def _wait_for_rate(self, answer: Answer, waits: int) -> None:
        text = answer.headers.get("retry-after", "")
        seconds = whole_number(text)
        problem = said(answer.headers.get("x-rate-limit-problem", ""), limit=40)  # "minute"
        if waits > self.policy.max_rate_waits or (
            seconds is not None and seconds > self.policy.longest_wait_seconds
        ):
            wait = seconds or 0
            minutes = int(wait // 60) + 1
            limit = problem or _("rate")
            raise RateLimited(ngettext(
                "The remote's {limit} limit is reached; try again in {count} minute.",
                "The remote's {limit} limit is reached; try again in {count} minutes.",
                minutes).format(limit=limit, count=minutes), wait)
        if seconds is None:
            self.backoff(waits)
        else:
            self._sleep(seconds)

    def _send(self, method, url, body, headers, params) -> Answer:
        all_headers = {"Accept": "application/json", **self.auth.headers(), **(headers or {})}
        content = None
        if body is not None:
            content = exact_json.dumps(body)
            all_headers["Content-Type"] = "application/json"
        request = built(self.http, method, url, content=content, headers=all_headers,
                        params=params)
        try:
            response = self.http.send(request)
        except httpx.HTTPError as exc:
            log.info("%s %s: no answer (%s)", method, httpx.URL(url).path, type(exc).__name__)
            raise NoAnswer(_("{method} {path}: no answer ({name__})").format(
                method=method,
                path=httpx.URL(url).path,
                name__=type(exc).__name__)) from None
        log.info("%s %s: %s", method, response.url.path, response.status_code)
        try:
            parsed = exact_json.loads(response.content) if response.content else None
        except ValueError:
            parsed = {"Message": response.text}  # said() cuts it, after scrubbing
        return Answer(response.status_code, parsed, {k.lower(): v for k, v in
                                                      response.headers.items()})
