"""``ledgerdesk backup PATH``, ``restore PATH BACKUP`` and the columns of ``list backups``.

None of them opens the book as a book: a backup copies the file, a restore replaces it and
the list reads the backups' names, so all three work on a book too broken to open, which is
when they are wanted.  ``restore`` asks first on a terminal; where nobody can answer (a
script, a pipe) it refuses unless ``--yes`` says it may.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.errors import CliError
from ledgerdesk.cli.output import Column, export_csv, write_table
from ledgerdesk.domain.backups import UTC, Backup, BackupKind, read_backup_name, size_words
from ledgerdesk.domain.i18n import N_, _, ngettext

BACKUP_COLUMNS = (
    Column("when", N_("When (UTC)"), 20, lambda b: b.taken.strftime("%Y-%m-%dT%H:%M:%SZ")),
    Column("kind", N_("Kind"), 16, lambda b: b.kind.value),
    Column("bytes", N_("Bytes"), 13, lambda b: b.size, numeric=True),
    Column("verified", N_("Verified"), 8, lambda b: b.verified),
    Column("file", N_("File"), 60, lambda b: str(b.path)),
)


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "backup", _("copy a book into a verified backup"),
        _("Copy the book (even while it is open in the window) into its backup folder: "
          "PATH.backups beside it, or the folder chosen with --folder. The copy is checked as "
          "'check' checks a book, and removed if it fails. 'list backups PATH' lists them."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("-o", "--output", type=file_name, metavar="FILE",
                     help=_("write the backup to FILE (a new file), or into the folder FILE"))
    sub.add_argument("--daily", action="store_true",
                     help=_("the day's backup, as the window takes on opening: only if none was "
                            "taken "
                            "today (UTC); keeps 7 daily, 4 weekly, 12 monthly"))
    sub.add_argument("--folder", type=file_name, metavar="DIR",
                     help=_("from now on keep this book's backups in DIR (PATH.backups: beside it "
                            "again)"))
    sub = command(
        commands, "restore", _("replace a book with one of its backups (asks first)"),
        _("Replace the book with BACKUP. The book as it is now is backed up first (kept, kind "
          "before-restore). Refused while another program has the book open, and for a BACKUP "
          "that is not a Ledgerdesk book passing 'check'. Without a terminal, add --yes."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("backup", type=file_name, metavar="BACKUP", help=_("the backup to restore"))
    sub.add_argument("--yes", action="store_true", help=_("restore without asking"))


def run_backup(args: argparse.Namespace, out: TextIO) -> int:
    backups, book = _backups(), Path(args.path)
    if args.folder is not None:
        if args.output is not None:
            raise CliError(_("--folder chooses where backups go; it does not go with -o."))
        backups.choose_folder(book, Path(args.folder))
        out.write(_("Backups of {book} now go to {folder}.").format(
                      book=book,
                      folder=backups.folder(book)) + "\n")
    if args.daily:
        if args.output is not None:
            raise CliError(_("--daily goes to the book's backup folder; it does not go with -o."))
        made = backups.daily_backup(book)
        if made is None:
            newest = next(b for b in backups.list(book) if b.kind is BackupKind.DAILY)
            out.write(_("No backup needed: {book} was backed up today ({path}).").format(
                          book=book,
                          path=newest.path) + "\n")
            return 0
    else:
        made = backups.back_up(book, output=_output(args.output))
    out.write(_("Backed up {book} to {path} ({size_words}), verified: it opens and passes "
                "check.").format(
        book=book,
        path=made.path,
        size_words=size_words(made.size)) + "\n")
    return 0


def _output(output: str | None) -> Path | None:
    if output is None:
        return None
    if output == "-":
        raise CliError(_("-o - is standard output, which cannot hold a backup (a book file); name "
                         "a new file, "
                         "or a folder."))
    path = Path(output)
    if os.path.lexists(path) and not path.is_dir():
        raise CliError(_("{path} already exists; a backup never replaces a file: name a new one, "
                         "or a folder.").format(
            path=path))
    return path


def run_restore(args: argparse.Namespace, out: TextIO) -> int:
    book, backup = Path(args.path), Path(args.backup)
    if not args.yes and not _confirmed(book, backup, sys.stdin, sys.stderr):
        sys.stderr.write(_("Nothing was restored.") + "\n")
        return 1
    done = _backups().restore(book, backup)
    out.write(_("Restored {book} from {backup}{taken}.").format(
                  book=book,
                  backup=backup,
                  taken=_taken(book, backup)) + "\n")
    if done.before is None:
        out.write(_("There was no book at {book} to keep.").format(book=book) + "\n")
    else:
        state = "verified" if done.before.verified else _("unverified: it failed its check")
        out.write(_("The book as it was is kept in {path} ({state}).").format(
                      path=done.before.path,
                      state=state) + "\n")
    return 0


def _confirmed(book: Path, backup: Path, answers: TextIO, err: TextIO) -> bool:
    if not answers.isatty():
        raise CliError(_("restore asks before it replaces the book, and standard input is not a "
                         "terminal; add "
                         "--yes to restore {book}.").format(book=book))
    err.write(_("Replace {book} with {backup}{taken}? The book as it is now is backed up first. "
                "[y/N] ").format(
        book=book,
        backup=backup,
        taken=_taken(book, backup)))
    err.flush()
    return answers.readline().strip().lower() in ("y", "yes")


def _taken(book: Path, backup: Path) -> str:
    read = read_backup_name(backup.name, book.name)
    return _(", taken {astimezone:%Y-%m-%d %H:%M} UTC").format(
        astimezone=read[0].astimezone(UTC)) if read else ""


def run_list_backups(args: argparse.Namespace, out: TextIO) -> int:
    if args.open:
        raise CliError(_("--open applies to contacts, invoices, bills and credit-notes only."))
    backups, book = _backups(), Path(args.path)
    rows: list[Backup] = backups.list(book)
    if args.csv is not None:
        export_csv(BACKUP_COLUMNS, rows, args.csv, out, "backups", bom=args.bom)
        return 0
    count = write_table(BACKUP_COLUMNS, rows, out)
    out.write("\n" + ngettext("{count} backup in {folder}", "{count} backups in {folder}",
                              count).format(count=count, folder=backups.folder(book)) + "\n")
    return 0


def _backups():
    """The book's backups (imported here: ``--help`` needs no SQLAlchemy)."""
    from ledgerdesk.app.backups import StorageBackups

    return StorageBackups()
