"""The main window's book dialogs that do not block it (Tax codes…, Reconcile…, Bank
rules…) and Bank > Export statement…, as a mixin of ``MainWindow``: each non-blocking
dialog is opened once, reloads when the book changes (``book_changed``) and goes when the
book closes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QStatusBar

    from ledgerdesk.presentation.session import Session
    from ledgerdesk.ui.book_view import BookView


class BookDialogs:
    """Needs the window's ``session``, ``book_view``, ``book_changed`` and ``book_dialogs``."""

    if TYPE_CHECKING:
        session: Session | None
        book_view: BookView | None
        book_changed: SignalInstance
        book_dialogs: dict[str, QDialog]

        def statusBar(self) -> QStatusBar: ...

    def show_tax_codes(self) -> None:
        """File > Tax codes…: window-modal but not blocking, so the book's changes reach it."""
        if self.session is not None:
            from ledgerdesk.ui.tax_codes_dialog import TaxCodesDialog

            self.open_book_dialog("tax_codes", partial(TaxCodesDialog, self.session, self))

    @property
    def tax_codes_dialog(self) -> QDialog | None:
        return self.book_dialogs.get("tax_codes")

    def open_book_dialog(self, name: str, make: Callable[[], QDialog]) -> QDialog:
        """Show the book's dialog ``name``, made by ``make`` unless it is open already; it
        reloads when the book changes and goes when the book closes."""
        dialog = self.book_dialogs.get(name)
        if dialog is None:
            dialog = make()
            self.book_changed.connect(dialog.reload)
            dialog.finished.connect(partial(self._book_dialog_closed, name))
            self.book_dialogs[name] = dialog
            dialog.open()
        dialog.activateWindow()
        return dialog

    def _book_dialog_closed(self, name: str, _result: int = 0) -> None:
        dialog = self.book_dialogs.pop(name, None)
        if dialog is not None:
            self.book_changed.disconnect(dialog.reload)
            dialog.deleteLater()

    def show_reconcile(self) -> None:
        """Bank > Reconcile… (``ui.reconcile_dialog``): not blocking, like Tax codes…, so
        the lists stay in reach while a statement is ticked off; the book's changes reach
        it.  The account selected on the Accounts page, when it is a bank, comes first."""
        if self.session is None or self.book_view is None:
            return
        from ledgerdesk.ui.reconcile_dialog import ReconcileDialog

        code = self.book_view.selected_account_code()
        dialog = self.open_book_dialog("reconcile", partial(ReconcileDialog, self.session,
                                                            self, code))
        if code is not None:
            dialog.choose_account(code)

    def show_bank_rules(self) -> None:
        """Bank > Bank rules… (``ui.bank_rules_dialog``), not blocking, like Tax codes…."""
        if self.session is not None:
            from ledgerdesk.ui.bank_rules_dialog import BankRulesDialog

            self.open_book_dialog("bank_rules", partial(BankRulesDialog, self.session, self))

    def export_statement(self) -> None:
        """Bank > Export statement… (``ui.statement_export_dialog``)."""
        if self.session is not None:
            from ledgerdesk.ui.statement_export_dialog import export_statement

            export_statement(self, self.session, self.session.path.parent,
                             lambda message, _error: self.statusBar().showMessage(message,
                                                                                   8000))
