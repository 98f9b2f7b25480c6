"""The main window: the welcome screen or an open book, menus, toolbar and status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
)

from ledgerdesk import __version__
from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.language import chosen_language, use_language
from ledgerdesk.presentation.session import BookFileError, BookFiles, Session
from ledgerdesk.services.ports import Book, BookFailure
from ledgerdesk.services.sync_admin import Remotes
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.actions import (
    GO_ACTIONS,
    REDO_KEYS,
    UNDO_KEYS,
    build_menus,
    make_actions,
    shortcut_rows,
)
from ledgerdesk.ui.book_dialogs import BookDialogs
from ledgerdesk.ui.book_view import BookView
from ledgerdesk.ui.daily_backup import start_daily_backup
from ledgerdesk.ui.icons import app_icon, paint_actions
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.qt_language import use_qt_language
from ledgerdesk.ui.undo import UndoStack, undo_actions
from ledgerdesk.ui.welcome import WelcomePage
from ledgerdesk.ui.workers import run_in_background, stop_tasks

STALE_CHECK_MS = 1500  # how often to look for changes made by other windows or programs


def system_locale_name() -> str:
    """This machine's locale (``de_CH``; ``C`` on a bare container, which Session reads as
    en_US).  Tests never call it: they pass ``system_locale`` so no result depends on the
    machine."""
    return QLocale.system().name()


class MainWindow(BookDialogs, QMainWindow):
    #: The open book was changed (here, by another window or by another program).
    book_changed = Signal()

    def __init__(self, files: BookFiles, prefs: Preferences,
                 clock: Callable[[], dt.date] = dt.date.today,
                 system_locale: str | None = None, remotes: Remotes | None = None) -> None:
        super().__init__()
        self.files, self.prefs, self.clock = files, prefs, clock
        self.remotes = remotes  # None: no sync (the Sync panel says so)
        # A book without a locale setting shows numbers and dates the way this machine does.
        self.system_locale = system_locale or system_locale_name()
        # The words: Settings' choice, else LEDGERDESK_LANGUAGE or the system's (Qt knows it
        # where no LANG is set); chosen before any widget is built, as none is rebuilt later.
        use_qt_language(use_language(chosen_language(prefs.language(),
                                                     system_locale=self.system_locale)))
        self.session: Session | None = None
        self.book_view: BookView | None = None
        # The book's dialogs that do not block the window (Tax codes…, Reconcile…), by name.
        self.book_dialogs: dict[str, QDialog] = {}
        self.undo_stack = UndoStack(self)
        self.setWindowTitle(_("Ledgerdesk"))
        self.setMinimumSize(900, 560)
        self.actions = make_actions(self)
        undo, redo = undo_actions(self.undo_stack, self)
        undo.setShortcuts([QKeySequence(key) for key in UNDO_KEYS])
        redo.setShortcuts([QKeySequence(key) for key in REDO_KEYS])
        self.undo_action, self.redo_action = undo, redo
        self.recent_menu = QMenu(_("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.toolbar = build_menus(self, self.actions, undo, redo, self.recent_menu)
        self.setWindowIcon(app_icon())
        self._paint_icons()
        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.book_label = QLabel()
        self.statusBar().addPermanentWidget(self.book_label)
        self._connect()
        self._stale_timer = QTimer(self, interval=STALE_CHECK_MS)
        self._stale_timer.timeout.connect(self._reload_if_stale)
        self._show_welcome()
        geometry = prefs.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)

    def _connect(self) -> None:
        a = self.actions
        a["new_book"].triggered.connect(self.new_book)
        a["open_book"].triggered.connect(self.choose_book)
        a["close_book"].triggered.connect(self.close_book)
        a["settings"].triggered.connect(self.show_settings)
        a["connections"].triggered.connect(self.show_connections)
        a["backups"].triggered.connect(self.show_backups)
        a["tax_codes"].triggered.connect(self.show_tax_codes)
        a["reconcile"].triggered.connect(self.show_reconcile)
        a["bank_rules"].triggered.connect(self.show_bank_rules)
        a["export_statement"].triggered.connect(self.export_statement)
        a["exchange_rates"].triggered.connect(self.show_rates)
        a["import_csv"].triggered.connect(self.import_csv)
        a["opening_balances"].triggered.connect(self.opening_balances)
        a["quit"].triggered.connect(self.close)
        a["shortcuts"].triggered.connect(self.show_shortcuts)
        a["about"].triggered.connect(self.show_about)
        # The actions outlive each book's view, so they go to whichever view is open now.
        for index, name in enumerate(GO_ACTIONS):
            a[name].triggered.connect(partial(self._in_book, "show_page", index))
        for name, method in (("record_payment", "record_payment"), ("refresh", "reload"),
                             ("apply_credit", "apply_credit"), ("find", "find"),
                             ("open_item", "open_current"), ("print_pdf", "print_pdf"),
                             ("export_csv", "export_current"),
                             ("new_document", "new_item")):
            a[name].triggered.connect(partial(self._in_book, method))
        self.welcome.new_requested.connect(self.new_book)
        self.welcome.open_requested.connect(self.choose_book)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_chosen.connect(self.open_path)

    def _in_book(self, method: str, *args: object, checked: bool = False) -> None:
        """Call ``method`` of the open book's view (``checked`` is the action's, unused)."""
        if self.book_view is not None:
            getattr(self.book_view, method)(*args)

    # ---- opening and closing books -----------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open the book at ``path``; a file that fails says so in one sentence.  A read-only
        book opens, and says it cannot be changed."""
        try:
            book = self.files.open(path)
            session = self._first_session(book, path)
        except (BookFileError, BookFailure) as exc:
            dialogs.error(self, _("The book could not be opened"), str(exc))
            if not path.exists():
                self.prefs.forget_book(path)
                self.welcome.show_recent(self.prefs.recent_books())
            return False
        self._show_book(session)
        if book.read_only is not None:
            dialogs.inform(self, _("This book is read-only"), str(book.read_only))
        return True

    def _first_session(self, book: Book, path: Path) -> Session:
        """The session, or the book closed again when even its settings cannot be read."""
        try:
            return self._session_of(book, path)
        except BaseException:
            book.close()
            raise

    def reopen_last(self) -> None:
        last = self.prefs.last_book()
        if last is not None and last.exists():
            self.open_path(last)

    def choose_book(self) -> None:
        path = dialogs.choose_book_to_open(self)
        if path is not None:
            self.open_path(path)

    def new_book(self) -> None:
        answer = dialogs.ask_new_book(self)
        if answer is None:
            return
        path, company, currency, year_start = answer
        try:
            book = self.files.create(path, company=company, currency=currency,
                                     fiscal_year_start=year_start)
        except BookFileError as exc:
            dialogs.error(self, _("The book could not be created"), str(exc))
            return
        self._show_book(self._session_of(book, path))

    def open_demo(self) -> None:
        run_in_background(
            self, _("Building the demo book…"),
            lambda progress: self.files.demo(self.clock(), progress),
            self.open_path,
            lambda message: dialogs.error(self, _("The demo book could not be built"), message),
        )

    def close_book(self) -> None:
        if self.session is None:
            return
        self.prefs.closed_book()
        self._drop_session()
        self._show_welcome()

    def _session_of(self, book: Book, path: Path) -> Session:
        return Session.of(book, path, fallback_locale=self.system_locale, clock=self.clock)

    def _drop_view(self) -> None:
        self._stale_timer.stop()
        for dialog in list(self.book_dialogs.values()):
            dialog.done(0)
        self.undo_stack.clear()
        if self.book_view is not None:
            self.book_view.stop()
            self.stack.removeWidget(self.book_view)
            self.book_view.deleteLater()
            self.book_view = None

    def _drop_session(self) -> None:
        self._drop_view()
        if self.session is not None:
            self.session.close()
            self.session = None

    def _show_book(self, session: Session, *, same_book: bool = False) -> None:
        if same_book:
            self._drop_view()
        else:
            self._drop_session()
        self.session = session
        self.prefs.remember_book(session.path)
        self.book_view = BookView(session, self.undo_stack, self)
        self.stack.addWidget(self.book_view)
        # The first page before the view is shown: else the focus moving into the view
        # would make the navigation's first row current and load the dashboard for nothing.
        self.book_view.show_page(1)
        self.stack.setCurrentWidget(self.book_view)
        read_only = " (read-only)" if session.book.read_only is not None else ""
        self.setWindowTitle(_("{title}{read_only} — Ledgerdesk").format(
                                title=session.title,
                                read_only=read_only))
        self.book_label.setText(f"{session.title} · {session.currency} · {session.path}"
                                f"{read_only}")
        self._enable_book_actions(True)
        self._seen_revision = session.book.revision
        self._stale_timer.start()
        if not same_book:
            start_daily_backup(self, session)

    def _show_welcome(self) -> None:
        self.welcome.show_recent(self.prefs.recent_books())
        self.stack.setCurrentWidget(self.welcome)
        self.setWindowTitle(_("Ledgerdesk"))
        self.book_label.setText(_("No book open"))
        self._enable_book_actions(False)
        self.welcome.new_button.setFocus()

    def _enable_book_actions(self, enabled: bool) -> None:
        for name in ("close_book", "settings", "tax_codes", "exchange_rates", "reconcile",
                     "bank_rules", "export_statement", "connections", "backups", "import_csv",
                     "opening_balances", "export_csv",
                     "new_document", "record_payment", "apply_credit", "open_item", "refresh",
                     "find", "print_pdf", *GO_ACTIONS):
            self.actions[name].setEnabled(enabled)

    def _reload_if_stale(self) -> None:
        if self.session is None or self.book_view is None:
            return
        revision = self.session.book.revision
        if revision != self._seen_revision:
            self._seen_revision = revision
            self.book_view.reload()
            self.book_changed.emit()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.prefs.recent_books():
            action = QAction(str(path), self.recent_menu)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
            self.recent_menu.addAction(action)
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(_("No recent books")).setEnabled(False)

    # ---- dialogs ---------------------------------------------------------------------------

    def show_settings(self) -> None:
        if self.session is not None and self.book_view is not None:
            from ledgerdesk.ui.settings_dialog import SettingsDialog

            if SettingsDialog(self.session, self, prefs=self.prefs).exec():
                self._show_book(self._session_of(self.session.book, self.session.path),
                                same_book=True)

    def show_connections(self) -> None:
        if self.session is not None and self.book_view is not None:
            from ledgerdesk.ui.connections_dialog import ConnectionsDialog

            ConnectionsDialog(self.session, self.remotes, self).exec()
            self.book_view.reload()

    def show_backups(self) -> None:
        """File > Backups… (``ui.backups_dialog``)."""
        if self.session is not None:
            from ledgerdesk.ui.backups_dialog import open_backups

            open_backups(self, self.session)

    def import_csv(self) -> None:
        if self.session is None or self.book_view is None:
            return
        from ledgerdesk.ui.import_dialog import ImportDialog

        path = self.session.path
        dialog = ImportDialog(self.session, lambda: self.files.open(path), self)
        if dialog.exec() and dialog.result is not None:
            self.book_view.reload()
            self.statusBar().showMessage(dialog.imported_text(), 8000)

    def opening_balances(self) -> None:
        if self.session is None or self.book_view is None:
            return
        from ledgerdesk.ui.editors.opening_dialog import open_opening_wizard

        dialog = open_opening_wizard(self.session, self)
        if dialog.wizard.result is not None:
            self.book_view.reload()
            self.statusBar().showMessage(dialog.wizard.done_text(), 8000)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return shortcut_rows(self.actions, {"Undo": self.undo_action, "Redo": self.redo_action})

    def show_shortcuts(self) -> None:
        dialogs.shortcuts(self, self.shortcut_rows())

    def show_about(self) -> None:
        QMessageBox.about(self, _("About Ledgerdesk"),
                          _("Ledgerdesk {version__}\nOffline double-entry books for small "
                            "businesses.").format(version__=__version__))

    def _paint_icons(self) -> None:
        paint_actions([*self.actions.values(), self.undo_action, self.redo_action],
                      self.palette())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light to dark or back
            self._paint_icons()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.prefs.set_geometry(self.saveGeometry())
        self.prefs.sync()
        # Work still running (the demo being built, an export) is cancelled and waited for:
        # a thread destroyed while it runs aborts the whole process (and leaves half a file).
        # All of it: work whose dialog is gone has no owner inside this window any more.
        stop_tasks()
        self._drop_session()
        event.accept()
