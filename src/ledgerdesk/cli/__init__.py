"""The ``ledgerdesk`` command: a composition root that opens books and calls the services.

``main`` parses the arguments, runs one command and turns every expected failure (a bad
file, bad input, a refused payment) into one line on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from ledgerdesk.app.window import WindowUnavailable, run_screenshots, run_window
from ledgerdesk.cli.accounts import run_add_account
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.commands import run_check, run_demo, run_export_journal, run_trial_balance
from ledgerdesk.cli.errors import CliError, check_locale
from ledgerdesk.cli.imports import run_import
from ledgerdesk.cli.lists import run_list
from ledgerdesk.cli.parser import PROG, build_parser
from ledgerdesk.cli.pay import run_pay
from ledgerdesk.cli.printing import run_print
from ledgerdesk.cli.summary import run_summary
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.services.commands import problems_from
from ledgerdesk.storage import BookError

__all__ = ["main"]

Handler = Callable[[argparse.Namespace, TextIO], int]

HANDLERS: dict[str, Handler] = {
    "demo": run_demo,
    "check": run_check,
    "trial-balance": run_trial_balance,
    "list": run_list,
    "export-journal": run_export_journal,
    "pay": lambda args, out: run_pay(args, out, sys.stderr),
    "open": lambda args, out: open_window(Path(args.path) if args.path else None),
    "screenshots": lambda args, out: screenshots(args, out),
    "summary": run_summary,
    "add-account": run_add_account,
    "import": lambda args, out: run_import(args, out, sys.stderr),
    "print": run_print,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ledgerdesk`` with ``argv`` (default: the process's arguments); the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    try:
        return dispatch(parser, args)
    except KeyboardInterrupt:
        return fail("interrupted.", 130)
    except BrokenPipeError:
        quiet_stdout()
        return 141


def dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    out = sys.stdout
    try:
        if args.demo:
            if args.command is not None:
                return fail(f"--demo opens the demo book; it does not go with {args.command}.", 2)
            return run_window(demo=True)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        return HANDLERS[args.command](args, out)
    except ValidationFailed as exc:
        for problem in exc.problems:
            fail(str(problem))
        return 1
    except ValidationError as exc:
        for problem in problems_from(exc):
            fail(str(problem))
        return 1
    except WindowUnavailable as exc:
        return fail(str(exc), 2)
    except (BookError, CliError, NotFound, NotAllowed) as exc:
        return fail(str(exc))
    except BrokenPipeError:
        raise
    except OSError as exc:
        return fail(os_error_text(exc))


def open_window(path: Path | None) -> int:
    """Check the book first, so a bad file is one line here rather than a dialog."""
    if path is not None:
        with opened(path):
            pass
    return run_window(path)


def screenshots(args: argparse.Namespace, out: TextIO) -> int:
    book = Path(args.book) if args.book else None
    if book is not None:
        with opened(book):
            pass
    if args.locale:
        check_locale(args.locale)
    for path in run_screenshots(Path(args.folder), book, args.locale):
        out.write(f"{path}\n")
    return 0


def fail(message: str, status: int = 1) -> int:
    """One line on stderr; returns ``status`` for the caller to exit with."""
    text = " ".join(message.split())
    sys.stderr.write(f"{PROG}: error: {text}\n")
    return status


def os_error_text(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}." if exc.filename else f"{reason}."


def quiet_stdout() -> None:
    """After the reader of a pipe went away (``| head``), keep Python from complaining."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
