"""The File > Import wizard without Qt: kind and file, the column mapping, options, a dry
run with every problem and what it would create, bank lines' choices, and the import.

The dry run and the import are ``run(book, request, progress)``: a plain function of a
frozen ``ImportRequest``, so the window can run it on a worker thread with a book of its
own.  Changing the file, the mapping or an option drops the preview: Import needs a fresh
one without problems.  An import cannot be undone, and ``confirmation`` says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ledgerdesk.domain.i18n import N_, Translated, _, ngettext
from ledgerdesk.domain.ledger import AccountRole
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.wording import plural, worded
from ledgerdesk.presentation.amount_format import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.import_lines import KEEP, LineChoices
from ledgerdesk.presentation.session import Progress, Session
from ledgerdesk.services.imports import (
    FIELDS,
    ColumnMapping,
    ImportFileError,
    ImportKind,
    ImportOptions,
    ImportPreview,
    MappingError,
    RowProblem,
    import_file,
    open_csv,
)
from ledgerdesk.services.imports.source import CsvSource
from ledgerdesk.services.imports.statement_files import (
    StatementFile,
    StatementFormat,
    read_statement_file,
    statement_format,
)
from ledgerdesk.services.ports import Book

KIND_LABELS = Translated({ImportKind.CONTACTS: N_("Contacts"), ImportKind.INVOICES: N_("Sales "
                                                                                       "invoices"),
                          ImportKind.BILLS: N_("Bills"), ImportKind.BANK: N_("Bank statement")})


@dataclass(frozen=True, slots=True)
class FieldRow:
    name: str
    required: bool
    help: str
    header: str  # the column feeding it now, "" for none
    sample: str  # that column's value in the first data row


@dataclass(frozen=True, slots=True)
class PreviewRow:
    what: str  # "Problem", "Creates", "Not recorded"
    row: int  # as a spreadsheet shows it; 0 for the file as a whole
    column: str
    detail: str

    @property
    def is_problem(self) -> bool:
        return self.what == _("Problem")


@dataclass(frozen=True, slots=True)
class ImportRequest:
    path: Path
    kind: ImportKind
    overrides: Mapping[str, str]
    options: ImportOptions = field(default_factory=ImportOptions)


def run(book: Book, request: ImportRequest, progress: Progress | None = None) -> ImportPreview:
    """The dry run or the import itself (``request.options.dry_run``), on ``book``."""
    options = ImportOptions(
        dry_run=request.options.dry_run, create_contacts=request.options.create_contacts,
        choices=request.options.choices, bank_account=request.options.bank_account,
        keep_excess=request.options.keep_excess, progress=progress,
    )
    return import_file(book, request.path, request.kind, request.overrides, options)


class ImportWizard:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.fmt = AmountFormatter(session.locale, session.currency)
        self.dates = DateFormatter(session.locale)
        self.kind = ImportKind.CONTACTS
        self.source: CsvSource | None = None
        # A bank's own statement file (OFX/QFX, CAMT.053) names its fields: nothing to map.
        self.statement: StatementFile | None = None
        self.sample: tuple[str, ...] = ()
        self.overrides: dict[str, str] = {}
        self.create_contacts = False
        self.bank_account: str | None = None
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.lines: LineChoices | None = None

    # ---- kind, file and mapping ----------------------------------------------------------

    def choose(self, kind: ImportKind, path: Path) -> str:
        """Take the kind and file; the reason the file cannot be read, or "".  A bank
        statement may be the bank's own OFX/QFX or CAMT.053 file as well as a CSV."""
        self.kind, self.overrides = kind, {}
        self._drop_preview()
        self.source, self.sample, self.statement = None, (), None
        try:
            found = statement_format(path) if kind is ImportKind.BANK else StatementFormat.CSV
            if found is not StatementFormat.CSV:
                self.statement = read_statement_file(path, found, self.session.currency)
                self.path = path
                return ""
            self.source = open_csv(path)
            self.sample = next((row.cells for row in self.source.rows()), ())
            self.path = path
        except ImportFileError as exc:
            self.source, self.sample = None, ()
            return str(exc)
        return ""

    @property
    def statement_note(self) -> str:
        """What the mapping step says instead of its columns for a bank's own file."""
        if self.statement is None:
            return ""
        lines = plural(len(self.statement.lines), "{count} line", "{count} lines")
        return _("{described}, {lines}. A {format} file names its own fields: there are no "
                 "columns to map. Choose the bank account it is a statement of.").format(
                     described=self.statement.described, lines=lines,
                     format=self.statement.format)

    @property
    def mapping(self) -> ColumnMapping:
        headers = self.source.headers if self.source else ()
        return ColumnMapping.default(self.kind, headers).with_overrides(self.overrides)

    def fields(self) -> list[FieldRow]:
        if self.statement is not None:
            return []
        mapping = self.mapping
        rows = []
        for spec in FIELDS[self.kind]:
            index = mapping.columns.get(spec.name)
            header = "" if index is None else mapping.headers[index]
            sample = self.sample[index] if index is not None and index < len(self.sample) else ""
            rows.append(FieldRow(spec.name, spec.required, spec.help, header, sample))
        return rows

    def headers(self) -> list[str]:
        return [h for h in (self.source.headers if self.source else ()) if h]

    def set_column(self, name: str, header: str) -> None:
        self.overrides[name] = header
        self._drop_preview()

    def mapping_error(self) -> str:
        if self.statement is not None:
            return ""
        if self.source is None:
            return _("Choose a CSV file first.")
        try:
            self.mapping.check()
        except MappingError as exc:
            return str(exc).replace(" Map one with --map FIELD=HEADER.", " Choose a column.")
        return ""

    def bank_accounts(self) -> list[tuple[str, str]]:
        with self.session.book.read() as tx:
            accounts = tx.accounts().values()
        return [(a.code, a.name) for a in accounts
                if a.role is AccountRole.BANK and not a.archived]

    def set_options(self, *, create_contacts: bool, bank_account: str | None) -> None:
        if (create_contacts, bank_account) != (self.create_contacts, self.bank_account):
            self.create_contacts, self.bank_account = create_contacts, bank_account
            self._drop_preview()

    # ---- preview and import --------------------------------------------------------------

    def request(self, *, commit: bool) -> ImportRequest:
        assert self.path is not None and (self.source or self.statement) is not None
        choices = dict(self.lines.chosen) if self.lines else {}
        keep = frozenset(self.lines.kept) if self.lines else frozenset()
        return ImportRequest(self.path, self.kind, dict(self.overrides), ImportOptions(
            dry_run=not commit, create_contacts=self.create_contacts, choices=choices,
            bank_account=self.bank_account, keep_excess=keep))

    def show(self, preview: ImportPreview) -> None:
        """Take a dry run's (or a refused import's) result; bank lines keep their choices."""
        self.preview = preview
        if preview.kind is ImportKind.BANK and (self.lines is None or not preview.ok):
            self.lines = LineChoices(preview.matches, self.fmt, self.dates, preview.excess)

    @property
    def problems(self) -> list[RowProblem]:
        """The preview's problems that only fixing the file can mend: a line paying more
        than its documents owe is the user's choice on its line instead."""
        if self.preview is None:
            return []
        choices = {(e.row, e.reason) for e in self.preview.excess}
        return [p for p in self.preview.problems if (p.row, p.reason) not in choices]

    def rows(self, *, problems_only: bool = False) -> list[PreviewRow]:
        if self.preview is None:
            return []
        found = [PreviewRow(_("Problem"), p.row, p.column, p.reason) for p in self.problems]
        if not problems_only and self.preview.kind is not ImportKind.BANK:
            found += [PreviewRow(_("Creates"), c.row, "", worded(c.words, self.money))
                      for c in self.preview.created]
        return found

    def detail(self, selected: PreviewRow) -> str:
        """The selected line in full; for a problem, every problem of its row at once."""
        where = _("Row {row}").format(row=selected.row) if selected.row else _("The file")
        same = [r for r in self.rows(problems_only=True) if r.row == selected.row]
        if not selected.is_problem or len(same) < 2:
            column = f", {selected.column}" if selected.column else ""
            return f"{where}{column}: {selected.detail}"
        lines = [f"• {r.column}: {r.detail}" if r.column else f"• {r.detail}" for r in same]
        return "\n".join([f"{where}: {len(same)} problems.", *lines])

    @property
    def can_import(self) -> bool:
        if self.preview is None or self.problems:
            return False
        if self.kind is ImportKind.BANK:
            return (self.lines is not None and not self.lines.waiting
                    and self.recorded_lines > 0)
        return bool(self.preview.created)

    @property
    def recorded_lines(self) -> int:
        if self.lines is None:
            return 0
        named = sum(1 for m in self.lines.matches.values() if m.named)
        return len(self.lines.chosen) + named

    def summary(self) -> str:
        preview = self.preview
        if preview is None:
            return _("Preview checks every row and writes nothing.")
        if self.problems:
            found = plural(len(self.problems), "{count} problem", "{count} problems")
            rows = plural(preview.rows, "{count} row", "{count} rows")
            return _("{problems} in {rows}. Nothing can be imported until the file is fixed: "
                     "fix it and preview again.").format(problems=found, rows=rows)
        waiting = self.lines.waiting if self.lines else []
        if waiting:
            return ngettext(
                "{count} line pays more than its documents owe. Tick “{keep}” for each to keep "
                "the excess as the contact’s credit, or fix the file and preview again.",
                "{count} lines pay more than their documents owe. Tick “{keep}” for each to "
                "keep the excess as the contact’s credit, or fix the file and preview again.",
                len(waiting)).format(count=len(waiting), keep=_(KEEP))
        if self.kind is ImportKind.BANK:
            return _("{rows} lines; {recorded} will be recorded as payments. Choose a document "
                     "for a line, or skip it.").format(rows=preview.rows,
                                                      recorded=self.recorded_lines)
        return _("No problems in {rows} rows: {created} records to create.").format(
            rows=preview.rows, created=len(preview.created))

    def confirmation(self) -> str:
        count = (_("{count} payments").format(count=self.recorded_lines)
                 if self.kind is ImportKind.BANK
                 else _("{count} records").format(
                     count=len(self.preview.created) if self.preview else 0))
        return _("This will create {count} in {book}. An import cannot be undone with Undo: "
                 "to take it back, void each record. Import now?").format(
                     count=count, book=self.session.title)

    def money(self, amount: Money) -> str:
        return self.fmt.format(amount.amount)

    def _drop_preview(self) -> None:
        self.preview, self.lines = None, None


#: A field's name as the mapping page shows it ("issue_date" is "Issue date").
FIELD_LABELS = Translated({
    "account": N_("Account"), "address": N_("Address"), "amount": N_("Amount"),
    "bank_id": N_("Bank id"), "contact": N_("Contact"), "counterparty": N_("Counterparty"),
    "credit": N_("Credit"), "currency": N_("Currency"), "date": N_("Date"),
    "debit": N_("Debit"), "description": N_("Description"),
    "discount_percent": N_("Discount percent"), "documents": N_("Documents"),
    "due_date": N_("Due date"), "email": N_("Email"), "issue_date": N_("Issue date"),
    "keep_excess_as_credit": N_("Keep excess as credit"), "kind": N_("Kind"),
    "name": N_("Name"), "number": N_("Number"),
    "payment_terms_days": N_("Payment terms days"), "quantity": N_("Quantity"),
    "reference": N_("Reference"), "role": N_("Role"), "status": N_("Status"),
    "tax_code": N_("Tax code"), "tax_mode": N_("Tax mode"), "tax_number": N_("Tax number"),
    "tax_rate": N_("Tax rate"), "total": N_("Total"), "unit_price": N_("Unit price"),
    "void": N_("Void"),
})


def field_label(name: str) -> str:
    """``name`` as the user reads it, in their language (an unknown one as it is spelt)."""
    return FIELD_LABELS[name] if name in FIELD_LABELS else name.replace("_", " ").capitalize()
