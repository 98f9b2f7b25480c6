"""``ImportDialog``: File > Import…, a CSV file into the book in three steps.

1. what to import and the file; 2. the column of each field, and the options; 3. a dry run
listing every problem (row and column as a spreadsheet shows them) and what would be
created, or for a bank statement each line with its suggestions and the user's choice.
Import is enabled only when the preview has no problems; it asks first (an import cannot be
undone), then runs in one transaction.  Both runs happen on a worker thread with a book
opened there, with progress and Cancel; a cancelled import writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.wording import plural
from ledgerdesk.presentation.import_wizard import ImportRequest, ImportWizard, run
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.imports import ImportKind, ImportPreview
from ledgerdesk.services.ports import Book
from ledgerdesk.ui import button_words, dialogs
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.import_pages import MappingPage, SourcePage
from ledgerdesk.ui.import_preview import PreviewPage
from ledgerdesk.ui.workers import BackgroundTask, run_in_background

SOURCE, MAPPING, PREVIEW = range(3)


class ImportDialog(QDialog):
    def __init__(self, session: Session, open_book: Callable[[], Book],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import from CSV"))
        self.wizard = ImportWizard(session)
        self.open_book = open_book
        self.result: ImportPreview | None = None  # the committed import
        self.task: BackgroundTask | None = None
        self._closing: int | None = None  # closed while a run was going: close when it stops
        self.source = SourcePage()
        self.mapping = MappingPage(self.wizard)
        self.mapping.changed.connect(self._update)
        self.preview = PreviewPage(self.wizard)
        self.preview.changed.connect(self._update)
        self.pages = QStackedWidget()
        for page in (self.source, self.mapping, self.preview):
            self.pages.addWidget(page)
        self.step = QLabel()
        self.back = QPushButton(_(button_words.BACK))
        described(self.back, _("Goes back to the previous step"))
        self.next = QPushButton(_(button_words.NEXT))
        described(self.next, _("Goes on to the next step"))
        self.import_button = QPushButton(_(button_words.IMPORT))
        described(self.import_button, _("Imports the file's rows into the book"))
        cancel = QPushButton(_("Cancel"))
        described(cancel, _("Closes the import without changing the book"))
        self.back.clicked.connect(self._back)
        self.next.clicked.connect(self._next)
        self.import_button.clicked.connect(self.start_import)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step, 1)
        for button in (self.back, self.next, self.import_button, cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(960, 620)
        self._update()

    # ---- steps -----------------------------------------------------------------------------

    def _next(self) -> None:
        index = self.pages.currentIndex()
        if index == SOURCE:
            kind, path = self.source.chosen()
            problem = self.wizard.choose(kind, path)
            self.source.message.setText(problem)
            self.source.message.setVisible(bool(problem))
            if not problem:
                self.mapping.load()
                self.pages.setCurrentIndex(MAPPING)
        elif index == MAPPING and not self.wizard.mapping_error():
            self.run_preview()
        self._update()

    def _back(self) -> None:
        self.pages.setCurrentIndex(max(self.pages.currentIndex() - 1, SOURCE))
        self._update()

    def _update(self) -> None:
        index = self.pages.currentIndex()
        titles = (_("Step 1 of 3: what to import"), _("Step 2 of 3: columns and options"),
                  _("Step 3 of 3: preview"))
        self.step.setText(titles[index])
        busy = self.task is not None
        self.back.setEnabled(index != SOURCE and not busy)
        self.next.setText(_(button_words.PREVIEW) if index == MAPPING else _(button_words.NEXT))
        self.next.setEnabled(index != PREVIEW and not busy and (
            index == SOURCE or not self.wizard.mapping_error()))
        self.import_button.setEnabled(index == PREVIEW and self.wizard.can_import and not busy)
        (self.next if index != PREVIEW else self.import_button).setDefault(True)

    # ---- running -------------------------------------------------------------------------

    def run_preview(self) -> None:
        self._run(self.wizard.request(commit=False), _("Checking every row…"), self._previewed)

    def start_import(self) -> None:
        if not self.wizard.can_import or not dialogs.confirm(
                self, _("Import"), self.wizard.confirmation(), _(button_words.IMPORT)):
            return
        self._run(self.wizard.request(commit=True), _("Importing…"), self._imported)

    def _run(self, request: ImportRequest, label: str,
             done: Callable[[ImportPreview], None]) -> None:
        opener = self.open_book

        def work(progress):
            book = opener()  # a connection of this thread's own
            try:
                return run(book, request, progress)
            finally:
                book.close()

        self.task = run_in_background(self, label, work, lambda r: self._finished(done, r),
                                      self._failed)
        self._update()

    def _finished(self, done: Callable[[ImportPreview], None], result: ImportPreview) -> None:
        self.task = None
        if self._closing is not None:
            super().done(self._closing)
            return
        done(result)
        self._update()

    def _failed(self, message: str) -> None:
        self.task = None
        if self._closing is not None:
            super().done(self._closing)
            return
        if message == "Cancelled.":
            message = _("Cancelled; nothing was written to the book.")
        page = self.pages.currentWidget()
        target = page.message if hasattr(page, "message") else self.preview.message
        target.setText(message)
        target.setVisible(True)
        self._update()

    def _previewed(self, preview: ImportPreview) -> None:
        self.wizard.show(preview)
        self.preview.load()
        self.pages.setCurrentIndex(PREVIEW)

    def _imported(self, result: ImportPreview) -> None:
        if result.committed:
            self.result = result
            self.accept()
            return
        self.wizard.show(result)  # refused after all (the book changed): say why
        self.preview.load()

    def imported_text(self) -> str:
        result = self.result
        if result is None:
            return ""
        count, rows = len(result.created), result.rows
        created = (plural(count, "{count} payment", "{count} payments")
                   if result.kind is ImportKind.BANK
                   else plural(count, "{count} record", "{count} records"))
        return _("Imported {created} from {rows}.").format(
            created=created, rows=plural(rows, "{count} row", "{count} rows"))

    def done(self, code: int) -> None:
        if self.task is not None:  # stop the worker first: it holds a book of its own
            self._closing = code
            self.task.job.cancel()
            return
        super().done(code)

