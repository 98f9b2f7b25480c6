"""What the PyInstaller specs share: the entry script, the hidden imports, the data files.

Imported by ``ledgerdesk-linux.spec``, ``ledgerdesk-windows.spec`` and
``ledgerdesk-macos.spec`` (PyInstaller runs a spec as Python, from the project's own
environment with the package installed, not editable: ``packaging/README.md``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = str(ROOT / "packaging" / "entry.py")
APP_ID = "org.ledgerdesk.Ledgerdesk"
ICON_PNG = str(ROOT / "resources" / "app" / "ledgerdesk-256.png")


def hidden_imports() -> list[str]:
    """Modules found only by name at run time, which PyInstaller's analysis cannot see: the
    CLI's handlers (``importlib.import_module``), storage's and the imports' lazy names,
    the migrations (loaded by Alembic from files, importing Alembic and SQLAlchemy), the
    SQLite dialect, and the keyring's backends (found through entry points)."""
    from PyInstaller.utils.hooks import collect_submodules

    return sorted({
        *collect_submodules("ledgerdesk"),
        *collect_submodules("alembic", filter=lambda name: not name.startswith("alembic.testing")
                            and name != "alembic.testing"),
        *collect_submodules("sqlalchemy.dialects.sqlite"),
        *collect_submodules("keyring.backends"),
    })


def data_files() -> list[tuple[str, str]]:
    """The resources (icons, the print template) and the migrations as files: Alembic reads
    ``env.py`` and each revision from its folder, so they stay ``.py`` files on disk."""
    from PyInstaller.utils.hooks import collect_data_files

    return [
        *collect_data_files("ledgerdesk.resources"),
        *collect_data_files("ledgerdesk.storage", include_py_files=True,
                            includes=["migrations/*.py", "migrations/versions/*.py",
                                      "migrations/*.mako"]),
    ]


def analysis_options() -> dict:
    return {
        "pathex": [],
        "hiddenimports": hidden_imports(),
        "datas": data_files(),
        # Never needed by the program itself; some are installed beside it in a dev venv.
        "excludes": ["tkinter", "pytest", "hypothesis", "IPython", "PyInstaller"],
        "noarchive": False,
    }


def add_desktop_files(bundle: Path) -> None:
    """The freedesktop files, in ``bundle/share`` as they are laid out under a prefix, and
    ``install.sh`` beside the executable, which copies them there (Linux only)."""
    linux, app = ROOT / "packaging" / "linux", ROOT / "resources" / "app"
    share = bundle / "share"
    icons = [(app / f"ledgerdesk-{size}.png", f"icons/hicolor/{size}x{size}/apps",
              f"{APP_ID}.png") for size in (16, 32, 48, 128, 256)]
    for source, folder, name in (
        (linux / f"{APP_ID}.desktop", "applications", f"{APP_ID}.desktop"),
        (linux / f"{APP_ID}.metainfo.xml", "metainfo", f"{APP_ID}.metainfo.xml"),
        (linux / f"{APP_ID}.mime.xml", "mime/packages", f"{APP_ID}.xml"),
        (app / "ledgerdesk.svg", "icons/hicolor/scalable/apps", f"{APP_ID}.svg"),
        *icons,
    ):
        (share / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, share / folder / name)
    shutil.copy2(linux / "install.sh", bundle / "install.sh")
