"""A report's parameters as the window edits them, without Qt: typed texts in, a request out.

``ReportForm`` keeps what the user typed (dates in the locale's short format, bucket limits
like ``30,60,90``) across reports, so a period chosen for the profit and loss is still there
when the general ledger opens.  ``request()`` reads the texts: a ``ReportRequest`` when all
are good, else None with one sentence per field in ``problems``; nothing typed is changed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass, field

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.fiscal_year import FiscalYearStart
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.dates import DateError, DateFormatter, parse_date
from ledgerdesk.reports.periods import AgingBuckets, Period, year_before


class ReportKind(enum.Enum):
    """Every report, named as ``ledgerdesk report`` names it."""

    RECEIVABLE_AGING = "receivable-aging"
    PAYABLE_AGING = "payable-aging"
    PROFIT_AND_LOSS = "profit-and-loss"
    BALANCE_SHEET = "balance-sheet"
    TRIAL_BALANCE = "trial-balance"
    GENERAL_LEDGER = "general-ledger"
    PAYMENTS_REGISTER = "payments-register"
    SALES_TAX = "sales-tax"
    TAX_RETURN = "tax-return"
    CUSTOMER_STATEMENT = "customer-statement"
    SUPPLIER_STATEMENT = "supplier-statement"
    FX_REVALUATION = "fx-revaluation"

    @property
    def title(self) -> str:
        return _(_TITLES[self])

    @property
    def side(self) -> Side:
        purchases = (ReportKind.PAYABLE_AGING, ReportKind.SUPPLIER_STATEMENT)
        return Side.PURCHASES if self in purchases else Side.SALES


class Field(enum.Enum):
    PERIOD = "period"  # preset, from, to
    AS_OF = "as_of"
    COMPARE = "compare"  # profit and loss: beside which period
    COMPARE_TO = "compare_to"  # balance sheet: beside which date
    BUCKETS = "buckets"
    ACCOUNT = "account"
    CONTACT = "contact"
    DETAIL = "detail"  # aging: one row per document
    TAX_CODE = "tax_code"  # tax return: one code's documents (None: every code)


_AGING = (Field.AS_OF, Field.BUCKETS, Field.CONTACT, Field.DETAIL)
_STATEMENT = (Field.CONTACT, Field.PERIOD, Field.BUCKETS)
FIELDS: dict[ReportKind, tuple[Field, ...]] = {
    ReportKind.RECEIVABLE_AGING: _AGING,
    ReportKind.PAYABLE_AGING: _AGING,
    ReportKind.PROFIT_AND_LOSS: (Field.PERIOD, Field.COMPARE),
    ReportKind.BALANCE_SHEET: (Field.AS_OF, Field.COMPARE_TO),
    ReportKind.TRIAL_BALANCE: (Field.AS_OF,),
    ReportKind.GENERAL_LEDGER: (Field.ACCOUNT, Field.PERIOD),
    ReportKind.PAYMENTS_REGISTER: (Field.PERIOD,),
    ReportKind.SALES_TAX: (Field.PERIOD,),
    ReportKind.TAX_RETURN: (Field.PERIOD, Field.TAX_CODE),
    ReportKind.CUSTOMER_STATEMENT: _STATEMENT,
    ReportKind.SUPPLIER_STATEMENT: _STATEMENT,
    ReportKind.FX_REVALUATION: (Field.AS_OF,),
}


class Preset(enum.Enum):
    THIS_MONTH = N_("This month")
    LAST_MONTH = N_("Last month")
    THIS_QUARTER = N_("This quarter")
    FISCAL_YEAR_TO_DATE = N_("Fiscal year to date")
    LAST_FISCAL_YEAR = N_("Last fiscal year")
    YEAR_TO_DATE = N_("Year to date")
    LAST_YEAR = N_("Last year")
    CUSTOM = N_("Custom")


_TITLES = {
    ReportKind.RECEIVABLE_AGING: N_("Receivable aging"),
    ReportKind.PAYABLE_AGING: N_("Payable aging"),
    ReportKind.PROFIT_AND_LOSS: N_("Profit and loss"),
    ReportKind.BALANCE_SHEET: N_("Balance sheet"),
    ReportKind.TRIAL_BALANCE: N_("Trial balance"),
    ReportKind.GENERAL_LEDGER: N_("General ledger"),
    ReportKind.PAYMENTS_REGISTER: N_("Payments register"),
    ReportKind.SALES_TAX: N_("Sales tax summary"),
    ReportKind.TAX_RETURN: N_("Tax return"),
    ReportKind.CUSTOMER_STATEMENT: N_("Customer statement"),
    ReportKind.SUPPLIER_STATEMENT: N_("Supplier statement"),
    ReportKind.FX_REVALUATION: N_("Exchange revaluation"),
}


def preset_period(preset: Preset, today: dt.date,
                  year: FiscalYearStart | None = None) -> Period:
    """The dates of a preset (not CUSTOM) as seen on ``today``; the fiscal ones follow the
    book's fiscal year (``year``, 1 January when not given)."""
    year = year or FiscalYearStart()
    if preset is Preset.FISCAL_YEAR_TO_DATE:
        return Period(year.year_of(today)[0], today)
    if preset is Preset.LAST_FISCAL_YEAR:  # in the calendar's first year, that year
        return Period(*(year.year_before(today) or year.year_of(today)))
    if preset is Preset.THIS_MONTH:
        return _months(today.year, today.month, 1)
    if preset is Preset.LAST_MONTH:
        last = today.replace(day=1) - dt.timedelta(days=1)
        return _months(last.year, last.month, 1)
    if preset is Preset.THIS_QUARTER:
        return _months(today.year, (today.month - 1) // 3 * 3 + 1, 3)
    if preset is Preset.LAST_YEAR:
        return Period(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    if preset is Preset.YEAR_TO_DATE:
        return Period.year_to_date(today)
    raise ValueError("a custom period has no preset dates")


def _months(year: int, month: int, count: int) -> Period:
    last_month = month + count - 1
    return Period(dt.date(year, month, 1),
                  dt.date(year, last_month, calendar.monthrange(year, last_month)[1]))


class Compare(enum.Enum):
    PREVIOUS_PERIOD = N_("The period before")
    LAST_YEAR = N_("The same period last year")


@dataclass(frozen=True)
class ReportRequest:
    """Everything one run of a report needs, checked."""

    kind: ReportKind
    period: Period | None = None
    previous: Period | None = None  # profit and loss; None: the period before
    as_of: dt.date | None = None
    compare_to: dt.date | None = None  # balance sheet; None: a year before
    buckets: AgingBuckets = field(default_factory=AgingBuckets)
    account: str | None = None
    contact_id: int | None = None
    detail: bool = False
    tax_code_id: int | None = None  # tax return: that code's documents


@dataclass
class ReportForm:
    locale: str
    today: dt.date
    kind: ReportKind = ReportKind.RECEIVABLE_AGING
    preset: Preset = Preset.FISCAL_YEAR_TO_DATE
    start_text: str = ""
    end_text: str = ""
    as_of_text: str = ""
    compare_to_text: str = ""  # blank: a year before
    buckets_text: str = "30,60,90"
    compare: Compare = Compare.PREVIOUS_PERIOD
    account: str | None = None
    contact_id: int | None = None
    detail: bool = False
    tax_code_id: int | None = None
    problems: dict[Field, str] = field(default_factory=dict)
    year_start: FiscalYearStart = field(default_factory=FiscalYearStart)  # the book's

    def __post_init__(self) -> None:
        self.dates = DateFormatter(self.locale)
        self.as_of_text = self.as_of_text or self.dates.short(self.today)
        self.choose_preset(self.preset)

    @property
    def fields(self) -> tuple[Field, ...]:
        return FIELDS[self.kind]

    def choose_preset(self, preset: Preset) -> None:
        """A preset fills in its dates; CUSTOM keeps what is typed."""
        self.preset = preset
        if preset is not Preset.CUSTOM:
            self.show_period(preset_period(preset, self.today, self.year_start))

    def show_period(self, period: Period) -> None:
        self.start_text, self.end_text = (self.dates.short(period.start),
                                          self.dates.short(period.end))

    def request(self) -> ReportRequest | None:
        """The checked request, or None with ``problems`` saying what to fix."""
        self.problems = {}
        values: dict[str, object] = {"kind": self.kind}
        for each in self.fields:
            try:
                values.update(self._read(each))
            except (DateError, ValueError) as exc:
                self.problems[each] = str(exc)
        return None if self.problems else ReportRequest(**values)  # type: ignore[arg-type]

    def _read(self, which: Field) -> dict[str, object]:
        if which is Field.PERIOD:
            start, end = self._date(self.start_text, _("From")), self._date(self.end_text, _("To"))
            if start > end:
                raise ValueError(f"The period ends ({self.dates.short(end)}) before it "
                                 f"starts ({self.dates.short(start)}).")
            period = Period(start, end)
            if self.compare is Compare.LAST_YEAR and Field.COMPARE in self.fields:
                previous = year_before(period)
                if previous is None:
                    raise ValueError(f"There is no year before year {end.year} to compare "
                                     f"with; choose {Compare.PREVIOUS_PERIOD.value.lower()}.")
                return {"period": period, "previous": previous}
            return {"period": period}
        if which is Field.AS_OF:
            return {"as_of": self._date(self.as_of_text, _("As of"))}
        if which is Field.COMPARE_TO:
            text = self.compare_to_text.strip()
            return {"compare_to": self._date(text, _("Compare to")) if text else None}
        if which is Field.BUCKETS:
            try:
                return {"buckets": AgingBuckets.parse(self.buckets_text)}
            except ValueError as exc:
                raise ValueError(f"Buckets: {exc}.") from None
        if which is Field.ACCOUNT:
            if not self.account:
                raise ValueError("Choose the account whose ledger to show.")
            return {"account": self.account}
        if which is Field.CONTACT:
            if self.contact_id is None and self.kind in (ReportKind.CUSTOMER_STATEMENT,
                                                         ReportKind.SUPPLIER_STATEMENT):
                who = "customer" if self.kind.side is Side.SALES else "supplier"
                raise ValueError(f"Choose the {who} whose statement to show.")
            return {"contact_id": self.contact_id}
        if which is Field.TAX_CODE:
            return {"tax_code_id": self.tax_code_id}
        return {"detail": self.detail} if which is Field.DETAIL else {}

    def _date(self, text: str, which: str) -> dt.date:
        try:
            return parse_date(text, self.locale)
        except DateError as exc:
            raise DateError(f"{which}: {exc}", exc.problem, exc.text) from None
