"""The Linux desktop integration: the desktop file, the AppStream metainfo and the ``.book``
MIME type pass the freedesktop validators, agree with each other, and ``install.sh`` lays
them out so that the launcher starts the installed ``ledgerdesk-gui`` on a double-clicked
book (and ``--uninstall`` takes everything away again)."""

from __future__ import annotations

import configparser
import shlex
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.ledgerdesk.Ledgerdesk"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_file_passes_desktop_file_validate(tool):
    validate = tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([validate, str(LINUX / f"{APP_ID}.desktop")], capture_output=True,
                          text=True, check=False)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_the_metainfo_passes_appstreamcli_validate(tool):
    appstreamcli = tool("appstreamcli", "appstream")
    done = subprocess.run([appstreamcli, "validate", "--no-net",
                           str(LINUX / f"{APP_ID}.metainfo.xml")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Validation was successful" in done.stdout
    assert not any(line[:2] in ("E:", "W:", "I:") for line in done.stdout.splitlines())


def test_the_three_files_name_the_same_application_and_book_type():
    entry = desktop_entry(LINUX / f"{APP_ID}.desktop")
    mime = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot().find(f"{MIME}mime-type")
    meta = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    book_type = mime.get("type")
    assert [g.get("pattern") for g in mime.iter(f"{MIME}glob")] == ["*.book"]
    assert entry["MimeType"] == f"{book_type};"
    assert meta.findtext("provides/mediatype") == book_type
    assert meta.findtext("id") == entry["Icon"] == APP_ID
    assert meta.find("launchable").text == f"{APP_ID}.desktop"
    assert entry["Exec"] == "ledgerdesk-gui %f"  # the window, on the file double-clicked


@pytest.fixture
def bundle(tmp_path, packaging_common) -> Path:
    """A stand-in for dist/ledgerdesk/: the desktop files as the spec adds them, and an
    executable that writes down how it was started."""
    folder = tmp_path / "dist" / "ledgerdesk"
    folder.mkdir(parents=True)
    program = folder / "ledgerdesk"
    program.write_text('#!/bin/sh\nprintf "%s\\n" "$(basename "$0")" "$@" > "$RECORD"\n')
    program.chmod(0o755)
    (folder / "ledgerdesk-gui").symlink_to("ledgerdesk")
    packaging_common.add_desktop_files(folder)
    return folder


def test_install_sh_puts_a_launcher_that_opens_a_double_clicked_book(bundle, tmp_path, tool):
    validate = tool("desktop-file-validate", "desktop-file-utils")
    prefix = tmp_path / "prefix"
    subprocess.run([str(bundle / "install.sh"), "--prefix", str(prefix)], check=True,
                   capture_output=True)
    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    subprocess.run([validate, str(desktop)], check=True)
    for name in ("metainfo/org.ledgerdesk.Ledgerdesk.metainfo.xml",
                 "mime/packages/org.ledgerdesk.Ledgerdesk.xml",
                 "icons/hicolor/scalable/apps/org.ledgerdesk.Ledgerdesk.svg",
                 *(f"icons/hicolor/{s}x{s}/apps/org.ledgerdesk.Ledgerdesk.png"
                   for s in (16, 32, 48, 128, 256))):
        assert (prefix / "share" / name).is_file(), name
    # What a file manager runs for a double-clicked book: Exec, with %f the file.
    book = tmp_path / "Acme Ltd.book"
    command = [book.as_posix() if word == "%f" else word
               for word in shlex.split(desktop_entry(desktop)["Exec"])]
    record = tmp_path / "record"
    subprocess.run(command, check=True, env={"RECORD": str(record), "PATH": "/usr/bin:/bin"})
    assert record.read_text().splitlines() == ["ledgerdesk-gui", str(book)]
    assert Path(command[0]).is_relative_to(prefix)  # not whatever PATH finds first

    subprocess.run([str(bundle / "install.sh"), "--uninstall", "--prefix", str(prefix)],
                   check=True, capture_output=True)
    left = [p for p in prefix.rglob("*") if p.is_file() and "ledgerdesk" in p.name.lower()]
    assert left == [] and not (prefix / "lib" / "ledgerdesk").exists()
