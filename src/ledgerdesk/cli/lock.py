"""``ledgerdesk lock PATH --through DATE`` / ``--clear``: lock the books through a date, or
unlock them; without either, say what is locked.

The same service as the window's Settings dialog (``services.lock.change_lock``): every
move is written to the audit log with who made it (``list audit`` shows it).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import parse_date
from ledgerdesk.domain.i18n import _


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "lock", _("lock the books through a date, or clear the lock"),
        _("Lock the books through DATE: nothing dated on or before it can then be created, "
          "authorised, paid, voided, journalled or imported. Moving or clearing the lock is "
          "allowed and recorded in the audit log ('list audit'). Without options, print the lock."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    which = sub.add_mutually_exclusive_group()
    which.add_argument("--through", type=parse_date, metavar="DATE",
                       help=_("the last locked day (YYYY-MM-DD)"))
    which.add_argument("--clear", action="store_true", help=_("remove the lock"))


def run_lock(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.services.lock import change_lock, read_lock_date

    with opened(args.path) as book:
        if args.through is None and not args.clear:
            lock = read_lock_date(book)
            out.write(_("The books are locked through "
                        "{lock}.").format(lock=lock.isoformat()) + "\n" if lock
                      else _("The books are not locked.") + "\n")
            return 0
        out.write(f"{change_lock(book, None if args.clear else args.through)}.\n")
    return 0
