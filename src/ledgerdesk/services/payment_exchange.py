"""What a payment with foreign money in it did at home, in the sentences both faces say:
the rate it came in at, the rate implied when it settled documents in another currency,
and the exchange gain or loss it realised (issue 15)."""

from __future__ import annotations

from decimal import Decimal

from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Payment
from ledgerdesk.domain.rates import rate_text
from ledgerdesk.services.exchange_account import EXCHANGE_ACCOUNT
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import base_currency


def implied_rate(paid: Money, settled: Money) -> Decimal:
    """Units of ``paid``'s currency per one unit of ``settled``'s, as the amounts imply."""
    return paid.amount / settled.amount


def exchange_lines(book: Book, payment_id: int) -> list[str]:
    """Nothing for a payment in the home currency for home-currency documents."""
    with book.read() as tx:
        payment = tx.get_payment(payment_id)
        home = base_currency(tx)
        code = tx.get_setting(EXCHANGE_ACCOUNT)
        entries = tx.entries_for(SourceType.PAYMENT, payment_id)
        account = tx.accounts().get(code) if code else None
    if payment is None or {payment.amount.currency, payment.settles_in} == {home}:
        return []
    lines = _rates(payment, home)
    realised = sum((ln.amount.amount for entry in entries[:1] for ln in entry.lines
                    if ln.account_code == code), Decimal(0))
    if realised and account is not None:
        template = (_("Realised an exchange loss of {amount} on {code} {name}.") if realised > 0
                    else _("Realised an exchange gain of {amount} on {code} {name}."))
        lines.append(template.format(amount=Money(abs(realised), home), code=account.code,
                                     name=account.name))
    return lines


def _rates(payment: Payment, home: str) -> list[str]:
    lines = []
    if payment.amount.currency != home:
        lines.append(_("At {rate} {home} per {currency}, {amount} is {at_home}.").format(
            rate=rate_text(payment.rate), home=home, currency=payment.amount.currency,
            amount=payment.amount, at_home=at_rate(payment.amount, payment.rate, home)))
    if payment.cross_currency and payment.allocated.is_positive:
        lines.append(_("{paid} settled {settled}: {rate} {currency} per {other}.").format(
            paid=payment.amount, settled=payment.allocated,
            rate=rate_text(implied_rate(payment.amount, payment.allocated)),
            currency=payment.amount.currency, other=payment.settles_in))
    return lines
