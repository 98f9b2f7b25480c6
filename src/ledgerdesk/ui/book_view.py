"""``BookView``: an open book's navigation and pages, and the editors they open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ledgerdesk.domain.documents import DocumentKind, Lifecycle, Side
from ledgerdesk.domain.i18n import N_, Nn_, _
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.contacts import contact_choices
from ledgerdesk.presentation.exports import list_export
from ledgerdesk.presentation.lists import STATUS_FILTERS, ContactList, DocumentList, PaymentList
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.dashboard import AttentionItem, AttentionKind
from ledgerdesk.services.journal_queries import JournalSummary
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary
from ledgerdesk.ui import dialogs, file_dialogs, undo
from ledgerdesk.ui.accessible import named
from ledgerdesk.ui.icons import paint_pages
from ledgerdesk.ui.views.accounts_page import AccountsPage
from ledgerdesk.ui.views.dashboard import DashboardPage
from ledgerdesk.ui.views.journals_page import JournalsPage
from ledgerdesk.ui.views.list_page import ListPage
from ledgerdesk.ui.views.reports_page import ReportsPage
from ledgerdesk.ui.views.sync_page import SyncPage
from ledgerdesk.ui.workers import stop_tasks

if TYPE_CHECKING:  # the editors (and pydantic under them) load when first opened
    from ledgerdesk.presentation.history import Step



PAGES = (N_("Dashboard"), N_("Sales invoices"), N_("Bills"), N_("Credit notes"), N_("Payments"),
         N_("Contacts"), N_("Reports"), N_("Sync"), N_("Accounts"), N_("Journals"))
SALES_KINDS = (DocumentKind.SALES_INVOICE,)
BILL_KINDS = (DocumentKind.BILL,)
CREDIT_KINDS = (DocumentKind.SALES_CREDIT_NOTE, DocumentKind.PURCHASE_CREDIT_NOTE,
                DocumentKind.CUSTOMER_PREPAYMENT, DocumentKind.SUPPLIER_PREPAYMENT)


class BookView(QWidget):
    def __init__(self, session: Session, undo_stack: QUndoStack, window: QMainWindow) -> None:
        super().__init__(window)
        self.session, self.undo_stack, self.window_ = session, undo_stack, window
        self.nav = named(QListWidget(), "Pages",
                         "Choose the page to show; Ctrl and a digit goes to it from anywhere.")
        self.nav.setObjectName("navigation")
        self.nav.addItems([_(page) for page in PAGES])
        for row, page in enumerate(PAGES):  # the icons go by the page, not by its words
            self.nav.item(row).setData(Qt.ItemDataRole.UserRole, page)
        paint_pages(self.nav, self.palette())
        # wide enough for the longest page name in the user's language ("Facturas de
        # proveedor"), so none hides behind a scroll bar
        self.nav.setFixedWidth(max(170, self.nav.sizeHintForColumn(0)
                                   + 2 * self.nav.frameWidth() + 8))
        self.pages = QStackedWidget()
        self.dashboard = DashboardPage(session)
        self.dashboard.open_requested.connect(self.open_attention)
        self.invoices = self._documents(_("Sales invoices"), SALES_KINDS,
                                        Nn_("invoice", "invoices"))
        self.bills = self._documents(_("Bills"), BILL_KINDS, Nn_("bill", "bills"))
        self.credits = self._documents(_("Credit notes and credits"), CREDIT_KINDS,
                                       Nn_("credit", "credits"),
                                       N_("Ctrl+N creates a credit note."))
        self.payments = ListPage(_("Payments"), PaymentList(session),
                                 Nn_("payment", "payments"), create_hint=N_("Ctrl+N records one."))
        self.payments.add_contact_filter(_("C&ontact:"), lambda: contact_choices(session, None))
        self.payments.add_date_filter(_("Fro&m:"), _("&to:"), _("Date"))
        self.payments.finish_filters()
        self.payments.open_requested.connect(self.open_payment)
        self.contacts = ListPage(_("Contacts"), ContactList(session),
                                 Nn_("contact", "contacts"), create_hint=N_("Ctrl+N adds one."))
        self.contacts.finish_filters()
        self.contacts.open_requested.connect(self.edit_contact)
        self.reports = ReportsPage(session)
        self.reports.document_requested.connect(self.open_document_id)
        self.reports.payment_requested.connect(self.open_payment_id)
        self.sync = SyncPage(session, getattr(window, "remotes", None),
                             lambda: window.files.open(session.path))  # type: ignore[attr-defined]
        self.accounts = AccountsPage(session)
        self.journals = JournalsPage(session)
        self.journals.open_requested.connect(self.open_journal)
        self.journals.new_requested.connect(self.new_journal)
        self.journals.void_requested.connect(self.void_journal)
        for title, page in zip(PAGES, (self.dashboard, self.invoices, self.bills, self.credits,
                                       self.payments, self.contacts, self.reports, self.sync,
                                       self.accounts, self.journals), strict=True):
            self.pages.addWidget(named(page, title))  # a screen reader's name of the pane
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.nav.currentRowChanged.connect(self._page_changed)
        self._loaded: set[int] = set()

    def _documents(self, title: str, kinds, noun,
                   create_hint: str = N_("Ctrl+N creates one.")) -> ListPage:
        page = ListPage(title, DocumentList(self.session, kinds), noun, create_hint=create_hint)
        page.add_status_filter(_("&Status:"), STATUS_FILTERS)
        sides = {kind.side for kind in kinds}
        side = sides.pop() if len(sides) == 1 else None
        page.add_contact_filter(_("C&ontact:"), lambda: contact_choices(self.session, side))
        page.add_date_filter(_("Issued fro&m:"), _("&to:"), _("Issued"))
        page.finish_filters()
        page.open_requested.connect(self.open_document)
        return page

    # ---- pages ---------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def selected_account_code(self) -> str | None:
        """The account picked on the Accounts page, when that page is on screen."""
        if self.current_page() is not self.accounts:
            return None
        row = self.accounts.current_row()
        return row.code if row is not None else None

    def _page_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        page = self.pages.widget(index)
        if index not in self._loaded:
            self._loaded.add(index)
            page.reload()
        # Arrowing through the navigation keeps the focus there (the next arrow goes to
        # the next page, not to the list's rows); Ctrl+digit or a click goes to the list.
        by_arrow = self.nav.hasFocus() and QApplication.mouseButtons() == Qt.MouseButton.NoButton
        if isinstance(page, ListPage | AccountsPage) and not by_arrow:
            page.table.setFocus()

    def reload(self) -> None:
        """The book changed: reload the page on screen now, the others when next shown."""
        self._loaded = {self.pages.currentIndex()}
        self.current_page().reload()

    def stop(self) -> None:
        """Before the book closes: no page may still be reading it in the background, and
        no work started here (a sync, an export) may still run: the view is deleted next."""
        self.dashboard.stop()
        self.reports.stop()
        self.sync.stop()
        stop_tasks(self)

    def find(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage):
            page.focus_search()

    def open_current(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage | ReportsPage | AccountsPage):
            page.open_current()

    def export_current(self) -> None:
        """File > Export…: the list on screen (filtered and sorted) or the report on screen."""
        from ledgerdesk.ui.export_dialog import export_to_csv

        page = self.current_page()
        if isinstance(page, ListPage):
            export = list_export(self.session, page.title, page.presenter)  # type: ignore[arg-type]
        elif page is self.reports:
            export = self.reports.current_export()
        else:
            export = None
        if export is None:
            self._report(_("To export, show a list or run a report first."), False)
            return
        export_to_csv(self, export, file_dialogs.start_folder(), self._report)

    # ---- editors -------------------------------------------------------------------------------

    def new_item(self) -> None:
        page = self.current_page()
        if page is self.payments or page is self.dashboard:
            self.record_payment()
        elif page is self.bills:
            self.edit_document(DocumentKind.BILL, None)
        elif page is self.credits:
            self.edit_document(DocumentKind.SALES_CREDIT_NOTE, None)
        elif page is self.contacts:
            self.new_contact()
        elif page is self.accounts:
            self.accounts.add_account()
        elif page is self.journals:
            self.new_journal()
        else:
            self.edit_document(DocumentKind.SALES_INVOICE, None)

    def record_payment(self) -> None:
        """Record a payment: on the selected invoice or bill, if one is selected, paying it
        first; else a receipt (a supplier payment on the Bills page) for any contact."""
        from ledgerdesk.presentation.history import RecordPaymentStep
        from ledgerdesk.presentation.payment_editor import PaymentEditor
        from ledgerdesk.ui.editors.payment_dialog import PaymentDialog

        on_bills = self.current_page() is self.bills
        kind = PaymentKind.SUPPLIER_PAYMENT if on_bills else PaymentKind.CUSTOMER_RECEIPT
        editor = PaymentEditor(self.session, kind)
        page = self.current_page()
        selected = page.current_entity() if page in (self.invoices, self.bills) else None
        if isinstance(selected, DocumentSummary) and selected.lifecycle is Lifecycle.AUTHORISED:
            editor.start_with(selected.id, selected.contact_id, selected.contact_name)
        dialog = PaymentDialog(editor, self)
        if dialog.exec() and dialog.result_payment is not None:
            self.push(RecordPaymentStep(self.session, editor.command(),
                                        dialog.result_payment.payment_id, editor.describe()))
            if editor.exchange_lines:  # the rate and what it realised, as ``pay`` says them
                self.window_.statusBar().showMessage(" ".join(editor.exchange_lines), 15000)

    def open_document(self, summary: DocumentSummary) -> None:
        self.edit_document(summary.kind, summary.id)

    def edit_document(self, kind: DocumentKind, document_id: int | None) -> None:
        from ledgerdesk.ui.editors.document_dialog import open_document_editor

        for step in open_document_editor(self.session, kind, document_id, self):
            self.push(step)
        self.reload()

    def new_contact(self) -> None:
        from ledgerdesk.ui.editors.contact_dialog import ContactDialog

        if ContactDialog(self.session, Side.SALES, self).exec():
            self.reload()

    def new_journal(self) -> None:
        self.open_journal(None)

    def open_journal(self, summary: JournalSummary | None) -> None:
        """A new journal (``None``) or a recorded one; what it records goes on the undo stack."""
        from ledgerdesk.ui.editors.journal_dialog import open_journal_editor

        dialog = open_journal_editor(self.session, summary.id if summary else None, self)
        if dialog.step is not None:
            self.push(dialog.step)
        elif dialog.voided_text:
            self._report(dialog.voided_text, False)
        self.reload()

    def void_journal(self, summary: JournalSummary) -> None:
        """Void the journal selected on the Journals page, after asking."""
        from ledgerdesk.presentation.journal_editor import JournalEditor

        if not dialogs.confirm(self, _("Void {number}?").format(number=summary.number),
                               _("Voiding posts a reversal of {number}; the journal and its "
                                 "number stay in the book. Void it?").format(
                                   number=summary.number), _("&Void")):
            return
        try:
            self._report(JournalEditor(self.session, summary.id).void(), False)
        except undo.REFUSALS as exc:
            self._report(str(exc), True)
        self.reload()

    def open_document_id(self, document_id: int) -> None:
        summary = self.session.book.queries().document_summary(document_id)
        if summary is not None:
            self.open_document(summary)

    def open_payment_id(self, payment_id: int) -> None:
        from ledgerdesk.ui.editors.payment_detail_dialog import open_payment_detail

        open_payment_detail(self.session, payment_id, self, self.push)

    def open_payment(self, summary: PaymentSummary) -> None:
        self.open_payment_id(summary.id)

    def open_attention(self, item: AttentionItem) -> None:
        """A "Needs attention" row: its document, its payment, or the apply-credit dialog."""
        from ledgerdesk.ui.editors.credit_dialog import open_credit_dialog

        if item.payment_id is not None:
            self.open_payment_id(item.payment_id)
        elif item.kind is AttentionKind.CREDIT:
            step = open_credit_dialog(self.session, item.document_id, self)
            if step is not None:
                self.push(step)
        else:
            self.edit_document(item.document_kind, item.document_id)

    def edit_contact(self, summary: ContactSummary) -> None:
        from ledgerdesk.ui.editors.contact_dialog import ContactDialog

        dialog = ContactDialog(self.session, Side.SALES, self, contact_id=summary.id)
        if dialog.exec() and dialog.step is not None:
            self.push(dialog.step)

    def apply_credit(self) -> None:
        """Apply the credit selected on the Credit notes page to its contact's documents."""
        from ledgerdesk.ui.editors.credit_dialog import open_credit_dialog

        credit = self.credits.current_entity() if self.current_page() is self.credits else None
        if not isinstance(credit, DocumentSummary) or not credit.outstanding.is_positive \
                or credit.lifecycle is not Lifecycle.AUTHORISED:
            self._report(_("To apply a credit, select an authorised credit note with credit left "
                           "on the "
                           "Credit notes page."), False)
            return
        step = open_credit_dialog(self.session, credit.id, self)
        if step is not None:
            self.push(step)

    def print_pdf(self) -> None:
        """The selected invoice or credit note, or contact's statement, to a PDF file."""
        from ledgerdesk.presentation.printing import NOTHING_TO_PRINT, print_job
        from ledgerdesk.ui.print_flow import print_to_pdf

        page = self.current_page()
        job = print_job(self.session, page.current_entity() if isinstance(page, ListPage)
                        else None)
        if job is None:
            self._report(_(NOTHING_TO_PRINT), False)
            return
        self._report(*print_to_pdf(self, job, file_dialogs.start_folder()))

    def push(self, step: Step) -> None:
        undo.push(self.undo_stack, step, self._report, self.reload)
        self._report(_("Done: {text}. Undo with Ctrl+Z.").format(text=step.text), False)
        self.reload()

    def _report(self, message: str, is_error: bool) -> None:
        if is_error:
            dialogs.error(self, _("That could not be done"), message)
        self.window_.statusBar().showMessage(message, 8000)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light to dark or back
            paint_pages(self.nav, self.palette())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F6:
            self.nav.setFocus()
        else:
            super().keyPressEvent(event)
