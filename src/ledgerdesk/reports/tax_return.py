"""The tax return of a period: output tax (sales) and input tax (purchases) by tax code and
rate, the net due, and the documents behind each row.

It counts what the sales tax summary counts (the documents issued in the period that are
not void, priced by ``tax_lines.priced_lines`` as they were posted) but by tax code, which
is what a return's boxes ask for and what a settlement clears: each code's account owes
its output tax less its input tax.  Pure: storage streams the lines, the codes come in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.tax_codes import TaxCode
from ledgerdesk.domain.tax_settlement import TaxSettlement
from ledgerdesk.domain.wording import Words
from ledgerdesk.reports.periods import Period
from ledgerdesk.reports.tax_lines import TaxLine, priced_lines


@dataclass(frozen=True, slots=True)
class TaxReturnRow:
    """One code's documents in the period, signed so that credit notes take away."""

    side: Side
    code: str  # its name ("" for a line a book wrote without a code)
    code_id: int | None
    rate: Decimal
    account_code: str  # where its tax was posted
    documents: int
    net: Money
    tax: Money


@dataclass(frozen=True, slots=True)
class TaxReturn:
    period: Period
    rows: tuple[TaxReturnRow, ...]  # sales, then purchases; each by rate, then name
    output_tax: Money
    input_tax: Money
    #: The settlement that already covers (part of) the period, if any.
    settled: TaxSettlement | None = field(default=None)

    @property
    def net_due(self) -> Money:
        """Output less input tax: paid to the authority when positive, refunded when not."""
        return self.output_tax - self.input_tax

    def due_by_account(self) -> dict[str, Money]:
        """What each tax account owes for the period: its codes' output less input tax."""
        owed: dict[str, Money] = {}
        for row in self.rows:
            signed = row.tax if row.side is Side.SALES else -row.tax
            owed[row.account_code] = owed.get(row.account_code,
                                              Money.zero(signed.currency)) + signed
        return owed


@dataclass(frozen=True, slots=True)
class TaxReturnDocument:
    """A document behind a row: its lines on that code, summed (a drill's row)."""

    document_id: int
    number: str
    issue_date: dt.date | None
    contact: str
    kind_label: str
    net: Money
    tax: Money


_Key = tuple[Side, int | None, Decimal | None]  # side, code, and the rate of a line without


def _sums(lines: Iterable[TaxLine],
          currency: str) -> dict[_Key, tuple[Decimal, Decimal, set[int]]]:
    found: dict[_Key, tuple[Decimal, Decimal, set[int]]] = {}
    for line, priced in priced_lines(lines, currency):
        key = (line.kind.side, line.tax_code_id,
               line.tax_rate.normalize() if line.tax_code_id is None else None)
        net, tax, documents = found.get(key, (Decimal(0), Decimal(0), set()))
        documents.add(line.document_id)
        found[key] = (net + line.sign * priced.net.amount, tax + line.sign * priced.tax.amount,
                      documents)
    return found


def tax_return(period: Period, lines: Iterable[TaxLine], codes: Mapping[int, TaxCode],
               currency: str, default_account: str,
               settled: TaxSettlement | None = None) -> TaxReturn:
    """The return of ``period`` from its lines and the book's codes (by id)."""
    rows = []
    for (side, code_id, rate), (net, tax, documents) in _sums(lines, currency).items():
        code = codes.get(code_id) if code_id is not None else None
        rows.append(TaxReturnRow(
            side, code.name if code else "", code_id, code.rate if code else rate or Decimal(0),
            code.account_code if code else default_account, len(documents),
            Money(net, currency), Money(tax, currency)))
    rows.sort(key=lambda r: (r.side is Side.PURCHASES, r.rate, r.code.casefold()))
    output = sum((r.tax.amount for r in rows if r.side is Side.SALES), Decimal(0))
    given = sum((r.tax.amount for r in rows if r.side is Side.PURCHASES), Decimal(0))
    return TaxReturn(period, tuple(rows), Money(output, currency), Money(given, currency),
                     settled)


def tax_return_documents(lines: Iterable[TaxLine], code_id: int,
                         currency: str) -> Iterator[TaxReturnDocument]:
    """The documents with lines on ``code_id`` (``lines``: the period's, in document
    order), each with what those lines add to the row."""
    current: TaxLine | None = None
    net = tax = Decimal(0)
    for line, priced in priced_lines(lines, currency):
        if current is not None and line.document_id != current.document_id:
            yield _document(current, net, tax, currency)
            current = None
        if line.tax_code_id != code_id:
            continue
        if current is None:
            current, net, tax = line, Decimal(0), Decimal(0)
        net += line.sign * priced.net.amount
        tax += line.sign * priced.tax.amount
    if current is not None:
        yield _document(current, net, tax, currency)


def _document(line: TaxLine, net: Decimal, tax: Decimal, currency: str) -> TaxReturnDocument:
    return TaxReturnDocument(line.document_id, line.number, line.issue_date, line.contact,
                             line.kind.label, Money(net, currency), Money(tax, currency))


def due_words(report: TaxReturn) -> Words:
    """``Output tax 43.00, input tax 12.00: 31.00 to pay.`` (amounts for each face to write)."""
    due = report.net_due
    if due.is_positive:
        what: Words = (abs(due), " " + _("to pay."))
    elif due.is_zero:
        what = (_("nothing is due."),)
    else:
        what = (abs(due), " " + _("to be refunded."))
    return (_("Output tax "), report.output_tax, _(", input tax "), report.input_tax, ": ", *what)
