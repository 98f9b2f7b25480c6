"""Which system libraries Qt's display plugin lacks, found before Qt is asked to start.

Without them Qt prints several lines, blames the wrong package (it always names
xcb-cursor0) and aborts with a core dump.  So, before the window starts, the platform
plugin Qt will load is opened here with the dynamic loader (``ldd`` lists every missing
library; ``ctypes`` names the first one where there is no ``ldd``) and the answer becomes
one sentence naming the files and the Debian/Ubuntu packages that provide them.  Nothing
here imports Qt.
"""

from __future__ import annotations

import ctypes
import importlib.util
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from ledgerdesk.domain.i18n import _

_PLUGIN_FILES = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)
_SONAME = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")
#: Libraries whose Debian package does not follow the usual naming rule.
_PACKAGES = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0"}


def platform_name(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first on Linux: ``QT_QPA_PLATFORM``'s first choice,
    else wayland in a Wayland session, else xcb."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return "wayland" if wayland else "xcb"


def plugin_path(platform: str) -> Path | None:
    """The plugin file inside the installed PySide6, found without importing PySide6."""
    name = _PLUGIN_FILES.get(platform)
    spec = importlib.util.find_spec("PySide6")
    if name is None or spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "Qt/plugins/platforms" / name
    return path if path.is_file() else None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the loader cannot find (empty when none)."""
    ldd = shutil.which("ldd")
    if ldd:
        try:
            listed = subprocess.run([ldd, str(plugin)], capture_output=True, text=True,
                                    timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            listed = None
        if listed is not None:
            return list(dict.fromkeys(_NOT_FOUND.findall(listed)))
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = _SONAME.search(str(exc).split(":")[0])
        return [found.group(1) if found else str(exc)]
    return []


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships ``soname`` by the library naming rule:
    ``libxcb-cursor.so.0`` is in libxcb-cursor0, ``libxkbcommon-x11.so.0`` in
    libxkbcommon-x11-0, ``libEGL.so.1`` in libegl1."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    stem, _, version = soname.partition(".so")
    major = version.lstrip(".").split(".")[0]
    if not major:
        return stem.lower()
    joiner = "-" if stem[-1].isdigit() else ""
    return f"{stem.lower()}{joiner}{major}"


def qt_library_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """One sentence on the libraries the display plugin lacks, or None when it has them
    (or when this is not Linux, or the plugin is not one checked here)."""
    if not platform.startswith("linux"):
        return None
    name = platform_name(environ)
    plugin = plugin_path(name)
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    if not missing:
        return None
    files = " and ".join(missing) if len(missing) < 3 else ", ".join(missing)
    verb = "is" if len(missing) == 1 else "are"
    packages = " ".join(dict.fromkeys(debian_package(lib) for lib in missing))
    return (_("Qt's {name} display plugin needs {files}, which {verb} not installed "
              "(on Debian or Ubuntu: sudo apt install {packages})").format(
                name=name, files=files, verb=verb, packages=packages))


def import_problem(exc: ImportError) -> str:
    """Why importing Qt failed, in one sentence: a missing system library by its package
    (``libEGL.so.1`` → libegl1), else PySide6 itself."""
    text = str(exc)
    found = _SONAME.search(text) if "cannot open shared object file" in text else None
    if found:
        lib = found.group(1)
        return (_("Qt needs {lib}, which is not installed (on Debian or Ubuntu: sudo apt "
                  "install {debian_package})").format(
                    lib=lib, debian_package=debian_package(lib)))
    return _("Qt (PySide6) cannot be loaded: {text}").format(text=text)
