"""The book's own settings: company details, locale, document number prefixes, the
fiscal year start and the lock date (changed through ``services.lock``, audited).

The base currency is chosen when a book is created and shown here, not changed: every
posted amount is in it.  Which locales exist is the caller's knowledge (Babel lives in
``presentation``): ``update_settings`` is given them and refuses any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass, field

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.fiscal_year import FiscalYearStart, fiscal_year_problem
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.plain_text import text_problem
from ledgerdesk.domain.problems import Problem, ValidationFailed
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.services.company_logo import LogoImage, read_logo, write_logo
from ledgerdesk.services.fiscal_year import FISCAL_YEAR_START, fiscal_year_start
from ledgerdesk.services.lock import change_lock_in, lock_date
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.setup import BASE_CURRENCY, COMPANY_NAME

ADDRESS = "company_address"
TAX_NUMBER = "company_tax_number"
LOCALE = "locale"
MAX_PREFIX = 12
TAX_ROUNDING = "tax_rounding"
#: Said wherever the rounding is chosen: a change never reprices what is posted.
TAX_ROUNDING_NOTE = N_("Applies to documents saved from now on; posted documents keep the "
                       "amounts they were posted with.")


@dataclass(frozen=True)
class CompanySettings:
    company: str
    address: str
    tax_number: str
    locale: str  # "" until chosen: the window uses the system's
    currency: str
    prefixes: dict[DocumentKind, str]
    logo: LogoImage | None = field(default=None, repr=False)  # printed on documents
    fiscal_year_start: str = "01-01"  # MM-DD, as typed until saved
    lock_date: dt.date | None = None  # the last locked day; None: not locked


def read_settings(book: Book) -> CompanySettings:
    with book.read() as tx:
        return CompanySettings(
            company=tx.get_setting(COMPANY_NAME) or "", address=tx.get_setting(ADDRESS) or "",
            tax_number=tx.get_setting(TAX_NUMBER) or "", locale=tx.get_setting(LOCALE) or "",
            currency=tx.get_setting(BASE_CURRENCY) or "", prefixes=tx.number_prefixes(),
            logo=read_logo(tx), fiscal_year_start=str(fiscal_year_start(tx)),
            lock_date=lock_date(tx),
        )


def update_settings(book: Book, wanted: CompanySettings, known_locales: Container[str]) -> None:
    """Save every setting at once, or raise ``ValidationFailed`` and change nothing.

    ``wanted.locale`` must be one of ``known_locales``, or "" to follow the system's.
    """
    problems = _problems(wanted, known_locales)
    if problems:
        raise ValidationFailed(problems)
    with book.write() as tx:
        for key, value in ((COMPANY_NAME, wanted.company), (ADDRESS, wanted.address),
                           (TAX_NUMBER, wanted.tax_number), (LOCALE, wanted.locale)):
            if tx.get_setting(key) != value:
                tx.set_setting(key, value)
        current = tx.number_prefixes()
        for kind, prefix in wanted.prefixes.items():
            if current.get(kind) != prefix:
                tx.set_number_prefix(kind, prefix)
        write_logo(tx, wanted.logo)
        year_start = str(FiscalYearStart.parse(wanted.fiscal_year_start))
        if tx.get_setting(FISCAL_YEAR_START) != year_start:
            tx.set_setting(FISCAL_YEAR_START, year_start)
        change_lock_in(tx, wanted.lock_date)  # its own audit row when it moves
        tx.audit("settings", "book", None, {"company": wanted.company, "locale": wanted.locale,
                                            "fiscal_year_start": year_start})


def _problems(wanted: CompanySettings, known_locales: Container[str]) -> list[Problem]:
    problems = []
    if not wanted.company.strip():
        problems.append(Problem("company", "required", _("Type the company's name.")))
    for name, label, value, lines in (("company", _("company name"), wanted.company, False),
                                      ("address", "address", wanted.address, True),
                                      ("tax_number", _("tax number"), wanted.tax_number, False)):
        if why := text_problem(value, label, multiline=lines):
            problems.append(Problem(name, "plain_text", why))
    if wanted.locale and wanted.locale not in known_locales:
        problems.append(Problem(
            "locale", "unknown",
            _("“{locale}” is not a locale Ledgerdesk knows: choose one from the list.").format(
                locale=wanted.locale),
        ))
    if why := fiscal_year_problem(wanted.fiscal_year_start):
        problems.append(Problem("fiscal_year_start", "invalid", why))
    for kind, prefix in wanted.prefixes.items():
        if not prefix.strip() or len(prefix) > MAX_PREFIX or any(c.isspace() for c in prefix):
            problems.append(Problem(
                f"prefixes.{kind.value}", "invalid",
                _("The {label} prefix must be 1 to {max_prefix} characters without spaces.").format(
                    label=kind.label,
                    max_prefix=MAX_PREFIX),
            ))
        elif why := text_problem(prefix, f"{kind.label} prefix"):
            problems.append(Problem(f"prefixes.{kind.value}", "plain_text", why))
    return problems


def tax_rounding_in(tx: Transaction) -> TaxRounding:
    """How the book rounds tax on the documents it saves now (per line until chosen)."""
    value = tx.get_setting(TAX_ROUNDING)
    return TaxRounding(value) if value in {r.value for r in TaxRounding} else TaxRounding.PER_LINE


def tax_rounding(book: Book) -> TaxRounding:
    with book.read() as tx:
        return tax_rounding_in(tx)


def set_tax_rounding(book: Book, rounding: TaxRounding) -> bool:
    """Round tax this way on documents saved from now on; False when it already was."""
    with book.write() as tx:
        if tax_rounding_in(tx) is rounding:
            return False
        tx.set_setting(TAX_ROUNDING, rounding.value)
        tx.audit("settings", "book", None, {TAX_ROUNDING: rounding.value})
        return True
