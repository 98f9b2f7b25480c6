"""Lenient readers of remote answers: the remote's own words for an error, a collection's
first item.  Error bodies differ by provider and even by endpoint, so nothing here fails.
"""

from __future__ import annotations

from typing import Any

_MESSAGE_KEYS = ("Message", "Detail", "message", "detail", "error", "title", "Title")


def error_text(body: Any) -> str:
    """Every validation message in Xero's shape (``Elements[].ValidationErrors[]``), FastAPI's
    422 list (``detail: [{loc, msg}]``), else the first message-like field."""
    if not isinstance(body, dict):
        return ""
    messages: list[str] = []
    for holder in [*body.get("Elements", []), *body.get("Payments", [])]:
        if isinstance(holder, dict):
            messages += [str(v.get("Message", "")) for v in holder.get("ValidationErrors", [])
                         if isinstance(v, dict)]
    detail = body.get("detail")
    if isinstance(detail, list):
        messages += [f"{'.'.join(map(str, d.get('loc', [])))}: {d.get('msg', '')}"
                     for d in detail if isinstance(d, dict)]
    if messages:
        return "; ".join(m for m in messages if m)
    for key in _MESSAGE_KEYS:
        if isinstance(body.get(key), str | int) and body.get(key):
            return str(body[key])
    return ""


def first(body: Any, collection: str) -> dict[str, Any] | None:
    """The first item of ``{"Invoices": [...]}`` and the like, if any."""
    items = body.get(collection) if isinstance(body, dict) else None
    return items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else None
