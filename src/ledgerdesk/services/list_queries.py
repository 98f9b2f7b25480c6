"""What a list view asks for: filters, a sort column and a direction, for SQL to answer.

The app's lists never load a whole table: a view holds one of these queries, asks the book
for ``count_*`` and then for ~200-row pages (``*_page(query, offset, limit)``).  Storage
turns each query into parameterised SQL; the rules below say what every option means, and
the tests check storage against them with plain Python over the full lists.

Sorting always ends with the row's id, so equal keys keep one stable order and pages neither
repeat nor skip rows; ``descending`` reverses the whole order, the id included.  Text filters
are substrings, case-insensitive for ASCII letters (SQLite ``LIKE``); ``%`` and ``_`` in the
text are literal.  Text sorts (contact names, references) ignore ASCII case, like the
contacts table's ``NOCASE`` name column; document numbers sort as they are.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.payments import PaymentKind


class DocumentSort(enum.Enum):
    NUMBER = "number"  # drafts (no number) first when ascending
    CONTACT = "contact"
    ISSUE_DATE = "issue_date"
    DUE_DATE = "due_date"
    TOTAL = "total"
    OUTSTANDING = "outstanding"
    STATUS = "status"  # in the order of STATUS_ORDER


class StatusFilter(enum.Enum):
    ALL = "all"
    DRAFT = "draft"
    OPEN = "open"  # authorised with outstanding > 0 (overdue and partly paid included)
    OVERDUE = "overdue"  # open and due before ``today``
    PARTLY_PAID = "partly_paid"  # authorised with 0 < outstanding < total
    PAID = "paid"  # authorised with outstanding 0
    VOIDED = "voided"


#: ``DocumentSummary.status(today)`` labels in the order a STATUS sort puts them.
STATUS_ORDER = ("draft", "open", "partly paid", "overdue", "paid", "void")


def _kinds(values: object, every: type[enum.Enum]) -> tuple:
    """The distinct kinds as a tuple in enum order (a list or set is accepted too)."""
    chosen = set(values)  # type: ignore[call-overload]
    if not chosen:
        raise ValueError("a list query needs at least one kind")
    return tuple(kind for kind in every if kind in chosen)


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    kinds: tuple[DocumentKind, ...]
    today: dt.date  # what "overdue" is measured against
    status: StatusFilter = StatusFilter.ALL
    contact_id: int | None = None
    date_from: dt.date | None = None  # issue date, inclusive
    date_to: dt.date | None = None  # issue date, inclusive
    text: str = ""  # in the number, the contact's name or the reference
    sort: DocumentSort = DocumentSort.ISSUE_DATE
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", _kinds(self.kinds, DocumentKind))
        object.__setattr__(self, "text", self.text.strip())


class PaymentSort(enum.Enum):
    DATE = "date"
    CONTACT = "contact"
    AMOUNT = "amount"
    REFERENCE = "reference"


@dataclass(frozen=True, slots=True)
class PaymentQuery:
    kinds: tuple[PaymentKind, ...] = tuple(PaymentKind)
    contact_id: int | None = None
    date_from: dt.date | None = None  # inclusive
    date_to: dt.date | None = None  # inclusive
    text: str = ""  # in the contact's name, the reference or an allocated document's number
    include_voided: bool = False
    sort: PaymentSort = PaymentSort.DATE
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", _kinds(self.kinds, PaymentKind))
        object.__setattr__(self, "text", self.text.strip())


class ContactSort(enum.Enum):
    NAME = "name"
    RECEIVABLE = "receivable"
    PAYABLE = "payable"


@dataclass(frozen=True, slots=True)
class ContactQuery:
    #: CUSTOMER: everyone who can buy (customers and BOTH); SUPPLIER likewise; BOTH: exactly.
    role: ContactRole | None = None
    text: str = ""  # in the name or the email address
    sort: ContactSort = ContactSort.NAME
    descending: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.text.strip())

