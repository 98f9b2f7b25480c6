"""The daily backup on the files: taken once a UTC day, then the daily backups the policy no
longer keeps are deleted from the folder, and nothing else is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ledgerdesk.app.backup_places import BackupPlaces
from ledgerdesk.app.backups import StorageBackups
from ledgerdesk.domain.backups import BackupKind
from ledgerdesk.domain.retention import kept

START = dt.datetime(2024, 1, 1, 8, 0, tzinfo=dt.UTC)


def test_a_year_of_openings_keeps_the_policys_daily_backups_and_every_other(
        empty_book: Path, tmp_path: Path) -> None:
    book = tmp_path / "shop.book"
    book.write_bytes(empty_book.read_bytes())
    places = BackupPlaces(tmp_path / "places.json")
    taken: list[dt.datetime] = []
    manual = StorageBackups(places, clock=lambda: START).back_up(book)
    for day in range(0, 400, 6):  # opened every sixth day, twice on each of those days
        for hour in (0, 9):
            now = START + dt.timedelta(days=day, hours=hour)
            made = StorageBackups(places, clock=lambda now=now: now).daily_backup(book)
            assert (made is None) == (hour == 9)  # the second opening that day: none due
            if made is not None:
                taken.append(made.taken)
    listed = StorageBackups(places).list(book)
    dailies = sorted(b.taken for b in listed if b.kind is BackupKind.DAILY)
    assert dailies == sorted(taken[i] for i in kept(taken))
    assert len(dailies) <= 7 + 4 + 12 and max(taken) in dailies
    assert manual in listed
    on_disk = sorted(p.name for p in (tmp_path / "shop.book.backups").iterdir())
    assert on_disk == sorted(b.path.name for b in listed)
