"""Lenient readers of remote answers: the remote's own words for an error, a collection's
first item.  Error bodies differ by provider and even by endpoint, so nothing here fails.

Every word a remote says passes ``said`` (``error_text`` uses it) before the book, the
terminal or the window sees it: ``scrub`` takes out any secret an echo of our request put
there, and the text is cut to one line of ``LIMIT`` characters (after scrubbing, so a cut
never leaves half a secret behind).
"""

from __future__ import annotations

from typing import Any

from ledgerdesk.sync.scrub import scrub

LIMIT = 500
_MESSAGE_KEYS = ("Message", "Detail", "message", "detail", "error", "title", "Title")


def said(text: object, limit: int = LIMIT) -> str:
    """Any remote text (a message, a header, a name or an id), safe to keep and to show."""
    # A first, generous cut bounds the work on a huge answer; a secret it splits lies far
    # beyond what the second cut keeps.
    words = " ".join(scrub(str(text)[: 20 * limit]).split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def error_text(body: Any) -> str:
    """Every validation message in Xero's shape (``Elements[].ValidationErrors[]``), FastAPI's
    422 list (``detail: [{loc, msg}]``), else the first message-like field; scrubbed."""
    if not isinstance(body, dict):
        return ""
    messages: list[str] = []
    for holder in [*_items(body.get("Elements")), *_items(body.get("Payments"))]:
        if isinstance(holder, dict):
            messages += [str(v.get("Message", "")) for v in _items(holder.get("ValidationErrors"))
                         if isinstance(v, dict)]
    detail = body.get("detail")
    if isinstance(detail, list):
        messages += [f"{'.'.join(map(str, d.get('loc', [])))}: {d.get('msg', '')}"
                     for d in detail if isinstance(d, dict)]
    if messages:
        return said("; ".join(m for m in messages if m))
    for key in _MESSAGE_KEYS:
        if isinstance(body.get(key), str | int) and body.get(key):
            return said(body[key])
    return ""


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def first(body: Any, collection: str) -> dict[str, Any] | None:
    """The first item of ``{"Invoices": [...]}`` and the like, if any."""
    items = body.get(collection) if isinstance(body, dict) else None
    return items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else None
