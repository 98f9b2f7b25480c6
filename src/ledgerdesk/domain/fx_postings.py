"""The journal lines of foreign documents and payments, at home (issue 15).

Every journal line keeps its amount in the home currency; a line that holds foreign money
(a foreign document's receivable or payable, a foreign bank account) keeps its own amount
beside it.  A foreign document is booked at its rate: each line's net and tax at home on
its own (as the tax reports convert them), one line per account, and the few minor units
the rounding leaves on its largest income or expense line (never on tax), so the entry
balances and the control account holds exactly ``total × rate``.  A payment brings in its
money at its own rate and takes each settled document off the control account at that
document's booked rate (``domain.fx``); what is left between the two is the realised
exchange gain or loss, on the book's exchange account.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.ledger import JournalLine, merge_lines
from ledgerdesk.domain.money import Money, total
from ledgerdesk.domain.payments import Payment


def _own(amount: Money, home: str) -> Money | None:
    return None if amount.currency == home else amount


def document_lines_at_home(control: JournalLine, nets: Sequence[JournalLine],
                           taxes: Sequence[JournalLine], rate: Decimal,
                           home: str) -> tuple[JournalLine, ...]:
    """A foreign document's control line, and its lines' net and tax amounts (in the
    document's currency, one of each per document line) at home, one line per account:
    the control line keeps its foreign amount."""
    at_home = at_rate(control.amount, rate, home)
    net_lines = [JournalLine(ln.account_code, at_rate(ln.amount, rate, home)) for ln in nets]
    tax_lines = [JournalLine(ln.account_code, at_rate(ln.amount, rate, home)) for ln in taxes]
    lines = list(merge_lines(net_lines + tax_lines))
    left = -(at_home + total([ln.amount for ln in lines], home))
    if not left.is_zero and net_lines:
        code = max(net_lines, key=lambda ln: abs(ln.amount.amount)).account_code
        lines = [JournalLine(ln.account_code, ln.amount + left) if ln.account_code == code
                 else ln for ln in lines]
        if all(ln.account_code != code for ln in lines):  # its amounts merged to nothing
            lines.append(JournalLine(code, left))
    head = JournalLine(control.account_code, at_home, foreign=control.amount)
    return (head, *(ln for ln in lines if not ln.amount.is_zero))


def payment_lines(payment: Payment, control: str, exchange: str | None,
                  home: str) -> tuple[JournalLine, ...]:
    """A payment's lines when foreign money is in it: the bank at the payment's rate, the
    control account per foreign document at its booked rate (``Allocation.home``), the
    home-currency documents and any excess kept as credit together, and the realised
    exchange difference."""
    sign = 1 if payment.kind.money_in else -1
    received = at_rate(payment.amount, payment.rate, home)
    lines = [JournalLine(payment.bank_account_code, received.times(sign),
                         foreign=_own(payment.amount.times(sign), home))]
    plain = Money.zero(home)
    for allocation in payment.allocations:
        if allocation.amount.currency == home:
            plain = plain + allocation.amount
        elif allocation.home is None:
            raise ValueError("a foreign document's settlement needs its home amount")
        else:
            lines.append(JournalLine(control, allocation.home.times(-sign),
                                     foreign=allocation.amount.times(-sign)))
    excess = payment.excess
    if excess.is_positive:
        kept = at_rate(excess, payment.rate, home)
        if excess.currency == home:
            plain = plain + kept
        else:
            lines.append(JournalLine(control, kept.times(-sign), foreign=excess.times(-sign)))
    if not plain.is_zero:
        lines.insert(1, JournalLine(control, plain.times(-sign)))
    difference = -total([ln.amount for ln in lines], home)
    if not difference.is_zero:
        if exchange is None:
            raise ValueError("an exchange difference needs the book's exchange account")
        lines.append(JournalLine(exchange, difference))
    return tuple(lines)
