"""The undo step of recording a manual journal, without Qt (``ui.undo`` stacks it).

A posted journal is never edited or deleted, so undoing one voids it: its reversal is
posted (on today, or on its own date if that is later) and its number stays used.  Redo
records it again, as a new journal with the next number, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.journal_commands import RecordJournal
from ledgerdesk.services.journals import load_journal, record_journal, void_date, void_journal


@dataclass
class RecordJournalStep:
    session: Session
    command: RecordJournal
    journal_id: int
    number: str
    can_redo: bool = True

    @property
    def text(self) -> str:
        return _("record journal {number}").format(number=self.number)

    def undo(self) -> str:
        journal = load_journal(self.session.book, self.journal_id)
        void_journal(self.session.book, self.journal_id, void_date(journal, self.session.today))
        return (_("Undid {text}: it is void and a reversal was posted; its number stays "
                  "used.").format(
            text=self.text))

    def redo(self) -> str:
        before = self.text
        recorded = record_journal(self.session.book, self.command)
        self.journal_id, self.number = recorded.journal_id, recorded.number
        return _("Redid {before}: recorded again as {number}.").format(
                   before=before,
                   number=recorded.number)
