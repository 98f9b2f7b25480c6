"""``JournalsPage``: the manual journals list, with New journal and Void beside its title.

The list is a ``ListPage`` over ``JournalList`` (paged in SQL, filtered by text and dates);
Enter opens the selected journal, Ctrl+N or New journal writes one, Void voids the
selected one after asking (``BookView`` does the asking and the voiding).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QWidget

from ledgerdesk.domain.i18n import Nn_, _
from ledgerdesk.presentation.journal_list import JournalList
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.journal_queries import JournalSummary
from ledgerdesk.ui.views.list_page import ListPage

MEMO = 2  # the memo column of ``JournalList``


class JournalsPage(ListPage):
    new_requested = Signal()
    void_requested = Signal(object)  # the selected JournalSummary

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(_("Journals"), JournalList(session), Nn_("journal", "journals"), parent,
                         create_hint=_("Ctrl+N records one: owner's capital, a loan, "
                                       "depreciation, wages."))
        self.add_date_filter(_("Fro&m:"), _("&to:"), _("Date"))
        self.finish_filters()
        self.new_button = QPushButton(_("Ne&w journal…"))
        self.new_button.setToolTip(_("Write a manual journal (Ctrl+N)"))
        self.void_button = QPushButton(_("Vo&id…"))
        self.void_button.setToolTip(_("Void the selected journal: a reversal is posted"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.void_button)
        buttons.addStretch(1)
        self.layout().insertLayout(2, buttons)  # under the filters, over the list
        self.new_button.clicked.connect(self.new_requested)
        self.void_button.clicked.connect(self._void_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        header = self.table.horizontalHeader()  # the memo takes the room there is
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MEMO, QHeaderView.ResizeMode.Stretch)

    def reload(self) -> None:
        super().reload()
        self._selection_changed()

    def selected(self) -> JournalSummary | None:
        entity = self.current_entity()
        return entity if isinstance(entity, JournalSummary) else None

    def _selection_changed(self, *_args: object) -> None:
        journal = self.selected()
        self.void_button.setEnabled(journal is not None and not journal.voided)

    def _void_clicked(self) -> None:
        journal = self.selected()
        if journal is not None and not journal.voided:
            self.void_requested.emit(journal)
