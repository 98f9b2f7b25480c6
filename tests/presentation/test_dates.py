"""Dates typed and shown in the user's locale: short, medium and ISO, with clear refusals."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel.localedata import locale_identifiers
from hypothesis import given, settings
from hypothesis import strategies as st

from ledgerdesk.presentation.dates import DateError, DateFormatter, DateProblem, parse_date

# Latin writes an era ("p.C.n.") into every date; nobody keeps books in it.
LOCALES = [tag for tag in sorted(locale_identifiers()) if not tag.startswith("la")]
D = dt.date

ACCEPTED = [
    ("en_US", "1/15/24", D(2024, 1, 15)),
    ("en_US", "01/15/2024", D(2024, 1, 15)),
    ("en_US", "Jan 15, 2024", D(2024, 1, 15)),
    ("en_US", "january 15 2024", D(2024, 1, 15)),
    ("en_US", "2024-01-15", D(2024, 1, 15)),
    ("en_US", " 2024-1-5 ", D(2024, 1, 5)),
    ("en_GB", "15/01/2024", D(2024, 1, 15)),
    ("en_GB", "15-1-24", D(2024, 1, 15)),
    ("en_GB", "15 Jan 2024", D(2024, 1, 15)),
    ("en_GB", "2024/01/15", D(2024, 1, 15)),  # a four-digit first number is a year
    ("de_DE", "15.01.2024", D(2024, 1, 15)),
    ("de_DE", "15.1.24", D(2024, 1, 15)),
    ("de_DE", "15 01 2024", D(2024, 1, 15)),
    ("de_CH", "31.12.99", D(1999, 12, 31)),
    ("fr_FR", "15/01/2024", D(2024, 1, 15)),
    ("fr_FR", "15 janv. 2024", D(2024, 1, 15)),
    ("fr_FR", "15 janvier 2024", D(2024, 1, 15)),
    ("fr_CH", "15.01.2024", D(2024, 1, 15)),
    ("nl_NL", "15-01-2024", D(2024, 1, 15)),
    ("nl_NL", "15 jan 2024", D(2024, 1, 15)),
    ("es_ES", "15/1/24", D(2024, 1, 15)),
    ("es_ES", "15 ene 2024", D(2024, 1, 15)),
    ("it_IT", "15/01/24", D(2024, 1, 15)),
    ("pt_BR", "15/01/2024", D(2024, 1, 15)),
    ("pt_BR", "15 de jan. de 2024", D(2024, 1, 15)),
    ("sv_SE", "2024-01-15", D(2024, 1, 15)),
    ("sv_SE", "15 jan. 2024", D(2024, 1, 15)),
    ("ja_JP", "2024/01/15", D(2024, 1, 15)),
    ("ja_JP", "24/1/15", D(2024, 1, 15)),
    ("ja_JP", "２０２４/０１/１５", D(2024, 1, 15)),  # full-width digits from an IME
    ("ar_KW", "15\u200f/1\u200f/2024", D(2024, 1, 15)),
    ("ar_KW", "١٥/١/٢٠٢٤", D(2024, 1, 15)),
    ("hi_IN", "15/1/24", D(2024, 1, 15)),
    ("zh_CN", "2024年1月15日", D(2024, 1, 15)),
    ("ko_KR", "2024. 1. 15.", D(2024, 1, 15)),
    ("ca_ES", "15 de gen. 2024", D(2024, 1, 15)),
    ("en_US", "1/1/69", D(2069, 1, 1)),  # two-digit years: 00-69 are 20xx, as in POSIX
    ("en_US", "1/1/70", D(1970, 1, 1)),
]


@pytest.mark.parametrize(("locale", "text", "expected"), ACCEPTED)
def test_accepts_the_locales_ways_and_iso(locale, text, expected):
    assert parse_date(text, locale) == expected


REJECTED = [
    ("en_US", "", DateProblem.EMPTY, "No date was entered: write it like 12/31/2024"),
    ("de_DE", "  ", DateProblem.EMPTY, "write it like 31.12.2024"),
    ("en_US", "15/01/2024", DateProblem.NO_SUCH_DATE, "there is no month 15; write it like"),
    ("en_GB", "31/02/2024", DateProblem.NO_SUCH_DATE, "February 2024 has 29 days"),
    ("de_DE", "29.02.2023", DateProblem.NO_SUCH_DATE, "February 2023 has 28 days"),
    ("en_GB", "0/1/2024", DateProblem.NO_SUCH_DATE, "there is no day 0"),
    ("en_US", "2024-13-01", DateProblem.NO_SUCH_DATE, "there is no month 13"),
    ("en_US", "0000-01-01", DateProblem.NO_SUCH_DATE, "there is no year 0"),
    ("en_GB", "15/01", DateProblem.NOT_A_DATE, "write it like 31/12/2024"),
    ("en_US", "tomorrow", DateProblem.NOT_A_DATE, "is not a date in English (United States)"),
    ("en_US", "2024-01-15T10:00", DateProblem.NOT_A_DATE, "write it like"),
    ("en_US", "1/15/024", DateProblem.NOT_A_DATE, "write it like"),  # three-digit year
    ("en_US", "123/1/2024", DateProblem.NOT_A_DATE, "write it like"),
    ("en_GB", "15 Foo 2024", DateProblem.NOT_A_DATE, "write it like"),
    ("en_GB", "15 Jan", DateProblem.NOT_A_DATE, "write it like"),
    ("en_GB", "1/2/3/4", DateProblem.NOT_A_DATE, "write it like"),
    ("de_DE", "1e5", DateProblem.NOT_A_DATE, "write it like"),
    ("en_US", "10000-01-01", DateProblem.NO_SUCH_DATE,
     "a year has four digits; dates run from 1/1/0001 to 12/31/9999"),
    ("de_DE", "31.12.10000", DateProblem.NO_SUCH_DATE, "dates run from 01.01.0001 to 31.12.9999"),
    ("fr_FR", "0000-01-01", DateProblem.NO_SUCH_DATE,
     "there is no year 0; dates run from 01/01/0001 to 31/12/9999"),
    ("ja_JP", "-0001-01-01", DateProblem.NO_SUCH_DATE, "dates run from 0001/01/01 to 9999/12/31"),
    ("en_GB", "\u22120001-01-01", DateProblem.NO_SUCH_DATE, "dates run from 01/01/0001"),
    ("de_DE", "9" * 5000 + "-01-01", DateProblem.NO_SUCH_DATE, "a year has four digits"),
]


@pytest.mark.parametrize(("locale", "text", "problem", "fragment"), REJECTED)
def test_refuses_with_a_reason(locale, text, problem, fragment):
    with pytest.raises(DateError) as caught:
        parse_date(text, locale)
    assert caught.value.problem is problem
    assert caught.value.text == text
    assert fragment in str(caught.value)
    assert_one_readable_sentence(str(caught.value))


def assert_one_readable_sentence(message: str) -> None:
    own_words = re.sub(r"“[^”]*”", "“…”", message)
    assert own_words and "\n" not in message and "Traceback" not in message
    assert "Error" not in message and not own_words.endswith(".")
    assert len(message) < 200


def test_unknown_locale_is_a_programming_error():
    with pytest.raises(ValueError) as caught:
        parse_date("2024-01-01", "xx_NOPE")
    assert not isinstance(caught.value, DateError)


FORMATTED = [
    ("en_US", "1/5/2024", "Jan 5, 2024"),
    ("en_GB", "05/01/2024", "5 Jan 2024"),
    ("de_DE", "05.01.2024", "05.01.2024"),
    ("fr_FR", "05/01/2024", "5 janv. 2024"),
    ("pt_BR", "05/01/2024", "5 de jan. de 2024"),
    ("ja_JP", "2024/01/05", "2024/01/05"),
    ("sv_SE", "2024-01-05", "5 jan. 2024"),
    ("es_ES", "5/1/2024", "5 ene 2024"),  # short pattern is d/M/yy: the year is widened
]


@pytest.mark.parametrize(("locale", "short", "medium"), FORMATTED)
def test_formats_short_with_a_four_digit_year_and_medium(locale, short, medium):
    formatter = DateFormatter(locale)
    assert formatter.short(D(2024, 1, 5)) == short
    assert formatter.medium(D(2024, 1, 5)) == medium


dates = st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31))


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(LOCALES), dates)
def test_parse_reads_back_short_and_medium(locale, day):
    formatter = DateFormatter(locale)
    assert parse_date(formatter.short(day), locale) == day
    assert parse_date(formatter.medium(day), locale) == day


CALENDAR_ENDS = [D(1, 1, 1), D(1, 12, 31), D(999, 3, 4), D(9999, 12, 31)]


@pytest.mark.parametrize("locale", ["en_US", "de_DE", "fr_FR", "ja_JP", "ar_EG", "fa_IR",
                                    "he_IL", "hi_IN", "ko_KR", "zh_CN"])
@pytest.mark.parametrize("day", CALENDAR_ENDS)
def test_the_short_format_reads_back_at_the_ends_of_the_calendar(locale, day):
    formatter = DateFormatter(locale)
    for shown in (formatter.short(day), formatter.medium(day)):
        assert f"{day.year:04d}" in shown  # year 1 shows as 0001, never as a bare 1
        assert parse_date(shown, locale) == day
    assert parse_date(day.isoformat(), locale) == day


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LOCALES), st.dates())
def test_short_and_medium_read_back_on_the_whole_calendar(locale, day):
    formatter = DateFormatter(locale)
    assert parse_date(formatter.short(day), locale) == day
    assert parse_date(formatter.medium(day), locale) == day


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LOCALES), dates)
def test_iso_is_understood_everywhere(locale, day):
    assert parse_date(day.isoformat(), locale) == day


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["en_US", "de_DE", "fr_FR", "ja_JP", "ar_KW", "pt_BR"]),
       st.text(alphabet="0123456789/.- ,janvJdeT:年月\u200f", max_size=16))
def test_any_text_is_a_date_or_a_date_error(locale, text):
    try:
        parse_date(text, locale)
    except DateError as error:
        assert_one_readable_sentence(str(error))
