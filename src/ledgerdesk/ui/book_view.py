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
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.exports import list_export
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.dashboard import AttentionItem, AttentionKind
from ledgerdesk.services.journal_queries import JournalSummary
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary
from ledgerdesk.ui import dialogs, file_dialogs, undo
from ledgerdesk.ui.accessible import named
from ledgerdesk.ui.book_pages import (
    ACCOUNTS,
    BILLS,
    CONTACTS,
    CREDITS,
    DASHBOARD,
    INVOICES,
    JOURNALS,
    LISTS,
    PAGES,
    PAYMENTS,
    REPORTS,
    SYNC,
    build_page,
)
from ledgerdesk.ui.icons import paint_pages
from ledgerdesk.ui.views.list_page import ListPage
from ledgerdesk.ui.workers import stop_tasks

if TYPE_CHECKING:  # the editors (and pydantic under them) load when first opened
    from ledgerdesk.presentation.history import Step



class BookView(QWidget):
    """The open book: the navigation and its pages.  A page is built (and its module
    imported) the first time it is shown or asked for, so opening a book builds only the
    page it opens on; until then an empty widget holds its place in the stack."""

    def __init__(self, session: Session, undo_stack: QUndoStack, window: QMainWindow) -> None:
        super().__init__(window)
        self.session, self.undo_stack, self.window_ = session, undo_stack, window
        self.nav = named(QListWidget(), _("Pages"),
                         _("Choose the page to show; Ctrl and a digit goes to it from anywhere."))
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
        self._built: dict[int, QWidget] = {}
        for title in PAGES:
            self.pages.addWidget(named(QWidget(), title))  # a screen reader's name of the pane
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.nav.currentRowChanged.connect(self._page_changed)
        self._loaded: set[int] = set()

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built now if it never was."""
        if index not in self._built:
            built = build_page(self, index)
            self._built[index] = built
            holder = self.pages.widget(index)
            self.pages.insertWidget(index, named(built, PAGES[index]))
            self.pages.removeWidget(holder)
            holder.deleteLater()
        return self._built[index]

    # Each page by name, built when first asked for.
    dashboard = property(lambda self: self.page(DASHBOARD))
    invoices = property(lambda self: self.page(INVOICES))
    bills = property(lambda self: self.page(BILLS))
    credits = property(lambda self: self.page(CREDITS))
    payments = property(lambda self: self.page(PAYMENTS))
    contacts = property(lambda self: self.page(CONTACTS))
    reports = property(lambda self: self.page(REPORTS))
    sync = property(lambda self: self.page(SYNC))
    accounts = property(lambda self: self.page(ACCOUNTS))
    journals = property(lambda self: self.page(JOURNALS))

    def showing(self, *indexes: int) -> bool:
        """One of the pages at ``indexes`` is on screen (without building any)."""
        return self.pages.currentIndex() in indexes

    # ---- pages ---------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def selected_account_code(self) -> str | None:
        """The account picked on the Accounts page, when that page is on screen."""
        if not self.showing(ACCOUNTS):
            return None
        row = self.accounts.current_row()
        return row.code if row is not None else None

    def _page_changed(self, index: int) -> None:
        page = self.page(index)
        self.pages.setCurrentIndex(index)
        if index not in self._loaded:
            self._loaded.add(index)
            page.reload()
        # Arrowing through the navigation keeps the focus there (the next arrow goes to
        # the next page, not to the list's rows); Ctrl+digit or a click goes to the list.
        by_arrow = self.nav.hasFocus() and QApplication.mouseButtons() == Qt.MouseButton.NoButton
        if index in (*LISTS, ACCOUNTS) and not by_arrow:
            page.table.setFocus()

    def reload(self) -> None:
        """The book changed: reload the page on screen now, the others when next shown."""
        self._loaded = {self.pages.currentIndex()}
        if self.pages.currentIndex() in self._built:
            self.current_page().reload()

    def stop(self) -> None:
        """Before the book closes: no page may still be reading it in the background, and
        no work started here (a sync, an export) may still run: the view is deleted next."""
        for index in (DASHBOARD, REPORTS, SYNC):
            if index in self._built:
                self._built[index].stop()  # type: ignore[attr-defined]
        stop_tasks(self)

    def find(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage):
            page.focus_search()

    def open_current(self) -> None:
        page = self.current_page()
        if self.showing(*LISTS, REPORTS, ACCOUNTS):
            page.open_current()  # type: ignore[attr-defined]

    def export_current(self) -> None:
        """File > Export…: the list on screen (filtered and sorted) or the report on screen."""
        from ledgerdesk.ui.export_dialog import export_to_csv

        page = self.current_page()
        if isinstance(page, ListPage):
            export = list_export(self.session, page.title, page.presenter)  # type: ignore[arg-type]
        elif self.showing(REPORTS):
            export = self.reports.current_export()
        else:
            export = None
        if export is None:
            self._report(_("To export, show a list or run a report first."), False)
            return
        export_to_csv(self, export, file_dialogs.start_folder(), self._report)

    # ---- editors -------------------------------------------------------------------------------

    def new_item(self) -> None:
        if self.showing(PAYMENTS, DASHBOARD):
            self.record_payment()
        elif self.showing(BILLS):
            self.edit_document(DocumentKind.BILL, None)
        elif self.showing(CREDITS):
            self.edit_document(DocumentKind.SALES_CREDIT_NOTE, None)
        elif self.showing(CONTACTS):
            self.new_contact()
        elif self.showing(ACCOUNTS):
            self.accounts.add_account()
        elif self.showing(JOURNALS):
            self.new_journal()
        else:
            self.edit_document(DocumentKind.SALES_INVOICE, None)

    def record_payment(self) -> None:
        """Record a payment: on the selected invoice or bill, if one is selected, paying it
        first; else a receipt (a supplier payment on the Bills page) for any contact."""
        from ledgerdesk.presentation.history import RecordPaymentStep
        from ledgerdesk.presentation.payment_editor import PaymentEditor
        from ledgerdesk.ui.editors.payment_dialog import PaymentDialog

        on_bills = self.showing(BILLS)
        kind = PaymentKind.SUPPLIER_PAYMENT if on_bills else PaymentKind.CUSTOMER_RECEIPT
        editor = PaymentEditor(self.session, kind)
        page = self.current_page()
        selected = page.current_entity() if self.showing(INVOICES, BILLS) else None
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

        credit = self.credits.current_entity() if self.showing(CREDITS) else None
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
