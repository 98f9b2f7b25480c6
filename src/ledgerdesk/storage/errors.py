"""Errors the storage layer raises for the command line and the GUI to show as they are."""

from __future__ import annotations


class BookError(Exception):
    """The book file cannot be used: missing, not a book, damaged, or from a newer version.

    The message is one sentence naming the file, fit to show to a user without a traceback.
    """
