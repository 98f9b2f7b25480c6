"""Column specs for the lists: title, cell text, sort value, alignment and status mark.

A Qt model draws any ``ListPresenter`` through these; the presenter answers count, pages
and sorting from SQL, so nothing here ever holds a whole table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, Protocol, TypeVar

from ledgerdesk.domain.plain_text import shown_inert

Row = TypeVar("Row")


class Mark(Enum):
    """How a row's status is drawn (colour and symbol come from the ui layer)."""

    NONE = "none"
    DRAFT = "draft"
    OPEN = "open"
    PARTLY_PAID = "partly paid"
    OVERDUE = "overdue"
    PAID = "paid"
    VOID = "void"


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str
    title: str
    text: Callable[[Row], str]
    value: Callable[[Row], Any]  # the real value, for the sort role and tests
    numeric: bool = False
    sortable: bool = True
    width: int = 120  # a starting width in pixels; the user can resize
    #: What a file carries instead of ``text`` when the screen adds marks or formatting to
    #: words (an export writes ``overdue``, never "⚠ Overdue").
    plain: Callable[[Row], Any] | None = None
    #: Texts the column may hold that the first page need not show (every status word, a
    #: long date): the column is made wide enough for them too when the list first shows.
    samples: tuple[str, ...] = ()

    def display(self, row: Row) -> str:
        """The cell as the screen shows it: ``text``, with a bidi override or a control
        character in a name shown as ``<U+202E>`` instead of obeyed (``domain.plain_text``)."""
        return shown_inert(self.text(row))


class ListPresenter(Protocol[Row]):
    @property
    def columns(self) -> Sequence[Column[Row]]: ...
    @property
    def sort_column(self) -> int: ...
    @property
    def descending(self) -> bool: ...
    def count(self) -> int: ...
    def page(self, offset: int, limit: int) -> list[Row]: ...
    def sort_by(self, column: int, descending: bool) -> None: ...
    def mark(self, row: Row) -> Mark: ...
