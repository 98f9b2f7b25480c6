"""Every command that writes a file (``--csv FILE``, ``-o FILE``) writes it where it is: a
link stays a link and its target gets the content, a named pipe or a device is written in
place, ``-`` is standard output, and a folder is refused in one line."""

from __future__ import annotations

import os
import stat

import pytest

from ledgerdesk.cli import main

#: Each writing command, up to its output option, and how what it writes starts.
WRITERS = {
    "list": (("list", "invoices", "{book}", "--csv"), b"number,"),
    "report": (("report", "receivable-aging", "{book}", "--csv"), b"contact,"),
    "trial-balance": (("trial-balance", "{book}", "--csv"), b"code,"),
    "export-journal": (("export-journal", "{book}", "-o"), b"; Ledgerdesk journal"),
    "print": (("print", "INV-00012", "{book}", "-o"), b"%PDF"),
}


def command(name: str, book, target) -> list[object]:
    args, _ = WRITERS[name]
    return [str(book) if a == "{book}" else a for a in args] + [target]


@pytest.mark.parametrize("name", WRITERS)
def test_a_link_stays_a_link_and_its_target_gets_the_output(run, demo_book, tmp_path, name):
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "out"
    target.write_bytes(b"old")
    link = tmp_path / "links" / "out"
    link.symlink_to(target)
    status, _, err = run(*command(name, demo_book, link))
    assert (status, err) == (0, "")
    assert link.is_symlink() and link.readlink() == target
    assert target.read_bytes().startswith(WRITERS[name][1])
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["links", "out", "out", "real"]


@pytest.mark.parametrize("name", WRITERS)
def test_a_named_pipe_is_written_in_place(run, demo_book, fifo, name):
    pipe = fifo("out")
    status, _, err = run(*command(name, demo_book, pipe.path))
    assert (status, err) == (0, "")
    assert stat.S_ISFIFO(os.lstat(pipe.path).st_mode)
    assert pipe.received().startswith(WRITERS[name][1])


@pytest.mark.parametrize("name", ["list", "print"])
def test_a_link_to_a_pipe_and_a_link_to_the_null_device_stay_as_they_are(
        run, demo_book, fifo, tmp_path, name):
    pipe = fifo("pipe")
    to_pipe, to_null = tmp_path / "to-pipe", tmp_path / "to-null"
    to_pipe.symlink_to(pipe.path)
    to_null.symlink_to(os.devnull)  # our own link: a replacement would land in tmp_path
    assert run(*command(name, demo_book, to_pipe))[0] == 0
    assert run(*command(name, demo_book, to_null))[0] == 0
    assert to_pipe.is_symlink() and stat.S_ISFIFO(os.lstat(pipe.path).st_mode)
    assert pipe.received().startswith(WRITERS[name][1])
    assert to_null.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("name", WRITERS)
def test_a_folder_is_refused_in_one_line(run, demo_book, tmp_path, name):
    folder = tmp_path / "exports"
    folder.mkdir()
    status, out, err = run(*command(name, demo_book, folder))
    assert status == 1 and out == ""
    assert err == f"ledgerdesk: error: {folder}: is a folder; give the name of a file in it.\n"
    assert not list(folder.iterdir()) and sorted(p.name for p in tmp_path.iterdir()) == [
        "exports"]


@pytest.mark.parametrize("name", WRITERS)
def test_dash_is_standard_output(demo_book, capsysbinary, tmp_path, name, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main([str(a) for a in command(name, demo_book, "-")]) == 0
    out, err = capsysbinary.readouterr()
    assert out.startswith(WRITERS[name][1]) and err == b""
    assert not list(tmp_path.iterdir())  # no file called "-"
