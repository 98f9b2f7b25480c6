"""What an argument must be before any command sees it: text, a file name, an id.

- Text (the type of every argument that names no other, ``text``) is UTF-8.  A terminal
  set to Latin-1 sends ``café`` as bytes that are not UTF-8, which Python hands over as
  lone surrogates (``caf\\udce9``); no book can store or even look them up, so they are
  refused here, in the parser's one line, before a command opens a book.
- A file name (``file_name``) may hold any bytes (a name that is not UTF-8 is a real file)
  but not NUL, and is not empty (which would mean the current folder).
- An id (``record_id``) is a whole number a book could hold (``domain.whole_numbers``).
"""

from __future__ import annotations

import argparse

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.whole_numbers import LARGEST_ID, record_id

_SURROGATES = range(0xD800, 0xE000)


def text(value: str) -> str:
    if any(ord(char) in _SURROGATES for char in value):
        raise argparse.ArgumentTypeError(
            _("{value!r} is not UTF-8 text (the terminal sent bytes in another encoding); type "
              "it again in a terminal set to UTF-8").format(value=value))
    return value


def file_name(value: str) -> str:
    if not value:
        raise argparse.ArgumentTypeError(_("a file name cannot be empty"))
    if "\x00" in value:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a file name: it holds a NUL character").format(value=value))
    return value


def id_argument(value: str) -> int:
    found = record_id(value)
    if found is None:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not an id; ids are whole numbers from 1 to {largest_id}").format(
                value=value, largest_id=LARGEST_ID))
    return found
