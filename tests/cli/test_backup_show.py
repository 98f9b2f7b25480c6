"""The Show: a deliberate mistake on the demo book, undone by restoring the backup taken
before it, with ``check`` passing and the mistake gone (and kept, should it be wanted)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_config(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def invoice_rows(run, path: Path) -> list[dict[str, str]]:
    status, out, _ = run("list", "invoices", path, "--csv", "-")
    assert status == 0
    return list(csv.DictReader(io.StringIO(out)))


def invoices(run, path: Path) -> dict[str, str]:
    return {row["number"]: row["status"] for row in invoice_rows(run, path)}


def test_a_voided_invoice_comes_back_with_the_backup(run, book_copy: Path) -> None:
    before = invoices(run, book_copy)
    # The newest invoice nobody has paid yet: voiding it is allowed, and a mistake.
    victim = [row["number"] for row in invoice_rows(run, book_copy)
              if row["outstanding"] == row["total"] and row["status"] != "void"][-1]
    status, out, _ = run("backup", book_copy)
    assert status == 0
    backup = Path(out.split(" to ", 1)[1].split(" (", 1)[0])

    assert run("void", victim, book_copy, "--yes")[0] == 0  # the mistake
    assert invoices(run, book_copy)[victim] == "void"

    status, out, err = run("restore", book_copy, backup, "--yes")
    assert (status, err) == (0, ""), err
    assert out.startswith(f"Restored {book_copy} from {backup}, taken ")

    status, out, _ = run("check", book_copy)
    assert (status, out) == (0, f"OK: {book_copy}: SQLite's integrity checks and every ledger "
                                "invariant pass\n")
    assert invoices(run, book_copy) == before  # the void is gone, nothing else moved
    kept = kept_backup(run, book_copy)
    assert invoices(run, kept)[victim] == "void"  # and the mistake is kept, should it matter


def kept_backup(run, path: Path) -> Path:
    status, out, _ = run("list", "backups", path, "--csv", "-")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    return Path(next(row["file"] for row in rows if row["kind"] == "before-restore"))
