"""Every command of the main window as a ``QAction`` with its shortcut, and the menus.

The table here is also what Help > Keyboard shortcuts lists, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from ledgerdesk.domain.i18n import N_, _

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # with its & mnemonic
    shortcut: str | QKeySequence.StandardKey | None
    tip: str


SPECS = (
    ActionSpec("new_book", N_("&New book…"), "Ctrl+Shift+N", N_("Create a new, empty book file")),
    ActionSpec("open_book", N_("&Open book…"), Key.Open, N_("Open a book file")),
    ActionSpec("close_book", N_("&Close book"), Key.Close, N_("Close this book")),
    ActionSpec("import_csv", N_("&Import…"), "Ctrl+Shift+I",
               N_("Import contacts, invoices, bills or a bank statement from a CSV file")),
    ActionSpec("opening_balances", N_("Opening &balances…"), None,
               N_("Start the book with its balances and the invoices and bills open on a date")),
    ActionSpec("export_csv", N_("&Export…"), "Ctrl+E",
               N_("The list on screen (as filtered and sorted) or the report on screen, to CSV")),
    ActionSpec("print_pdf", N_("&Print to PDF…"), Key.Print,
               N_("The selected invoice or credit note, or a contact's statement, as a PDF")),
    ActionSpec("settings", N_("Se&ttings…"), "Ctrl+,", N_("Company, locale, numbering and logo")),
    ActionSpec("tax_codes", N_("Ta&x codes…"), "Ctrl+Shift+T",
               N_("Tax codes: add one, or change the rate or account of one no posted document "
                  "uses")),
    ActionSpec("exchange_rates", N_("Exchange r&ates…"), "Ctrl+Shift+X",
               N_("Exchange rates: add one, or import the ECB's reference rates file")),
    ActionSpec("connections", N_("Co&nnections…"), None,
               N_("Connections to Xero, Clockify, DayZero or Strapi: add, test, edit, remove")),
    ActionSpec("backups", N_("Bac&kups…"), "Ctrl+Shift+B",
               N_("This book's backups: back up now, restore one, choose where they go")),
    ActionSpec("quit", N_("&Quit"), Key.Quit, N_("Quit Ledgerdesk")),
    ActionSpec("new_document", N_("&New…"), Key.New,
               N_("A new invoice, bill, credit note, contact or account")),
    ActionSpec("record_payment", N_("Record &payment…"), "Ctrl+Shift+P",
               N_("Record money received or paid, and allocate it")),
    ActionSpec("apply_credit", N_("&Apply credit…"), "Ctrl+Shift+A",
               N_("Apply the selected credit note to its contact's open invoices or bills")),
    ActionSpec("reconcile", N_("&Reconcile…"), "Ctrl+Shift+R",
               N_("Reconcile a bank account to its statement: tick what the statement shows "
                  "until the difference is zero")),
    ActionSpec("bank_rules", N_("Bank r&ules…"), None,
               N_("Bank rules: a statement line whose reference contains a text is offered as "
                  "a journal to an account")),
    ActionSpec("export_statement", N_("Export &statement…"), None,
               N_("A bank account's postings between two dates as a statement CSV")),
    ActionSpec("open_item", N_("&Open selected"), None, N_("Open the selected row (Enter)")),
    ActionSpec("refresh", N_("&Refresh"), Key.Refresh, N_("Reload the list from the book")),
    ActionSpec("find", N_("&Find…"), Key.Find, N_("Filter the list by text")),
    ActionSpec("go_dashboard", N_("&Dashboard"), "Ctrl+1", N_("Go to the dashboard")),
    ActionSpec("go_invoices", N_("Sales &invoices"), "Ctrl+2", N_("Go to sales invoices")),
    ActionSpec("go_bills", N_("&Bills"), "Ctrl+3", N_("Go to bills")),
    ActionSpec("go_credit_notes", N_("&Credit notes"), "Ctrl+4", N_("Go to credit notes")),
    ActionSpec("go_payments", N_("&Payments"), "Ctrl+5", N_("Go to payments")),
    ActionSpec("go_contacts", N_("C&ontacts"), "Ctrl+6", N_("Go to contacts")),
    ActionSpec("go_reports", N_("&Reports"), "Ctrl+7", N_("Go to reports")),
    ActionSpec("go_sync", N_("&Sync"), "Ctrl+8", N_("Go to the Sync panel: queued payments")),
    ActionSpec("go_accounts", N_("&Accounts"), "Ctrl+9",
               N_("Go to the chart of accounts: add, edit, archive")),
    ActionSpec("go_journals", N_("&Journals"), "Ctrl+0",
               N_("Go to manual journals: owner's capital, loans, depreciation, wages")),
    ActionSpec("shortcuts", N_("&Keyboard shortcuts"), Key.HelpContents, N_("Every shortcut")),
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
        action = QAction(_(spec.text), window)
        action.setObjectName(spec.name)
        if spec.shortcut is not None:
            action.setShortcut(spec.shortcut)
        action.setStatusTip(_(spec.tip))
        action.setToolTip(_(spec.tip))
        actions[spec.name] = action
    return actions


def build_menus(window: QMainWindow, actions: dict[str, QAction], undo: QAction,
                redo: QAction, recent: QMenu) -> QToolBar:
    bar = window.menuBar()
    file_menu = bar.addMenu(_("&File"))
    file_menu.addActions([actions["new_book"], actions["open_book"]])
    file_menu.addMenu(recent)
    file_menu.addAction(actions["close_book"])
    file_menu.addSeparator()
    file_menu.addAction(actions["import_csv"])
    file_menu.addAction(actions["opening_balances"])
    file_menu.addAction(actions["export_csv"])
    file_menu.addAction(actions["print_pdf"])
    file_menu.addSeparator()
    file_menu.addActions([actions["settings"], actions["tax_codes"], actions["exchange_rates"],
                          actions["connections"]])
    file_menu.addSeparator()
    file_menu.addAction(actions["backups"])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    edit = bar.addMenu(_("&Edit"))
    edit.addActions([undo, redo])
    edit.addSeparator()
    edit.addActions([actions["new_document"], actions["record_payment"],
                     actions["apply_credit"], actions["open_item"]])
    bank = bar.addMenu(_("&Bank"))
    bank.addActions([actions["reconcile"], actions["bank_rules"],
                     actions["export_statement"]])
    view = bar.addMenu(_("&View"))
    view.addActions([actions[name] for name in GO_ACTIONS])
    view.addSeparator()
    view.addActions([actions["find"], actions["refresh"]])
    help_menu = bar.addMenu(_("&Help"))
    help_menu.addActions([actions["shortcuts"], actions["about"]])
    toolbar = window.addToolBar(_("Main"))
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
    (N_("Open the selected row"), N_("Enter or double-click")),
    (N_("Save the open editor"), N_("Enter (Ctrl+Enter inside a table)")),
    (N_("Cancel the open editor (asks before dropping changes)"), "Esc"),
    (N_("Next / previous field"), "Tab / Shift+Tab"),
)


def shortcut_rows(actions: dict[str, QAction],
                  named: dict[str, QAction] | None = None) -> list[tuple[str, str]]:
    """(what, keys) for the shortcuts dialog, in menu order, then the actions ``named``
    (Undo and Redo, whose own text names the step they would undo), then the plain keys."""
    rows = [(action.text().replace("&", "").rstrip("…"), action) for action in actions.values()]
    rows += list((named or {}).items())
    listed = [(what, ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                               for key in action.shortcuts())) for what, action in rows]
    return ([(what, keys) for what, keys in listed if keys]
            + [(_(what), _(keys)) for what, keys in KEY_HINTS])
