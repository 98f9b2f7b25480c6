"""Xero Accounting request bodies (``extra="forbid"``: a misspelt field fails here, not
remotely, since Xero's spec lets unknown keys through), and its dates.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, localcontext
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# strict: a JSON string "40.00" is refused (Xero wants a number), as is a float.
Money2dp = Annotated[Decimal, Field(gt=0, max_digits=15, decimal_places=2, allow_inf_nan=False,
                                    strict=True)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def body(self) -> dict[str, Any]:
        """The JSON-ready dict (Decimals stay Decimal for ``exact_json.dumps``)."""
        return self.model_dump(exclude_none=True)


class InvoiceRef(_Body):
    InvoiceID: str = Field(min_length=1)


class AccountRef(_Body):
    AccountID: str | None = None
    Code: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> AccountRef:
        if (self.AccountID is None) == (self.Code is None):
            raise ValueError("give exactly one of AccountID and Code")
        return self


class PaymentCreate(_Body):
    """``POST /Payments``: a bare Payment on one invoice."""

    Invoice: InvoiceRef
    Account: AccountRef
    Amount: Money2dp
    Date: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    Reference: str | None = Field(default=None, max_length=255)
    #: A foreign invoice's: units of its currency per one unit of the organisation's own.
    CurrencyRate: Decimal | None = Field(default=None, gt=0, allow_inf_nan=False)


def xero_rate(home_per_unit: Decimal | None) -> Decimal | None:
    """Xero's ``CurrencyRate`` (foreign units per one home unit) from ours (home units per
    one foreign unit), to the 10 places Xero keeps; None for the home currency."""
    if home_per_unit is None:
        return None
    with localcontext() as exact:
        exact.prec = 40
        return (Decimal(1) / home_per_unit).quantize(Decimal("1e-10"))


class PaymentDelete(_Body):
    """``POST /Payments/{PaymentID}``: payments are never edited, only deleted."""

    Status: Literal["DELETED"] = "DELETED"


# --- answers --------------------------------------------------------------------------------

_MS_DATE = re.compile(r"/Date\((-?[0-9]+)([+-][0-9]{4})?\)/")


def parse_ms_date(text: str) -> dt.date:
    """``/Date(1552348800000+0000)/`` to a calendar date, in UTC (never local time)."""
    match = _MS_DATE.fullmatch(text.strip())
    if match is None:
        return dt.date.fromisoformat(text[:10])
    millis = int(match.group(1))
    return (dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(milliseconds=millis)).date()
