"""A clock whose sleep advances time instantly: backoff and key windows cost no real time."""

from __future__ import annotations

import datetime as dt


class FakeClock:
    def __init__(self, start: dt.datetime | None = None) -> None:
        self.current = start or dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
        self.slept = 0.0

    def now(self) -> dt.datetime:
        return self.current

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.slept += seconds
        self.current += dt.timedelta(seconds=seconds)

    def advance(self, **delta: float) -> None:
        self.current += dt.timedelta(**delta)
