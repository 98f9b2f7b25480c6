"""Validation problems: what is wrong, where (a field path), and the numbers involved."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a draft.

    ``field`` is a path into the draft (``amount``, ``allocations[2].amount``,
    ``lines[0].quantity``) so that a form can show the message beside the right input.
    ``numbers`` carries the amounts the message talks about (``outstanding``, ``attempted``,
    ``maximum`` ...), as exact Decimals.
    """

    field: str
    code: str
    message: str
    numbers: dict[str, Decimal] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationFailed(Exception):
    """Raised by a service when a command has problems; nothing was changed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class NotFound(LookupError):
    """A record named by id, number or name does not exist."""


class NotAllowed(Exception):
    """The operation is not allowed in the record's current state (with the reason)."""
