"""The named problems a book file can have, each with the one sentence a user reads.

Every SQLite and OS error that can reach a user is turned into one of these by
``storage.failures``; the command line and the window only show ``str(problem)``.  A
sentence names the file, says what went wrong and, through ``outcome``, what that meant for
what the user was doing (", so nothing was saved"), then what to do.  Only ``Damaged`` says
"damaged", and only SQLite's own verdict (``SQLITE_CORRUPT``, ``SQLITE_NOTADB``) or a
missing schema makes one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Self

from ledgerdesk.domain.i18n import N_, _, ngettext
from ledgerdesk.services.book_failure import BookFailure

#: ``outcome`` of a failed write transaction: it was rolled back.
SAVED_NOTHING = N_(", so nothing was saved")
#: ``outcome`` of a failed upgrade of an older book: backed up, then rolled back.
NOT_UPGRADED = (N_(", so the book could not be upgraded for this version of Ledgerdesk "
                   "(it is unchanged)"))
#: ``outcome`` of a book that failed while it was being made.
NOT_CREATED = N_(", so the book was not created")
#: ``outcome`` of a backup that failed: its partial copy was removed.
NOT_BACKED_UP = N_(", so no backup was made")
#: ``outcome`` of a restore that failed or was refused: the book was not replaced.
NOT_RESTORED = N_(", so nothing was restored")


class BookError(BookFailure):
    """The book file cannot be used; ``str()`` is one sentence naming the file, fit to show
    to a user without a traceback.  ``path`` is the file, when known."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class FileProblem(BookError):
    """A named problem: its ``template`` filled with the file, the outcome and details."""

    template: ClassVar[str]

    def __init__(self, path: Path | str, *, outcome: str = "", **details: Any) -> None:
        self.outcome, self.details = outcome, details
        path = Path(path)
        text = _(self.template).format(path=path, outcome=_(outcome) if outcome else "",
                                       **details)
        super().__init__(text, path)

    def restated(self, *, path: Path | None = None, outcome: str | None = None) -> Self:
        """The same problem told about ``path`` (the file the user named, when the work was
        done on another beside it) and with another ``outcome``."""
        return type(self)(path or self.path or Path(), **self.details,
                          outcome=self.outcome if outcome is None else outcome)


class Missing(FileProblem):
    template = N_("There is no book at {path}{outcome}. Check the file's name and folder.")


class NotABook(FileProblem):
    template = N_("{path} is not a Ledgerdesk book ({reason}); choose a book file Ledgerdesk made.")


class NewerVersion(FileProblem):
    template = (N_("{path} was saved by a newer version of Ledgerdesk (schema {schema}); "
                   "update Ledgerdesk to open it."))


class AlreadyExists(FileProblem):
    template = N_("{path} already exists; choose a new file name for the book.")


class CannotCreate(FileProblem):
    template = N_("{path} cannot be created: {reason}. Choose a folder you can write to.")


class Damaged(FileProblem):
    template = N_("{path} is damaged ({reason}){outcome}; `ledgerdesk check {path}` explains.")


class ReadOnly(FileProblem):
    template = (N_("{path} is read-only{outcome}: Ledgerdesk can show it but not change it. "
                   "Make the file writable, or copy it to a folder you can write to."))


class ReadOnlyFolder(ReadOnly):
    """WAL needs to create ``-wal`` and ``-shm`` files beside the book to change it."""

    template = (N_("{path} is read-only, as its folder is{outcome}: Ledgerdesk can show it but "
                   "not change it. Move it to a folder you can write to."))


class NeedsUpgrade(ReadOnly):
    """An older book must be upgraded before this version can read it at all."""

    template = (N_("{path} is read-only{outcome}, and it must be upgraded for this version of "
                   "Ledgerdesk before it can be opened. Make it and its folder writable, or copy "
                   "it to a folder you can write to, and open it again."))


class NoPermission(FileProblem):
    template = (N_("You may not use {path} (permission denied){outcome}. Ask whoever owns the "
                   "file for access, or work on a copy of it."))


class DiskFull(FileProblem):
    template = N_("The disk holding {path} is full{outcome}. Free some space on it and try again.")


class DiskError(FileProblem):
    template = (N_("The disk holding {path} reported an error ({reason}){outcome}. Check "
                   "the disk (or the network, for a shared folder) and try again."))


class Locked(FileProblem):
    template = (N_("Another program is writing to {path}; Ledgerdesk waited {wait} for it to "
                   "finish{outcome}. Close the other program, or try again when it is done."))

    def __init__(self, path: Path | str, *, wait: float | str, outcome: str = "") -> None:
        super().__init__(path, outcome=outcome, wait=seconds(wait))


class BackupFailedCheck(FileProblem):
    """A fresh copy of the book did not pass ``check``: it was removed, as a backup that
    cannot be restored is worse than none (it would be trusted)."""

    template = (N_("The backup of {path} failed its check ({reason}){outcome}; "
                   "`ledgerdesk check {path}` explains."))


class BackupFolderMissing(FileProblem):
    template = (N_("The backup folder {path} does not exist{outcome}; connect its disk, or choose "
                   "another folder (File > Backups…, or `ledgerdesk backup BOOK --folder DIR`)."))


class BackupFolderUnwritable(FileProblem):
    template = (N_("Ledgerdesk may not write in the backup folder {path}{outcome}; make it "
                   "writable, or choose another folder (File > Backups…, or `ledgerdesk backup "
                   "BOOK --folder DIR`)."))


class InUse(FileProblem):
    """Replacing a file another program has open would leave it writing to a ghost."""

    template = (N_("{path} is open in another program (a Ledgerdesk window, or a command still "
                   "running){outcome}. Close it there and try again."))


class CannotRestore(FileProblem):
    """The file offered as a backup is not one to put in the book's place."""

    template = N_("{path} cannot be restored: {reason}; {book} is unchanged.")


class StorageFailed(FileProblem):
    """Any other SQLite or OS error: not evidence of damage, so not called that."""

    template = (N_("SQLite could not use {path} ({reason}){outcome}. Please report this message "
                   "to the Ledgerdesk developers."))


def seconds(wait: float | str) -> str:
    """``30`` -> "30 seconds", ``0.2`` -> "0.2 seconds", ``1`` -> "1 second"."""
    if isinstance(wait, str):
        return wait
    number = f"{wait:g}"
    # the count is shown as written ("0.2"); the form is by the language's rule for it
    count = int(wait) if float(wait).is_integer() else 2
    return ngettext("{number} second", "{number} seconds", count).format(number=number)
