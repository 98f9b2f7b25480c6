"""The bundle's entry script (``packaging/entry.py``): ``multiprocessing.freeze_support()``
first, so the demo's second process (``demo --size N``) starts in a frozen bundle instead
of running the command line again; then the command, or the window when started as
``ledgerdesk-gui``."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "entry.py"


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: seen.append("freeze"))
    monkeypatch.setattr("ledgerdesk.cli.main", lambda: seen.append("cli") or 0)
    monkeypatch.setattr("ledgerdesk.cli.gui.main", lambda: seen.append("gui") or 0)
    return seen


@pytest.mark.parametrize(("program", "runs"), [("/opt/ledgerdesk/ledgerdesk", "cli"),
                                               ("/opt/ledgerdesk/ledgerdesk-gui", "gui"),
                                               ("C:\\Ledgerdesk\\ledgerdesk-gui.exe", "gui"),
                                               ("C:\\Ledgerdesk\\ledgerdesk.exe", "cli")])
def test_freeze_support_comes_before_the_command_or_the_window(calls, monkeypatch, program,
                                                               runs):
    monkeypatch.setattr("sys.argv", [program])
    code = compile(ENTRY.read_text(encoding="utf-8"), str(ENTRY), "exec")
    with pytest.raises(SystemExit) as exit_:  # as a script (runpy would change argv[0])
        exec(code, {"__name__": "__main__"})
    assert exit_.value.code == 0
    assert calls == ["freeze", runs]
