"""``ledgerdesk print``: an invoice or credit note, or a customer's or supplier's statement,
as a PDF."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any, TextIO

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.errors import CliError, check_locale, parse_date
from ledgerdesk.domain.i18n import _, ngettext


def add_parser(commands: Any, command) -> None:
    sub = command(
        commands, "print", _("an invoice, credit note or statement as a PDF"),
        _("Write an invoice or credit note (DOC is its number, e.g. INV-00012), or with "
          "--statement a customer's statement (a supplier's: what we owe them, from their bills "
          "and our payments), as a PDF with the company's details and logo. Needs no display."))
    sub.add_argument("doc", metavar="DOC", nargs="?", help=_("the document's number"))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("-o", "--output", type=file_name, required=True, metavar="FILE",
                     help=_("the PDF to write ('-' for standard output)"))
    sub.add_argument("--statement", metavar="CONTACT",
                     help=_("a statement for this customer or supplier (exact name, any case, or "
                            "id)"))
    sub.add_argument("--supplier", action="store_true",
                     help=_("the supplier side, for a contact who is both (default: customer)"))
    sub.add_argument("--from", dest="start", type=parse_date, metavar="DATE",
                     help=_("statement from DATE (default: 90 days before --to, 0001-01-01 at the "
                            "earliest)"))
    sub.add_argument("--to", dest="end", type=parse_date, metavar="DATE",
                     help=_("statement to DATE (default: today)"))
    sub.add_argument("--locale", metavar="L", help=_("e.g. de_DE (default: the book's)"))


def run_print(args: argparse.Namespace, out: TextIO) -> int:
    # Loaded here, not with the parser that every command builds: Qt's printing and pydantic.
    from ledgerdesk.app.printing import print_pdf
    from ledgerdesk.cli.books import opened
    from ledgerdesk.domain.documents import Side
    from ledgerdesk.presentation.output_files import is_stdout
    from ledgerdesk.presentation.print_model import document_print
    from ledgerdesk.presentation.print_statement import statement_print
    from ledgerdesk.presentation.session import DEFAULT_LOCALE, LOCALE_SETTING
    from ledgerdesk.services.contacts import resolve_contact
    from ledgerdesk.services.printing import printable_document
    from ledgerdesk.services.statements import default_start, statement_figures

    if (args.statement is None) == (args.doc is None):
        raise CliError(_("Give either a document number (DOC) or --statement CONTACT."))
    if args.statement is None and (args.start or args.end or args.supplier):
        raise CliError(_("--from, --to and --supplier go with --statement."))
    target = Path(args.output)
    to_stdout = is_stdout(args.output)
    if not to_stdout and not target.parent.is_dir():
        raise CliError(_("{parent} is not a folder; the PDF cannot be written there.").format(
                           parent=target.parent))
    with opened(Path(args.path)) as book:
        with book.read() as tx:
            locale = args.locale or tx.get_setting(LOCALE_SETTING) or DEFAULT_LOCALE
            contact = resolve_contact(tx, args.statement) if args.statement else None
        check_locale(locale)
        if contact is None:
            model = document_print(printable_document(book, number=args.doc), locale)
        else:
            assert contact.id is not None
            end = args.end or dt.date.today()
            start = args.start or default_start(end)
            figures = statement_figures(book, contact.id, start, end,
                                        Side.PURCHASES if args.supplier else None)
            model = statement_print(figures, locale, dt.date.today())
    pages = print_pdf(model, args.output, out)
    if to_stdout:
        return 0
    out.write(ngettext("{target}: {title}, {count} page.", "{target}: {title}, {count} pages.",
                       pages).format(target=target, title=model.footer.split(" · ")[0],
                                     count=pages) + "\n")
    return 0
