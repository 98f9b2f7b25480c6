"""Import the ECB's reference rates (``ledgerdesk import rates``, File > Exchange rates…).

The file quotes foreign units per euro; ``domain.rates.from_eur_quotes`` turns each day into
home units per foreign unit (inverted for a EUR book, crossed through the euro for any
other: CHF per USD = CHF per EUR / USD per EUR).  All or nothing, in one transaction: a file
that is not the ECB's changes nothing (``EcbFileError``).  A rate already in the book for
that currency and day is never replaced, so importing the same file again adds nothing and
says so; a different rate there (typed by the user) is kept and counted.  Columns a book
cannot use (currencies gone into the euro: CYP, HRK …) are skipped and named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ledgerdesk.domain.currencies import is_iso_currency
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.domain.rates import ExchangeRate, from_eur_quotes, rate_text
from ledgerdesk.domain.wording import plural
from ledgerdesk.services.imports.ecb_file import EcbFileError, EcbRates, read_ecb_file
from ledgerdesk.services.ports import Book
from ledgerdesk.services.rate_ports import rated
from ledgerdesk.services.setup import base_currency

__all__ = ["EcbFileError", "RateImport", "import_ecb_rates"]


@dataclass
class RateImport:
    """What an import added (or would add) and what it left."""

    file: str
    home: str
    new: list[ExchangeRate] = field(default_factory=list)
    already: int = 0
    kept: list[tuple[ExchangeRate, ExchangeRate]] = field(default_factory=list)  # book, file
    unusable: tuple[str, ...] = ()  # columns that are no currency a book can use
    missing: int = 0  # N/A cells
    days_without_home: int = 0
    dry_run: bool = False

    @property
    def words(self) -> list[str]:
        """The summary, one sentence a line; the first says what changed."""
        new = plural(len(self.new), "{count} new rate", "{count} new rates")
        head = (_("{new}, {already} already in the book").format(new=new, already=self.already)
                + (_(", {count} kept as the book has them").format(
                    count=len(self.kept)) if self.kept else ""))
        lines = [head + (_(" (dry run: nothing written).") if self.dry_run else ".")]
        if self.new:
            days = sorted({r.date for r in self.new})
            codes = {r.currency for r in self.new}
            many = plural(len(codes), "{count} currency", "{count} currencies")
            lines.append(_("New: {many} from {date} to {end_date}, in {home} per "
                           "unit.").format(
                             many=many, date=days[0].isoformat(),
                             end_date=days[-1].isoformat(), home=self.home))
        if self.kept:
            book, file = self.kept[0]
            lines.append(_("Kept: the book's own rate where it differs from the file's, e.g. "
                           "{currency} on {date}: {rate_text} (the file: "
                           "{rate_text2}).").format(
                             currency=book.currency, date=book.date.isoformat(),
                             rate_text=rate_text(book.rate), rate_text2=rate_text(file.rate)))
        if self.unusable:
            columns = plural(len(self.unusable), "{count} column", "{count} columns")
            lines.append(_("Skipped: {columns} of currencies no longer in use ({items}).").format(
                             columns=columns, items=', '.join(self.unusable)))
        if self.days_without_home:
            days_left = plural(self.days_without_home, "{count} day", "{count} days")
            lines.append(_("Skipped: {days_left} without a {home} rate to convert through.").format(
                             days_left=days_left, home=self.home))
        return lines


def import_ecb_rates(book: Book, path: Path, *, dry_run: bool = False) -> RateImport:
    """Read the ECB file at ``path`` and add its rates the book lacks; ``EcbFileError`` or
    ``NotAllowed`` (the file cannot give rates in this book's currency) change nothing."""
    ecb = read_ecb_file(path)
    with book.write() as tx:
        home = base_currency(tx)
        if home != "EUR" and home not in ecb.currencies:
            raise NotAllowed(_("{name} has no {home} rates, so it cannot give rates in this "
                               "book's currency ({home}); type them in instead.").format(
                                 name=path.name, home=home))
        result = _planned(ecb, home, path.name)
        rates = rated(tx)
        book_rates = rates.rates_of(sorted({r.currency for r in result.new}))
        fresh: list[ExchangeRate] = []
        for rate in result.new:
            held = book_rates.get((rate.currency, rate.date))
            if held is None:
                fresh.append(rate)
            elif held == rate.rate:
                result.already += 1
            else:
                result.kept.append((ExchangeRate(rate.date, rate.currency, held), rate))
        result.new = fresh
        result.dry_run = dry_run
        if fresh and not dry_run:
            rates.add_rates(fresh)
            tx.audit("import", "exchange_rates", None, {
                "file": path.name, "new": len(fresh), "already": result.already,
                "kept": len(result.kept)})
    return result


def _planned(ecb: EcbRates, home: str, name: str) -> RateImport:
    """Every rate the file gives in ``home``, before the book is asked."""
    unusable = tuple(c for c in ecb.currencies if not is_iso_currency(c) and c != home)
    result = RateImport(name, home, unusable=unusable, missing=ecb.missing)
    for day in ecb.days:
        converted = from_eur_quotes(home, day.quotes)
        if not converted and home != "EUR":
            result.days_without_home += 1
        result.new += [ExchangeRate(day.date, code, rate)
                       for code, rate in sorted(converted.items())]
    return result
