"""What a printed invoice or credit note shows, read in one snapshot of the book: the
document with its lines, its customer, the company's details and logo, and what has been
paid (or used, for a credit) so far.

Only sales documents print: bills and supplier credit notes are the supplier's own papers,
and kept credits (prepayments) have no lines of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.contacts import Contact
from ledgerdesk.domain.documents import Document, DocumentKind
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.services.company_logo import LogoImage, read_logo
from ledgerdesk.services.document_lookup import numbered
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.settings import ADDRESS, TAX_NUMBER
from ledgerdesk.services.setup import COMPANY_NAME

PRINTABLE_KINDS = (DocumentKind.SALES_INVOICE, DocumentKind.SALES_CREDIT_NOTE)


@dataclass(frozen=True, slots=True)
class CompanyDetails:
    name: str
    address: str  # lines separated by newlines
    tax_number: str
    logo: LogoImage | None


@dataclass(frozen=True, slots=True)
class PrintableDocument:
    document: Document
    contact: Contact
    company: CompanyDetails
    outstanding: Money  # still to pay (an invoice) or to use (a credit note)

    @property
    def settled(self) -> Money:
        """Paid so far (an invoice), or applied and refunded (a credit note)."""
        return self.document.totals().total - self.outstanding


def company_details(tx: Transaction) -> CompanyDetails:
    return CompanyDetails(
        name=tx.get_setting(COMPANY_NAME) or "", address=tx.get_setting(ADDRESS) or "",
        tax_number=tx.get_setting(TAX_NUMBER) or "", logo=read_logo(tx),
    )


def book_company(book: Book) -> CompanyDetails:
    """The company's details for a page that prints no document (a reconciliation)."""
    with book.read() as tx:
        return company_details(tx)


def printable_document(book: Book, *, number: str | None = None,
                       document_id: int | None = None) -> PrintableDocument:
    """The invoice or credit note with ``number`` (as printed, e.g. INV-00012) or id."""
    with book.read() as tx:
        if number is not None:
            doc = numbered(tx, number)
            missing = _("There is no document numbered {contact!r}.").format(contact=number.strip())
        else:
            doc = tx.get_document(document_id) if document_id is not None else None
            missing = _("There is no document with id {document_id}.").format(
                          document_id=document_id)
        if doc is None or doc.id is None:
            raise NotFound(missing)
        if doc.kind not in PRINTABLE_KINDS:
            raise NotAllowed(_("{value} is a {label}; only sales invoices and credit notes are "
                               "printed.").format(
                value=doc.number or _('This draft'),
                label=doc.kind.label))
        contact = tx.get_contact(doc.contact_id)
        if contact is None:
            raise NotFound(_("The contact of {number} is missing.").format(number=doc.number))
        outstanding = tx.open_documents([doc.id])[doc.id].outstanding
        return PrintableDocument(doc, contact, company_details(tx), outstanding)
