"""A contact's statement as the printed page needs it: ``StatementFigures``, filled from the
report service's statement (``services.reports.statement``), which reads the contact's
control-account postings in SQL.  So a document or payment voided after the period still
counts in its opening balance, and its reversal shows on the day it was voided, exactly as
the ledger and the aging report see the account; suppliers get a statement as customers do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ledgerdesk.domain.contacts import Contact
from ledgerdesk.domain.date_limits import clamped_days_after
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.reports.periods import Period
from ledgerdesk.services import reports
from ledgerdesk.services.printing import CompanyDetails, company_details
from ledgerdesk.services.report_ports import ReportBook

#: A statement given only its last day covers the days before it, this many.
STATEMENT_DAYS = 90


def default_start(end: dt.date) -> dt.date:
    """``STATEMENT_DAYS`` before ``end``, or 0001-01-01 when the calendar starts later."""
    return clamped_days_after(end, -STATEMENT_DAYS)


class StatementLine(Protocol):
    """One document or payment; amounts as the side reads them (owed positive)."""

    @property
    def date(self) -> dt.date: ...
    @property
    def reference(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def charges(self) -> Money: ...  # raises what is owed; positive
    @property
    def credits(self) -> Money: ...  # lowers what is owed; positive
    @property
    def balance(self) -> Money: ...


@dataclass(frozen=True, slots=True)
class StatementFigures:
    contact: Contact
    company: CompanyDetails
    start: dt.date
    end: dt.date
    opening: Money  # owed at the start of ``start``
    lines: Sequence[StatementLine]  # by date
    closing: Money  # owed at the end of ``end``; negative: the account is in credit
    side: Side = Side.SALES  # SALES: what the customer owes us; PURCHASES: what we owe


def statement_figures(book: ReportBook, contact_id: int, start: dt.date, end: dt.date,
                      side: Side | None = None) -> StatementFigures:
    """The contact's account from ``start`` to ``end``: a customer's sales side, a
    supplier's purchases side; ``side`` chooses for a contact who is both."""
    if start > end:
        raise NotAllowed(_("The statement starts on {start} but ends before it, on {end}.").format(
                             start=start,
                             end=end))
    with book.read() as tx:
        contact = tx.get_contact(contact_id)
        if contact is None:
            raise NotFound(_("There is no contact with id {contact_id}.").format(
                               contact_id=contact_id))
        company = company_details(tx)
    if side is None:
        side = Side.SALES if contact.role.is_customer else Side.PURCHASES
    elif not (contact.role.is_customer if side is Side.SALES else contact.role.is_supplier):
        role = "customer" if side is Side.SALES else "supplier"
        raise NotAllowed(_("{name} is not a {role}, so has no {role} statement.").format(
                             name=contact.name,
                             role=role))
    s = reports.statement(book, side, contact_id, Period(start, end))
    return StatementFigures(contact, company, start, end, s.opening, tuple(s.lines),
                            s.closing, side)
