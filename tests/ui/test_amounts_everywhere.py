"""An amount of 85 shows as 85,00 (German) on every screen of the window that shows money:
the lists, the dashboard and its chart tooltips, every report, the editors (line amounts,
unit prices, the allocation grid), a payment's detail, the apply-credit grid, a contact,
the printed invoice and statement, and the import preview.  (CSV has its own rule.)"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.credit_editor import CreditEditor
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.import_wizard import run
from ledgerdesk.presentation.payment_detail import PaymentView
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.presentation.printing import print_job
from ledgerdesk.presentation.report_params import ReportKind
from ledgerdesk.services.imports import ImportKind
from ledgerdesk.ui.editors.contact_dialog import ContactDialog
from ledgerdesk.ui.editors.credit_dialog import CreditDialog
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.editors.payment_detail_dialog import PaymentDetailDialog
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.import_dialog import ImportDialog
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences

TODAY = dt.date(2024, 3, 1)
DAY = dt.date(2024, 1, 15)
#: 85 or 170 written without the currency's two decimals, or with a dot (not German).
BARE = re.compile(r"(?<![\d.,])(85|170)(?![\d]|,\d\d(?!\d))")


@pytest.fixture
def window(qtbot, tmp_path, book, customer, supplier, issue, pay):
    """Everything worth 85: an invoice, half of one of 170 paid, a bill, a credit note, and a
    payment of 170 that keeps 85 as credit; and an unpaid invoice of 170 (INV-00003)."""
    issue(customer, "85", issue_date=DAY)
    half, _ = issue(customer, "170", issue_date=DAY)
    issue(customer, "170", issue_date=DAY)
    issue(supplier, "85", DocumentKind.BILL, issue_date=DAY)
    issue(customer, "85", DocumentKind.SALES_CREDIT_NOTE, issue_date=DAY)
    pay(customer, "170", (half, "85"), keep=True, date=DAY)
    path = Path(book.path)
    book.close()
    main = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                      clock=lambda: TODAY, system_locale="de_DE")
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    assert main.open_path(path)
    yield main
    main.close()


def texts_of(root: QWidget) -> list[str]:
    """Every text a user can read in ``root``: labels, buttons, fields, choices, tooltips,
    and each cell (and its tooltip) of its tables and lists."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        found.append(widget.toolTip())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += cells_of(widget.model())
    return [text for text in found if text]


def cells_of(model) -> list[str]:
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    found = []
    for row in range(model.rowCount()):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(row, column).data(role)
                if isinstance(value, str):
                    found.append(value)
    return found


def bare(texts: list[str]) -> list[str]:
    return [text for text in texts if BARE.search(text)]


def check(where: str, texts: list[str], found: dict[str, list[str]]) -> None:
    if not any("85,00" in text or "170,00" in text for text in texts):
        found[where] = ["(none of the amounts in German)", *bare(texts)]
    elif bare(texts):
        found[where] = bare(texts)


def test_every_screen_shows_85_as_85_00(qtbot, window, customer, tmp_path):
    view, session, found = window.book_view, window.session, {}
    for index in range(6):  # the dashboard and the lists
        view.show_page(index)
        qtbot.waitUntil(lambda: not view.dashboard.loading, timeout=5000)
        page = view.current_page()
        texts = texts_of(page)
        if page is view.dashboard:
            texts += [chart.tooltip(s, c) for chart in (page.money_chart, page.aging_chart)
                      for s in range(len(chart.data.series))
                      for c in range(len(chart.data.categories))]
        check(view.nav.item(index).text(), texts, found)
    view.show_page(6)
    reports = view.reports
    for kind in ReportKind:
        if kind is ReportKind.FX_REVALUATION:
            continue  # nothing foreign in this book (test_fx_revaluation_page shows one)
        reports.choose(kind)
        if kind in (ReportKind.CUSTOMER_STATEMENT, ReportKind.SUPPLIER_STATEMENT):
            reports.bar.contact.setCurrentIndex(0)
        if kind is ReportKind.GENERAL_LEDGER:
            reports.bar.account.setCurrentIndex(reports.bar.account.findData("1100"))
        reports.run()
        qtbot.waitUntil(lambda: not reports.running, timeout=5000)
        check(kind.title, texts_of(reports), found)
    for where, dialog in dialogs(session, customer, window):
        dialog.show()
        check(where, texts_of(dialog), found)
        dialog.done(0)
    for where, model in printed(session):
        check(where, [str(part) for part in (model.rows, model.totals, model.notes)], found)
    for where, dialog in import_previews(session, tmp_path, window):
        dialog.show()
        check(where, texts_of(dialog), found)
        dialog.done(0)
    assert found == {}


def dialogs(session, customer, parent):
    rows = view_rows(parent.book_view.invoices)
    invoice = next(r for r in rows if r.total.amount == 85)
    yield "invoice", DocumentDialog(DocumentEditor(session, invoice.kind, invoice.id), parent)
    payment = PaymentDialog(PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT), parent)
    payment.contact.setCurrentIndex(payment.contact.findText("Acme Retail"))
    yield "payment", payment
    paid = view_rows(parent.book_view.payments)[0]
    yield "payment detail", PaymentDetailDialog(PaymentView(session, paid.id), parent)
    note = next(r for r in view_rows(parent.book_view.credits)
                if r.kind is DocumentKind.SALES_CREDIT_NOTE)
    yield "apply credit", CreditDialog(CreditEditor(session, note.id), parent)
    yield "contact", ContactDialog(session, Side.SALES, parent, contact_id=customer)


def view_rows(page):
    page.reload()
    return page.presenter.page(0, 50)


def printed(session):
    invoices = view_rows_of(session, DocumentKind.SALES_INVOICE)
    yield "printed invoice", print_job(session, invoices[0]).model
    from ledgerdesk.presentation.lists import ContactList
    contact = next(c for c in ContactList(session).page(0, 10) if c.name == "Acme Retail")
    yield "statement", print_job(session, contact).model


def view_rows_of(session, kind):
    from ledgerdesk.presentation.lists import DocumentList
    return [r for r in DocumentList(session, (kind,)).page(0, 50) if r.total.amount == 85]


def import_previews(session, folder: Path, parent):
    """An invoice file that would create an invoice of 85, and bank lines of 85: one that
    pays what one invoice owes, one that pays half of INV-00003."""
    invoices = write(folder / "invoices.csv", [
        ["number", "contact", "issue_date", "description", "quantity", "unit_price"],
        ["X-1", "Acme Retail", "2024-02-01", "Work", "1", "85"]])
    yield "invoice import", previewed(session, parent, ImportKind.INVOICES, invoices)
    bank = write(folder / "bank.csv", [["date", "amount", "reference", "counterparty"],
                                       ["2024-02-02", "85", "thanks", "Acme Retail"],
                                       ["2024-02-03", "85", "INV-00003", "Acme Retail"]])
    yield "bank import", previewed(session, parent, ImportKind.BANK, bank)


def previewed(session, parent, kind: ImportKind, path: Path) -> ImportDialog:
    dialog = ImportDialog(session, lambda: None, parent)
    dialog.source.kind.setCurrentIndex(dialog.source.kind.findData(kind))
    dialog.source.path.setText(str(path))
    dialog._next()
    dialog._previewed(run(session.book, dialog.wizard.request(commit=False)))
    return dialog


def write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path
