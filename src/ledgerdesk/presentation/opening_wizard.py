"""The opening balances wizard without Qt: a start date and a grid of balances.

Each row is an account with a debit or a credit; a receivable or payable row also carries
its contact, number and due date (an open invoice or bill).  Amounts are typed in the
locale; the domain's ``validate_opening`` runs live on the rows typed, so problems sit
beside their cells and the difference shows under the grid, as in the journal editor.
Finish calls the same use case as ``ledgerdesk import opening-balances``; rows can also
be read from the same CSV file.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.opening import OpeningLine, document_kind, validate_opening
from ledgerdesk.domain.problems import NotAllowed, Problem, ValidationFailed
from ledgerdesk.presentation.amounts import AmountError, AmountFormatter, parse_amount
from ledgerdesk.presentation.balance_words import balance_text
from ledgerdesk.presentation.dates import DateFormatter, parse_date
from ledgerdesk.presentation.journal_editor import JournalLineDraft, _on_rows
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.opening import OpenedBalances, record_opening_balances
from ledgerdesk.services.ports import BookFailure

FIELDS = ("account", "debit", "credit", "contact", "number", "due_date")
HEADERS = (N_("Account"), N_("Debit"), N_("Credit"), N_("Contact"), N_("Number"), N_("Due date"))
AMOUNTS = ("debit", "credit")
_FIELD_OF = {"account_code": "account"}


class OpeningWizard:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.fmt = AmountFormatter(session.locale, session.currency)
        self.dates = DateFormatter(session.locale)
        with session.book.read() as tx:
            self.chart = tx.accounts()
            self.prefixes = tx.number_prefixes()
        self.accounts = [a for a in self.chart.values() if not a.archived]
        self.as_of = session.today
        self.create_contacts = True
        self.lines = [JournalLineDraft() for _line in range(4)]
        self.refusal: list[Problem] = []
        self.refused = ""  # a refusal of the book as a whole, in one sentence
        self.result: OpenedBalances | None = None

    # ---- editing ------------------------------------------------------------------------
    def account_text(self, code: str) -> str:
        account = self.chart.get(code)
        return f"{account.code} {account.name}" if account else code

    def set_as_of(self, date: dt.date) -> None:
        self.as_of, self.refusal, self.refused = date, [], ""

    def add_line(self) -> int:
        self.lines.append(JournalLineDraft())
        return len(self.lines) - 1

    def set_line_text(self, index: int, name: str, text: str) -> None:
        line = self.lines[index]
        line.texts[name] = self._code_of(text) if name == "account" else text
        line.errors.pop(name, None)
        self.refusal, self.refused = [], ""
        if not text.strip():
            return
        try:
            if name in AMOUNTS:
                parse_amount(text, self.session.locale, self.session.currency)
            elif name == "due_date":
                parse_date(text, self.session.locale)
        except (AmountError, ValueError) as exc:
            line.errors[name] = str(exc)

    def load_lines(self, lines: list[OpeningLine]) -> None:
        """Rows read from a CSV file, shown as if typed."""
        money = self.fmt.format
        self.lines = [JournalLineDraft({
            "account": ln.account_code, "contact": ln.contact, "number": ln.number,
            "debit": money(ln.debit) if ln.debit is not None else "",
            "credit": money(ln.credit) if ln.credit is not None else "",
            "due_date": self.dates.short(ln.due_date) if ln.due_date else "",
        }) for ln in lines] or [JournalLineDraft()]

    def is_document_row(self, index: int) -> bool:
        """Whether the row is on the receivable or payable account (contact, number, due)."""
        code = self.lines[index].text("account")
        return code in self.chart and self.chart[code].role is not None and document_kind(
            OpeningLine(code, debit=Decimal(1)), self.chart) is not None

    # ---- what the form shows --------------------------------------------------------------
    def cell_text(self, index: int, name: str) -> str:
        line = self.lines[index]
        if name == "account":
            return self.account_text(line.text(name)) if line.text(name) else ""
        amount = self._amount(line, name) if name in AMOUNTS else None
        return self.fmt.format(amount) if amount is not None else line.text(name)

    def line_error(self, index: int, name: str) -> str:
        line = self.lines[index]
        if line.is_blank:
            return ""
        if name in line.errors:
            return line.errors[name]
        for problem in [*self.refusal, *self._problems()]:
            head, _dot, rest = problem.field.partition("].")
            if head == f"lines[{index}" and _FIELD_OF.get(rest, rest) == name:
                return problem.message
        return ""

    def form_problems(self) -> list[str]:
        """The balance of the whole, and refusals without a cell, for under the grid."""
        if self.refused:
            return [self.refused]
        found = [p for p in [*self.refusal, *self._problems()] if not p.field.startswith("lines[")]
        if not self._rows():
            return []
        return [self._worded(p) for p in found]

    def balance_text(self) -> tuple[str, str, str]:
        """The debits, the credits, and "Balanced" or the difference (blank while empty)."""
        return balance_text(self.fmt, *self._totals())

    @property
    def can_finish(self) -> bool:
        return (bool(self._rows()) and not any(ln.errors for ln in self.lines)
                and not self._problems() and not self.refusal and not self.refused)

    # ---- finishing ---------------------------------------------------------------------------
    def finish(self) -> bool:
        """Record the balances; False (problems beside their cells, input kept) if refused."""
        try:
            self.result = record_opening_balances(self.session.book, self.as_of,
                                                  self._opening_lines(),
                                                  create_contacts=self.create_contacts)
        except ValidationFailed as exc:
            self.refusal = _on_rows(exc.problems, self._rows())
            return False
        except (NotAllowed, BookFailure) as exc:
            self.refused = str(exc)
            return False
        return True

    def done_text(self) -> str:
        if self.result is None:
            return ""
        documents = sum(1 for i, words in self.result.created
                        if i >= 0 and not str(words[0]).startswith("contact "))
        if self.result.journal_number:
            return _("Opening balances as of {date} recorded: journal {journal} and {documents} "
                     "open invoices and bills.").format(
                         date=self.dates.short(self.as_of), journal=self.result.journal_number,
                         documents=documents)
        return _("Opening balances as of {date} recorded: {documents} open invoices and "
                 "bills.").format(date=self.dates.short(self.as_of), documents=documents)

    # ---- internals ---------------------------------------------------------------------------
    def _code_of(self, text: str) -> str:
        typed = text.strip()
        first = typed.split()[0] if typed else ""
        if first in self.chart and self.account_text(first).casefold() == typed.casefold():
            return first
        named = [a.code for a in self.accounts if a.name.casefold() == typed.casefold()]
        return named[0] if named else typed

    def _rows(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if not line.is_blank]

    def _amount(self, line: JournalLineDraft, name: str) -> Decimal | None:
        text = line.text(name)
        if not text.strip() or name in line.errors:
            return None
        return parse_amount(text, self.session.locale, self.session.currency)

    def _due(self, line: JournalLineDraft) -> dt.date | None:
        text = line.text("due_date")
        if not text.strip() or "due_date" in line.errors:
            return None
        return parse_date(text, self.session.locale)

    def _opening_lines(self) -> list[OpeningLine]:
        return [OpeningLine(ln.text("account"), self._amount(ln, "debit"),
                            self._amount(ln, "credit"), ln.text("contact").strip(),
                            ln.text("number").strip(), self._due(ln))
                for ln in (self.lines[i] for i in self._rows())]

    def _problems(self) -> list[Problem]:
        found = validate_opening(self._opening_lines(), self.chart, self.session.currency,
                                 self.prefixes)
        return _on_rows(found, self._rows())

    def _totals(self) -> tuple[Decimal, Decimal]:
        lines = self._opening_lines()
        return (sum((ln.debit or Decimal(0) for ln in lines), Decimal(0)),
                sum((ln.credit or Decimal(0) for ln in lines), Decimal(0)))

    def _worded(self, problem: Problem) -> str:
        if problem.code == "unbalanced":
            n, money = problem.numbers, self.fmt.format
            return (_("The debits ({money}) and credits ({money2}) differ by {money3}: opening "
                      "balances "
                      "must balance to the cent.").format(
                money=money(n['debits']),
                money2=money(n['credits']),
                money3=money(n['difference'])))
        return problem.message


def read_opening_file(path: Path) -> tuple[list[OpeningLine], list[str]]:
    """The rows of an opening balances CSV for the grid, and every cell it could not read
    (by row and column, as the command line names them)."""
    from ledgerdesk.services.imports.fields import ImportKind
    from ledgerdesk.services.imports.opening_rows import read_opening
    from ledgerdesk.services.imports.service import mapping_for
    from ledgerdesk.services.imports.source import open_csv

    source = open_csv(path)
    mapping = mapping_for(source, ImportKind.OPENING_BALANCES)
    problems: list = []
    rows = read_opening(source.rows(), mapping, problems)
    return [r.line for r in rows], [str(p) for p in problems]
