"""The pages of an open book, each built by ``build_page`` when ``BookView`` first shows or
asks for it: opening a book builds the list it opens on, and the dashboard, reports, sync,
accounts and journals pages (with their modules and what they import) wait for a look."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.i18n import N_, Nn_, _
from ledgerdesk.presentation.contacts import contact_choices
from ledgerdesk.presentation.lists import STATUS_FILTERS, ContactList, DocumentList, PaymentList
from ledgerdesk.ui.views.list_page import ListPage

if TYPE_CHECKING:
    from ledgerdesk.ui.book_view import BookView

PAGES = (N_("Dashboard"), N_("Sales invoices"), N_("Bills"), N_("Credit notes"), N_("Payments"),
         N_("Contacts"), N_("Reports"), N_("Sync"), N_("Accounts"), N_("Journals"))
#: Each page's place in the navigation and in the stack.
DASHBOARD, INVOICES, BILLS, CREDITS, PAYMENTS, CONTACTS, REPORTS, SYNC, ACCOUNTS, JOURNALS = (
    range(len(PAGES)))
LISTS = (INVOICES, BILLS, CREDITS, PAYMENTS, CONTACTS)
SALES_KINDS = (DocumentKind.SALES_INVOICE,)
BILL_KINDS = (DocumentKind.BILL,)
CREDIT_KINDS = (DocumentKind.SALES_CREDIT_NOTE, DocumentKind.PURCHASE_CREDIT_NOTE,
                DocumentKind.CUSTOMER_PREPAYMENT, DocumentKind.SUPPLIER_PREPAYMENT)


def build_page(view: BookView, index: int) -> QWidget:
    """The page at ``index`` of ``view``, new, its requests connected to ``view``."""
    builders: dict[int, Callable[[BookView], QWidget]] = {
        DASHBOARD: _dashboard, INVOICES: _invoices, BILLS: _bills, CREDITS: _credits,
        PAYMENTS: _payments, CONTACTS: _contacts, REPORTS: _reports, SYNC: _sync,
        ACCOUNTS: _accounts, JOURNALS: _journals,
    }
    return builders[index](view)


def _dashboard(view: BookView) -> QWidget:
    from ledgerdesk.ui.views.dashboard import DashboardPage

    dashboard = DashboardPage(view.session)
    dashboard.open_requested.connect(view.open_attention)
    return dashboard


def _invoices(view: BookView) -> ListPage:
    return _documents(view, _("Sales invoices"), SALES_KINDS, Nn_("invoice", "invoices"))


def _bills(view: BookView) -> ListPage:
    return _documents(view, _("Bills"), BILL_KINDS, Nn_("bill", "bills"))


def _credits(view: BookView) -> ListPage:
    return _documents(view, _("Credit notes and credits"), CREDIT_KINDS,
                      Nn_("credit", "credits"), N_("Ctrl+N creates a credit note."))


def _documents(view: BookView, title: str, kinds, noun,
               create_hint: str = N_("Ctrl+N creates one.")) -> ListPage:
    session = view.session
    page = ListPage(title, DocumentList(session, kinds), noun, create_hint=create_hint)
    page.add_status_filter(_("&Status:"), STATUS_FILTERS)
    sides = {kind.side for kind in kinds}
    side = sides.pop() if len(sides) == 1 else None
    page.add_contact_filter(_("C&ontact:"), lambda: contact_choices(session, side))
    page.add_date_filter(_("Issued fro&m:"), _("&to:"), _("Issued"))
    page.finish_filters()
    page.open_requested.connect(view.open_document)
    return page


def _payments(view: BookView) -> ListPage:
    session = view.session
    payments = ListPage(_("Payments"), PaymentList(session),
                        Nn_("payment", "payments"), create_hint=N_("Ctrl+N records one."))
    payments.add_contact_filter(_("C&ontact:"), lambda: contact_choices(session, None))
    payments.add_date_filter(_("Fro&m:"), _("&to:"), _("Date"))
    payments.finish_filters()
    payments.open_requested.connect(view.open_payment)
    return payments


def _contacts(view: BookView) -> ListPage:
    contacts = ListPage(_("Contacts"), ContactList(view.session),
                        Nn_("contact", "contacts"), create_hint=N_("Ctrl+N adds one."))
    contacts.finish_filters()
    contacts.open_requested.connect(view.edit_contact)
    return contacts


def _reports(view: BookView) -> QWidget:
    from ledgerdesk.ui.views.reports_page import ReportsPage

    reports = ReportsPage(view.session)
    reports.document_requested.connect(view.open_document_id)
    reports.payment_requested.connect(view.open_payment_id)
    return reports


def _sync(view: BookView) -> QWidget:
    from ledgerdesk.ui.views.sync_page import SyncPage

    window, session = view.window_, view.session
    return SyncPage(session, getattr(window, "remotes", None),
                    lambda: window.files.open(session.path))  # type: ignore[attr-defined]


def _accounts(view: BookView) -> QWidget:
    from ledgerdesk.ui.views.accounts_page import AccountsPage

    return AccountsPage(view.session)


def _journals(view: BookView) -> QWidget:
    from ledgerdesk.ui.views.journals_page import JournalsPage

    journals = JournalsPage(view.session)
    journals.open_requested.connect(view.open_journal)
    journals.new_requested.connect(view.new_journal)
    journals.void_requested.connect(view.void_journal)
    return journals
