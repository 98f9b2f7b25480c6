"""``JournalEditor``: the manual journal form's logic, without Qt.

Lines hold what the user typed: an account (its code, picked or typed as code, "code name"
or name), a debit or a credit in their locale, a description.  On every keystroke the
domain's own ``validate_journal`` checks the lines that are not empty, so each problem is
shown beside its cell and the totals and difference follow; Save is possible only when
nothing is wrong.  Saving is one service call, which checks again; what it refuses comes
back to the same cells.  A recorded journal opens read-only, and can be voided.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.journals import JournalLine, ManualJournal, validate_journal
from ledgerdesk.domain.ledger import Account, AccountRole
from ledgerdesk.domain.problems import NotAllowed, Problem, ValidationFailed
from ledgerdesk.presentation.amounts import AmountError, AmountFormatter, parse_amount
from ledgerdesk.presentation.balance_words import balance_text
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.journal_steps import RecordJournalStep
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import (
    load_journal,
    record_journal,
    reversal_date,
    void_date,
    void_journal,
)
from ledgerdesk.services.ports import BookFailure

FIELDS = ("account", "debit", "credit", "description")
AMOUNTS = ("debit", "credit")
_PATH = re.compile(r"lines\[([0-9]+)\](.*)")
_NOT_OFFERED = (AccountRole.RECEIVABLE, AccountRole.PAYABLE)


@dataclass
class JournalLineDraft:
    texts: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # what could not be read, by cell

    def text(self, name: str) -> str:
        return self.texts.get(name, "")

    @property
    def is_blank(self) -> bool:
        return not any(text.strip() for text in self.texts.values())


class JournalEditor:
    def __init__(self, session: Session, journal_id: int | None = None) -> None:
        self.session, self.journal_id = session, journal_id
        self.fmt = AmountFormatter(session.locale, session.currency)
        self.short_date = DateFormatter(session.locale).short
        with session.book.read() as tx:
            self.chart: dict[str, Account] = tx.accounts()
        #: What the account picker offers: never a control account, nor an archived one.
        self.accounts = [a for a in sorted(self.chart.values(), key=lambda a: a.code)
                         if a.role not in _NOT_OFFERED and not getattr(a, "archived", False)]
        self.date = session.today
        self.memo = ""
        self.lines = [JournalLineDraft(), JournalLineDraft()]
        self.number = ""
        self.voided = False
        self.reversed_on: dt.date | None = None
        self.refusal: list[Problem] = []  # what the service refused, by row paths
        self.edited = self.memo_touched = False
        self._checked: list[Problem] | None = None  # the live check, until the next edit
        if journal_id is not None:
            self._load(journal_id)

    # ---- state ------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.journal_id is not None

    @property
    def title(self) -> str:
        return _("Journal {number}").format(number=self.number) if self.number else _("New journal")

    @property
    def banner(self) -> str:
        if self.voided:
            when = self.short_date(self.reversed_on) if self.reversed_on else _("its void date")
            return (_("{number} is void: its reversal was posted on {when}. It stays in the books "
                      "for "
                      "the record.").format(number=self.number, when=when))
        if self.read_only:
            return (_("{number} is posted to the ledger, so it can no longer be changed. To "
                      "correct it, "
                      "void it (a reversal is posted) and record a new journal.").format(
                number=self.number))
        return ""

    @property
    def can_void(self) -> bool:
        return self.journal_id is not None and not self.voided

    def account_text(self, code: str) -> str:
        """``6000 Rent``: how the picker and the grid show an account."""
        account = self.chart.get(code)
        return f"{account.code} {account.name}" if account else code

    # ---- editing ------------------------------------------------------------------------

    def set_date(self, date: dt.date) -> None:
        self.date = date
        self._touch("date")

    def set_memo(self, text: str) -> None:
        self.memo, self.memo_touched = text, True
        self._touch("memo")

    def add_line(self) -> int:
        self.lines.append(JournalLineDraft())
        self._touch()
        return len(self.lines) - 1

    def remove_line(self, index: int) -> None:
        if 0 <= index < len(self.lines):
            del self.lines[index]
        while len(self.lines) < 2:
            self.lines.append(JournalLineDraft())
        self.refusal = [p for p in self.refusal if not p.field.startswith("lines[")]
        self._touch()

    def set_line_text(self, index: int, name: str, text: str) -> None:
        line = self.lines[index]
        line.texts[name] = self.account_code_of(text) if name == "account" else text
        line.errors.pop(name, None)
        if name in AMOUNTS and text.strip():
            try:
                parse_amount(text, self.session.locale, self.session.currency)
            except AmountError as exc:
                line.errors[name] = str(exc)
        self._touch(f"lines[{index}]")

    def account_code_of(self, text: str) -> str:
        """The code of the account ``text`` names: its code, "code name" as the picker
        writes it, or its name (or the only name holding the text); else ``text`` as it is,
        for the check to refuse by name."""
        typed = text.strip()
        if not typed or typed in self.chart:
            return typed
        first = typed.split()[0]
        if first in self.chart and self.account_text(first).casefold() == typed.casefold():
            return first
        folded = typed.casefold()
        named = [a.code for a in self.accounts if a.name.casefold() == folded]
        holding = [a.code for a in self.accounts if folded in self.account_text(a.code).casefold()]
        return (named or (holding if len(holding) == 1 else [typed]))[0]

    # ---- what the form shows ------------------------------------------------------------------

    def cell_text(self, index: int, name: str) -> str:
        """A cell as shown when it is not being typed in: an amount that reads in the
        locale's own format (``5.000`` as ``5.000,00``), anything else as typed."""
        line = self.lines[index]
        if name == "account":
            return self.account_text(line.text(name)) if line.text(name) else ""
        amount = self._amount(line, name) if name in AMOUNTS else None
        return self.fmt.format(amount) if amount is not None else line.text(name)

    def line_error(self, index: int, name: str) -> str:
        line = self.lines[index]
        if self.read_only or line.is_blank:
            return ""
        if name in line.errors:
            return line.errors[name]
        for problem in [*self.refusal, *self._problems()]:
            if self._cell_of(problem) == (index, name) or (
                    problem.code == "both_sides" and self._cell_of(problem)[0] == index
                    and name in AMOUNTS):
                return self._worded(problem)
        return ""

    def field_error(self, name: str) -> str:
        """A problem of the memo or the date, for beside that field."""
        if self.read_only:
            return ""
        refused = [p for p in self.refusal if p.field == name]
        live = [p for p in self._problems() if p.field == name]
        if live and live[0].code == "required" and not self.memo_touched:
            # Asked for once it is the only thing left, not while the lines are typed.
            others = [p for p in self._problems() if p.field != name]
            live = live if not others and self._content() else []
        return self._worded((refused or live)[0]) if refused or live else ""

    def form_problems(self) -> list[str]:
        """Problems of the journal as a whole (it does not balance, one line is not a
        journal) and refusals the book gave without a field, for under the grid."""
        if self.read_only:
            return []
        refused = [self._worded(p) for p in self.refusal if not self._is_field(p.field)]
        if not self._content():
            return refused
        live = [self._worded(p) for p in self._problems() if p.field == "lines"]
        return refused + live

    def balance_text(self) -> tuple[str, str, str]:
        """The debits, the credits, and "Balanced" or the difference (blank while empty)."""
        return balance_text(self.fmt, *self._totals())

    @property
    def is_balanced(self) -> bool:
        debits, credits = self._totals()
        return bool(debits) and debits == credits

    @property
    def has_input_errors(self) -> bool:
        return any(line.errors for line in self.lines)

    @property
    def can_save(self) -> bool:
        return (not self.read_only and not self.has_input_errors and bool(self._content())
                and not self._problems())

    # ---- saving and voiding ---------------------------------------------------------------------

    def command(self) -> RecordJournal:
        return RecordJournal(date=self.date, memo=self.memo, lines=[
            JournalLineInput(account_code=line.text("account"),
                             description=line.text("description"),
                             debit=self._amount(line, "debit"),
                             credit=self._amount(line, "credit"))
            for line in self._content()
        ])

    def save(self) -> RecordJournalStep | None:
        """Record the journal; its undo step, or None with the refusal beside its fields."""
        if not self.can_save:
            return None
        from pydantic import ValidationError

        from ledgerdesk.services.commands import problems_from

        rows = self._rows()
        try:
            command = self.command()
            recorded = record_journal(self.session.book, command)
        except ValidationError as exc:
            self.refusal = _on_rows(problems_from(exc), rows)
            return None
        except ValidationFailed as exc:
            self.refusal = _on_rows(exc.problems, rows)
            return None
        except (NotAllowed, BookFailure) as exc:  # one sentence; the form stays as typed
            self.refusal = [Problem("journal", "refused", str(exc))]
            return None
        self.journal_id, self.number = recorded.journal_id, recorded.number
        self.refusal, self.edited = [], False
        return RecordJournalStep(self.session, command, recorded.journal_id, recorded.number)

    def void(self) -> str:
        """Void the journal (a reversal on today, or on its date if that is later)."""
        assert self.journal_id is not None
        journal = load_journal(self.session.book, self.journal_id)
        on = void_date(journal, self.session.today)
        void_journal(self.session.book, self.journal_id, on)
        self.voided, self.reversed_on = True, on
        return _("{number} is void; a reversal was posted on {short_date}.").format(
                   number=self.number,
                   short_date=self.short_date(on))

    # ---- internals --------------------------------------------------------------------------

    def _touch(self, path: str = "") -> None:
        self.edited, self._checked = True, None
        if path:
            self.refusal = [p for p in self.refusal if not p.field.startswith(path)]

    def _rows(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if not line.is_blank]

    def _content(self) -> list[JournalLineDraft]:
        return [line for line in self.lines if not line.is_blank]

    def _amount(self, line: JournalLineDraft, name: str) -> Decimal | None:
        text = line.text(name)
        if not text.strip() or name in line.errors:
            return None
        return parse_amount(text, self.session.locale, self.session.currency)

    def _journal(self) -> ManualJournal:
        lines = tuple(JournalLine(line.text("account"), self._amount(line, "debit"),
                                  self._amount(line, "credit"), line.text("description"))
                      for line in self._content())
        return ManualJournal(self.date, self.memo, lines, self.session.currency)

    def _problems(self) -> list[Problem]:
        """The domain's problems of the lines typed so far, with row paths."""
        if self._checked is None:
            self._checked = _on_rows(validate_journal(self._journal(), self.chart), self._rows())
        return self._checked

    def _totals(self) -> tuple[Decimal, Decimal]:
        debits = credits = Decimal(0)
        for line in self._content():
            debits += self._amount(line, "debit") or 0
            credits += self._amount(line, "credit") or 0
        return debits, credits

    def _cell_of(self, problem: Problem) -> tuple[int, str]:
        match = _PATH.fullmatch(problem.field)
        if match is None:
            return -1, ""
        index, rest = int(match.group(1)), match.group(2)
        if rest == ".account_code":
            return index, "account"
        if rest in (".debit", ".credit", ".description"):
            return index, rest[1:]
        if rest == ".amount" and 0 <= index < len(self.lines):
            line = self.lines[index]
            return index, "credit" if line.text("credit").strip() and not line.text(
                "debit").strip() else "debit"
        return index, ""

    @staticmethod
    def _is_field(path: str) -> bool:
        return path in ("memo", "date") or path.startswith("lines[")

    def _worded(self, problem: Problem) -> str:
        """The domain's sentence, with its amounts in the user's locale."""
        if problem.code == "unbalanced":
            n, money = problem.numbers, self.fmt.format
            return (_("The debits ({money}) and credits ({money2}) differ by {money3}: a journal "
                      "must "
                      "balance to the cent.").format(
                money=money(n['debits']),
                money2=money(n['credits']),
                money3=money(n['difference'])))
        return problem.message

    def _load(self, journal_id: int) -> None:
        journal = load_journal(self.session.book, journal_id)
        self.date, self.memo, self.number = journal.date, journal.memo, journal.number or ""
        self.voided = journal.voided
        if journal.voided:
            self.reversed_on = reversal_date(self.session.book, journal_id)
        money = self.fmt.format
        self.lines = [
            JournalLineDraft({"account": line.account_code, "description": line.description,
                              "debit": money(line.debit) if line.debit is not None else "",
                              "credit": money(line.credit) if line.credit is not None else ""})
            for line in journal.lines
        ]


def _on_rows(problems: Iterable[Problem], rows: list[int]) -> list[Problem]:
    """``lines[k]`` of the saved lines as ``lines[row]`` of the form (empty rows are left
    out of what is checked and saved)."""
    placed = []
    for problem in problems:
        match = _PATH.fullmatch(problem.field)
        if match is not None and int(match.group(1)) < len(rows):
            path = f"lines[{rows[int(match.group(1))]}]{match.group(2)}"
            problem = Problem(path, problem.code, problem.message, problem.numbers)
        placed.append(problem)
    return placed
