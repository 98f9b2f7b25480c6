"""The ``ledgerdesk`` command: a composition root that opens books and calls the services.

``main`` parses the arguments, runs one command and turns every expected failure (a bad
file, bad input, a refused payment) into one line on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from ledgerdesk.app.window import WindowUnavailable, run_screenshots, run_window
from ledgerdesk.cli.errors import CliError, check_locale
from ledgerdesk.cli.parser import PROG, build_parser
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.presentation.language import system_language, use_language
from ledgerdesk.storage import BookError

__all__ = ["main"]

Handler = Callable[[argparse.Namespace, TextIO], int]

#: Where each command's handler lives (module in ``ledgerdesk.cli``, function), imported
#: only when that command runs: ``ledgerdesk open`` starts the window without paying for
#: the imports of ``pay`` or ``demo`` (pydantic, the demo generator).
HANDLERS: dict[str, tuple[str, str]] = {
    "demo": ("commands", "run_demo"),
    "check": ("commands", "run_check"),
    "trial-balance": ("commands", "run_trial_balance"),
    "list": ("lists", "run_list"),
    "report": ("reports", "run_report"),
    "export-journal": ("commands", "run_export_journal"),
    "pay": ("pay", "run_pay"),
    "summary": ("summary", "run_summary"),
    "add-account": ("accounts", "run_add_account"),
    "edit-account": ("accounts", "run_edit_account"),
    "import": ("imports", "run_import"),
    "connect": ("sync_connect", "run_connect"),
    "connections": ("sync", "run_connections"),
    "disconnect": ("sync_manage", "run_disconnect"),
    "edit-connection": ("sync_manage", "run_edit_connection"),
    "link": ("sync", "run_link"),
    "sync": ("sync", "run_sync"),
    "print": ("printing", "run_print"),
    "new": ("new_book", "run_new"),
    "settings": ("settings", "run_settings"),
    "journal": ("journals", "run_journal"),
    "void": ("voids", "run_void"),
    "lock": ("lock", "run_lock"),
    "settle-tax": ("tax", "run_settle_tax"),
    "tax-code": ("tax", "run_tax_code"),
    "bank-rule": ("bank", "run_bank_rule"),
    "export-statement": ("bank", "run_export_statement"),
    "backup": ("backups", "run_backup"),
    "restore": ("backups", "run_restore"),
    "reconcile": ("reconcile", "run_reconcile"),
    "rate": ("rates", "run_rate"),
}


def handler(command: str) -> Handler:
    if command == "open":
        return lambda args, out: open_window(Path(args.path) if args.path else None)
    if command == "screenshots":
        return screenshots
    module, name = HANDLERS[command]
    run = getattr(importlib.import_module(f"ledgerdesk.cli.{module}"), name)
    if command in ("pay", "import", "journal"):
        return lambda args, out: run(args, out, sys.stderr)
    return run


def loaded_validation_error() -> type[Exception] | tuple[()]:
    """pydantic's ``ValidationError`` once pydantic is imported; before, nothing raises it."""
    pydantic = sys.modules.get("pydantic")
    return pydantic.ValidationError if pydantic is not None else ()


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ledgerdesk`` with ``argv`` (default: the process's arguments); the exit status."""
    for stream in (sys.stdout, sys.stderr):
        tolerant(stream)
    use_language(system_language())  # the system's, or LEDGERDESK_LANGUAGE
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
                return fail(_("--demo opens the demo book; it does not go with {command}.").format(
                                command=args.command), 2)
            return run_window(demo=True)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        return handler(args.command)(args, out)
    except ValidationFailed as exc:
        for problem in exc.problems:
            fail(str(problem))
        return 1
    except loaded_validation_error() as exc:
        from ledgerdesk.services.commands import problems_from

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
    from ledgerdesk.cli.books import opened

    if path is not None:
        with opened(path):
            pass
    return run_window(path)


def screenshots(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.cli.books import opened

    book = Path(args.book) if args.book else None
    if book is not None:
        with opened(book):
            pass
    if args.locale:
        check_locale(args.locale)
    for path in run_screenshots(Path(args.folder), book, args.locale, dark=args.dark,
                                language=args.language):
        out.write(f"{path}\n")
    return 0


def fail(message: str, status: int = 1) -> int:
    """One line on stderr (a name from the book shown inert); returns ``status`` for the
    caller to exit with."""
    text = " ".join(shown_inert(message).split())
    sys.stderr.write(_("{prog}: error: {text}").format(prog=PROG, text=text) + "\n")
    return status


def os_error_text(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}." if exc.filename else f"{reason}."


def tolerant(stream: TextIO) -> None:
    """A file name that is not UTF-8 (Python holds its odd bytes as lone surrogates) or a
    character the output's encoding lacks is written escaped (``\\udce9``), as Python
    writes to stderr, instead of stopping the command after its work is done."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        stream.reconfigure(errors="backslashreplace")


def quiet_stdout() -> None:
    """After the reader of a pipe went away (``| head``), keep Python from complaining."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
