"""``settle_tax``: record the payment (or refund) of a period's tax return.

One transaction: the return is worked out from the book as the transaction sees it, an
earlier settlement of an overlapping period refuses it (naming that settlement), and the
entry posts exactly the net due, clearing each tax account for the period.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ledgerdesk.domain.bank_accounts import bank_account_problem
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed, Problem, ValidationFailed
from ledgerdesk.domain.tax_settlement import TaxSettlement, overlapping, settlement_entry
from ledgerdesk.reports.periods import Period
from ledgerdesk.services.lock import refuse_inside_lock
from ledgerdesk.services.report_ports import ReportBook
from ledgerdesk.services.setup import default_bank
from ledgerdesk.services.tax_return import tax_return_in


def settle_tax(book: ReportBook, period: Period, date: dt.date,
               bank: str | None = None) -> TaxSettlement:
    """Pay (or receive) the net due of ``period`` on ``date`` from (into) ``bank`` (default:
    the first bank account); returns the saved settlement."""
    with book.write() as tx:
        refuse_inside_lock(tx, date, _("the tax settlement"))
        earlier = overlapping(tx.tax_settlements(), period.start, period.end)
        if earlier is not None:
            raise NotAllowed(_("{label} overlaps the tax settlement {earlier}: a period is "
                               "settled once.").format(
                label=period.label(),
                earlier=earlier.describe()))
        accounts = tx.accounts()
        bank_code = bank or default_bank(accounts)
        problems = _problems(accounts, bank_code, period, date)
        # Its lines are read on the book's report connection: while this transaction holds
        # the write lock, that sees exactly what this transaction sees.
        found = tax_return_in(tx, book.reports(), period)
        if found.net_due.is_zero:
            problems.append(Problem(
                "period", "nothing_due",
                _("Nothing is due for {label} (output tax {output_tax}, input tax {input_tax}): "
                  "there is nothing to pay or refund.").format(
                    label=period.label(),
                    output_tax=found.output_tax,
                    input_tax=found.input_tax)))
        if problems:
            raise ValidationFailed(problems)
        settlement = TaxSettlement(period.start, period.end, date, found.net_due, bank_code)
        settlement = dataclasses.replace(settlement, id=tx.add_tax_settlement(settlement))
        tx.post(settlement_entry(settlement, found.due_by_account()))
        return settlement


def _problems(accounts, bank: str, period: Period, date: dt.date) -> list[Problem]:
    problems = []
    why = bank_account_problem(bank, accounts)
    if why is not None:
        problems.append(Problem("bank", "not_a_bank", why))
    if date < period.end:
        problems.append(Problem(
            "date", "inside_period",
            _("The payment date {date} is before the period ends ({end}): a return is settled "
              "once its period is over.").format(
                date=date.isoformat(),
                end=period.end.isoformat())))
    return problems
