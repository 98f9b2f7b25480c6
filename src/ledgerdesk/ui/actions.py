"""Every command of the main window as a ``QAction`` with its shortcut, and the menus.

The table here is also what Help > Keyboard shortcuts lists, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # with its & mnemonic
    shortcut: str | QKeySequence.StandardKey | None
    tip: str


SPECS = (
    ActionSpec("new_book", "&New book…", "Ctrl+Shift+N", "Create a new, empty book file"),
    ActionSpec("open_book", "&Open book…", Key.Open, "Open a book file"),
    ActionSpec("close_book", "&Close book", Key.Close, "Close this book"),
    ActionSpec("import_csv", "&Import…", "Ctrl+Shift+I",
               "Import contacts, invoices, bills or a bank statement from a CSV file"),
    ActionSpec("opening_balances", "Opening &balances…", None,
               "Start the book with its balances and the invoices and bills open on a date"),
    ActionSpec("export_csv", "&Export…", "Ctrl+E",
               "The list on screen (as filtered and sorted) or the report on screen, to CSV"),
    ActionSpec("print_pdf", "&Print to PDF…", Key.Print,
               "The selected invoice or credit note, or a contact's statement, as a PDF"),
    ActionSpec("settings", "Se&ttings…", "Ctrl+,", "Company, locale, numbering and logo"),
    ActionSpec("tax_codes", "Ta&x codes…", "Ctrl+Shift+T",
               "Tax codes: add one, or change the rate or account of one no posted document "
               "uses"),
    ActionSpec("connections", "Co&nnections…", None,
               "Connections to Xero, Clockify, DayZero or Strapi: add, test, edit, remove"),
    ActionSpec("backups", "Bac&kups…", "Ctrl+Shift+B",
               "This book's backups: back up now, restore one, choose where they go"),
    ActionSpec("quit", "&Quit", Key.Quit, "Quit Ledgerdesk"),
    ActionSpec("new_document", "&New…", Key.New,
               "A new invoice, bill, credit note, contact or account"),
    ActionSpec("record_payment", "Record &payment…", "Ctrl+Shift+P",
               "Record money received or paid, and allocate it"),
    ActionSpec("apply_credit", "&Apply credit…", "Ctrl+Shift+A",
               "Apply the selected credit note to its contact's open invoices or bills"),
    ActionSpec("reconcile", "&Reconcile…", "Ctrl+Shift+R",
               "Reconcile a bank account to its statement: tick what the statement shows "
               "until the difference is zero"),
    ActionSpec("bank_rules", "Bank r&ules…", None,
               "Bank rules: a statement line whose reference contains a text is offered as "
               "a journal to an account"),
    ActionSpec("export_statement", "Export &statement…", None,
               "A bank account's postings between two dates as a statement CSV"),
    ActionSpec("open_item", "&Open selected", None, "Open the selected row (Enter)"),
    ActionSpec("refresh", "&Refresh", Key.Refresh, "Reload the list from the book"),
    ActionSpec("find", "&Find…", Key.Find, "Filter the list by text"),
    ActionSpec("go_dashboard", "&Dashboard", "Ctrl+1", "Go to the dashboard"),
    ActionSpec("go_invoices", "Sales &invoices", "Ctrl+2", "Go to sales invoices"),
    ActionSpec("go_bills", "&Bills", "Ctrl+3", "Go to bills"),
    ActionSpec("go_credit_notes", "&Credit notes", "Ctrl+4", "Go to credit notes"),
    ActionSpec("go_payments", "&Payments", "Ctrl+5", "Go to payments"),
    ActionSpec("go_contacts", "C&ontacts", "Ctrl+6", "Go to contacts"),
    ActionSpec("go_reports", "&Reports", "Ctrl+7", "Go to reports"),
    ActionSpec("go_sync", "&Sync", "Ctrl+8", "Go to the Sync panel: queued payments"),
    ActionSpec("go_accounts", "&Accounts", "Ctrl+9",
               "Go to the chart of accounts: add, edit, archive"),
    ActionSpec("go_journals", "&Journals", "Ctrl+0",
               "Go to manual journals: owner's capital, loans, depreciation, wages"),
    ActionSpec("shortcuts", "&Keyboard shortcuts", Key.HelpContents, "Every shortcut"),
    ActionSpec("about", "&About Ledgerdesk", None, "Version and licence"),
)
# Spelled out, not ``StandardKey.Undo``/``Redo``: those resolve per desktop, and on GNOME and KDE
# Redo *is* Ctrl+Shift+Z, so adding it as well bound one key twice and Qt did nothing at all
# ("Ambiguous shortcut overload").  These are the same keys on every desktop.
UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")
GO_ACTIONS = ("go_dashboard", "go_invoices", "go_bills", "go_credit_notes", "go_payments",
              "go_contacts", "go_reports", "go_sync", "go_accounts", "go_journals")


def make_actions(window: QMainWindow) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        if spec.shortcut is not None:
            action.setShortcut(spec.shortcut)
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
        actions[spec.name] = action
    return actions


def build_menus(window: QMainWindow, actions: dict[str, QAction], undo: QAction,
                redo: QAction, recent: QMenu) -> QToolBar:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([actions["new_book"], actions["open_book"]])
    file_menu.addMenu(recent)
    file_menu.addAction(actions["close_book"])
    file_menu.addSeparator()
    file_menu.addAction(actions["import_csv"])
    file_menu.addAction(actions["opening_balances"])
    file_menu.addAction(actions["export_csv"])
    file_menu.addAction(actions["print_pdf"])
    file_menu.addSeparator()
    file_menu.addActions([actions["settings"], actions["tax_codes"], actions["connections"]])
    file_menu.addSeparator()
    file_menu.addAction(actions["backups"])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    edit = bar.addMenu("&Edit")
    edit.addActions([undo, redo])
    edit.addSeparator()
    edit.addActions([actions["new_document"], actions["record_payment"],
                     actions["apply_credit"], actions["open_item"]])
    bank = bar.addMenu("&Bank")
    bank.addActions([actions["reconcile"], actions["bank_rules"],
                     actions["export_statement"]])
    view = bar.addMenu("&View")
    view.addActions([actions[name] for name in GO_ACTIONS])
    view.addSeparator()
    view.addActions([actions["find"], actions["refresh"]])
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([actions["shortcuts"], actions["about"]])
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    # Icons with their words: an icon alone would leave "Record payment" to be guessed.
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([actions["new_document"], actions["record_payment"]])
    toolbar.addSeparator()
    toolbar.addActions([undo, redo, actions["refresh"]])
    return toolbar


#: Keys that are not menu shortcuts but that users should know.
KEY_HINTS = (
    ("Open the selected row", "Enter or double-click"),
    ("Save the open editor", "Enter (Ctrl+Enter inside a table)"),
    ("Cancel the open editor (asks before dropping changes)", "Esc"),
    ("Next / previous field", "Tab / Shift+Tab"),
)


def shortcut_rows(actions: dict[str, QAction],
                  named: dict[str, QAction] | None = None) -> list[tuple[str, str]]:
    """(what, keys) for the shortcuts dialog, in menu order, then the actions ``named``
    (Undo and Redo, whose own text names the step they would undo), then the plain keys."""
    rows = [(action.text().replace("&", "").rstrip("…"), action) for action in actions.values()]
    rows += list((named or {}).items())
    listed = [(what, ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                               for key in action.shortcuts())) for what, action in rows]
    return [(what, keys) for what, keys in listed if keys] + list(KEY_HINTS)
