"""Starting the window where it cannot start, and stopping it from the terminal.

A display plugin whose system libraries are missing gets one line naming them and their
packages (Qt itself prints a paragraph blaming xcb-cursor0 and dumps core); Ctrl+C in the
terminal closes the window as its close button does.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ledgerdesk.app import qt_libraries
from ledgerdesk.app.qt_libraries import debian_package, import_problem, qt_library_problem
from ledgerdesk.cli import main

needs_cc = pytest.mark.skipif(not shutil.which("cc") or not sys.platform.startswith("linux"),
                              reason="builds a shared library with the C compiler (Linux)")


def shared_library(folder: Path, name: str, soname: str, needs: list[Path] = ()) -> Path:
    source = folder / f"{name}.c"
    source.write_text(f"int {name.replace('-', '_').replace('.', '_')}(void) {{ return 1; }}\n")
    out = folder / name
    links = [arg for lib in needs for arg in (f"-L{lib.parent}", f"-l:{lib.name}")]
    subprocess.run(["cc", "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-Wl,--no-as-needed",
                    "-o", str(out),
                    str(source), *links], check=True, capture_output=True)
    return out


@pytest.fixture
def plugin_missing_two(tmp_path) -> Path:
    """A stand-in for libqxcb.so built against two libraries that are then deleted (names no
    system has, so the loader finds them nowhere)."""
    cursor = shared_library(tmp_path, "libxcb-nocursor.so.0", "libxcb-nocursor.so.0")
    xkb = shared_library(tmp_path, "libxkbnone-x11.so.0", "libxkbnone-x11.so.0")
    plugin = shared_library(tmp_path, "libqxcb.so", "libqxcb.so", [cursor, xkb])
    cursor.unlink()
    xkb.unlink()
    return plugin


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libEGL.so.1", "libegl1"),
    ("libdbus-1.so.3", "libdbus-1-3"), ("libglib-2.0.so.0", "libglib2.0-0"),
])
def test_a_library_is_named_by_its_debian_package(soname, package):
    assert debian_package(soname) == package


@needs_cc
def test_a_display_plugin_without_its_libraries_gets_one_line_naming_the_packages(
        plugin_missing_two, monkeypatch, capsys):
    monkeypatch.setattr(qt_libraries, "plugin_path", lambda name: plugin_missing_two)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main(["--demo"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "needs libxcb-nocursor.so.0 and libxkbnone-x11.so.0, which are not installed" in err
    assert "sudo apt install libxcb-nocursor0 libxkbnone-x11-0" in err
    assert "ledgerdesk summary PATH" in err


@needs_cc
def test_without_ldd_the_loader_still_names_the_first_missing_library(plugin_missing_two,
                                                                      monkeypatch):
    monkeypatch.setattr(qt_libraries, "plugin_path", lambda name: plugin_missing_two)
    monkeypatch.setattr(qt_libraries.shutil, "which", lambda name: None)
    problem = qt_library_problem({"DISPLAY": ":0"}, "linux")
    assert problem is not None and "libxcb-nocursor.so.0" in problem


@needs_cc
def test_a_plugin_with_all_its_libraries_is_no_problem(tmp_path, monkeypatch):
    present = shared_library(tmp_path, "libpresent.so.1", "libpresent.so.1")
    plugin = shared_library(tmp_path, "libqxcb.so", "libqxcb.so", [present])
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))
    monkeypatch.setattr(qt_libraries, "plugin_path", lambda name: plugin)
    assert qt_library_problem({"DISPLAY": ":0"}, "linux") is None


def test_the_plugin_checked_is_the_one_qt_will_load():
    assert qt_libraries.platform_name({"DISPLAY": ":0"}) == "xcb"
    assert qt_libraries.platform_name({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert qt_libraries.platform_name({"WAYLAND_DISPLAY": "wayland-0",
                                       "XDG_SESSION_TYPE": "wayland"}) == "wayland"
    assert qt_library_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert qt_library_problem({"DISPLAY": ":0"}, "darwin") is None


def test_qt_itself_missing_a_library_is_named_by_its_package():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert import_problem(error) == ("Qt needs libEGL.so.1, which is not installed "
                                     "(on Debian or Ubuntu: sudo apt install libegl1)")


def book_checks(demo: Path, env: dict[str, str]) -> bool:
    return subprocess.run([sys.executable, "-m", "ledgerdesk", "check", str(demo)], env=env,
                          capture_output=True).returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("when", ["while the demo is being built", "in the event loop"])
def test_ctrl_c_in_the_terminal_closes_the_window_cleanly(tmp_path, when):
    """The window runs (offscreen) on the demo book; SIGINT closes it: exit status 130, no
    traceback, the window's place saved as on a normal close.  During the demo's build the
    build is cancelled and its half-built book removed (a thread destroyed while running
    used to abort the process)."""
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen([sys.executable, "-m", "ledgerdesk", "--demo"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    demo = tmp_path / "data" / "Ledgerdesk" / "demo.book"
    deadline = time.monotonic() + 120
    while not demo.exists() and window.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if when == "in the event loop":  # built (one transaction: it checks once committed)
        while not book_checks(demo, env) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)  # opened, and waiting in Qt's loop, where Python used to miss signals
    window.send_signal(signal.SIGINT)
    try:
        out, err = window.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        window.kill()
        pytest.fail("the window ignored Ctrl+C")
    assert window.returncode == 130, err
    assert "Traceback" not in err and "QThread" not in err and out == ""
    assert (tmp_path / "config" / "Ledgerdesk" / "Ledgerdesk.ini").exists()
    if when == "in the event loop" or demo.exists():
        assert book_checks(demo, env)  # never half a demo book left behind
