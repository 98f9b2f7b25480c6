"""``ContactEditor``: a new contact, or an existing one's details with its open documents
and balance, without Qt.  Saving an edit gives an undoable ``EditContactStep``."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.domain.wording import plural
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.history import EditContactStep
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.commands import EditContact, NewContact, problems_from
from ledgerdesk.services.contacts import add_contact, contact_overview, update_contact
from ledgerdesk.services.ports import BookFailure

ROLE_LABELS = Translated({ContactRole.CUSTOMER: N_("Customer"),
                          ContactRole.SUPPLIER: N_("Supplier"),
                          ContactRole.BOTH: N_("Customer and supplier")})


@dataclass(frozen=True, slots=True)
class OpenRow:
    number: str
    kind: str
    due: str
    outstanding: str


class ContactEditor:
    def __init__(self, session: Session, contact_id: int | None = None,
                 side: Side = Side.SALES) -> None:
        self.session = session
        self.contact_id = contact_id
        self.money = AmountFormatter(session.locale, session.currency).format
        self.step: EditContactStep | None = None
        self.error = ""
        self.before: EditContact | None = None
        self.open_rows: list[OpenRow] = []
        self.balance = ""
        if contact_id is None:
            role = ContactRole.CUSTOMER if side is Side.SALES else ContactRole.SUPPLIER
            self.values = {"name": "", "role": role, "email": "", "tax_number": "",
                           "payment_terms_days": 30, "address": "",
                           "currency": session.currency}
        else:
            self._load(contact_id)

    @property
    def title(self) -> str:
        return _("New contact") if self.before is None else _("Contact {name}").format(
                                                             name=self.before.name)

    def save(self, **values: object) -> bool:
        """Save the typed values (name, role, email, tax_number, payment_terms_days,
        address, currency: their documents' default, the book's own kept as none); False
        with ``error`` set when they are refused, and nothing changed."""
        try:
            if self.before is None:
                self.contact_id = add_contact(self.session.book, NewContact(**values))
            else:
                after = EditContact(contact_id=self.before.contact_id, **values)
                update_contact(self.session.book, after)
                self.step = EditContactStep(self.session, self.before, after,
                                            _("edit contact {name}").format(
                                                name=self.before.name))
        except ValidationError as exc:
            self.error = " ".join(p.message for p in problems_from(exc))
        except ValidationFailed as exc:
            self.error = " ".join(p.message for p in exc.problems)
        except BookFailure as exc:
            self.error = str(exc)
        else:
            self.error = ""
            return True
        return False

    def _load(self, contact_id: int) -> None:
        overview = contact_overview(self.session.book, contact_id)
        contact = overview.contact
        self.before = EditContact(
            contact_id=contact_id, name=contact.name, role=contact.role, email=contact.email,
            tax_number=contact.tax_number, payment_terms_days=contact.payment_terms_days,
            address=contact.address, currency=contact.currency or self.session.currency)
        self.values = self.before.model_dump(exclude={"contact_id"})
        date = DateFormatter(self.session.locale).short
        self.open_rows = [OpenRow(doc.number, doc.kind.label, date(doc.due_date),
                                  self._in_its_currency(doc.outstanding))
                          for doc in overview.documents]
        parts = []
        if overview.receivable.amount:
            parts.append(self._owed(overview.receivable.amount, _("They owe you"), _("You owe "
                                                                                     "them")))
        if overview.payable.amount:
            parts.append(self._owed(overview.payable.amount, _("You owe them"), _("They owe you")))
        count = len(self.open_rows)
        documents = plural(count, "{count} open document", "{count} open documents")
        self.balance = ("; ".join(parts) + f" ({documents})." if parts
                        else _("Nothing is open with them."))

    def _in_its_currency(self, amount: Money) -> str:
        """A home amount as the lists write it; a foreign one with its code: ``100.00 USD``."""
        if amount.currency == self.session.currency:
            return self.money(amount.amount)
        text = AmountFormatter(self.session.locale, amount.currency).format(amount.amount)
        return f"{text} {amount.currency}"

    def _owed(self, amount, positive: str, negative: str) -> str:
        words = positive if amount > 0 else negative
        return f"{words} {self.money(abs(amount))} {self.session.currency}"
