"""A bank statement's lines in the import wizard: each line's suggestions and the user's
choice for it (the best match, another suggestion, or skip), without Qt.

A line starts on its best suggestion only when that is clear; a tie is left to the user,
and so is a line with no suggestion.  The chosen documents become ``ImportOptions.choices``.
A line paying more than its documents owe waits for the user to tick "Keep the excess as
credit" for it (``ImportOptions.keep_excess``): the excess is never kept silently.  A line
already in the book is said so and offers nothing; a line offered as a journal (a bank rule,
a transfer) is never set to pay a document by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ledgerdesk.domain.i18n import N_, _, ngettext
from ledgerdesk.domain.wording import worded
from ledgerdesk.presentation.amount_format import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.services.imports.accept import Excess
from ledgerdesk.services.imports.matching import LineMatch

SKIP = N_("Skip this line")
KEEP = N_("Keep the excess as credit")


@dataclass(frozen=True, slots=True)
class LineRow:
    """One statement line as the wizard's table shows it."""

    row: int  # as a spreadsheet shows it
    date: str
    amount: str
    reference: str
    counterparty: str
    choice: str  # "INV-00002 Acme Retail" or "Skip this line"
    why: str  # the chosen suggestion's reason, or why nothing is chosen


@dataclass(frozen=True, slots=True)
class Option:
    document_id: int | None  # None: skip the line
    text: str  # "INV-00002 · Acme Retail · 250.00 outstanding"


class LineChoices:
    def __init__(self, matches: list[LineMatch], fmt: AmountFormatter,
                 dates: DateFormatter, excess: Sequence[Excess] = ()) -> None:
        self.matches = {m.line.row: m for m in matches}
        self.fmt, self.dates = fmt, dates
        self.chosen: dict[int, int] = {}  # row -> document id
        for match in matches:
            best = _clear_best(match)
            if best is not None:
                self.chosen[match.line.row] = best
        self.excesses = {e.row: e for e in excess}
        self.kept = {e.row for e in excess if e.kept}  # rows ticked to keep their excess

    def excess(self, row: int) -> Excess | None:
        """What the line pays beyond its documents, if anything."""
        return self.excesses.get(row)

    def keep_excess(self, row: int, keep: bool) -> None:
        if keep and row in self.excesses:
            self.kept.add(row)
        else:
            self.kept.discard(row)

    @property
    def waiting(self) -> list[int]:
        """Rows with an excess nobody chose to keep yet: the import waits for them."""
        return [row for row in self.excesses if row not in self.kept]

    def keep_text(self, row: int) -> str:
        found = self.excesses.get(row)
        if found is None:
            return KEEP
        return _("Keep the excess {format_} as {contact_name}’s credit").format(
                   format_=self.fmt.format(found.excess),
                   contact_name=found.contact_name)

    def options(self, row: int) -> list[Option]:
        """What the user may choose for the line; none when the file names its documents."""
        match = self.matches[row]
        if match.named or match.already_imported or match.why_not or match.posting:
            return []
        found = [Option(s.document.id, _("{number} · {contact_name} · {format_} "
                                         "outstanding").format(
            number=s.document.number,
            contact_name=s.document.contact_name,
            format_=self.fmt.format(s.document.outstanding.amount))) for s in match.suggestions]
        return [*found, Option(None, _(SKIP))]

    def choose(self, row: int, document_id: int | None) -> None:
        if document_id is None:
            self.chosen.pop(row, None)
        elif any(s.document.id == document_id for s in self.matches[row].suggestions):
            self.chosen[row] = document_id

    def rows(self) -> list[LineRow]:
        return [self._row(match) for match in self.matches.values()]

    def _row(self, match: LineMatch) -> LineRow:
        line = match.line
        chosen = self.chosen.get(line.row)
        pick = next((s for s in match.suggestions if s.document.id == chosen), None)
        if match.named:
            choice = ", ".join(d.number for d in match.named)
            why = self._excess_why(line.row) or _("named in the file")
        elif pick is not None:
            choice = f"{pick.document.number} {pick.document.contact_name}"
            why = worded(pick.words, lambda amount: self.fmt.format(amount.amount))
        else:
            choice, why = _(SKIP), _why_not(match)
        return LineRow(line.row, self.dates.short(line.date), self.fmt.format(line.amount),
                       line.reference, line.counterparty, choice, why)

    def _excess_why(self, row: int) -> str:
        found = self.excesses.get(row)
        if found is None:
            return ""
        excess, owner = self.fmt.format(found.excess), _("{contact_name}’s credit").format(
                                                           contact_name=found.contact_name)
        if row in self.kept:
            return _("{excess} kept as {owner}").format(excess=excess, owner=owner)
        text = ngettext("pays {numbers}, which owes {owed}: tick “{keep}” to keep {excess} as "
                        "{owner}",
                        "pays {numbers}, which owe in all {owed}: tick “{keep}” to keep {excess} "
                        "as {owner}", len(found.numbers))
        return text.format(numbers=", ".join(found.numbers), owed=self.fmt.format(found.owed),
                           keep=_(KEEP), excess=excess, owner=owner)


def _clear_best(match: LineMatch) -> int | None:
    found = match.suggestions
    if match.journal is not None:  # a bank rule's (or a transfer's) words beat the amount
        return None
    if not found or (len(found) > 1 and found[0].score == found[1].score):
        return None
    return found[0].document.id


def _why_not(match: LineMatch) -> str:
    if match.posting is not None:
        return _("already in the book ({what})").format(what=match.posting.what)
    if match.journal is not None:
        journal = match.journal
        return (_("a journal with {account_code} {account_name}: {words}; ledgerdesk import bank "
                  "--accept-suggestions records it").format(
            account_code=journal.account_code,
            account_name=journal.account_name,
            words=worded(journal.words)))
    if match.already_imported:
        return _("already imported")
    if match.why_not:
        return match.why_not
    if not match.suggestions:
        return _("no open document matches")
    found = match.suggestions
    if len(found) > 1 and found[0].score == found[1].score:
        tied = ", ".join(s.document.number for s in found if s.score == found[0].score)
        return _("equally good matches: {tied}; choose one").format(tied=tied)
    return "skipped"
