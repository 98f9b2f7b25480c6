"""Writing an import: every row through the use cases in ONE transaction, or nothing.

Each use case checks before it writes, so a refused row leaves the transaction clean and
the others still run: the user hears about every bad row at once.  Any problem, or a dry
run, rolls the whole transaction back; the preview still says what would have been created,
with the numbers the documents would have taken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.domain.problems import NotAllowed, NotFound, Problem, ValidationFailed
from ledgerdesk.domain.wording import Words, worded
from ledgerdesk.services.commands import NewContact
from ledgerdesk.services.contacts import add_contact_in, check_contact_in
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.fields import FIELDS, ColumnMapping
from ledgerdesk.services.imports.rows import ContactRow
from ledgerdesk.services.ports import Book, Transaction

Refusal = (ValidationFailed, NotAllowed, NotFound)
#: A command's field that an import field feeds under another name.
_FIELD_OF = {"account_code": "account", "contact_id": "contact", "allocations": "amount"}


@dataclass(frozen=True, slots=True)
class Created:
    row: int  # the first row it came from
    words: Words  # "invoice INV-00012 for Acme Retail, " and Money 120.00

    @property
    def what(self) -> str:
        """As the command line says it: "invoice INV-00012 for Acme Retail, 120.00"."""
        return worded(self.words)


#: ``progress(done, total)`` while writing; an exception from it cancels the whole import.
Progress = Callable[[int, int], None]
Step = Callable[[Transaction, list[RowProblem], list[Created], Progress | None], None]


class _RollBack(Exception):
    pass


def in_one_transaction(
    book: Book, step: Step, problems: list[RowProblem], commit: bool,
    progress: Progress | None = None, audit: dict[str, Any] | None = None,
) -> tuple[list[Created], bool]:
    """Run ``step``; commit only when ``commit`` and no problem at all, with one audit entry
    for the import as a whole (``audit``: what it read).  (created, committed)"""
    created: list[Created] = []
    try:
        with book.write() as tx:
            step(tx, problems, created, progress)
            if problems or not commit:
                raise _RollBack
            tx.audit("import", "file", None, {**(audit or {}), "created": len(created)})
    except _RollBack:
        return created, False
    return created, True


def contacts_step(rows: list[ContactRow], mapping: ColumnMapping) -> Step:
    """Each contact added (a broken row only checked), a refused one's problems on its row."""
    def step(tx: Transaction, problems: list[RowProblem], created: list[Created],
             progress: Progress | None = None) -> None:
        said = already_said(problems)
        for done, row in enumerate(rows):
            if progress is not None:
                progress(done, len(rows))  # may raise to cancel: everything rolls back
            try:
                if row.broken:
                    check_contact_in(tx, row.command)
                    continue
                add_contact_in(tx, row.command)
            except Refusal as exc:
                found = refusal_problems(exc, mapping, row.row, [row.row])
                problems.extend(news(found, said) if row.broken else found)
                continue
            created.append(Created(row.row, (_("contact {name}").format(name=row.command.name),)))
    return step


def already_said(problems: list[RowProblem]) -> set[tuple[int, str]]:
    """The (row, column) pairs the rows' own cells have problems with."""
    return {(p.row, p.column) for p in problems}


def news(found: list[RowProblem], said: set[tuple[int, str]]) -> list[RowProblem]:
    """A broken row's further problems: not its unreadable cells again (their stand-ins
    are no one's mistake), nor what the row as a whole would add up to."""
    return [p for p in found if p.column and (p.row, p.column) not in said]


def contact_for(tx: Transaction, name: str, role: ContactRole, create: bool) -> tuple[int, bool]:
    """The contact's id, and whether it was created just now."""
    contact = tx.find_contact(name)
    if contact is not None and contact.id is not None:
        return contact.id, False
    if not create:
        raise ValidationFailed([Problem(
            "contact", "not_found",
            _("there is no contact named {name!r}; add it first, or choose to create missing "
              "contacts").format(name=name),
        )])
    return add_contact_in(tx, NewContact(name=name, role=role)), True


def default_account(tx: Transaction, kind: DocumentKind) -> str:
    wanted = AccountType.INCOME if kind is DocumentKind.SALES_INVOICE else AccountType.EXPENSE
    codes = sorted(a.code for a in tx.accounts().values() if a.type is wanted and a.role is None)
    return codes[0] if codes else ""


def refusal_problems(
    exc: Exception, mapping: ColumnMapping, row: int, rows: list[int]
) -> list[RowProblem]:
    """A use case's refusal as row problems: ``lines[2].unit_price`` names the third line's row
    and the column feeding ``unit_price``."""
    if not isinstance(exc, ValidationFailed):
        return [RowProblem(row, "", str(exc))]
    found = []
    names = {spec.name for spec in FIELDS[mapping.kind]}
    for problem in exc.problems:
        where, field = row, problem.field
        if field.startswith("lines["):
            index = int(field[6:field.index("]")])
            where = rows[index] if index < len(rows) else row
            field = field.rsplit(".", 1)[-1]
        field = field.split("[", 1)[0]  # allocations[0].amount: the line's amount
        field = _FIELD_OF.get(field, field)
        if field == "unit_price" and field not in mapping.columns:
            field = "total"  # a one-line document from our list export
        column = mapping.header(field) if field in names else ""  # about the whole row
        found.append(RowProblem(where, column, problem.message))
    return found
