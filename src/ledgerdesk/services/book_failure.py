"""``BookFailure``, what any method of a ``Book`` may raise, apart from the ports it is
part of (``services.ports``, which re-exports it): a command that only catches it (the
command line's ``main``) need not import every read model the ports name."""

from __future__ import annotations


class BookFailure(Exception):
    """The book's file failed: the disk is full, the file is read-only, locked by another
    program, damaged ...  Any method of a ``Book`` may raise it.  ``str()`` is one sentence
    that names the file and says what to do, to be shown as it is (storage words it)."""
