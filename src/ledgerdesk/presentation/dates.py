"""Reading dates people type in their locale, and writing them short or medium.

``parse_date`` accepts ISO ``2024-01-31`` everywhere, and otherwise three numbers in the
order of the locale's short format (``31.01.2024`` in de, ``1/31/24`` in en_US, ``2024/01/31``
in ja) with any of ``/ . -`` or spaces between them, or a day and year around a month name
as the medium format writes it (``31 janv. 2024``, ``Jan 31, 2024``).  A first number of
four digits is always a year.  Two-digit years are 2000–2069 or 1970–1999, as in POSIX.
Years run from 0001 to 9999 (Python's calendar, and the book's): year 0, a minus sign or
a fifth digit is refused with that range.

``DateFormatter`` writes the short format with a four-digit year (a ledger date must not
be ambiguous) and the medium format as the locale has it; both write every year with four
digits, zero-padded, so year 1 shows as ``0001`` (never a bare ``1``) and reads back.
Numeric patterns are compiled into a plain ``str.format`` template, the rest use Babel's
compiled pattern.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from babel.dates import parse_pattern, tokenize_pattern

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.i18n import language as message_language
from ledgerdesk.presentation.locales import (
    babel_locale,
    echo,
    locale_display_name,
    without_format_marks,
)

__all__ = ["DateError", "DateFormatter", "DateProblem", "parse_date"]

_ISO = re.compile(r"(\d{4,})-(\d{1,2})-(\d{1,2})")  # more digits: refused with the range
_NEGATIVE = re.compile(r"[-\u2212]\s*\d")
_YEARS = re.compile(r"(?<!y)y{1,3}(?!y)")
_TOKEN = re.compile(r"\d+|[^\d\s/.\-,]+")
_EXAMPLE = dt.date(2024, 12, 31)  # day, month and year all tell themselves apart
_NUMERIC_FIELDS = {("d", 1): "{0.day}", ("d", 2): "{0.day:02d}", ("M", 1): "{0.month}",
                   ("M", 2): "{0.month:02d}", ("y", 1): "{0.year}", ("y", 4): "{0.year:04d}"}


class DateProblem(Enum):
    """Why a typed date was refused."""

    EMPTY = "empty"
    NOT_A_DATE = "not a date"
    NO_SUCH_DATE = "no such date"


class DateError(ValueError):
    """A typed date that is not one; ``str()`` is the sentence to show under the field."""

    def __init__(self, message: str, problem: DateProblem, text: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.text = text


class DateFormatter:
    """Formats dates in one locale: ``short`` (four-digit year) and ``medium``."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        formats = babel_locale(locale).date_formats
        self._short = self._compile(_four_digit_year(formats["short"].pattern))
        self._medium = self._compile(_four_digit_year(formats["medium"].pattern))

    def short(self, day: dt.date) -> str:
        return self._short(day)

    def medium(self, day: dt.date) -> str:
        return self._medium(day)

    def _compile(self, pattern: str):
        babel_pattern = parse_pattern(pattern)
        template = _template(pattern)
        if template is not None and all(
            template.format(day) == babel_pattern.apply(day, self.locale)
            for day in (_EXAMPLE, dt.date(1999, 1, 5), dt.date(2000, 10, 1))
        ):
            return template.format
        return lambda day: babel_pattern.apply(day, babel_locale(self.locale))


def _four_digit_year(pattern: str) -> str:
    """Every year field as ``yyyy``: 2024 stays 2024, year 1 is 0001, never ``1``.  Quoted
    text (``y('e')'ko'`` in Basque) is left as it is: Babel's ``untokenize_pattern`` would
    drop its quotes."""
    parts = re.split(r"('(?:[^']|'')*'?)", pattern)  # odd parts are quoted
    return "".join(part if index % 2 else _YEARS.sub("yyyy", part)
                   for index, part in enumerate(parts))


def _template(pattern: str) -> str | None:
    """``"dd.MM.y"`` as ``"{0.day:02d}.{0.month:02d}.{0.year}"``, or None if not numeric."""
    parts = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "chars":
            parts.append(value.replace("{", "{{").replace("}", "}}"))
        elif value in _NUMERIC_FIELDS:
            parts.append(_NUMERIC_FIELDS[value])
        else:
            return None
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class _DateReader:
    order: str  # field order of the short format: "dmy", "mdy" or "ymd"
    day_first: bool  # in the medium format, whether the day comes before the year
    months: dict[str, int]  # casefolded month names (with and without a final "."), longest
    # first so that "juny" is found before "jun"
    literals: frozenset[str]  # words the patterns themselves contain ("de", "年")
    where: str
    example: str
    calendar: str  # "dates run from 1/1/0001 to 12/31/9999", in the short format

    def error(self, problem: DateProblem, text: str, why: str = "") -> DateError:
        if problem is DateProblem.EMPTY:
            message = _("No date was entered: write it like {example}").format(
                          example=self.example)
        elif why:
            message = _("{text} is not a date {where}: {why}").format(
                          text=echo(text),
                          where=self.where,
                          why=why)
        else:
            message = _("{text} is not a date {where}: write it like {example}").format(
                          text=echo(text),
                          where=self.where,
                          example=self.example)
        return DateError(message, problem, text)


@lru_cache(maxsize=256)
def _date_reader(locale: str) -> _DateReader:
    loc = babel_locale(locale)
    short, medium = loc.date_formats["short"].pattern, loc.date_formats["medium"].pattern
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in loc.months[context][width].items():
                names.setdefault(_fold(name), number)
                names.setdefault(_fold(name).rstrip("."), number)  # "janv" for "janv."
    months = dict(sorted(names.items(), key=lambda item: len(item[0]), reverse=True))
    literals = {word for pattern in (short, medium) for word in _TOKEN.findall(_literal(pattern))}
    return _DateReader(
        order=_field_order(short), day_first=_field_order(medium).index("d") <
        _field_order(medium).index("y"), months=months, literals=frozenset(literals),
        where=_("in {language}").format(language=locale_display_name(locale)),
        example=DateFormatter(locale).short(_EXAMPLE),
        calendar=_("dates run from {short} to {short2}").format(
            short=DateFormatter(locale).short(dt.date.min),
            short2=DateFormatter(locale).short(dt.date.max)),
    )


def _literal(pattern: str) -> str:
    """The pattern's own text with its fields as spaces: ``"y('e')'ko' MMM"`` → ``" (e)ko  "``."""
    return _fold("".join(value if kind == "chars" else " "
                         for kind, value in tokenize_pattern(pattern)))


def _field_order(pattern: str) -> str:
    order = ""
    for kind, value in tokenize_pattern(pattern):
        letter = value[0].lower() if kind == "field" else ""
        if letter in ("d", "m", "y") and letter not in order:
            order += letter
    return order if len(order) == 3 else "ymd"


def _fold(text: str) -> str:
    """NFKC, no bidi marks, lower case, every script's digits as ASCII, stripped."""
    folded = without_format_marks(unicodedata.normalize("NFKC", text)).casefold()
    return "".join(
        ch if ch.isascii() or unicodedata.decimal(ch, None) is None
        else str(unicodedata.decimal(ch))
        for ch in folded
    ).strip()


def parse_date(text: str, locale: str) -> dt.date:
    """The date in ``text``, as people in ``locale`` write it (or ISO ``yyyy-mm-dd``).

    Raises ``DateError`` with a one-sentence message; ``ValueError`` for an unknown locale.
    """
    reader = _date_reader(locale)
    cleaned = _fold(text)
    if not cleaned:
        raise reader.error(DateProblem.EMPTY, text)
    if _NEGATIVE.match(cleaned):  # "-0001-01-01": a year before year 1
        raise reader.error(DateProblem.NO_SUCH_DATE, text, why=reader.calendar)
    if iso := _ISO.fullmatch(cleaned):
        year = _year(iso[1], reader, text)
        return _checked(year, int(iso[2]), int(iso[3]), reader, text)
    numbers, words = _numbers_and_words(cleaned, reader)
    if not words and len(numbers) == 3:
        year, month, day = _numeric_fields(numbers, reader, text)
        return _checked(year, month, day, reader, text)
    name = next((name for name in reader.months if name in cleaned), None)
    if name is not None:  # names may hold spaces, dots or digits: "thg 7", "de juny"
        numbers, words = _numbers_and_words(cleaned.replace(name, " ", 1), reader)
        if not words and len(numbers) == 2:
            year, day = _year_and_day(numbers, reader, text)
            return _checked(year, reader.months[name], day, reader, text)
    raise reader.error(DateProblem.NOT_A_DATE, text)


def _numbers_and_words(text: str, reader: _DateReader) -> tuple[list[str], list[str]]:
    """The digit runs, and the words that are not the locale's own pattern words."""
    tokens = _TOKEN.findall(text)
    words = [token for token in tokens if not token.isdigit() and token not in reader.literals]
    return [token for token in tokens if token.isdigit()], words


def _numeric_fields(numbers: list[str], reader: _DateReader, text: str) -> tuple[int, int, int]:
    order = "ymd" if len(numbers[0]) >= 4 else reader.order
    fields = dict(zip(order, numbers, strict=True))
    if len(fields["d"]) > 2 or len(fields["m"]) > 2:
        raise reader.error(DateProblem.NOT_A_DATE, text)
    return _year(fields["y"], reader, text), int(fields["m"]), int(fields["d"])


def _year_and_day(numbers: list[str], reader: _DateReader, text: str) -> tuple[int, int]:
    first, second = numbers
    day_first = len(second) >= 4 or (len(first) < 4 and reader.day_first)
    day, year = (first, second) if day_first else (second, first)
    if len(day) > 2:
        raise reader.error(DateProblem.NOT_A_DATE, text)
    return _year(year, reader, text), int(day)


def _year(digits: str, reader: _DateReader, text: str) -> int:
    if len(digits) == 4:
        return int(digits)  # 0000 is refused by _checked, with the range
    if len(digits) > 4:
        why = _("a year has four digits; {calendar}").format(calendar=reader.calendar)
        raise reader.error(DateProblem.NO_SUCH_DATE, text, why=why)
    if len(digits) == 2:
        two = int(digits)
        return 2000 + two if two < 70 else 1900 + two
    raise reader.error(DateProblem.NOT_A_DATE, text)


def _checked(year: int, month: int, day: int, reader: _DateReader, text: str) -> dt.date:
    if not 1 <= year <= dt.MAXYEAR:
        why = _("there is no year {year}; {calendar}").format(
                  year=year,
                  calendar=reader.calendar)
        raise reader.error(DateProblem.NO_SUCH_DATE, text, why=why)
    if not 1 <= month <= 12:
        why = _("there is no month {month}; write it like {example}").format(
                  month=month,
                  example=reader.example)
        raise reader.error(DateProblem.NO_SUCH_DATE, text, why=why)
    days = monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = babel_locale(message_language()).months["format"]["wide"][month]
        why = (_("{month} {year} has {days} days").format(month=name, year=year, days=days)
               if day else _("there is no day 0"))
        raise reader.error(DateProblem.NO_SUCH_DATE, text, why=why)
    return dt.date(year, month, day)
