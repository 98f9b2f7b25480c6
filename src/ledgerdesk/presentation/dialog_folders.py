"""Where a file dialog starts: the folder the user last chose in one, or else their
documents folder.

Never beside the open book by default: the demo book lives in the hidden user data folder,
and an export or a PDF saved there is a file the user cannot find again.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_dir


def documents_folder() -> Path:
    """The user's documents folder (``~/Documents`` or the system's own name for it), or
    their home folder when there is none."""
    folder = Path(user_documents_dir())
    return folder if folder.is_dir() else Path.home()


def start_folder(last_chosen: Path | None, documents: Path | None = None) -> Path:
    """``last_chosen`` while it still exists, else ``documents`` (by default the user's)."""
    if last_chosen is not None and last_chosen.is_dir():
        return last_chosen
    return documents if documents is not None else documents_folder()


def folder_of(chosen: Path) -> Path:
    """The folder a chosen file (or folder) is in, to start the next dialog there."""
    return chosen if chosen.is_dir() else chosen.parent
