"""The Reconcile page without Qt: a bank account's statement (date and closing balance)
against its uncleared postings, ticked one by one, with a live difference.

Every figure follows from the draft (``services.reconciliation.start_reconciliation``) and
the ticked line ids, so ticking asks nothing of the book; Finish hands the ids to
``finish_reconciliation``, which checks everything again in its write transaction.  The
words are the command line's (``ledgerdesk reconcile``): the finished and undone sentences
and every refusal come from the same domain functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.ledger import Account
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.domain.reconciliation import (
    BankPosting,
    Reconciliation,
    ReconciliationDraft,
    undone_words,
)
from ledgerdesk.domain.wording import plural
from ledgerdesk.presentation.amounts import AmountError, AmountFormatter, parse_amount
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.print_reconciliation import (
    ReportFigures,
    finished_report,
    reconciliation_job,
)
from ledgerdesk.presentation.printing import PrintJob
from ledgerdesk.presentation.reconcile_statement import (
    StatementUnreadable,
    finish_statement,
    read_statement,
    statement_words,
)
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.printing import book_company
from ledgerdesk.services.reconciliation import (
    bank_accounts,
    finish_reconciliation,
    list_reconciliations,
    start_reconciliation,
    undo_reconciliation,
)
from ledgerdesk.services.statement_reconciliation import StatementDraft

#: Where a refusal is shown: beside its field, or in the page's status line.
FIELDS = ("account", "statement_date", "statement_balance", "statement")


@dataclass(frozen=True, slots=True)
class ReconcileRow:
    posting: BankPosting
    date: str
    what: str
    money_in: str  # "" for money out
    money_out: str
    ticked: bool
    pending: bool = False  # a statement line to be recorded: cleared with it, always

    @property
    def line_id(self) -> int:
        return self.posting.line_id


@dataclass(frozen=True, slots=True)
class Figures:
    """The summary beside the list, as text."""

    statement: str
    opening: str
    opening_note: str  # where the opening balance comes from
    cleared_label: str  # "Cleared: 3 postings"
    cleared: str
    uncleared_label: str
    uncleared: str
    difference: str
    balanced: bool  # the difference is zero: Finish may be pressed
    hint: str  # what to do next, in words


class ReconcileForm:
    """One bank account's reconciliation being worked on."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.money = AmountFormatter(session.locale, session.currency).format
        self.day = DateFormatter(session.locale).medium
        self.accounts: list[Account] = []
        self.draft: ReconciliationDraft | None = None
        self.ticked: set[int] = set()
        self.errors: dict[str, str] = {}  # field -> its refusal, the input kept
        self.message = ""  # the last thing done or refused, for the status line
        # The last one finished here, to print, as the book now has it.
        self.finished: ReportFigures | None = None
        # The bank's own statement file, when one decides what is cleared.
        self.statement_path: Path | None = None
        self.accepting = False  # record the suggestions of its lines not in the book
        self.found: StatementDraft | None = None

    def load_accounts(self) -> list[Account]:
        self.accounts = bank_accounts(self.session.book)
        return self.accounts

    def balance_placeholder(self) -> str:
        return self.money(Decimal("1234.56"))

    # ---- the statement --------------------------------------------------------------------

    def use_statement(self, path: Path | None, accepting: bool = False) -> None:
        """The bank's statement file decides what is ticked from the next ``start`` (None:
        the user ticks alone)."""
        self.statement_path, self.accepting = path, accepting
        self.draft, self.found = None, None

    def start(self, account_code: str, statement_date: dt.date, balance_text: str) -> bool:
        """Read the account's postings against the statement; ticks of postings still on
        it are kept (the balance was corrected, say).  False, with ``errors`` beside the
        fields, when the statement cannot be read; the previous list is dropped then."""
        self.errors = {}
        balance = self._balance(balance_text)
        if balance is None:
            self.draft = None
            return False
        try:
            draft, from_file = self._draft(account_code, statement_date, balance)
        except ValidationFailed as exc:
            self.errors = {p.field if p.field in FIELDS else "": p.message
                           for p in exc.problems}
            self.draft = None
            return False
        except (StatementUnreadable, NotAllowed) as exc:
            self.errors, self.draft = {"statement": str(exc)}, None
            return False
        same = (self.draft is not None and self.draft.account_code == draft.account_code
                and self.draft.statement_date == draft.statement_date)
        self.ticked = self.ticked & set(draft.all_ids) if same else set(from_file)
        self.ticked |= {i for i in from_file if i < 0}  # to be recorded: always cleared
        self.draft = draft
        return True

    def _draft(self, account_code: str, statement_date: dt.date,
               balance: Decimal) -> tuple[ReconciliationDraft, tuple[int, ...]]:
        """The draft, and the postings the statement file ticks (none without a file)."""
        if self.statement_path is None:
            self.found = None
            return start_reconciliation(self.session.book, account_code, statement_date,
                                        balance), ()
        self.found = read_statement(self.session.book, account_code, statement_date,
                                    balance, self.statement_path, self.accepting)
        return self.found.draft, self.found.ticked

    def statement_text(self) -> str:
        return statement_words(self.found) if self.found is not None else ""

    def _balance(self, text: str) -> Decimal | None:
        if not text.strip():
            self.errors["statement_balance"] = _("Type the statement's closing balance, as "
                                                 "the bank prints it.")
            return None
        try:
            return parse_amount(text, self.session.locale, self.session.currency)
        except AmountError as exc:
            self.errors["statement_balance"] = str(exc)
            return None

    # ---- ticking --------------------------------------------------------------------------

    def rows(self) -> list[ReconcileRow]:
        if self.draft is None:
            return []
        return [self._row(p) for p in self.draft.candidates]

    def _row(self, posting: BankPosting) -> ReconcileRow:
        amount = posting.amount.amount
        shown = self.money(abs(amount))
        pending = posting.line_id < 0
        what = _("To record: {what}").format(what=posting.what) if pending else posting.what
        return ReconcileRow(posting, self.day(posting.date), what,
                            shown if amount >= 0 else "", shown if amount < 0 else "",
                            posting.line_id in self.ticked, pending)

    def toggle(self, line_ids: Iterable[int]) -> None:
        """Space on the selected rows: tick them all, or untick them all when every one is
        ticked already (as a file manager's check boxes do).  A statement line to be
        recorded stays ticked: it is cleared with what records it."""
        ids = {i for i in line_ids if i > 0}
        if ids <= self.ticked:
            self.ticked -= ids
        else:
            self.ticked |= ids

    def set_ticked(self, line_id: int, ticked: bool) -> None:
        if line_id > 0:
            (self.ticked.add if ticked else self.ticked.discard)(line_id)

    def tick_all(self) -> None:
        if self.draft is not None:
            self.ticked = set(self.draft.all_ids)

    def untick_all(self) -> None:
        self.ticked = {i for i in self.ticked if i < 0}

    # ---- what the page says ---------------------------------------------------------------

    def figures(self) -> Figures | None:
        draft = self.draft
        if draft is None:
            return None
        cleared, uncleared = draft.cleared(self.ticked), draft.uncleared(self.ticked)
        gap = draft.difference(self.ticked)
        previous = draft.previous
        note = (_("From reconciliation {id}, statement {day}").format(
                    id=previous.id, day=self.day(previous.statement_date)) if previous
                else _("No earlier reconciliation: it starts from zero"))
        return Figures(
            self.money(draft.statement_balance.amount), self.money(draft.opening.amount), note,
            plural(len(cleared), "Cleared: {count} posting", "Cleared: {count} postings"),
            self.money(draft.cleared_total(self.ticked).amount),
            plural(len(uncleared), "Uncleared: {count} posting", "Uncleared: {count} postings"),
            self.money(sum((p.amount.amount for p in uncleared), Decimal(0))),
            self.money(gap.amount), gap.is_zero, self._hint(draft, gap.is_zero))

    def _hint(self, draft: ReconciliationDraft, balanced: bool) -> str:
        if balanced:
            return _("The difference is zero: Finish records the reconciliation.")
        if not draft.candidates:
            return (_("No uncleared postings of {account_code} are dated on or before the "
                      "statement: check the statement's date and balance.").format(
                        account_code=draft.account_code))
        hints = draft.explaining(self.ticked)
        if hints:
            shown = ", ".join(f"{p.what} ({self.day(p.date)})" for p in hints[:3])
            return _("Tick what the statement shows. Would make it zero: {shown}.").format(
                       shown=shown)
        return _("Tick what the statement shows; the difference must be zero to finish.")

    # ---- finishing and undoing ------------------------------------------------------------

    def finish(self) -> Reconciliation | None:
        """Record the reconciliation with the ticked postings; on success the page starts
        over (the next statement starts from this one's balance)."""
        draft = self.draft
        if draft is None:
            return None
        ids = [p.line_id for p in draft.cleared(self.ticked)]
        note = ""
        try:
            if self.found is not None:
                done, note = finish_statement(self.session.book, self.found, ids)
            else:
                done = finish_reconciliation(self.session.book, draft.account_code,
                                             draft.statement_date,
                                             draft.statement_balance.amount, ids)
        except ValidationFailed as exc:
            self.message = " ".join(p.message for p in exc.problems)
            return None
        except (NotAllowed, NotFound, BookFailure) as exc:
            self.message = str(exc)
            return None
        self.finished = self._finished_report(draft, done)
        self.message = ngettext("Finished {what}: {count} posting cleared.",
                                "Finished {what}: {count} postings cleared.",
                                done.cleared).format(what=done.describe(),
                                                     count=done.cleared) + note
        self.draft, self.ticked = None, set()
        self.use_statement(None)  # the file was this statement's
        return done

    def report_job(self) -> PrintJob | None:
        """The reconciliation report of the statement on the page, or else of the one just
        finished here; None when there is neither."""
        if self.draft is not None:
            figures = ReportFigures.of(self.draft, frozenset(self.ticked))
        elif self.finished is not None:
            figures = self.finished
        else:
            return None
        return reconciliation_job(figures, book_company(self.session.book),
                                  self.session.locale, self.session.today)

    def _finished_report(self, draft: ReconciliationDraft,
                         done: Reconciliation) -> ReportFigures | None:
        try:
            return finished_report(self.session.book, draft, done)
        except (ValidationFailed, NotAllowed, BookFailure):
            return None  # recorded all the same: only its report cannot be read now

    def latest(self, account_code: str) -> Reconciliation | None:
        """The account's latest standing reconciliation: the one Undo would undo."""
        standing = [r for r in list_reconciliations(self.session.book)
                    if r.account_code == account_code and not r.undone]
        return standing[-1] if standing else None

    def undo_question(self, rec: Reconciliation) -> str:
        return ngettext("Undo {what}? Its {count} posting becomes uncleared again, and its "
                        "payment or journal may be voided.",
                        "Undo {what}? Its {count} postings become uncleared again, and their "
                        "payments and journals may be voided.",
                        rec.cleared).format(what=rec.describe(), count=rec.cleared)

    def undo(self, rec: Reconciliation) -> bool:
        try:
            undone = undo_reconciliation(self.session.book, rec.id or 0)
        except (NotAllowed, NotFound, BookFailure) as exc:
            self.message = str(exc)
            return False
        self.message = f"{undone_words(undone)}."
        self.draft, self.ticked = None, set()
        return True
