"""The import dialog's steps for ``screenshots``: files written as a user's would be, one of
them with a bad row, and a bank statement against the book's own open invoices."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.import_wizard import run
from ledgerdesk.presentation.lists import DocumentList
from ledgerdesk.presentation.session import BookFiles, Session
from ledgerdesk.services.imports import ImportKind
from ledgerdesk.services.list_queries import StatusFilter
from ledgerdesk.ui.import_dialog import ImportDialog


def import_dialogs(session: Session, files: BookFiles, folder: Path,
                   parent: QWidget) -> Iterator[tuple[str, ImportDialog]]:
    invoices = _write(folder / "invoices-march.csv", [
        ["Invoice", "Customer", "Date", "Description", "Qty", "Price", "VAT %"],
        ["M-101", "Harbour Lights Café", "2024-03-04", "Logo refresh", "1", "850.00", "20"],
        ["M-101", "Harbour Lights Café", "2024-03-04", "Menu boards", "3", "120.00", "20"],
        ["M-102", "Meadowbank Primary School", "04/03/2024", "Brochure", "1", "1.240,00", "20"],
        ["M-103", "Harbour Lights Café", "2024-03-09", "Photography", "2", "300", "20"],
    ])
    yield "23-import-source", _dialog(session, files, parent, ImportKind.INVOICES, invoices, 0)
    yield "24-import-columns", _dialog(session, files, parent, ImportKind.INVOICES, invoices, 1)
    yield "25-import-problems", _dialog(session, files, parent, ImportKind.INVOICES, invoices, 2)
    good = _write(folder / "invoices-april.csv", [
        ["Invoice", "Customer", "Date", "Description", "Qty", "Price", "VAT %"],
        ["A-201", "Harbour Lights Café", "2024-04-02", "Logo refresh", "1", "850.00", "20"],
        ["A-202", "Meadowbank Primary School", "2024-04-03", "Brochure", "1", "1240.00", "20"],
    ])
    yield "26-import-ready", _dialog(session, files, parent, ImportKind.INVOICES, good, 2)
    statement = _write(folder / "statement.csv", _statement_lines(session))
    yield "27-import-bank", _dialog(session, files, parent, ImportKind.BANK, statement, 2)


def _dialog(session: Session, files: BookFiles, parent: QWidget, kind: ImportKind,
            path: Path, step: int) -> ImportDialog:
    dialog = ImportDialog(session, lambda: files.open(session.path), parent)
    source = dialog.source
    source.kind.setCurrentIndex(source.kind.findData(kind))
    source.path.setText(str(path))
    if step >= 1:
        dialog._next()
        dialog.mapping.create_contacts.setChecked(True)
        if "tax_rate" in dialog.mapping.combos:  # the user maps "VAT %" by hand
            dialog.mapping.combos["tax_rate"].setCurrentText("VAT %")
    if step >= 2:  # the dry run, here on this thread: nothing else is running
        dialog._previewed(run(session.book, dialog.wizard.request(commit=False)))
        dialog._update()
    return dialog


def _statement_lines(session: Session) -> list[list[str]]:
    invoices = DocumentList(session, (DocumentKind.SALES_INVOICE,))
    invoices.filter(status=StatusFilter.OPEN)
    open_rows = [r for r in invoices.page(0, 200) if r.number][:4]
    lines = [["Booking date", "Amount", "Description", "Payee"]]
    for n, doc in enumerate(open_rows):
        amount = doc.outstanding.amount
        reference = f"Payment {doc.number}" if n % 2 == 0 else "Thank you"
        lines.append([str(session.today), f"{amount:f}", reference, doc.contact_name])
    lines.append([str(session.today), "12.34", "Interest", "The Bank"])
    paid = max(session.book.queries().list_payments(), key=lambda p: (p.date, p.id), default=None)
    if paid is not None and not paid.voided:  # a payment typed in: already in the book
        sign = "" if paid.kind.money_in else "-"
        lines.append([str(paid.date), f"{sign}{paid.amount.amount:f}", paid.reference,
                      paid.contact_name])
    return lines


def _write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path
