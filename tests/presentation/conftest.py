"""Presentation fixtures: a ``Session`` on the test book, in a chosen locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from ledgerdesk.presentation.session import Session

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def session_for(book) -> Callable[[str], Session]:
    return lambda locale="en_US": Session.of(book, Path(book.path), fallback_locale=locale,
                                             clock=lambda: TODAY)


@pytest.fixture
def session(session_for) -> Session:
    return session_for("de_DE")
