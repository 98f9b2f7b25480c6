"""The input of ``record_journal`` (pydantic at the edge): a date, a memo and its lines.

Each line names an account and carries a debit or a credit; the rules (exactly one, more
than zero, balanced, no control account) are the domain's ``validate_journal``, so the
command line, the window and the service name the same problems the same way.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ledgerdesk.services.commands import Amount, Line, _Command


class JournalLineInput(_Command):
    account_code: str
    debit: Amount | None = None
    credit: Amount | None = None
    description: Line = Field(default="", max_length=255)


class RecordJournal(_Command):
    date: dt.date
    memo: Line = Field(default="", max_length=255)
    lines: list[JournalLineInput] = Field(default_factory=list, max_length=1000)
