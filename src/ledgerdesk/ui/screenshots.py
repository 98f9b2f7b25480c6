"""Render every main screen and editor to PNG files, offscreen, for review and the README.

Each screen is built exactly as a user would reach it (the same window, pages, editors and
presenters), filled with realistic input, given a moment to lay out, and grabbed.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.credit_editor import CreditEditor
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.journal_editor import JournalEditor
from ledgerdesk.presentation.lists import ContactList, DocumentList, PaymentList
from ledgerdesk.presentation.payment_detail import PaymentView
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.presentation.printing import PrintJob, print_job
from ledgerdesk.presentation.session import BookFiles, Session
from ledgerdesk.services.list_queries import StatusFilter
from ledgerdesk.services.sync_admin import Remotes
from ledgerdesk.ui.application import application
from ledgerdesk.ui.backup_screens import backup_dialogs
from ledgerdesk.ui.chart_screens import account_dialogs, accounts_page
from ledgerdesk.ui.dialogs import NewBookDialog
from ledgerdesk.ui.editors.contact_dialog import ContactDialog
from ledgerdesk.ui.editors.credit_dialog import CreditDialog
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.editors.journal_dialog import JournalDialog
from ledgerdesk.ui.editors.payment_detail_dialog import PaymentDetailDialog
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.fx_screens import fx_dialogs
from ledgerdesk.ui.import_screens import import_dialogs
from ledgerdesk.ui.journal_screens import balanced_editor, record_sample_journals, refused_editor
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.models.allocations import AllocationColumn
from ledgerdesk.ui.opening_screens import opening_wizard
from ledgerdesk.ui.pdf import page_image
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.rate_screens import rate_dialogs
from ledgerdesk.ui.reconcile_screens import reconcile_dialogs
from ledgerdesk.ui.report_screens import report_screens
from ledgerdesk.ui.settings_dialog import SettingsDialog
from ledgerdesk.ui.statement_export_dialog import StatementExportDialog
from ledgerdesk.ui.sync_screens import sync_dialogs
from ledgerdesk.ui.tax_code_screens import tax_code_dialogs
from ledgerdesk.ui.tax_return_screens import tax_return_screens
from ledgerdesk.ui.theme import use_scheme

SIZE = (1280, 800)


def take_screenshots(files: BookFiles, book_path: Path, folder: Path, prefs_path: Path,
                     locale: str | None = None, *, sync_book: Path | None = None,
                     remotes: Remotes | None = None, dark: bool = False,
                     seen: Callable[[str, QWidget], None] | None = None,
                     today: dt.date | None = None,
                     language: str | None = None) -> list[Path]:
    """Write one PNG per screen into ``folder``; returns the files written.  ``sync_book``
    (a book whose outbox holds every state) adds the Sync panel and its dialogs (30-34);
    ``dark`` shows them in dark mode, as when the system asks for it.  ``seen`` is handed
    each screen as it is grabbed (the accessibility test walks its controls); ``today``,
    the window's day (the demo's), else the machine's."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    if dark:
        use_scheme(app, Qt.ColorScheme.Dark)
    folder.mkdir(parents=True, exist_ok=True)
    prefs = Preferences.at(prefs_path)
    if language:
        prefs.set_language(language)
    clock = (lambda: today) if today is not None else dt.date.today
    window = MainWindow(files, prefs, clock, remotes=remotes, system_locale=locale)
    window.resize(*SIZE)
    window.show()
    written: list[Path] = []

    def save(name: str, widget: QWidget, *, settle: bool = True) -> None:
        if settle:
            _settle()
        else:  # lay out, but deliver nothing else (such as a background read's answer)
            for _ in range(3):  # a layout may post another (a scroll area's, after its page)
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)
        if seen is not None:
            seen(name, widget)

    save("01-welcome", window)
    if not window.open_path(book_path):
        raise RuntimeError(f"{book_path} could not be opened")
    session = window.session
    assert session is not None and window.book_view is not None
    if locale:
        session.locale = locale
        window._show_book(session, same_book=True)
    view = window.book_view
    assert view is not None
    _settle()  # laid out with the book open, before a page is grabbed unsettled
    for index, name in enumerate(("02-dashboard", "03-invoices", "04-bills", "05-credit-notes",
                                  "06-payments", "07-contacts")):
        view.show_page(index)
        if view.current_page() is view.dashboard:
            # Grabbed before the figures' answer can be delivered: the loading state.
            save("02-dashboard-loading", window, settle=False)
            _wait_until(lambda: not view.dashboard.loading)
            save(name, window)
            window.resize(900, SIZE[1])  # the narrowest window it must still fit
            save("02-dashboard-narrow", window)
            window.resize(*SIZE)
            continue
        save(name, window)
    for name, dialog in _dialogs(session, window):
        with _shown(dialog):
            save(name, dialog)
    for name, job in _printed(session):
        path = folder / f"{name}.png"
        page_image(job.model).save(str(path))
        written.append(path)
    _filter_invoices(view)
    save("19-invoices-filtered", window)
    view.invoices.search.setText("no such customer")
    view.invoices.bar.apply_text()
    save("21-invoices-no-match", window)
    for name, widget, settle in report_screens(window, view, _wait_until):
        save(name, widget, settle=settle)
    for name, widget in accounts_page(window, view):
        save(name, widget)
    for name, dialog in account_dialogs(session, view, window):
        with _shown(dialog):
            save(name, dialog)
    for name, widget in tax_return_screens(window, view, _wait_until):
        save(name, widget)
    for name, dialog in tax_code_dialogs(session, window):
        with _shown(dialog):
            save(name, dialog)
    with tempfile.TemporaryDirectory(prefix="ledgerdesk-backups-") as scratch:
        for name, dialog in backup_dialogs(session, window, files.backups, Path(scratch)):
            with _shown(dialog):
                save(name, dialog)
    with tempfile.TemporaryDirectory(prefix="ledgerdesk-reconcile-") as scratch:
        for name, shown in reconcile_dialogs(session, window, files, Path(scratch)):
            if isinstance(shown, PrintJob):
                page_image(shown.model).save(str(folder / f"{name}.png"))
                written.append(folder / f"{name}.png")
                continue
            shown.show()  # one dialog, in three states: it closes itself when done
            save(name, shown)
    with tempfile.TemporaryDirectory(prefix="ledgerdesk-rates-") as scratch:
        for name, dialog in rate_dialogs(session, files, Path(scratch), window):
            with _shown(dialog):
                save(name, dialog)
    with tempfile.TemporaryDirectory(prefix="ledgerdesk-fx-") as scratch:
        for name, dialog in fx_dialogs(session, files, Path(scratch), window):
            with _shown(dialog):
                save(name, dialog)
    with tempfile.TemporaryDirectory(prefix="ledgerdesk-import-") as scratch:
        for name, dialog in import_dialogs(session, files, Path(scratch), window):
            with _shown(dialog):
                save(name, dialog)
    if sync_book is not None and window.open_path(sync_book):
        assert window.book_view is not None and window.session is not None
        window.book_view.show_page(window.book_view.pages.indexOf(window.book_view.sync))
        window.book_view.sync.table.selectRow(2)
        save("30-sync-panel", window)
        window.book_view.show_page(window.book_view.pages.indexOf(window.book_view.payments))
        save("35-payments-sync", window)
        for name, dialog in sync_dialogs(window.session, window):
            with _shown(dialog):
                save(name, dialog)
    with tempfile.TemporaryDirectory(prefix="ledgerdesk-empty-") as scratch:
        _open_empty_book(window, files, Path(scratch) / "empty.book", locale)
        save("22-invoices-empty-book", window)
        window.book_view.show_page(0)
        _wait_until(lambda: not window.book_view.dashboard.loading)
        save("36-dashboard-empty-book", window)
        _journals_page(window, save)
        window.close()
    return written


def _open_empty_book(window: MainWindow, files: BookFiles, path: Path,
                     locale: str | None) -> None:
    """A new book with nothing in it yet, open on its invoice list, as after New book."""
    session = window.session
    assert session is not None
    book = files.create(path, company="Northwind Design Studio", currency=session.currency)
    empty = Session.of(book, path, fallback_locale=locale or session.locale)
    window._show_book(empty)


def _journals_page(window: MainWindow, save: Callable[..., None]) -> None:
    """A year's journals, recorded into the scratch book open now (never the user's)."""
    view, session = window.book_view, window.session
    assert view is not None and session is not None
    record_sample_journals(session)
    view.show_page(view.pages.indexOf(view.journals))
    view.journals.reload()
    view.journals.table.selectRow(1)
    save("39-journals", window)
    void = JournalDialog(JournalEditor(session, view.journals.presenter.page(0, 1)[0].id),
                         window)
    with _shown(void):
        save("40-journal-void", void)


def _filter_invoices(view) -> None:
    """The invoice list filtered as a user would: open invoices of the customer who has the
    most, issued since the first of them, with the filters in words under the fields."""
    page, bar = view.invoices, view.invoices.bar
    view.show_page(1)
    owing = [r for r in page.presenter.page(0, 500) if r.number and r.outstanding.amount]
    busiest = max({r.contact_id for r in owing},
                  key=lambda c: sum(r.contact_id == c for r in owing))
    bar.load_contacts()  # as the field's focus would
    bar.contact.select_id(busiest)
    bar.status.setCurrentIndex(bar.status.findData(StatusFilter.OPEN))
    first = min(r.issue_date for r in owing if r.contact_id == busiest)
    bar.date_from.setText(page.filters.date_text(first))
    bar.date_from.editingFinished.emit()


def _dialogs(session: Session, parent: QWidget) -> Iterator[tuple[str, QDialog]]:
    yield "08-new-invoice", _new_invoice(session, parent)
    yield "09-authorised-invoice", _authorised_invoice(session, parent)
    yield "10-payment-over-allocated", _payment(session, parent, over=True)
    yield "11-payment", _payment(session, parent, over=False)
    yield "12-settings", SettingsDialog(session, parent, prefs=getattr(parent, "prefs", None))
    yield "13-new-book", NewBookDialog(parent)
    yield "14-new-contact", ContactDialog(session, Side.SALES, parent)
    yield from _detail_dialogs(session, parent)
    yield "20-settings-refused", _refused_settings(session, parent)
    yield "41-settings-locking", _locking_settings(session, parent)
    yield "37-journal-refused", refused_editor(session, parent)
    yield "38-journal-balanced", balanced_editor(session, parent)
    yield "41-opening-unbalanced", opening_wizard(session, parent, balanced=False)
    yield "42-opening-balanced", opening_wizard(session, parent, balanced=True)
    yield "85-export-statement", StatementExportDialog(session, parent)  # Bank > Export…


def _detail_dialogs(session: Session, parent: QWidget) -> Iterator[tuple[str, QDialog]]:
    """The payment detail (recorded and void), a contact being edited, a credit applied."""
    payments = PaymentList(session).page(0, 500)
    paid = next((p for p in payments if "," in p.documents and not p.voided), payments[0])
    yield "15-payment-detail", PaymentDetailDialog(PaymentView(session, paid.id), parent)
    void = next((p for p in payments if p.voided), None)
    if void is not None:
        yield "16-payment-void", PaymentDetailDialog(PaymentView(session, void.id), parent)
    contacts = ContactList(session).page(0, 500)
    owing = next((c for c in contacts if c.receivable.is_positive), contacts[0])
    yield "17-edit-contact", ContactDialog(session, Side.SALES, parent, contact_id=owing.id)
    credits = DocumentList(session, (DocumentKind.SALES_CREDIT_NOTE,
                                     DocumentKind.CUSTOMER_PREPAYMENT))
    credits.filter(status=StatusFilter.OPEN)
    editors = [CreditEditor(session, note.id) for note in credits.page(0, 200)]
    editors.sort(key=lambda e: -min(len(e.rows), 3))  # several invoices show the grid best
    if editors and editors[0].rows:
        yield "18-apply-credit", CreditDialog(editors[0], parent)


def _refused_settings(session: Session, parent: QWidget) -> SettingsDialog:
    """Settings with a prefix the book refuses: the field outlined, the text kept."""
    dialog = SettingsDialog(session, parent)
    dialog.prefixes[DocumentKind.BILL].setText("SUPPLIER BILLS 2024-")
    dialog.save()
    return dialog


def _locking_settings(session: Session, parent: QWidget) -> SettingsDialog:
    """Settings about to lock the books through the end of last year (not saved)."""
    dialog = SettingsDialog(session, parent)
    dialog.locked.setChecked(True)
    return dialog


def _printed(session: Session) -> Iterator[tuple[str, PrintJob]]:
    """Page 1 of a printed invoice (one partly paid, if there is one) and a statement."""
    invoices = DocumentList(session, (DocumentKind.SALES_INVOICE,))
    invoices.filter(status=StatusFilter.PARTLY_PAID)
    rows = invoices.page(0, 50)
    if rows:
        job = print_job(session, max(rows[:20], key=lambda row: row.total.amount))
        if job is not None:
            yield "28-printed-invoice", job
    owing = next((c for c in ContactList(session).page(0, 500) if c.receivable.is_positive),
                 None)
    job = print_job(session, owing)
    if job is not None:
        yield "29-printed-statement", job


def _new_invoice(session: Session, parent: QWidget) -> DocumentDialog:
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    dialog = DocumentDialog(editor, parent)
    dialog.contact.setCurrentIndex(0)
    texts = (("Brand workshop, two days", "2", "1250", "", "20"),
             ("Logo variations", "1", "480", "10", "20"),
             ("Travel", "1", "86.4", "", "0"))
    # The tax column picks a code; the demo book's codes end with their rate ("Standard 20%").
    codes = {label.rsplit(" ", 1)[-1]: value for label, value in editor.tax_code_choices()}
    for row, (description, quantity, price, discount, tax) in enumerate(texts):
        if row >= len(editor.lines):
            dialog.model.add_line()
        for name, text in (("description", description), ("quantity", quantity),
                           ("unit_price", _local(session, price)),
                           ("discount_percent", discount),
                           ("tax_code", codes.get(f"{tax}%", ""))):
            editor.set_line_text(row, name, text)
    dialog.model.reload()
    dialog._refresh()
    return dialog


def _authorised_invoice(session: Session, parent: QWidget) -> DocumentDialog:
    page = parent.book_view.invoices  # type: ignore[attr-defined]
    page.apply_filter()
    summary = next(row for row in page.presenter.page(0, 50) if row.number)
    return DocumentDialog(DocumentEditor(session, summary.kind, summary.id), parent)


def _payment(session: Session, parent: QWidget, *, over: bool) -> PaymentDialog:
    editor = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
    dialog = PaymentDialog(editor, parent)
    for index in range(dialog.contact.count()):
        dialog.contact.setCurrentIndex(index)
        if len(editor.rows) >= 2:
            break
    outstanding = sum((row.document.outstanding.amount for row in editor.rows), Decimal(0))
    first = editor.rows[0].document.outstanding.amount if editor.rows else Decimal(0)
    amount = outstanding if over else first
    dialog.amount_edit.setText(editor.fmt.format(amount))
    dialog._amount_edited(dialog.amount_edit.text())
    if over and editor.rows:
        cell = dialog.model.index(0, AllocationColumn.THIS_PAYMENT)
        dialog.model.setData(cell, editor.fmt.format(first + Decimal(25)))
        dialog._refresh()
    return dialog


def _local(session: Session, plain: str) -> str:
    from ledgerdesk.presentation.numbers import NumberText

    return NumberText(session.locale)(Decimal(plain))


@contextmanager
def _shown(dialog: QDialog) -> Iterator[None]:
    dialog.show()
    try:
        yield
    finally:
        dialog.done(0)
        dialog.deleteLater()


def _wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("the screen did not finish loading")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _settle(ms: int = 60) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
    QTimer.singleShot(ms, lambda: None)
    app.processEvents()

