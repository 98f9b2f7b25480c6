"""Shared fixtures: one small demo book per session, copied for tests that change it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledgerdesk.cli import main


@pytest.fixture(scope="session")
def demo_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo book; tests must not change it (use ``book_copy``)."""
    path = tmp_path_factory.mktemp("demo") / "demo.book"
    assert main(["demo", str(path)]) == 0
    return path


@pytest.fixture
def book_copy(demo_book: Path, tmp_path: Path) -> Path:
    """A private copy of the demo book (closed, so the main file holds everything)."""
    path = tmp_path / "copy.book"
    shutil.copyfile(demo_book, path)
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    """``run(*args)`` -> (exit status, stdout, stderr) of ``ledgerdesk args`` in-process."""

    def _run(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return _run
