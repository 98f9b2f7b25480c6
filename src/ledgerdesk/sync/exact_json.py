"""JSON with exact decimals: amounts go out as JSON numbers and come back as Decimal.

``json.dumps`` cannot write a Decimal as a number without going through float, and
``response.json()`` reads ``12.30`` as a float; both would break the no-float rule.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


def dumps(value: Any) -> str:
    """Compact JSON; a finite Decimal is written as a number with its own digits."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite amount: {value}")
        return format(value, "f")
    if isinstance(value, float):
        raise TypeError("no floats in remote payloads; use Decimal")
    if isinstance(value, dict):
        items = (f"{json.dumps(str(k))}:{dumps(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    return json.dumps(value)


def loads(text: str | bytes) -> Any:
    """Parse JSON, reading every number with a fraction or exponent as a Decimal."""
    return json.loads(text, parse_float=Decimal)
