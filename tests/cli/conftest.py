"""Fixtures for the command-line tests (``run`` and ``demo_book`` are in tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def book_copy(demo_book: Path, tmp_path: Path) -> Path:
    """A private copy of the demo book (closed, so the main file holds everything)."""
    path = tmp_path / "copy.book"
    shutil.copyfile(demo_book, path)
    return path
