"""Where File > Export writes: a regular file is replaced whole (never half written), but a
link stays a link (its target gets the rows), and a named pipe or a device is written in
place, never replaced by a regular file.  A folder is refused in one line."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.exports import list_export, write_export
from ledgerdesk.presentation.lists import DocumentList


@pytest.fixture
def export(session, customer, issue):
    issue(customer, "10")
    issue(customer, "20")
    return list_export(session, "Sales invoices",
                       DocumentList(session, (DocumentKind.SALES_INVOICE,)))


def test_an_export_to_a_link_writes_the_links_target(export, tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "invoices.csv"
    target.write_text("last month\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "links" / "latest.csv"
    link.symlink_to(target)
    assert write_export(export, link, bom=False) == 2
    assert link.is_symlink() and link.readlink() == target
    assert target.read_text(encoding="utf-8").startswith("number,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions
    assert not any(p.name.endswith(".partial") for p in tmp_path.rglob("*"))


def test_a_dangling_link_gets_its_target_created(export, tmp_path):
    link = tmp_path / "latest.csv"
    link.symlink_to(tmp_path / "made.csv")
    write_export(export, link, bom=False)
    assert link.is_symlink() and (tmp_path / "made.csv").read_text(encoding="utf-8")


def test_an_export_to_a_named_pipe_goes_down_the_pipe(export, fifo):
    pipe = fifo("rows.csv")
    assert write_export(export, pipe.path, bom=False) == 2
    assert stat.S_ISFIFO(os.lstat(pipe.path).st_mode)
    assert pipe.received().decode("utf-8").count("\n") == 3


def test_a_link_to_a_named_pipe_stays_a_link_to_the_pipe(export, fifo, tmp_path):
    pipe = fifo("rows")
    link = tmp_path / "rows.csv"
    link.symlink_to(pipe.path)
    write_export(export, link, bom=False)
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(pipe.path).st_mode)
    assert pipe.received().decode("utf-8").startswith("number,")


def test_a_link_to_the_null_device_keeps_the_link_and_the_device(export, tmp_path):
    # Through a link of our own: had the export replaced what it was given, it would have
    # replaced the link in tmp_path, never the system's device.
    link = tmp_path / "nowhere.csv"
    link.symlink_to(os.devnull)
    assert write_export(export, link, bom=False) == 2
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_the_null_device_itself_is_written_in_place(export):
    from ledgerdesk.presentation.output_files import writes_in_place

    # Only once the rule says "in place" for it is the real device written to.
    assert writes_in_place(Path(os.devnull))
    assert write_export(export, Path(os.devnull), bom=False) == 2
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_folder_is_refused_in_one_line_and_left_alone(export, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as refused:
        write_export(export, folder, bom=False)
    assert refused.value.filename == str(folder)
    assert "folder" in refused.value.strerror and "\n" not in refused.value.strerror
    assert folder.is_dir() and not list(folder.iterdir())
    assert not any(p.name.endswith(".partial") for p in tmp_path.iterdir())
