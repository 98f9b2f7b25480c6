"""``DocumentEditor``: an invoice, bill or credit note form's logic, without Qt.

It edits a draft copy: lines hold what the user typed, parsed in their locale on every
keystroke, and the totals follow.  Saving is one service call (``save_draft``, + maybe
``authorise_document``); the service's problems come back to the fields by their paths
(``lines[2].account_code``).  An authorised or void document opens read-only, saying why.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import ValidationError

from ledgerdesk.domain.documents import (
    DocumentKind,
    Lifecycle,
    LineAmounts,
    LineItem,
    Side,
    TaxMode,
    document_line_amounts,
)
from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.domain.problems import NotAllowed, Problem, ValidationFailed
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.document_currency import DocumentCurrency
from ledgerdesk.presentation.document_lines import (
    DECIMALS,
    LineDraft,
    line_draft,
    line_input,
    line_inputs,
)
from ledgerdesk.presentation.due_date import DueDate
from ledgerdesk.presentation.history import AuthoriseStep, SaveDraftStep
from ledgerdesk.presentation.numbers import NumberError, parse_number
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.tax_code_picker import TaxCodePicker, rounding_note
from ledgerdesk.services.commands import DocumentDraft, problems_from
from ledgerdesk.services.contacts import contact_currency
from ledgerdesk.services.documents import (
    authorise_document,
    load_document,
    payment_terms,
    save_draft,
    void_document,
)
from ledgerdesk.services.line_defaults import last_used_account, last_used_tax_code
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.settings import tax_rounding

MONEY_FIELDS = ("currency", "exchange_rate")
KIND_NAMES = Translated({DocumentKind.SALES_INVOICE: N_("invoice"), DocumentKind.BILL: N_("bill"),
                         DocumentKind.SALES_CREDIT_NOTE: N_("credit note"),
                         DocumentKind.PURCHASE_CREDIT_NOTE: N_("supplier credit note")})


class DocumentEditor:
    def __init__(self, session: Session, kind: DocumentKind, document_id: int | None = None):
        self.session, self.kind, self.document_id = session, kind, document_id
        self.fmt = AmountFormatter(session.locale, session.currency)
        self.money = DocumentCurrency(session, session.today)  # its currency and rate
        self.contact_id: int | None = None
        self.contact_name = ""
        self.due = DueDate(session.today)  # the issue date, and the due date from terms
        self.reference = ""
        self.tax_mode = TaxMode.EXCLUSIVE
        self.number = ""
        self.lifecycle = Lifecycle.DRAFT
        self.lines: list[LineDraft] = [LineDraft()]
        self.problems: list[Problem] = []  # from the last save attempt
        self.edited = False
        with session.book.read() as tx:
            self.accounts = sorted(
                (a for a in tx.accounts().values() if a.accepts_lines and not a.archived
                 and a.type is (AccountType.INCOME if kind.side is Side.SALES
                                else AccountType.EXPENSE)), key=lambda a: a.code)
        self.default_account = self.accounts[0].code if self.accounts else ""
        self.taxes = TaxCodePicker(session, kind.side)
        self.default_tax_code = self.taxes.first_value(None)
        self.book_rounding = tax_rounding(session.book)
        self.tax_rounding = self.book_rounding  # a posted document's own, once loaded
        self._before: DocumentDraft | None = None
        if document_id is not None:
            self._load(document_id)
        else:
            self.lines = [self._blank_line()]

    # ---- state --------------------------------------------------------------------------

    @property
    def issue_date(self) -> dt.date:
        return self.due.issue

    @property
    def due_date(self) -> dt.date:
        """The due date shown, and saved: the contact's terms unless the user typed one."""
        return self.due.date

    @property
    def due_hint(self) -> str:
        return self.due.hint(DateFormatter(self.session.locale).short)

    @property
    def read_only(self) -> bool:
        return self.lifecycle is not Lifecycle.DRAFT

    @property
    def title(self) -> str:
        name = KIND_NAMES.get(self.kind, "document")
        if self.document_id is None:
            return _("New {name}").format(name=name)
        if self.number:
            return f"{name.capitalize()} {self.number}"
        return _("Draft {name}").format(name=name)

    @property
    def number_text(self) -> str:
        """The number and the currency, as the header shows them."""
        number = self.number or _("given when authorised")
        return _("{number}    ·    amounts in {currency}").format(number=number,
                                                                  currency=self.money.code)

    @property
    def rounding_note(self) -> str:
        """How the totals round tax, when it is not line by line (or a posted document's
        rounding differs from the book's now)."""
        if self.read_only:
            if self.tax_rounding is self.book_rounding:
                return ""
            return rounding_note(self.tax_rounding, posted=True)
        return rounding_note(self.book_rounding, posted=False)

    def tax_code_choices(self) -> list[tuple[str, str]]:
        return self.taxes.choices()

    def tax_code_label(self, value: str) -> str:
        return self.taxes.label_of(value)

    @property
    def banner(self) -> str:
        if self.lifecycle is Lifecycle.AUTHORISED:
            return (_("{number} is authorised and posted to the ledger, so it can no longer be "
                      "changed. "
              "To correct it, void it (a reversal is posted) or issue a credit note.").format(
                number=self.number))
        if self.lifecycle is Lifecycle.VOIDED:
            return _("{number} is void; it stays in the books for the record.").format(
                number=self.number or _("This draft"))
        return ""

    # ---- editing ------------------------------------------------------------------------

    def set_contact(self, contact_id: int | None, name: str = "") -> None:
        self.contact_id, self.contact_name = contact_id, name
        self._follow_contact()
        self.due.follow(name if contact_id is not None else "",
                        payment_terms(self.session.book, contact_id))
        self.money.follow_contact(contact_currency(self.session.book, contact_id))
        self._money_changed()

    def _follow_contact(self) -> None:
        """New lines, and lines still on the default account, take the account this
        contact's last document used (when it is one these lines may use)."""
        used = None if self.contact_id is None else last_used_account(
            self.session.book, self.contact_id, self.kind.side, self.session.today)
        allowed = [a.code for a in self.accounts]
        self.default_account = used if used in allowed else (allowed[0] if allowed else "")
        taxed = None if self.contact_id is None else last_used_tax_code(
            self.session.book, self.contact_id, self.kind.side, self.session.today)
        self.default_tax_code = self.taxes.first_value(taxed)
        for line in self.lines:
            if line.account_defaulted:
                line.texts["account_code"] = self.default_account
            if line.tax_defaulted:
                line.texts["tax_code"] = self.default_tax_code

    def set_issue_date(self, issue: dt.date) -> None:
        self.due.issue = issue  # an untyped due date moves with it
        self.money.set_date(issue)  # and an untyped rate
        self._touch()

    def set_currency(self, text: str) -> None:
        self.money.choose(text)
        self._money_changed()

    def set_rate_text(self, text: str) -> None:
        self.money.type_rate(text)
        self._touch()

    def _money_changed(self) -> None:
        self.fmt = self.money.fmt  # amounts in the document's currency (JPY: no decimals)
        self._touch()

    def set_due_date(self, due: dt.date) -> None:
        self.due.type(due)
        self._touch()

    def set_reference(self, text: str) -> None:
        self.reference = text
        self._touch()

    def set_tax_mode(self, mode: TaxMode) -> None:
        self.tax_mode = mode
        self._touch()

    def add_line(self) -> int:
        self.lines.append(self._blank_line())
        self._touch()
        return len(self.lines) - 1

    def _blank_line(self) -> LineDraft:
        """A new line: the default account, and the tax code of the line above it (or the
        contact's last one)."""
        above = self.lines[-1].text("tax_code") if self.lines else ""
        return LineDraft({"quantity": "1", "account_code": self.default_account,
                          "tax_code": above or self.default_tax_code},
                         account_defaulted=True, tax_defaulted=not above)

    def remove_line(self, index: int) -> None:
        del self.lines[index]
        if not self.lines:
            self.lines.append(self._blank_line())
        self._touch()

    def set_line_text(self, index: int, name: str, text: str) -> None:
        line = self.lines[index]
        line.texts[name] = text
        line.errors.pop(name, None)
        if name == "account_code":
            line.account_defaulted = False
        if name == "tax_code":
            line.tax_defaulted = False
        if name in DECIMALS and text.strip():
            try:
                parse_number(text, self.session.locale, DECIMALS[name])
            except NumberError as exc:
                line.errors[name] = str(exc)
        self.problems = [p for p in self.problems if not p.field.startswith(f"lines[{index}]")]
        self._touch()

    # ---- what the form shows --------------------------------------------------------------

    def line_error(self, index: int, name: str) -> str:
        line = self.lines[index]
        if name in line.errors:
            return line.errors[name]
        paths = {f"lines[{index}].{name}"}
        if name == "tax_code":  # a rate the code disagrees with is the code's cell too
            paths.add(f"lines[{index}].tax_rate")
        return next((p.message for p in self.problems if p.field in paths), "")

    def _amounts(self) -> list[LineAmounts | None]:
        """Each line's amounts, priced with the others as the document will be (lines not
        yet readable are left out and get None)."""
        items = [self._item(line) for line in self.lines]
        priced = iter(document_line_amounts([i for i in items if i is not None],
                                            self.money.code, self.tax_mode,
                                            self.tax_rounding))
        return [None if item is None else next(priced) for item in items]

    def line_total(self, index: int) -> str:
        amounts = self._amounts()[index]
        if amounts is None:
            return ""
        return self.fmt.format(amounts.shown(self.tax_mode).amount)

    def totals(self) -> tuple[str, str, str]:
        net, tax = self._sums()
        return self.fmt.format(net), self.fmt.format(tax), self.fmt.format(net + tax)

    def _sums(self) -> tuple[Decimal, Decimal]:
        net = tax = Decimal(0)
        for amounts in self._amounts():
            if amounts is not None:
                net, tax = net + amounts.net.amount, tax + amounts.tax.amount
        return net, tax

    def field_problems(self) -> list[str]:
        """Problems not tied to a line (contact, dates), for the form's message area; the
        rate's and the currency's show at their fields."""
        return [p.message for p in self.problems
                if not p.field.startswith("lines[") and p.field not in MONEY_FIELDS]

    def home_total(self) -> str:
        return self.money.home_line(sum(self._sums()))  # ``= 900.00 EUR at 0.9``

    @property
    def has_input_errors(self) -> bool:
        return any(line.errors for line in self.lines)

    @property
    def can_save(self) -> bool:
        return (not self.read_only and self.contact_id is not None
                and not self.has_input_errors and self.money.can_save)

    # ---- saving -------------------------------------------------------------------------------

    def draft(self) -> DocumentDraft:
        """The form as a command; ``ValidationFailed`` naming each field (and the line,
        counted as the form shows it) whose text the command refuses, e.g. a control
        character pasted into a description."""
        assert self.contact_id is not None
        lines, problems = line_inputs(self.lines, self.session.locale)
        try:
            draft = DocumentDraft(
                kind=self.kind, contact_id=self.contact_id, issue_date=self.issue_date,
                due_date=self.due_date, reference=self.reference, tax_mode=self.tax_mode,
                currency=self.money.code, exchange_rate=self.money.rate, lines=lines)
        except ValidationError as exc:
            problems += problems_from(exc)  # the lines' own were said above
        if problems:
            raise ValidationFailed(problems)
        return draft

    def save(self) -> SaveDraftStep | None:
        if not self.can_save:
            return None
        try:
            draft = self.draft()
            new_id = save_draft(self.session.book, draft, document_id=self.document_id)
        except (ValidationFailed, NotAllowed, BookFailure) as exc:
            self._refused(exc)
            return None
        step = SaveDraftStep(self.session, new_id, self._before, draft,
                             _("save {what}").format(what=self.title.lower()))
        self.document_id, self._before, self.problems, self.edited = new_id, draft, [], False
        return step

    def authorise(self) -> tuple[SaveDraftStep | None, AuthoriseStep] | None:
        """Save, then authorise; returns both undo steps, or None (problems are shown)."""
        saved = self.save() if self.edited or self.document_id is None else None
        if self.document_id is None:
            return None
        try:
            self.number = authorise_document(self.session.book, self.document_id)
        except (ValidationFailed, NotAllowed, BookFailure) as exc:
            self._refused(exc)
            return None
        self.lifecycle = Lifecycle.AUTHORISED
        return saved, AuthoriseStep(self.session, self.document_id,
                                    _("authorise {kind} {number}").format(
                                        kind=KIND_NAMES.get(self.kind, ""), number=self.number))

    def void(self) -> str:
        assert self.document_id is not None
        void_document(self.session.book, self.document_id, self.session.today)
        self.lifecycle = Lifecycle.VOIDED
        return _("{number} is void; a reversal was posted.").format(
            number=self.number or _("The draft"))

    # ---- internals ---------------------------------------------------------------------------

    def _touch(self) -> None:
        self.edited = True

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ValidationFailed):
            self.problems = exc.problems
            self.money.saved_problem = next(
                (p.message for p in exc.problems if p.field == "exchange_rate"), "")
        else:  # a refusal, or the book's file failed: one sentence, the form as typed
            code = "storage" if isinstance(exc, BookFailure) else "not_allowed"
            self.problems = [Problem("document", code, str(exc))]

    def _item(self, line: LineDraft) -> LineItem | None:
        if line.errors or not line.text("unit_price").strip():
            return None
        try:
            data = line_input(line, self.session.locale)
            return LineItem(data.description, data.quantity, data.unit_price, data.account_code,
                            self.taxes.rate_of(line.text("tax_code")), data.discount_percent,
                            data.tax_code_id)
        except (NumberError, ValueError):
            return None

    def _load(self, document_id: int) -> None:
        doc, name = load_document(self.session.book, document_id)
        self.contact_id, self.contact_name = doc.contact_id, name
        self.due = DueDate(doc.issue_date)
        self.due.follow(name, payment_terms(self.session.book, doc.contact_id))
        self.due.type(doc.due_date)  # a date the terms gave keeps following them
        self.reference = doc.reference
        self.tax_mode, self.number, self.lifecycle = doc.tax_mode, doc.number or "", doc.lifecycle
        if self.read_only:  # priced as it was posted; a draft as the book prices it now
            self.tax_rounding = doc.tax_rounding
        self._follow_contact()
        self.money.set_date(doc.issue_date)
        self.money.load(doc.currency, doc.exchange_rate, posted=self.read_only)
        self.fmt = self.money.fmt
        self.lines = ([line_draft(item, self.session.locale, self.fmt) for item in doc.lines]
                      or [self._blank_line()])
        if not self.read_only:
            self._before = self.draft()


