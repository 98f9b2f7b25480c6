"""``DocumentDialog``: edit an invoice, bill or credit note; save a draft, authorise, void."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QWidget,
)

from ledgerdesk.domain.documents import DocumentKind, TaxMode
from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.presentation.contacts import contact_choices, create_contact
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.history import Step
from ledgerdesk.presentation.printing import document_job
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.printing import PRINTABLE_KINDS
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described, named
from ledgerdesk.ui.currency_picker import CurrencyPicker, rate_edit
from ledgerdesk.ui.delegates.account import AccountDelegate
from ledgerdesk.ui.delegates.live_text import LiveTextDelegate
from ledgerdesk.ui.delegates.tax_code import TaxCodeDelegate
from ledgerdesk.ui.editors.credit_dialog import add_apply_button
from ledgerdesk.ui.editors.line_grid_dialog import LineGridDialog
from ledgerdesk.ui.grid_table import GridTable
from ledgerdesk.ui.link_dialog import add_link_row
from ledgerdesk.ui.models.lines import LineColumn, LineTableModel
from ledgerdesk.ui.print_flow import print_to_pdf
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.widgets import (
    ContactPicker,
    banner_label,
    date_edit,
    error_label,
    form_row,
    to_date,
)

TAX_MODES = Translated({TaxMode.EXCLUSIVE: N_("Prices exclude tax"),
                        TaxMode.INCLUSIVE: N_("Prices include tax"),
                        TaxMode.NO_TAX: N_("No tax")})


class DocumentDialog(LineGridDialog):
    def __init__(self, editor: DocumentEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.steps: list[Step] = []
        self.setWindowTitle(editor.title)
        self.banner = banner_label()
        self.contact = ContactPicker()
        described(self.contact, _("The customer or supplier the document is for; type part of the "
                                  "name to find them"))
        self.new_contact_button = QPushButton(_("New c&ontact…"))
        described(self.new_contact_button, _("Adds a new contact and chooses it for this document"))
        self.issue = date_edit(editor.issue_date, editor.session.locale)
        described(self.issue, _("The document's date"))
        self.due = date_edit(editor.due_date, editor.session.locale)
        described(self.due, _("The day payment is due"))
        self.due_hint = QLabel()
        self.due_hint.setObjectName("dueHint")
        self.due_hint.setStyleSheet(tone_style(Tone.NOTE))  # a placeholder's grey is 1.6:1
        self.reference = QLineEdit(editor.reference)
        described(self.reference,
                  _("An order number or another reference, printed on the document"))
        self.number = QLabel()
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tax_mode = QComboBox()
        described(self.tax_mode,
                  _("Whether the line prices exclude tax, include it, or carry none"))
        for mode, text in TAX_MODES.items():
            self.tax_mode.addItem(text, mode)
        self.tax_mode.setCurrentIndex(list(TAX_MODES).index(editor.tax_mode))
        self.currency = CurrencyPicker(editor.session.locale, editor.session.currency)
        self.rate = rate_edit()
        self.rate_label = QLabel()
        self.rate_label.setBuddy(self.rate)
        self.rate_problem = error_label()
        self.home_total = QLabel()
        self.home_total.setObjectName("homeTotal")
        self.home_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.model = LineTableModel(editor, self)
        self.table = self._make_table()
        self._grid_buttons()
        self.totals = QLabel()
        self.message = error_label()
        self.save_button = self.buttons.addButton(_("&Save draft"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        described(self.save_button, _("Saves the document as a draft, which can still be changed"))
        self.authorise_button = self.buttons.addButton(_("A&uthorise"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
        described(self.authorise_button, _("Saves the document, gives it its number and posts it "
                                           "to the ledger"))
        self.void_button = self.buttons.addButton(_("&Void…"),
                                                  QDialogButtonBox.ButtonRole.ResetRole)
        described(self.void_button, _("Voids the document: its postings are reversed and it can no "
                                      "longer be paid"))
        self.print_button = self.buttons.addButton(_("&Print…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        described(self.print_button, _("Prints the document to a PDF file"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        described(self.cancel_button, _("Closes the form; what was not saved is dropped"))
        self.apply_button = add_apply_button(self, editor)
        self._lay_out()
        # Only once it is inside the dialog does this make Save the dialog's main default,
        # which Enter returns to after a focused button such as "New contact" lends it.
        self.save_button.setDefault(True)
        self._connect()
        self.contact.set_choices(contact_choices(editor.session, editor.kind.side))
        if editor.contact_id is not None:
            self.contact.select_id(editor.contact_id)
        self._apply_read_only()
        self._refresh()
        self.resize(980, 620)

    def _make_table(self) -> QTableView:
        table = named(GridTable(), _("Lines"), _("One line a row; Tab moves from cell to cell, "
                      "and past the last cell to the buttons."))
        table.setModel(self.model)
        live = LiveTextDelegate(table)
        for column in (LineColumn.QUANTITY, LineColumn.UNIT_PRICE, LineColumn.DISCOUNT):
            table.setItemDelegateForColumn(column, live)
        table.setItemDelegateForColumn(LineColumn.ACCOUNT,
                                       AccountDelegate(self.editor.accounts, table))
        table.setItemDelegateForColumn(LineColumn.TAX_CODE,
                                       TaxCodeDelegate(self.editor.tax_code_choices(), table))
        return table

    def _lay_out(self) -> None:
        who = QHBoxLayout()
        who.addWidget(self.contact, 1)
        who.addWidget(self.new_contact_button)
        dates = QHBoxLayout()
        dates.addWidget(self.issue)
        due_label = QLabel(_("Du&e:"))
        due_label.setBuddy(self.due)
        dates.addWidget(due_label)
        dates.addWidget(self.due)
        dates.addSpacing(8)
        dates.addWidget(self.due_hint)
        dates.addStretch(1)
        form = QFormLayout()
        form_row(form, _("&Contact:"), who, self.contact)
        form_row(form, _("&Issued:"), dates, self.issue)
        form.addRow(_("&Reference:"), self.reference)
        form.addRow(_("Number:"), self.number)
        money = QHBoxLayout()
        money.addWidget(self.currency)
        money.addSpacing(16)
        money.addWidget(self.rate_label)
        money.addWidget(self.rate)
        money.addSpacing(8)
        money.addWidget(self.rate_problem, 1)
        money.addStretch(0)
        form_row(form, _("Curre&ncy:"), money, self.currency)
        form.addRow(_("&Tax:"), self.tax_mode)
        self.link_state = add_link_row(form, self, self.editor)
        self._grid_columns({1: 80, 2: 110, 3: 90, 4: 190, 5: 150, 6: 120},
                           stretch=LineColumn.DESCRIPTION)
        # Tab follows the form: who, when, reference, tax, then the lines cell by cell.
        self._grid_stack(self.banner, form, self.totals, [self.home_total, self.message],
                         [self.contact, self.new_contact_button, self.issue, self.due,
                          self.reference, self.currency, self.rate, self.tax_mode], [])

    def _connect(self) -> None:
        e = self.editor
        self.contact.chosen.connect(self._contact_chosen)
        self.new_contact_button.clicked.connect(self._new_contact)
        self.issue.dateChanged.connect(self._issue_changed)
        self.due.dateChanged.connect(lambda d: self.editor.set_due_date(to_date(d)))
        self.due.dateChanged.connect(self._show_due_hint)
        self.reference.textEdited.connect(e.set_reference)
        self.tax_mode.currentIndexChanged.connect(self._tax_mode_chosen)
        self.currency.chosen.connect(self._currency_chosen)
        self.rate.textEdited.connect(self._rate_typed)
        self._grid_connect(first_column=LineColumn.DESCRIPTION)
        self.save_button.clicked.connect(self.save)
        self.authorise_button.clicked.connect(self.authorise)
        self.void_button.clicked.connect(self.void)
        self.print_button.clicked.connect(self.print_pdf)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_pdf)

    def _apply_read_only(self) -> None:
        ro = self.editor.read_only
        for widget in (self.contact, self.new_contact_button, self.issue, self.due,
                       self.reference, self.currency, self.rate, self.tax_mode,
                       self.add_line_button,
                       self.remove_line_button, self.save_button, self.authorise_button):
            widget.setEnabled(not ro)
        self.void_button.setVisible(self.editor.document_id is not None
                                    and self.editor.lifecycle.value != "VOIDED")
        self.print_button.setVisible(self._printable())
        self.cancel_button.setText(_("Close") if ro else _("Cancel"))
        self.number.setText(self.editor.number_text)
        self.setWindowTitle(self.editor.title)
        self.banner.setText(self.editor.banner)
        self.banner.setVisible(bool(self.editor.banner))
        self._show_due()

    def _refresh(self) -> None:
        net, tax, total = self.editor.totals()
        note = self.editor.rounding_note
        self.totals.setText(_("Net {net}    Tax {tax}    <b>Total {total}</b>").format(
                                net=net,
                                tax=tax,
                                total=total)
                            + (f"<br><small>{note}</small>" if note else ""))
        self._show_money()
        problems = self.editor.field_problems()
        self.message.setText(" ".join(problems))
        self.message.setVisible(bool(problems))
        self.save_button.setEnabled(self.editor.can_save)
        self.authorise_button.setEnabled(self.editor.can_save)

    def _show_money(self) -> None:
        """The currency, its rate (only for a foreign one) and the total at home."""
        money = self.editor.money
        self.number.setText(self.editor.number_text)  # "amounts in USD"
        if self.currency.current_code() != money.code and not money.currency_error:
            self.currency.select_code(money.code)
        if self.rate.text() != money.rate_text:
            self.rate.setText(money.rate_text)
        self.rate_label.setText(_("E&xchange rate ({label}):").format(label=money.rate_label))
        problem = money.currency_error or money.rate_problem
        self.rate_problem.setText(problem)
        self.rate_problem.setToolTip(problem)
        self.rate_problem.setVisible(bool(problem))
        for widget in (self.rate_label, self.rate):
            widget.setVisible(money.foreign)
        home = self.editor.home_total()
        self.home_total.setText(home)
        self.home_total.setVisible(bool(home))

    def _currency_chosen(self, text: str) -> None:
        self.editor.set_currency(text)
        self.model.reload()  # amounts in the new currency's minor unit
        self._refresh()

    def _rate_typed(self, text: str) -> None:
        self.editor.set_rate_text(text)
        self._refresh()

    def _contact_chosen(self, contact_id: object) -> None:
        self.editor.set_contact(contact_id if isinstance(contact_id, int) else None,
                                self.contact.currentText())
        self.model.accounts_changed()  # lines on the default follow the contact's last one
        self.model.reload()
        self._show_due()
        self._refresh()

    def _tax_mode_chosen(self, index: int) -> None:
        self.editor.set_tax_mode(self.tax_mode.itemData(index))
        self.model.tax_mode_changed()  # "No tax" sets the codes aside, another brings them back
        self._refresh()

    def _issue_changed(self, date: QDate) -> None:
        self.editor.set_issue_date(to_date(date))
        self._show_due()
        self._refresh()  # an untyped rate is the book's of the new date

    def _show_due(self) -> None:
        """The due date the editor will save (its terms follow contact and issue date)."""
        self.due.blockSignals(True)  # not the user typing: the date stays the terms'
        self.due.setDate(QDate(self.editor.due_date))
        self.due.blockSignals(False)
        self._show_due_hint()

    def _show_due_hint(self) -> None:
        hint = "" if self.editor.read_only else self.editor.due_hint
        self.due_hint.setText(hint)
        self.due_hint.setVisible(bool(hint))

    def _new_contact(self) -> None:
        name = self.contact.currentText().strip()
        if not name:
            dialogs.error(self, _("Type a name first"), _("Type the new contact's name in "
                                                          "Contact."))
            return
        choice = create_contact(self.editor.session, name, self.editor.kind.side)
        self.contact.set_choices(contact_choices(self.editor.session, self.editor.kind.side))
        self.contact.select_id(choice.id)

    def save(self) -> None:
        step = self.editor.save()
        if step is not None:
            self.steps.append(step)
            self.accept()
        self.model.reload()
        self._refresh()

    def authorise(self) -> None:
        result = self.editor.authorise()
        if result is not None:
            saved, authorised = result
            self.steps.extend(s for s in (saved, authorised) if s is not None)
            self.accept()
        self.model.reload()
        self._refresh()

    def void(self) -> None:
        if not dialogs.confirm(self, _("Void this document?"),
                               _("Voiding posts a reversal and cannot be undone. Void it?"),
                               _("&Void")):
            return
        try:
            self.parent_message = self.editor.void()
        except (NotAllowed, BookFailure) as exc:
            dialogs.error(self, _("It cannot be voided"), str(exc))
            return
        self.accept()

    def _printable(self) -> bool:
        return self.editor.document_id is not None and self.editor.kind in PRINTABLE_KINDS

    def print_pdf(self) -> None:
        """The document as saved in the book, to a PDF (Ctrl+P); unsaved edits first."""
        if not self._printable():
            return
        if self.editor.edited and not self.editor.read_only:
            self.message.setText(_("Save your changes first: the PDF shows the saved document."))
            self.message.show()
            return
        assert self.editor.document_id is not None
        job = document_job(self.editor.session, self.editor.document_id)
        text, failed = print_to_pdf(self, job, self.editor.session.path.parent)
        if failed:
            dialogs.error(self, _("The PDF could not be saved"), text)
        window = self.parentWidget().window() if self.parentWidget() else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def reject(self) -> None:
        if self._grid_rejected(_("Discard changes?"),
                               _("Your changes have not been saved. Discard them?")):
            super().reject()


def open_document_editor(session, kind: DocumentKind, document_id: int | None,
                         parent: QWidget) -> list[Step]:
    """Show the editor; the saved steps (to push on the undo stack), if any."""
    editor = DocumentEditor(session, kind, document_id)
    dialog = DocumentDialog(editor, parent)
    dialog.exec()
    return dialog.steps
