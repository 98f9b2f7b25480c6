"""Validated input for the use cases (pydantic at the edge), and its errors as Problems."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, ValidationInfo
from pydantic_core import PydanticCustomError

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, TaxMode
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.plain_text import text_problem
from ledgerdesk.domain.problems import Problem

# Finite decimals only: pydantic refuses NaN and Infinity with allow_inf_nan=False.
Amount = Annotated[Decimal, Field(allow_inf_nan=False, max_digits=18)]


def _plain(*, multiline: bool) -> AfterValidator:
    """Refuses controls and bidi overrides (``domain.plain_text``), naming the field."""
    def check(value: str, info: ValidationInfo) -> str:
        label = (info.field_name or "text").replace("_", " ")
        if why := text_problem(value, label, multiline=multiline):
            raise PydanticCustomError("plain_text", why)  # why holds no user text, no braces
        return value

    return AfterValidator(check)


#: Text of one line (a name, a reference) and of several (an address, a line's text).
Line = Annotated[str, _plain(multiline=False)]
Lines = Annotated[str, _plain(multiline=True)]


class _Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class NewContact(_Command):
    name: Line = Field(min_length=1, max_length=200)
    role: ContactRole
    email: Line = ""
    tax_number: Line = ""
    payment_terms_days: int = Field(default=30, ge=0, le=365)
    address: Lines = ""  # multi-line; checked by domain.contacts.validate_contact
    #: The currency a new document of theirs starts in (ISO 4217); None: the book's own.
    currency: str | None = Field(default=None, max_length=12)


class EditContact(NewContact):
    """Every field of an existing contact, as it should be after the edit."""

    contact_id: int


class LineInput(_Command):
    description: Lines = Field(default="", max_length=1000)
    quantity: Amount = Decimal(1)
    unit_price: Amount
    account_code: str
    #: The line's tax code, by id (the editor) or by name (an import); or only a rate,
    #: which takes its side's first code at that rate (``services.tax_codes``).
    tax_code_id: int | None = None
    tax_code: Line = Field(default="", max_length=60)
    tax_rate: Amount | None = None
    discount_percent: Amount = Decimal(0)


class DocumentDraft(_Command):
    kind: DocumentKind
    contact_id: int
    issue_date: dt.date
    due_date: dt.date | None = None  # None: the contact's payment terms
    currency: str | None = None  # None: the contact's currency, else the book's
    exchange_rate: Amount | None = None  # None: the book's rate of its date (1 at home)
    reference: Line = Field(default="", max_length=255)
    tax_mode: TaxMode = TaxMode.EXCLUSIVE
    lines: list[LineInput] = Field(default_factory=list)


class AllocationInput(_Command):
    document_id: int
    amount: Amount


class RecordPayment(_Command):
    kind: PaymentKind
    contact_id: int
    date: dt.date
    amount: Amount  # in the bank account's currency
    currency: str | None = None  # None: the bank account's
    #: Home units per unit of the payment's currency; None: the book's rate of its date.
    exchange_rate: Amount | None = None
    bank_account_code: str | None = None  # None: the book's first bank account
    allocations: list[AllocationInput] = Field(default_factory=list)
    keep_excess_as_credit: bool = False
    reference: Line = Field(default="", max_length=255)
    client_token: str = Field(default_factory=lambda: uuid.uuid4().hex, min_length=8)


class ApplyCredit(_Command):
    credit_id: int
    date: dt.date
    allocations: list[AllocationInput] = Field(min_length=1)


def problems_from(error: ValidationError) -> list[Problem]:
    """pydantic's errors as Problems with the same field paths the forms use."""
    problems = []
    for err in error.errors():
        path = ""
        for part in err["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        problems.append(Problem(path or "input", err["type"], _message(err)))
    return problems


def _message(err) -> str:
    """pydantic's sentence, or ours where its is vague (a pasted text too long)."""
    if err["type"] == "string_too_long" and isinstance(err.get("input"), str):
        return (_("It has {count} characters; at most {err} fit: shorten it.").format(
                    count=len(err['input']), err=err['ctx']['max_length']))
    return err["msg"]
