"""A name that already holds a bidi override (an older book, another program) shows inert in
the window: the lists' cells, the report table and "Needs attention" write the character as
``<U+202E>`` instead of letting it turn the rest of the name around."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.presentation.lists import ContactList
from ledgerdesk.presentation.report_params import ReportKind, ReportRequest
from ledgerdesk.presentation.report_results import run_report
from ledgerdesk.ui.models.paged import PagedTableModel

SPOOF = "Evil \u202eCod.exe Ltd"
SHOWN = "Evil <U+202E>Cod.exe Ltd"


def spoofed_contact(book) -> int:
    with book.write() as tx:  # through storage, past the services' checks
        return tx.add_contact(Contact(SPOOF, ContactRole.CUSTOMER))


def test_a_list_cell_shows_the_override_as_a_marker(qtbot, ui_session, book):
    spoofed_contact(book)
    model = PagedTableModel(ContactList(ui_session))
    model.reload()
    cells = [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
             for row in range(model.rowCount())]
    assert cells == [SHOWN]
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) != SPOOF


def test_report_cells_show_it_inert_too(ui_session, book, issue):
    contact_id = spoofed_contact(book)
    issue(contact_id, "100", issue_date=dt.date(2024, 1, 5))
    result = run_report(ui_session, ReportRequest(ReportKind.RECEIVABLE_AGING,
                                                  as_of=dt.date(2024, 3, 1)))
    names = [line.cells[0] for line in result.lines]
    assert SHOWN in names and all("\u202e" not in cell for cell in names)
