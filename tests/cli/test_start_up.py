"""The command line starts at once: ``--help`` (the whole list, or a command's) loads none
of the heavy libraries (SQLAlchemy, Alembic, Babel, pydantic, Qt), and a report loads
neither pydantic nor Qt.  Asked of a fresh interpreter, as a user's process starts; which
modules are loaded does not depend on the machine's speed, so this can run anywhere."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "alembic", "babel", "pydantic", "PySide6")


def loaded_after(*argv: str) -> set[str]:
    code = (
        "import sys, contextlib, io\n"
        "from ledgerdesk.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main({list(argv)!r})\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("argv", [("--help",), ("check", "--help"), ("report", "--help"),
                                  ("reconcile", "--help"), ("pay", "--help")])
def test_help_loads_no_heavy_library(argv):
    assert loaded_after(*argv) & set(HEAVY) == set()


def test_a_report_loads_neither_pydantic_nor_qt(book_copy):
    loaded = loaded_after("report", "trial-balance", str(book_copy))
    assert "sqlalchemy" in loaded  # it did read the book
    assert loaded & {"pydantic", "PySide6"} == set()


def ours(loaded: set[str], *packages: str) -> set[str]:
    return {name for name in loaded if name.startswith(tuple(f"ledgerdesk.{p}." for p in packages))}


def loaded_modules_after(*argv: str) -> set[str]:
    """Every module (full dotted names) loaded once ``ledgerdesk ARGV`` has run."""
    code = (
        "import sys, contextlib, io\n"
        "from ledgerdesk.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main({list(argv)!r})\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


def test_help_loads_no_command_and_no_service():
    # The list of commands needs their names and summaries only: none of the thirty
    # commands' modules, and nothing of the services, reports or storage behind them.
    loaded = loaded_modules_after("--help")
    assert ours(loaded, "services", "reports", "storage", "sync") <= {
        "ledgerdesk.services.book_failure", "ledgerdesk.storage.errors"}  # what main catches
    assert ours(loaded, "cli") <= {"ledgerdesk.cli.arguments", "ledgerdesk.cli.parser",
                                   "ledgerdesk.cli.books", "ledgerdesk.cli.errors"}
    assert "ledgerdesk.domain.money" not in loaded  # nor amounts, before one is typed


@pytest.mark.parametrize(("argv", "own"), [(("report", "--help"), "report_options"),
                                            (("import", "--help"), "imports"),
                                            (("settings", "--help"), "settings")])
def test_a_commands_help_loads_only_that_commands_module(argv, own):
    commands = {"accounts", "backups", "bank", "imports", "journals", "lists", "lock",
                "new_book", "printing", "rates", "reconcile", "report_options", "reports",
                "settings", "sync_parser", "tax", "voids", "sync", "summary"}
    loaded = ours(loaded_modules_after(*argv), "cli")
    assert {name.removeprefix("ledgerdesk.cli.") for name in loaded} & commands == {own}


def test_a_report_loads_only_the_storage_it_reads_with(book_copy):
    # A report reads through the book's report queries and one read transaction; the
    # dashboard's, the chart's, the lists' streams and the demo's loader stay unloaded.
    loaded = loaded_modules_after("report", "profit-and-loss", str(book_copy))
    assert "ledgerdesk.storage.reports" in loaded  # it did read the book
    assert loaded & {"ledgerdesk.storage.dashboard", "ledgerdesk.storage.chart",
                     "ledgerdesk.storage.list_streams", "ledgerdesk.storage.line_exports",
                     "ledgerdesk.storage.journal_queries", "ledgerdesk.storage.bulk",
                     "ledgerdesk.cli.lists", "ledgerdesk.cli.sync_parser",
                     "ledgerdesk.services.imports", "alembic", "babel"} == set()


def test_every_commands_summary_is_the_one_its_module_gives():
    # ``--help`` lists the summaries of COMMANDS without importing the modules that add
    # each command's arguments; they must say the same.
    import importlib

    from ledgerdesk.cli.parser import COMMANDS, Declared, _command, build_parser

    for name, (summary, module, function) in COMMANDS.items():
        commands = next(action for action in build_parser()._actions
                        if isinstance(action, argparse._SubParsersAction))
        declared = Declared(commands)
        getattr(importlib.import_module(f"ledgerdesk.cli.{module}"), function)(declared,
                                                                                _command)
        assert declared.summaries[name] == summary, name


def test_every_commands_help_lists_its_own_arguments(capsys):
    from ledgerdesk.cli import main
    from ledgerdesk.cli.parser import COMMANDS

    for name in COMMANDS:
        assert main([name, "--help"]) == 0, name
        shown = capsys.readouterr().out
        assert shown.startswith(f"usage: ledgerdesk {name} [-h]"), name
        assert "options:" in shown, name
