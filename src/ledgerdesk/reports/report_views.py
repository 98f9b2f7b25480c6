"""How each report reads: its columns (shared by the terminal table, the CSV and the
window's report view), its title lines and its footer rows of totals.

Footer cells are values (``Money``, text), so the terminal writes them as plain decimals and
the window in the user's locale.

A ``ReportView`` is lazy where the report is: the rows of a general ledger, statement or
payments register stream from the book into the table or the CSV.

A financial statement (profit and loss, balance sheet) is read whole, totals included, so
its CSV ends with its footer rows too (``csv_source``); the other reports' CSVs are their
rows alone, for a spreadsheet to sum.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.contact_reports import (
    AgingDocument,
    AgingReport,
    AgingRow,
    PaymentsRegister,
    Statement,
    StatementLine,
)
from ledgerdesk.reports.csv_format import Column, cell_text
from ledgerdesk.reports.ledger_reports import (
    BalanceSheet,
    GeneralLedger,
    ProfitAndLoss,
)
from ledgerdesk.reports.sales_tax import Percent, SalesTaxSummary

AMOUNT = 14
LIABILITIES_AND_EQUITY = "Total liabilities and equity"  # the balance sheet's last row
UNAPPLIED_CREDITS = "Unapplied credits"  # the aging's column: credits never fall due
UNAPPLIED_CREDIT = "credit"  # a credit's bucket in the aging by document: no day bucket
Footer = list[object]  # one total row: text and Money cells, one per column


def words(enum_value: str) -> str:
    """``CUSTOMER_RECEIPT`` -> ``customer receipt``."""
    return enum_value.replace("_", " ").lower()


@dataclass
class ReportView:
    """What ``ledgerdesk report`` writes: title lines, a table (or CSV), footer rows."""

    noun: str  # what a CSV row is, for "Wrote 12 contacts to a.csv"
    title: list[str]
    columns: Sequence[Column]
    rows: Iterable[Any]
    footers: list[Footer] = field(default_factory=list)
    totals: str = ""  # said after writing a CSV file, e.g. " (total 1234.50 EUR)"
    after: list[str] = field(default_factory=list)  # lines under the table
    csv_footers: bool = False  # the CSV ends with the footer rows (financial statements)


@dataclass(frozen=True, slots=True)
class FooterRow:
    """A footer written as a CSV row: its cells, one per column."""

    cells: tuple[object, ...]


def csv_source(view: ReportView) -> tuple[list[Column], Iterable[Any]]:
    """The columns and rows ``ledgerdesk report --csv`` and File > Export write: the rows,
    then (for a financial statement) the footers, each cell under its own column."""
    if not view.csv_footers:
        return list(view.columns), view.rows
    columns = [dataclasses.replace(column, value=_footer_or(column, index))
               for index, column in enumerate(view.columns)]
    footers = [FooterRow(tuple(footer)) for footer in view.footers]
    return columns, itertools.chain(view.rows, footers)


def _footer_or(column: Column, index: int) -> Any:
    read = column.value
    return lambda row: row.cells[index] if isinstance(row, FooterRow) else read(row)


def money_text(amount: Money) -> str:
    return f"{cell_text(amount)} {amount.currency}"


def aging_view(report: AgingReport, who: str) -> ReportView:
    columns = [Column("contact", who.capitalize(), 28, lambda r: r.contact_name)]
    columns += [
        Column(bucket_header(label), label.capitalize(), 13, lambda r, i=i: r.buckets[i],
               numeric=True)
        for i, label in enumerate(report.buckets.labels)
    ]
    columns.append(Column("unapplied_credits", UNAPPLIED_CREDITS, 17, lambda r: r.credits,
                          numeric=True))
    columns.append(Column("total", _("Total"), AMOUNT, lambda r: r.total, numeric=True))
    footer: Footer = [_("Total"), *report.totals, report.credits, report.total]
    home = report.total.currency
    if any(row.currency != home for row in report.rows):
        # Foreign documents: each row in its own currency, its total at home beside it,
        # and the footer (at home) adds those up.
        columns.insert(1, Column("currency", _("Cur"), 3, lambda r: r.currency))
        columns.append(Column("home_total", _("Total in {home}").format(home=home), AMOUNT,
                              lambda r: r.at_home.total, numeric=True))
        footer = [_("Total"), home, *report.totals, report.credits, report.total,
                  report.total]
    owed = _("owed by customers") if who == "customer" else _("owed to suppliers")
    return ReportView(
        "contacts", [_("{capitalize} as of {as_of}").format(
                         capitalize=owed.capitalize(),
                         as_of=report.as_of.isoformat())], columns,
        report.rows, [footer], " " + _("(total {money})").format(money=money_text(report.total)),
    )


def aging_documents_view(
    report: AgingReport, documents: Iterable[AgingDocument], who: str
) -> ReportView:
    labels = report.buckets.labels
    columns = [
        Column("contact", who.capitalize(), 24, lambda d: d.contact_name),
        Column("number", _("Number"), 12, lambda d: d.number),
        Column("kind", _("Kind"), 16, lambda d: d.kind.label),
        Column("issue_date", _("Issued"), 10, lambda d: d.issue_date),
        Column("due_date", _("Due"), 10, lambda d: d.due_date),
        Column("days_overdue", _("Days"), 6, lambda d: d.days_overdue, numeric=True),
        Column("bucket", _("Bucket"), 8,
               lambda d: UNAPPLIED_CREDIT if d.bucket is None else labels[d.bucket]),
        Column("outstanding", _("Outstanding"), AMOUNT, lambda d: d.outstanding, numeric=True),
    ]
    view = aging_view(report, who)
    footer: Footer = [_("Total"), "", "", "", "", "", "", report.total]
    return ReportView("documents", view.title, columns, documents, [footer], view.totals)


def bucket_header(label: str) -> str:
    """``1-30`` -> ``days_1_30``: a CSV header a spreadsheet will not read as a date."""
    if label == "current":
        return label
    return "days_" + label.replace("-", "_").replace(" ", "_")


def _account_columns(now: str, before: str) -> list[Column]:
    return [
        Column("section", _("Section"), 9, lambda r: r.section.value.lower()),
        Column("code", _("Code"), 6, lambda r: r.code),
        Column("account", _("Account"), 28, lambda r: r.name),
        Column("amount", now, AMOUNT, lambda r: r.amount, numeric=True),
        Column("previous", before, AMOUNT, lambda r: r.previous, numeric=True),
    ]


def _pair_row(label: str, pair: tuple[Money, Money]) -> Footer:
    return ["", "", label, pair[0], pair[1]]


def profit_and_loss_view(report: ProfitAndLoss) -> ReportView:
    footers = [
        _pair_row(_("Total income"), report.income),
        _pair_row(_("Total expenses"), report.expenses),
        _pair_row(_("Net profit"), report.net_profit),
    ]
    before = report.previous_period
    title = [_("Profit and loss, {label}").format(label=report.period.label()),
             _("(previous period {label})").format(label=before.label()) if before else
             _("(no period before {start} to compare with)").format(
                 start=report.period.start.isoformat())]
    return ReportView("rows", title, _account_columns(_("This period"), _("Previous")),
                      report.rows, footers, " " + _("(net profit {money})").format(
                                                money=money_text(report.net_profit[0])),
                      csv_footers=True)


def balance_sheet_view(report: BalanceSheet) -> ReportView:
    footers = [
        _pair_row(_("Total assets"), report.assets),
        _pair_row(_("Total liabilities"), report.liabilities),
        _pair_row(_("Total equity"), report.equity),
        _pair_row(LIABILITIES_AND_EQUITY, report.liabilities_and_equity),
    ]
    earlier = report.previous_date.isoformat() if report.previous_date else None
    beside = (_("(beside {earlier})").format(earlier=earlier) if earlier
              else _("(no date a year before to compare with)"))
    title = [_("Balance sheet as of {as_of}").format(as_of=report.as_of.isoformat())
             + " " + beside]
    if report.year_began is not None:
        title.append(_("Current year earnings since {year_began}, the fiscal year's first day; "
                       "retained "
                       "earnings before it").format(year_began=report.year_began.isoformat()))
    if not report.balances:
        title.append(_("WARNING: assets do not equal liabilities plus equity; run check."))
    columns = _account_columns(report.as_of.isoformat(), earlier or _("Previous"))
    return ReportView("rows", title, columns, report.rows, footers,
                      " " + _("(total assets {money})").format(
                          money=money_text(report.assets[0])), csv_footers=True)


def general_ledger_view(report: GeneralLedger) -> ReportView:
    columns = [
        Column("date", _("Date"), 10, lambda r: r.date),
        Column("entry", _("Entry"), 7, lambda r: r.entry_id, numeric=True),
        Column("description", _("Description"), 36, lambda r: r.description),
        Column("source", _("Source"), 8, lambda r: r.source_type.lower()),
        Column("source_id", _("Id"), 7, lambda r: r.source_id, numeric=True),
        Column("debit", _("Debit"), AMOUNT, lambda r: r.debit, numeric=True),
        Column("credit", _("Credit"), AMOUNT, lambda r: r.credit, numeric=True),
        Column("balance", _("Balance"), AMOUNT, lambda r: r.balance, numeric=True),
    ]
    title = [_("General ledger of {code} {name}, {label}").format(
                 code=report.code,
                 name=report.name,
                 label=report.period.label()),
             _("Opening balance {money} (debit positive)").format(money=money_text(report.opening))]
    footer: Footer = ["", "", _("Totals and closing balance"), "", "", report.debits,
                      report.credits, report.closing]
    if report.foreign:  # each foreign posting in its own currency too
        columns.append(Column("foreign", _("Foreign"), AMOUNT + 4,
                              lambda r: "" if r.foreign is None else money_text(r.foreign),
                              numeric=True))
        footer.append("")
    return ReportView(_("journal lines"), title, columns, report.lines, [footer],
                      " " + _("(closing balance {money})").format(money=money_text(report.closing)))


def aged_by_label(row: AgingRow, labels: Sequence[str]) -> list[tuple[str, Money]]:
    """A statement's closing balance by age: each bucket, then its unapplied credits (when
    there are any: they are in no bucket)."""
    found = list(zip(labels, row.buckets, strict=True))
    if not row.credits.is_zero:
        found.append((UNAPPLIED_CREDITS.lower(), row.credits))
    return found


def _unless_zero(amount: Money) -> Money | None:
    """A statement line is a charge or a credit: the other column stays blank."""
    return None if amount.is_zero else amount


def statement_view(report: Statement, labels: Sequence[str]) -> ReportView:
    columns = [
        Column("date", _("Date"), 10, lambda r: r.date),
        Column("document", _("Document"), 12, lambda r: r.reference),
        Column("description", _("Description"), 40, lambda r: r.description),
        Column("charges", _("Charges"), AMOUNT, lambda r: _unless_zero(r.charges), numeric=True),
        Column("credits", _("Credits"), AMOUNT, lambda r: _unless_zero(r.credits), numeric=True),
        Column("balance", _("Balance"), AMOUNT, lambda r: r.balance, numeric=True),
    ]
    zero = Money.zero(report.opening.currency)
    opening = StatementLine(report.period.start, "", 0, "", _("Opening balance"), zero, zero,
                            report.opening)
    aging = ", ".join(f"{label} {cell_text(amount)}"
                      for label, amount in aged_by_label(report.aging, labels))
    footers: list[Footer] = [["", "", _("Closing balance"), report.charges, report.credits,
                              report.closing]]
    title = [_("Statement of {contact_name}, {label}").format(
                 contact_name=report.contact_name,
                 label=report.period.label())]
    after = [_("Aging on {end}: {aging}").format(end=report.period.end.isoformat(), aging=aging)]
    if report.at_home is not None:
        after.append(_("In {currency}; at home the closing balance is {money} (at the rates "
                       "it was booked at).").format(currency=report.closing.currency,
                                                    money=money_text(report.at_home)))
    return ReportView("lines", title, columns, itertools.chain([opening], report.lines),
                      footers, " " + _("(closing balance {money})").format(
                                   money=money_text(report.closing)), after)


def payments_register_view(report: PaymentsRegister) -> ReportView:
    columns = [
        Column("date", _("Date"), 10, lambda r: r.date),
        Column("payment_id", _("Id"), 7, lambda r: r.payment_id, numeric=True),
        Column("kind", _("Kind"), 16, lambda r: words(r.kind.value)),
        Column("contact", _("Contact"), 24, lambda r: r.contact_name),
        Column("reference", _("Reference"), 14, lambda r: r.reference),
        Column("amount", _("Amount"), AMOUNT, lambda r: r.amount, numeric=True),
        Column("currency", _("Cur"), 3, lambda r: r.amount.currency),
        Column("document", _("Document"), 12, lambda r: r.document_number),
        Column("applied", _("Applied"), AMOUNT, lambda r: r.applied, numeric=True),
        Column("applied_currency", _("Cur"), 3, lambda r: r.applied.currency),
        Column("kept_as_credit", _("Kept"), 4, lambda r: r.kept_as_credit),
        Column("void", _("Void"), 4, lambda r: r.voided),
    ]
    title = [_("Payments register, {label}: {count} payments").format(
                 label=report.period.label(),
                 count=report.count),
             _("Money in {money}, money out {money2} (voided payments left out)").format(
                 money=money_text(report.money_in),
                 money2=money_text(report.money_out))]
    return ReportView("lines", title, columns, report.rows, [],
                      " " + _("({count} payments)").format(count=report.count))


def sales_tax_view(report: SalesTaxSummary) -> ReportView:
    columns = [
        Column("side", _("Side"), 15, lambda r: words(r.side.value)),
        Column("rate", _("Rate %"), 7, lambda r: Percent(r.rate), numeric=True),
        Column("documents", _("Documents"), 9, lambda r: r.documents, numeric=True),
        Column("net", _("Net"), AMOUNT, lambda r: r.net, numeric=True),
        Column("tax", _("Tax"), AMOUNT, lambda r: r.tax, numeric=True),
    ]
    footers: list[Footer] = [[_("Total sales"), "", "", report.net_sales, report.output_tax],
                              [_("Total purchases"), "", "", report.net_purchases,
                               report.input_tax],
                              [_("Tax due"), "", "", "", report.tax_due]]
    title = [_("Sales tax summary, {label}").format(label=report.period.label()),
             _("(documents issued in the period; void documents left out)")]
    return ReportView("rates", title, columns, report.rows, footers,
                      " " + _("(tax due {money})").format(money=money_text(report.tax_due)))


TRIAL_BALANCE_COLUMNS = (
    Column("code", N_("Code"), 8, lambda r: r.code),
    Column("name", N_("Account"), 32, lambda r: r.name),
    Column("debit", N_("Debit"), 16, lambda r: r.debit, numeric=True),
    Column("credit", N_("Credit"), 16, lambda r: r.credit, numeric=True),
)


def trial_balance_totals(rows: Iterable[Any], currency: str) -> tuple[Money, Money]:
    """Σ debit and Σ credit of ``TrialBalanceRow``s."""
    debit = credit = Money.zero(currency)
    for row in rows:
        debit, credit = debit + row.debit, credit + row.credit
    return debit, credit


def trial_balance_view(rows: Sequence[Any], when: str, currency: str) -> ReportView:
    """``TrialBalanceRow``s (``when``: "as of 2024-03-31" or "all entries")."""
    debit, credit = trial_balance_totals(rows, currency)
    return ReportView("accounts", [_("Trial balance, "
                                     "{when}").format(when=when)], TRIAL_BALANCE_COLUMNS, rows,
                      [["", _("Total"), debit, credit]])
