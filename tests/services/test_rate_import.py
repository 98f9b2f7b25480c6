"""The ECB's reference rates files imported: daily and historical, zipped or not, into a
EUR book (inverted) and a CHF book (through the euro); all or nothing; never twice."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal

import pytest

from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.rate_import import EcbFileError, import_ecb_rates
from ledgerdesk.services.rates import list_rates, rate_on, save_rate
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage.book import create_book

DEC_4 = dt.date(2026, 12, 4)


@pytest.mark.parametrize("zipped", [False, True])
def test_the_daily_file_gives_a_eur_book_each_currency_inverted(book, ecb_file, zipped):
    result = import_ecb_rates(book, ecb_file("daily", zipped=zipped))
    assert len(result.new) == 30 and result.already == 0
    assert rate_on(book, "USD", DEC_4).rate == Decimal("0.948496632837")  # 1 / 1.0543
    assert rate_on(book, "IDR", DEC_4).rate == Decimal("0.000059198395")  # 1 / 16892.35
    assert result.words[0] == "30 new rates, 0 already in the book."


def test_a_chf_book_gets_rates_through_the_euro_and_the_euro_itself(chf_book, ecb_file):
    result = import_ecb_rates(chf_book, ecb_file("hist", zipped=True))
    assert rate_on(chf_book, "USD", DEC_4).rate == Decimal("0.883240064498")  # 0.9312/1.0543
    assert rate_on(chf_book, "EUR", DEC_4).rate == Decimal("0.9312")
    assert rate_on(chf_book, "EUR", dt.date(1999, 1, 5)).rate == Decimal("1.6168")
    assert "CHF" not in {r.currency for r in list_rates(chf_book)}
    # N/A cells are skipped: BGN has no 1999 rate, and the currencies that joined the
    # euro (CYP, EEK, HRK) are named, not imported.
    with pytest.raises(Exception, match="no BGN rate on or before 1999-01-04"):
        rate_on(chf_book, "BGN", dt.date(1999, 1, 4))
    assert result.unusable == ("CYP", "EEK", "HRK")
    assert ("Skipped: 3 columns of currencies no longer in use (CYP, EEK, HRK)."
            in result.words)


def test_the_same_file_again_changes_nothing_and_says_so(book, ecb_file):
    first = import_ecb_rates(book, ecb_file("hist"))
    count = len(first.new)
    again = import_ecb_rates(book, ecb_file("hist", zipped=True))
    assert again.new == [] and again.already == count
    assert again.words[0] == f"0 new rates, {count} already in the book."
    assert len(list(list_rates(book))) == count


def test_a_typed_rate_is_kept_over_the_files(book, ecb_file):
    save_rate(book, "USD", Decimal("0.95"), DEC_4)
    result = import_ecb_rates(book, ecb_file("daily"))
    assert rate_on(book, "USD", DEC_4).rate == Decimal("0.95")
    assert len(result.kept) == 1 and len(result.new) == 29
    assert result.words[0] == "29 new rates, 0 already in the book, 1 kept as the book has them."
    assert "USD on 2026-12-04: 0.95 (the file: 0.948496632837)" in result.words[2]


def test_a_dry_run_writes_nothing(book, ecb_file):
    result = import_ecb_rates(book, ecb_file("daily"), dry_run=True)
    assert len(result.new) == 30 and "dry run" in result.words[0]
    assert list(list_rates(book)) == []


BAD_FILES = {
    "wrong header": ("Name,Amount\nx,1\n", "its first line should start 'Date, USD, JPY'"),
    "a bad number": ("Date, USD, JPY, \n04 December 2026, 1.05x, 158.20, \n",
                     "line 2: '1.05x' under USD is not a rate"),
    "a zero": ("Date,USD,\n2026-12-04,0,\n", "'0' under USD is not a rate"),
    "a bad date": ("Date,USD,\n2026-13-04,1.05,\n", "'2026-13-04' is not a date"),
    "a foreign month": ("Date,USD,\n04 Dezember 2026,1.05,\n", "is not a date"),
    "too many cells": ("Date,USD,\n2026-12-04,1.05,1.06,\n", "2 rates for 1 currencies"),
    "the same day twice": ("Date,USD,\n2026-12-04,1.05,\n2026-12-04,1.06,\n",
                           "2026-12-04 is in the file twice"),
    "no rows": ("Date, USD, \n", "has its header but no rates"),
    "empty": ("", "is empty"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_file_that_is_not_the_ecbs_is_one_line_and_changes_nothing(book, ecb_file, name):
    save_rate(book, "USD", Decimal("0.95"), DEC_4)
    text, said = BAD_FILES[name]
    # A good first day, so a file refused further down has written nothing either.
    good_then_bad = text.replace("\n", "\n2026-12-05,1.01,\n", 1) if name == "a bad date" else text
    with pytest.raises(EcbFileError) as refused:
        import_ecb_rates(book, ecb_file("hist", text=good_then_bad))
    assert said in str(refused.value) and "\n" not in str(refused.value)
    assert [(r.currency, r.rate) for r in list_rates(book)] == [("USD", Decimal("0.95"))]


def test_not_a_zip_or_a_zip_without_the_csv_is_refused(book, tmp_path):
    binary = tmp_path / "eurofxref.zip"
    binary.write_bytes(b"PK\x03\x04 this is cut short")
    with pytest.raises(EcbFileError, match="damaged zip"):
        import_ecb_rates(book, binary)
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    with pytest.raises(EcbFileError, match="without the ECB's rates CSV"):
        import_ecb_rates(book, other)
    image = tmp_path / "eurofxref.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(EcbFileError, match="not text"):
        import_ecb_rates(book, image)
    assert list(list_rates(book)) == []


def test_a_book_in_a_currency_the_ecb_does_not_quote_is_told_so(tmp_path, ecb_file):
    kwd = create_book(tmp_path / "kwd.book")
    try:
        initialise_book(kwd, "Gulf Co", "KWD")
        with pytest.raises(NotAllowed, match="has no KWD rates"):
            import_ecb_rates(kwd, ecb_file("daily"))
    finally:
        kwd.close()
