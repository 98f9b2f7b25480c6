"""``ledgerdesk import KIND PATH FILE``: contacts, invoices, bills or a bank statement from CSV.

Prints the mapping, then every problem (row and column as a spreadsheet shows them) or what
was created; exit 1 with nothing written when any row is bad.  ``--dry-run`` shows the same
preview and writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.arguments import text as utf8_text
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError, parse_date
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.domain.whole_numbers import whole_number
from ledgerdesk.domain.wording import plural, worded
from ledgerdesk.services.imports.fields import FIELDS, ImportKind, MappingError

if TYPE_CHECKING:  # the use case (and pydantic) loads only when the command runs
    from ledgerdesk.services.imports.service import ImportPreview

#: ``import rates``: the ECB's reference rates file, not a CSV of records.
RATES = "rates"
#: Problems and created records printed before "... and N more".
SHOWN = 50


def add_parser(commands: Any, command: Any) -> None:
    fields = "; ".join(f"{kind}: {', '.join(s.name for s in specs)}"
                       for kind, specs in FIELDS.items() if kind is not ImportKind.BILLS)
    sub = command(
        commands, "import",
        _("import contacts, invoices, bills, bank payments or opening balances from CSV"),
        _("Import a CSV file (UTF-8, comma or semicolon separated, amounts like 1234.50, dates "
          "YYYY-MM-DD) into the book: every row or, if any row is bad, nothing. Columns map to "
          "fields by header name (invoices and bills share fields). Fields: {fields}. Bank lines "
          "are matched to open invoices (money in) and bills (money out), or pay the documents a "
          "documents column names (as in `list payments --csv`); nothing is recorded unless "
          "--accept-suggestions is given. A line paying more than its documents owe is refused "
          "unless it is marked to keep the excess as credit (--keep-excess-as-credit ROW, or yes "
          "in a keep_excess_as_credit column). Opening balances (--as-of DATE, on a book with "
          "nothing dated on or before it, once): one row per balance, balanced to the cent; a "
          "receivable or payable row is an open invoice or bill (a credit there: a credit note) "
          "with its contact, number and due_date, dated DATE.").format(fields=fields)
        + " " + _("Rates: the ECB's eurofxref.zip or eurofxref-hist.zip (or the CSV inside), "
                  "converted to the book's currency; rates already in the book stay."),
    )
    kinds = [k.value for k in ImportKind] + [RATES]
    sub.add_argument("kind", choices=kinds, metavar="KIND", help=", ".join(kinds))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("file", type=file_name, metavar="FILE", help=_("the CSV file to import"))
    sub.add_argument("--dry-run", action="store_true",
                     help=_("check every row and show what would be created; write nothing"))
    sub.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                     type=_mapping, help=_("read FIELD from the column HEADER (repeatable)"))
    sub.add_argument("--create-contacts", action="store_true",
                     help=_("invoices, bills and opening balances: add contacts the book does not "
                            "have yet"))
    sub.add_argument("--as-of", type=parse_date, metavar="DATE",
                     help=_("opening balances: the start date (YYYY-MM-DD), required there"))
    sub.add_argument("--accept-suggestions", action="store_true",
                     help=_("bank: record each line against its clear best match"))
    sub.add_argument("--bank", metavar="CODE", help=_("bank: the bank account (default: the "
                                                      "first)"))
    sub.add_argument("--keep-excess-as-credit", action="append", default=[], type=_row,
                     metavar="ROW", help=_("bank: keep what line ROW (as a spreadsheet numbers "
                                           "it) pays beyond its "
                                           "documents as the contact's credit (repeatable)"))


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.kind == RATES:
        from ledgerdesk.cli.rates import run_import_rates

        return run_import_rates(args, out)
    from ledgerdesk.services.imports.service import ImportOptions, import_file
    from ledgerdesk.services.imports.source import ImportFileError

    _check_as_of(args)
    options = ImportOptions(
        dry_run=args.dry_run, create_contacts=args.create_contacts,
        accept_suggestions=args.accept_suggestions, bank_account=args.bank,
        keep_excess=frozenset(args.keep_excess_as_credit), as_of=args.as_of,
    )
    with opened(args.path) as book:
        try:
            preview = import_file(book, Path(args.file), ImportKind(args.kind),
                                  dict(args.map), options)
        except (ImportFileError, MappingError) as exc:
            raise CliError(str(exc)) from None
    write_preview(preview, out, err)
    return 0 if preview.ok else 1


def write_preview(preview: ImportPreview, out: TextIO, err: TextIO) -> None:
    """The mapping and suggestions on ``out``; then the problems on ``err``, or what was
    (or would be) created on ``out``."""
    mapping = preview.mapping
    where = "line" if preview.source else "row"  # an OFX or CAMT file has no rows
    if preview.source:
        out.write(_("Read: {source}").format(source=shown_inert(preview.source)) + "\n")
    else:
        used = ", ".join(f"{name} <- {mapping.headers[i]!r}"
                         for name, i in mapping.columns.items())
        out.write(_("Columns: {used}").format(used=used) + "\n")
    if mapping.unused_headers():
        out.write(_("Not imported: {items}").format(
                      items=', '.join(repr(h) for h in mapping.unused_headers())) + "\n")
    for match in preview.matches:
        write_match(match, out, where)
    if preview.problems:
        found = plural(len(preview.problems), "{count} problem", "{count} problems")
        rows = (plural(preview.rows, "{count} line", "{count} lines") if preview.source
                else plural(preview.rows, "{count} row", "{count} rows"))
        err.write(_("{problems} in {rows}; nothing was imported:").format(
            problems=found, rows=rows) + "\n")
        _write_some([str(p).replace("row ", "line ", 1) if preview.source else str(p)
                     for p in preview.problems], err)
        if any(not e.kept for e in preview.excess):
            err.write(_("To keep an excess as the contact's credit, mark its line: "
                        "--keep-excess-as-credit "
                        "ROW, or yes in a keep_excess_as_credit column.") + "\n")
        return
    for unmatched in preview.unmatched:
        out.write(_("Not recorded: {where} {row}: {reason}").format(
                      where=where,
                      row=unmatched.line.row,
                      reason=unmatched.reason) + "\n")
    verb = _("Imported") if preview.committed else _("Would import (dry run, nothing written)")
    if preview.kind is ImportKind.BANK and not preview.committed and not preview.created:
        in_book = bool(preview.matches) and all(m.posting is not None or m.already_imported
                                                for m in preview.matches)
        verb = (_("Nothing recorded: every line is already in the book") if in_book else
                _("Nothing recorded; --accept-suggestions records the best matches"))
    rows = (plural(preview.rows, "{count} line", "{count} lines") if preview.source
            else plural(preview.rows, "{count} row", "{count} rows"))
    out.write("\n" + _("{verb}: {created} from {rows}").format(
        verb=verb, created=len(preview.created), rows=rows) + "\n")
    _write_some([f"{where} {c.row}: {c.what}" for c in preview.created], out)


def write_match(match: Any, out: TextIO, where: str,
                nothing: str = "no open document matches") -> None:
    """One statement line and what it is: in the book, or its suggestions (``reconcile``
    lists the lines not in the book the same way)."""
    line = match.line
    head = (f"{where} {line.row}: {line.date} {line.amount:f} {line.reference!r} "
            f"{line.counterparty!r}")
    if match.posting is not None:
        out.write(_("{head}: already in the book ({what})").format(
                      head=head,
                      what=match.posting.what) + "\n")
        return
    if match.already_imported or match.why_not:
        out.write(f"{head}: {match.why_not or 'already imported'}\n")
        return
    if match.journal is not None:
        journal = match.journal
        how = _("a transfer, journal with") if journal.transfer else "journal"
        by = "" if journal.transfer else _(" by rule")
        out.write(f"{head}: {how} {journal.account_code} {shown_inert(journal.account_name)}"
                  f"{by} ({shown_inert(worded(journal.words))})\n")
        return
    if match.named:
        numbers = ", ".join(d.number for d in match.named)
        out.write(_("{head}: pays {numbers} (named in the file)").format(
                      head=head,
                      numbers=numbers) + "\n")
        return
    if not match.suggestions:
        out.write(f"{head}: {nothing}\n")
        return
    out.write(f"{head}:\n")
    for rank, s in enumerate(match.suggestions[:3], start=1):
        doc = s.document
        out.write("    " + _("{rank}. {number} {contact_name}, outstanding {amount:f} "
                             "({reason})").format(
            rank=rank,
            number=doc.number,
            contact_name=shown_inert(doc.contact_name),
            amount=doc.outstanding.amount,
            reason=s.reason) + "\n")


def _write_some(lines: list[str], out: TextIO) -> None:
    for text in lines[:SHOWN]:
        out.write(f"  {shown_inert(text)}\n")
    if len(lines) > SHOWN:
        out.write("  " + _("... and {value} more").format(value=len(lines) - SHOWN) + "\n")


def _check_as_of(args: argparse.Namespace) -> None:
    """--as-of belongs to opening balances, which cannot do without it."""
    opening = args.kind == ImportKind.OPENING_BALANCES.value
    if opening and args.as_of is None:
        raise CliError(_("Opening balances need their date: add --as-of YYYY-MM-DD."))
    if not opening and args.as_of is not None:
        raise CliError(_("--as-of is for opening balances only; a {kind} import has its dates in "
                         "the file.").format(
            kind=args.kind))


def _mapping(text: str) -> tuple[str, str]:
    name, sep, header = utf8_text(text).partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(
            _('{text!r} is not a mapping; write FIELD=HEADER, like name="Company name"').format(
                text=text))
    return name.strip(), header.strip()


def _row(text: str) -> int:
    row = whole_number(text)
    if row is None or row < 2:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a line's row; write the row number a spreadsheet shows, 2 or "
              "more (row 1 is the header)").format(text=text))
    return row
