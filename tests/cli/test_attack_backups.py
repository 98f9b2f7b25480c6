"""Attack: ``backup``, ``list backups`` and ``restore`` with hostile books, backups and
output files.

Whatever they are given, they exit 0, 1 or 2 with at most a few lines of error (never a
traceback); ``backup`` and ``list backups`` never change a byte of any book; a refused
``restore`` changes nothing, and a book it did replace passes ``check`` (``cli_attack``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_attack import attack_settings, option
from hostile_inputs import book_files, outputs

TEMPLATES = st.sampled_from(("demo", "empty"))


@pytest.fixture(autouse=True)
def own_config(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@attack_settings(30)
@given(book=book_files(), target=st.none() | outputs(), daily=st.booleans(),
       joined=st.booleans(), template=TEMPLATES)
def test_backup_with_hostile_files(attacker, book, target, daily, joined, template):
    with attacker.scene() as scene:
        path = scene.file(book, template)
        output = scene.file(target, template) if target is not None else None
        outcome = scene.run("backup", *option("-o", output, joined), *["--daily"] * daily,
                            "--", path)
        if book.kind == "book" and target is None:
            assert outcome.status == 0, outcome


@attack_settings(30)
@given(book=book_files(), backup=book_files(), template=TEMPLATES)
def test_restore_with_hostile_files(attacker, book, backup, template):
    with attacker.scene() as scene:
        path = scene.file(book, template)
        source = scene.file(backup, template)
        outcome = scene.run("restore", "--yes", "--", path, source, writes=True)
        if book.kind == "book" and backup.kind == "book":
            assert outcome.status == 0, outcome


@attack_settings(20)
@given(book=book_files(), template=TEMPLATES)
def test_listing_the_backups_of_a_hostile_book_file(attacker, book, template):
    with attacker.scene() as scene:
        path = scene.file(book, template)
        scene.run("backup", "--", path)
        scene.run("list", "backups", "--", path)
