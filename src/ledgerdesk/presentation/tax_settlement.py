"""``SettleTaxForm``: the Reports page's "Settle…" for a tax return, without Qt.

It offers the book's bank accounts and a payment date (the period's last day, or today if
later), asks the question the window confirms (what is paid or received, from or into
which bank, on which day), and settles with the one service call ``settle-tax`` makes.
Problems come back by field, worded as the command line words them; what was typed stays.
"""

from __future__ import annotations

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import AccountRole
from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.domain.tax_settlement import settled_words
from ledgerdesk.domain.wording import worded
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateError, DateFormatter, parse_date
from ledgerdesk.presentation.session import Session
from ledgerdesk.reports.tax_return import TaxReturn
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.tax_settlement import settle_tax


class SettleTaxForm:
    def __init__(self, session: Session, report: TaxReturn) -> None:
        self.session, self.report = session, report
        self.money = AmountFormatter(session.locale, session.currency)
        self.dates = DateFormatter(session.locale)
        with session.book.read() as tx:
            accounts = tx.accounts()
        self.banks = [(a.code, f"{a.code} {a.name}") for a in accounts.values()
                      if a.role is AccountRole.BANK]
        self.bank = self.banks[0][0] if self.banks else ""
        self.date_text = self.dates.short(max(session.today, report.period.end))
        self.problems: dict[str, str] = {}

    @property
    def can_settle(self) -> bool:
        return not self.why_not

    @property
    def why_not(self) -> str:
        """Why this return cannot be settled ("" when it can)."""
        if self.report.settled is not None:
            return _("Settled by {settled}.").format(settled=self.report.settled.describe())
        if self.report.net_due.is_zero:
            return _("Nothing is due for this period.")
        return ""

    @property
    def refund(self) -> bool:
        return not self.report.net_due.is_positive

    def _bank_name(self) -> str:
        return dict(self.banks).get(self.bank, self.bank)

    def question(self) -> str:
        period = self.report.period
        amount = self.money.format(abs(self.report.net_due).amount)
        question = (_("Receive {amount} of tax for {start} to {end} into {bank} on {date}? It is "
                      "posted to the ledger, and the period cannot be settled again.")
                    if self.refund else
                    _("Pay {amount} of tax for {start} to {end} from {bank} on {date}? It is "
                      "posted to the ledger, and the period cannot be settled again."))
        return question.format(amount=amount, start=self.dates.short(period.start),
                               end=self.dates.short(period.end), bank=self._bank_name(),
                               date=self.date_text.strip())

    def settle(self) -> str | None:
        """Settle, saying what was done; None with ``problems`` when refused."""
        self.problems = {}
        try:
            day = parse_date(self.date_text, self.session.locale)
        except DateError as exc:
            self.problems["date"] = str(exc)
            return None
        try:
            settled = settle_tax(self.session.book, self.report.period, day, self.bank)
        except ValidationFailed as exc:
            self.problems = {p.field: p.message for p in exc.problems}
            return None
        except (NotAllowed, BookFailure) as exc:
            self.problems = {"settlement": str(exc)}
            return None
        bank = dict(self.banks).get(settled.bank_account_code, "").split(" ", 1)[-1]
        return worded(settled_words(settled, bank), lambda m: self.money.format(m.amount))
