"""Helpers for the import tests: write a CSV as a user (or our exporter) would, import it."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest


def write_rows(path: Path, rows: Sequence[Sequence[object]], *, delimiter: str = ",",
               bom: bool = False) -> Path:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as file:
        csv.writer(file, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return path


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[..., Path]:
    """``csv_file(rows, name="in.csv", delimiter=",", bom=False)``: the path of a new CSV."""
    return lambda rows, name="in.csv", **kw: write_rows(tmp_path / name, rows, **kw)


@pytest.fixture
def run_import(book) -> Callable[..., Any]:
    """``run_import(path, kind, overrides=None, **options)``: the ImportPreview."""
    from ledgerdesk.services.imports import ImportKind, ImportOptions, import_file

    def _run(path: Path, kind: str, overrides: dict[str, str] | None = None, **options: Any):
        return import_file(book, path, ImportKind(kind), overrides, ImportOptions(**options))

    return _run


@pytest.fixture
def contact_names(book) -> Callable[[], list[str]]:
    """``contact_names()``: the book's contacts now."""
    return lambda: [c.name for c in book.queries().list_contacts()]
