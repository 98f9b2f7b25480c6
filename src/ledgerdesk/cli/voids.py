"""``ledgerdesk void NUMBER PATH``: void a journal, invoice, bill, credit note or payment.

A journal (``JNL-00001``), invoice, bill or credit note is named by its number, a payment
by what ``list payments`` shows first (``PAY-00042``, or just ``42``).  The same services
as the window's Void do it, with the same rules (a paid invoice is refused until its
payments are voided, a kept credit goes with its payment).  It asks first on a terminal;
where nobody can answer (a script, a pipe) it refuses unless ``--yes`` says it may.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError, parse_date
from ledgerdesk.cli.reconcile import cleared_refusal
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.journals import JOURNAL_PREFIX
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.domain.problems import NotFound
from ledgerdesk.domain.reconciliation import Cleared

if TYPE_CHECKING:
    from ledgerdesk.services.ports import Book

_PAYMENT = re.compile(r"(?:PAY-)?0*([0-9]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Voidable:
    name: str  # JNL-00001, INV-00012, PAY-00042
    what: str  # for the question: "Owner's capital, 5000.00 EUR"
    date: dt.date  # the reversal's
    void: Callable[[], object]


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "void", _("void a journal, invoice, bill, credit note or payment (asks first)"),
        _("Void a journal, invoice, bill or credit note by its number, or a payment by what "
          "'list payments' shows first (PAY-00042, or 42): a reversal is posted and the record "
          "stays in the book. Asks first; without a terminal to ask on, add --yes."),
    )
    sub.add_argument("number", metavar="NUMBER", help=_("e.g. JNL-00001, INV-00012, PAY-00042"))
    sub.add_argument("path", metavar="PATH", help=_("the book file"))
    sub.add_argument("--yes", action="store_true", help=_("void without asking"))
    sub.add_argument("--date", type=parse_date, metavar="DATE",
                     help=_("the reversal's date, YYYY-MM-DD (default: today)"))


def run_void(args: argparse.Namespace, out: TextIO) -> int:
    today = dt.date.today()
    with opened(args.path) as book:
        target = voidable(book, args.number.strip(), args.date, today)
        if not args.yes and not confirmed(target, sys.stdin, sys.stderr):
            sys.stderr.write(_("Nothing was voided.") + "\n")
            return 1
        try:
            target.void()
        except Cleared as exc:
            raise cleared_refusal(exc, args.path) from None
    out.write(_("Voided {name}: a reversal was posted on {date}.").format(
                  name=target.name,
                  date=target.date.isoformat()) + "\n")
    return 0


def confirmed(target: Voidable, answers: TextIO, err: TextIO) -> bool:
    if not answers.isatty():
        raise CliError(_("void asks before it voids, and standard input is not a terminal; add "
                         "--yes to void "
                         "{name}.").format(name=target.name))
    err.write(_("Void {name} ({what})? A reversal is posted on {date}; this cannot be undone. "
                "[y/N] ").format(
        name=target.name,
        what=shown_inert(target.what),
        date=target.date.isoformat()))
    err.flush()
    return answers.readline().strip().lower() in ("y", "yes")


def voidable(book: Book, name: str, date: dt.date | None, today: dt.date) -> Voidable:
    """What ``name`` names: a journal, else a document with that number (a prefix may be
    digits, or even ``PAY-``), else a payment; else it says there is no such journal or
    document."""
    if name.upper().startswith(JOURNAL_PREFIX) and _journal_exists(book, name):
        return _journal(book, name, date, today)
    with book.read() as tx:
        numbered = tx.find_document(name) or tx.find_document(name.upper())
    if numbered is None and (match := _PAYMENT.fullmatch(name)) is not None:
        return _payment(book, int(match.group(1)), date or today)
    if numbered is None and name.upper().startswith(JOURNAL_PREFIX):
        return _journal(book, name, date, today)  # says there is no such journal
    return _document(book, name, date or today)


def _journal_exists(book: Book, name: str) -> bool:
    with book.read() as tx:
        return tx.find_journal(name) is not None  # type: ignore[attr-defined]


def _journal(book: Book, name: str, date: dt.date | None, today: dt.date) -> Voidable:
    from ledgerdesk.services.journals import find_journal, void_date, void_journal

    journal = find_journal(book, name)
    assert journal.id is not None and journal.number is not None
    on = date or void_date(journal, today)
    return Voidable(journal.number, f"{journal.memo}, {journal.debit_total}", on,
                    lambda: void_journal(book, journal.id, on))  # type: ignore[arg-type]


def _payment(book: Book, payment_id: int, date: dt.date) -> Voidable:
    from ledgerdesk.services.payments import void_payment

    with book.read() as tx:
        payment = tx.get_payment(payment_id)
        contact = tx.get_contact(payment.contact_id) if payment is not None else None
    if payment is None:
        raise NotFound(_("There is no payment {payment_number}.").format(
                           payment_number=payment_number(payment_id)))
    words = payment.kind.value.replace("_", " ").lower()
    way = "from" if payment.kind.money_in else "to"
    what = f"{words} of {payment.amount} {way} {contact.name if contact else '?'}"
    on = max(date, payment.date)  # as void_payment dates the reversal
    return Voidable(payment_number(payment_id), what, on,
                    lambda: void_payment(book, payment_id, date))


def _document(book: Book, number: str, date: dt.date) -> Voidable:
    from ledgerdesk.services.documents import void_document

    with book.read() as tx:
        doc = tx.find_document(number) or tx.find_document(number.upper())
        contact = tx.get_contact(doc.contact_id) if doc is not None else None
    if doc is None or doc.id is None:
        raise NotFound(_("There is no document numbered {number!r}.").format(number=number))
    document_id = doc.id
    what = f"{doc.kind.label}, {contact.name if contact else '?'}, {doc.totals().total}"
    on = max(date, doc.issue_date)  # as void_document dates the reversal
    return Voidable(doc.number or number, what, on,
                    lambda: void_document(book, document_id, date))
