"""Where and how an output file is written: the one rule for every export, journal and PDF,
from the command line and from the window.

- ``-`` (when the caller has a standard output) is standard output.
- A link is followed: its target is written and the link stays a link.
- A regular file, or a name that does not exist yet, is written beside its (real) name and
  moved into place at the end, so a failure or a cancel never leaves half a file under the
  real name; a file that was there keeps its permissions.
- Anything else that exists (a named pipe, a terminal, ``/dev/null``, ``/dev/stdout``) is
  opened and written in place: replacing a device with a regular file would break it for
  every program on the machine.
- A folder is refused with one sentence, and so is a database (a book, most likely: the
  one being exported, or a link to it), which the output would destroy.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ledgerdesk.domain.i18n import N_, _

STDOUT = "-"
FOLDER = N_("is a folder; give the name of a file in it")
DATABASE = N_("is a database (a Ledgerdesk book?); writing over it would destroy it, so "
              "choose another file")
#: How every SQLite database file starts.
SQLITE_HEADER = b"SQLite format 3\x00"


def is_stdout(target: str | os.PathLike[str] | None) -> bool:
    return target is None or str(target) == STDOUT


def real_target(path: Path) -> Path:
    """What writing to ``path`` writes: the end of its chain of links (which need not exist
    yet).  Refuses a folder."""
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise IsADirectoryError(errno.EISDIR, _(FOLDER), str(path))
    if _is_database(real):
        raise FileExistsError(errno.EEXIST, _(DATABASE), str(path))
    return real


def _is_database(path: Path) -> bool:
    """Only a regular file is looked into: opening a named pipe to read would wait for a
    writer, and a device is never replaced anyway."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:  # not there yet, or unreadable: writing it says what is wrong
        return False


def writes_in_place(path: Path) -> bool:
    """True for what exists and is not a regular file (a pipe, a device): it is written
    where it is, never replaced."""
    try:
        mode = os.stat(real_target(path)).st_mode
    except FileNotFoundError:
        return False
    return not stat.S_ISREG(mode)


@contextlib.contextmanager
def open_output(target: str | os.PathLike[str], *, binary: bool = False,
                stdout: IO[str] | None = None) -> Iterator[IO[Any]]:
    """A stream for ``target``, written by the rule above; ``stdout`` (the command line's)
    makes ``-`` standard output, which is flushed but never closed."""
    if stdout is not None and is_stdout(target):
        stream: IO[Any] = stdout.buffer if binary else stdout  # type: ignore[attr-defined]
        yield stream
        stream.flush()
        return
    path = Path(target)
    real = real_target(path)
    if writes_in_place(real):
        with _opened(real, binary, path) as out:
            yield out
        return
    partial = real.with_name(real.name + ".partial")
    try:
        with _opened(partial, binary, path) as out:
            yield out
        _keep_permissions(real, partial)
        os.replace(partial, real)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def write_bytes(target: str | os.PathLike[str], data: bytes, *,
                stdout: IO[str] | None = None) -> None:
    with open_output(target, binary=True, stdout=stdout) as out:
        out.write(data)


def _opened(path: Path, binary: bool, named: Path) -> IO[Any]:
    """``path`` opened for writing; an error names the file the user gave, not ours."""
    try:
        if binary:
            return open(path, "wb")
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(named)) from exc


def _keep_permissions(real: Path, partial: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.chmod(partial, stat.S_IMODE(os.stat(real).st_mode))
