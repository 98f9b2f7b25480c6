"""Secrets out of every text a remote sends us: the one place where remote words are made safe.

A careless or hostile remote may echo our request back in an error or an exception: the
``Authorization`` header, the token form, the JSON body with a password.  ``scrub`` hides,
in any text, every secret this process has held (``remember``: keyring values, access and
refresh tokens, JWTs, sign-in codes), whether written plainly, URL-encoded, JSON- or
HTML-escaped, or inside base64 (as Basic auth sends it), and the shapes credentials take
whatever their value: ``Bearer …``, ``Basic …``, ``client_secret=…``, ``"password": "…"``,
``X-Api-Key: …``, a JWT.

Remote text reaches the book, the terminal and the window only through ``remote_text``
(which calls ``scrub``), and every outcome of a push passes ``scrub`` again in
``push_loop.push``.  Importing this module puts a filter on the loggers of this package,
httpx and httpcore (whose debug lines carry response headers and reason phrases), so no
log line holds a secret either.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from urllib.parse import quote, quote_plus, unquote, unquote_plus

HIDDEN = "[hidden]"
#: Shorter values are not credentials, and hiding them would hide ordinary letters.
MIN_LENGTH = 4
#: Secrets remembered at most (the newest win): a Xero access token lasts 30 minutes.
KEEP = 512
LOGGERS = ("ledgerdesk.sync", "httpx", "httpcore", "httpcore.connection", "httpcore.http11",
           "httpcore.http2", "httpcore.proxy", "httpcore.socks", "hpack.hpack", "hpack.table")

_lock = threading.Lock()
_known: OrderedDict[str, None] = OrderedDict()
_forms: list[str] = []  # every written form of every known secret, longest first
_dirty = False

_NAMES = (r"client_secret|refresh_token|access_token|id_token|code_verifier|password|passwd"
          r"|x-api-key|api[-_]?key|secret|jwt|token|authorization")
_VALUE = r"[^\s\"'<>;,&}\]\[]+"
_SCHEME = re.compile(r"(?i)\b(bearer|basic)(\s+)([A-Za-z0-9\-._~+/]{8,}=*)")
_QUOTED = re.compile(rf"(?i)(?<![\w-])({_NAMES})(\\*[\"']?\s*[:=]\s*)(\\*[\"'])"
                     r"((?:\\.|[^\\])*?)(\3)")
_FORM = re.compile(rf"(?i)(?<![\w-])({_NAMES})(=)({_VALUE})")
_HEADER = re.compile(rf"(?i)(?<![\w-])(authorization|x-api-key|api[-_]?key)(\s*:\s*)"
                     rf"((?:(?:bearer|basic)\s+)?{_VALUE})")
_JWT = re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
_TOKEN = re.compile(r"[^\s\"'<>]+")  # a percent-encoded run lies inside one of these
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{12,}={0,2}")


def remember(value: str) -> None:
    """From now on, ``scrub`` hides ``value`` in every form it may be written in."""
    global _dirty
    if len(value) < MIN_LENGTH:
        return
    with _lock:
        if value in _known:
            _known.move_to_end(value)
            return
        _known[value] = None
        while len(_known) > KEEP:
            _known.popitem(last=False)
        _dirty = True


def scrub(text: str) -> str:
    """``text`` with every known secret and every credential shape replaced by ``HIDDEN``."""
    return _scrub(text, depth=2) if text else text


def _scrub(text: str, depth: int) -> str:
    for form in _known_forms():
        if form in text:
            text = text.replace(form, HIDDEN)
    text = _SCHEME.sub(lambda m: f"{m[1]}{m[2]}{HIDDEN}", text)
    text = _QUOTED.sub(lambda m: f"{m[1]}{m[2]}{m[3]}{HIDDEN}{m[5]}", text)
    text = _FORM.sub(lambda m: f"{m[1]}{m[2]}{HIDDEN}", text)
    text = _HEADER.sub(lambda m: f"{m[1]}{m[2]}{HIDDEN}", text)
    text = _JWT.sub(HIDDEN, text)
    if depth:
        # Encoded runs are decoded and looked into: a secret inside hides the whole run.
        text = _TOKEN.sub(lambda m: _run_or_hidden(m[0], _unpercent(m[0]), depth)
                          if _PERCENT.search(m[0]) else m[0], text)
        text = _BASE64_RUN.sub(lambda m: _run_or_hidden(m[0], _unbase64(m[0]), depth), text)
    return text


def _run_or_hidden(run: str, decodings: Iterable[str], depth: int) -> str:
    for decoded in decodings:
        if decoded != run and _scrub(decoded, depth - 1) != decoded:
            return HIDDEN
    return run


def _unpercent(run: str) -> tuple[str, ...]:
    return unquote(run), unquote_plus(run)


def _unbase64(run: str) -> list[str]:
    """The run decoded from each of the four places a base64 text inside it may start."""
    letters = run.rstrip("=").translate(str.maketrans("-_", "+/"))
    decoded = []
    for start in range(4):
        piece = letters[start:]
        piece = piece[: len(piece) - 1] if len(piece) % 4 == 1 else piece  # not a whole byte
        if len(piece) >= 8:
            try:
                raw = base64.b64decode(piece + "=" * (-len(piece) % 4), validate=True)
            except (binascii.Error, ValueError):
                continue
            decoded.append(raw.decode("utf-8", errors="replace"))
    return decoded


def _known_forms() -> list[str]:
    global _forms, _dirty
    with _lock:
        if _dirty:
            forms = {form for secret in _known for form in _written_forms(secret)}
            _forms = sorted(forms, key=len, reverse=True)
            _dirty = False
        return _forms


def _written_forms(secret: str) -> set[str]:
    """``secret`` as a request or an echo of one may carry it: JSON-escaped (ASCII or not,
    with ``\\/``), HTML-escaped, URL-encoded (as a path, a query or a form), in a Python
    repr (of text or bytes: httpcore logs headers so), and each of those once more; percent
    escapes in upper and lower case."""
    forms = {secret}
    for _ in range(2):
        forms |= {encoded for form in forms for encoded in _encodings(form)}
    forms |= {re.sub(r"%[0-9A-F]{2}", lambda m: m[0].lower(), form) for form in forms}
    return {form for form in forms if len(form) >= MIN_LENGTH}


def _encodings(text: str) -> tuple[str, ...]:
    # A secret may hold a lone surrogate (typed in a terminal that is not UTF-8): its bytes
    # are taken as Python would pass them on, never refused here.
    raw = text.encode("utf-8", "surrogatepass")
    ascii_json = json.dumps(text)[1:-1]
    return (ascii_json, json.dumps(text, ensure_ascii=False)[1:-1],
            ascii_json.replace("/", "\\/"), html.escape(text), quote(raw, safe=""),
            quote_plus(raw), quote(raw), repr(text)[1:-1], repr(raw)[2:-1])


class LogScrubber(logging.Filter):
    """Scrubs each record of the logger it sits on (a filter never sees child loggers'
    records, so each logger that may carry remote text gets one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is printed with its args: drop them
            message = f"{record.msg} (arguments not shown)"  # i18n: not user text
        clean = scrub(message)
        if clean != message or record.args:
            record.msg, record.args = clean, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        return True


def guard_logs() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, LogScrubber) for f in logger.filters):
            logger.addFilter(LogScrubber())


guard_logs()
