"""``ReportsPage``: the list of reports, the chosen report's parameters, and its table.

Reports run off the GUI thread (``ui.loader``): the page says "Running…" and keeps the last
table until the new one arrives; only the newest run is shown.  Parameters the form refuses
(or a run that fails) clear the table and drop any run on its way: figures stay on screen
only while they answer the parameters shown above them.  A long report's table pulls
its further rows as it scrolls.  Enter or a double-click drills down: an account's row opens
its general ledger for the same period, a contact's aging row its documents, a tax code's
row of the tax return its documents, a document or payment row emits ``document_requested``
or ``payment_requested`` for the window to open.  With the tax return, "Settle…" records its
payment or refund (``SettleTaxDialog``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.money import Money
from ledgerdesk.presentation.contacts import contact_choices
from ledgerdesk.presentation.exports import Export, report_export
from ledgerdesk.presentation.report_params import Preset, ReportForm, ReportKind, ReportRequest
from ledgerdesk.presentation.report_results import (
    Drill,
    ReportResult,
    Target,
    ledger_period,
    run_report,
)
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.tax_code_picker import every_code_choice
from ledgerdesk.presentation.tax_settlement import SettleTaxForm
from ledgerdesk.reports.tax_return import TaxReturn
from ledgerdesk.services.fiscal_year import read_fiscal_year_start
from ledgerdesk.ui.accessible import named
from ledgerdesk.ui.loader import Loader
from ledgerdesk.ui.models.report_table import ReportTableModel
from ledgerdesk.ui.settle_tax_dialog import SettleTaxDialog
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.views.report_bar import ReportBar

RUNNING = N_("Running…")
NOT_RUN = N_("Not run")
KINDS = tuple(ReportKind)
CHAR_PIXELS = 7
MAX_WIDTH = 300
NUMBER_WIDTH = 110  # amounts line up in columns of one width


def fit_widths(wanted: list[int], money: list[bool], room: int) -> list[int]:
    """Each column's width: text as wide as it wants; amounts ``NUMBER_WIDTH`` so they line
    up, or, when that would push the last columns out of sight, one smaller width that
    fills the room (never narrower than an amount column's own figures and title)."""
    level = NUMBER_WIDTH
    amounts = sorted((w for w, m in zip(wanted, money, strict=True) if m), reverse=True)
    left = room - sum(w for w, m in zip(wanted, money, strict=True) if not m)
    for wider in range(len(amounts)):
        share = (left - sum(amounts[:wider])) // (len(amounts) - wider)
        if share >= amounts[wider]:
            level = min(level, share)
            break
    else:
        level = 0  # no room even at their own widths: each as wide as it needs
    return [max(w, level) if m else w for w, m in zip(wanted, money, strict=True)]


class ReportsPage(QWidget):
    document_requested = Signal(int)
    payment_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.form = ReportForm(session.locale, session.today,
                               year_start=read_fiscal_year_start(session.book))
        self.request: ReportRequest | None = None  # of the table on screen
        self.loader = Loader(self)
        self.loader.loaded.connect(self._show)
        self.loader.failed.connect(self._failed)
        self.reports = named(QListWidget(), _("Reports"),
                             _("Choose a report; its options and lines are to the right."))
        self.reports.setObjectName("reportList")
        self.reports.addItems([kind.title for kind in KINDS])
        # as wide as its longest name, which another language makes longer ("Balance âgée
        # fournisseurs"), so no name is cut off behind a scroll bar
        self.reports.setFixedWidth(max(150, self.reports.sizeHintForColumn(0)
                                       + 2 * self.reports.frameWidth() + 6))
        self.heading = QLabel()
        self.state = QLabel()
        self.state.setStyleSheet(tone_style(Tone.NOTE))
        self.bar = ReportBar(self.form, _accounts(session))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.settle_button = QPushButton(_("&Settle…"))  # the tax return's payment or refund
        self.settle_button.setObjectName("settleTax")
        self.settle_button.hide()
        self.settle_button.clicked.connect(self.settle_tax)
        self.settle_dialog: SettleTaxDialog | None = None
        self.tax_return: TaxReturn | None = None  # the return on screen, for Settle
        self._said = ""  # what the last settlement did, shown over the next run's notes
        self.model = ReportTableModel(self)
        self.table = self._make_table()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.state)
        top.addStretch(1)
        top.addWidget(self.settle_button)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(top)
        right.addWidget(self.bar)
        right.addWidget(self.table, 1)
        right.addWidget(self.notes)
        layout = QHBoxLayout(self)
        layout.addWidget(self.reports)
        layout.addLayout(right, 1)
        self.reports.currentRowChanged.connect(self._kind_chosen)
        self.bar.run_requested.connect(self.run)
        self.reports.setCurrentRow(0)

    def _make_table(self) -> QTableView:
        table = read_only_table(
            self.model, _("Report"),
            _("The report's lines. Enter on a line opens what makes it up."))
        table.doubleClicked.connect(lambda index: self.drill(index.row()))
        table.installEventFilter(self)
        return table

    @property
    def running(self) -> bool:
        return self.loader.busy

    @property
    def kind(self) -> ReportKind:
        return self.form.kind

    # ---- running -----------------------------------------------------------------------------

    def choose(self, kind: ReportKind) -> None:
        self.reports.setCurrentRow(KINDS.index(kind))

    def _kind_chosen(self, row: int) -> None:
        self.bar.read_form()
        self.form.kind = KINDS[row]
        self.heading.setText(_("<h2 style='margin:0'>{title}</h2>").format(
                                 title=self.form.kind.title))
        self.bar.set_contacts(contact_choices(self.session, self.form.kind.side))
        if self.form.kind is ReportKind.TAX_RETURN:
            self.bar.set_tax_codes(every_code_choice(self.session))
        self.bar.show_form()
        self.clear()
        if self.isVisible():
            self.run()

    def run(self) -> None:
        """Read the parameters and run the report off the GUI thread."""
        self.bar.read_form()
        request = self.form.request()
        self.bar.show_problems()
        if request is None:
            self.clear(_(NOT_RUN))
            return
        self.state.setText(_(RUNNING))
        self.loader.load(partial(run_report, self.session, request))

    def clear(self, state: str = "") -> None:
        """No figures, and no run on its way: what was shown answered other parameters."""
        self.loader.drop()
        self.model.show(None)
        self.request = None
        self.tax_return = None
        self._show_settle()
        self.state.setText(state)
        self.notes.clear()
        self.notes.hide()

    def reload(self) -> None:
        """The page is shown, or the book changed: run the report again."""
        self.run()

    def stop(self) -> None:
        """Before the book closes: no run in progress, no stream left open."""
        self.loader.stop()
        self.model.show(None)

    def _show(self, result: ReportResult) -> None:
        self.state.clear()
        self.request = result.request
        self.model.show(result)
        self._size_columns(result)
        notes = [self._said, *result.notes] if self._said else result.notes
        self._said = ""
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        whole = isinstance(result.report, TaxReturn) and result.request.tax_code_id is None
        self.tax_return = result.report if whole else None
        self._show_settle()
        first = next((row for row, line in enumerate(result.lines) if line.drill), 0)
        if self.model.rowCount():
            self.table.selectRow(first)

    def _failed(self, message: str) -> None:
        self.clear(_(NOT_RUN))
        self.bar.show_problems(_("The report could not be run: {splitlines}").format(
                                   splitlines=message.splitlines()[0]))

    def _size_columns(self, result: ReportResult) -> None:
        """Widths from the first rows (never ``ResizeToContents``: it reads every row); a
        text column too long for ``MAX_WIDTH`` (a description) takes the room left over.
        Amounts share one width, narrower when the table would not fit otherwise."""
        header = self.table.horizontalHeader()
        sample = [*result.lines[:100], *result.footers]
        longest, stretch = MAX_WIDTH, -1
        wanted, money = [], []
        for column, title in enumerate(result.titles):
            chars = max([len(title), *(len(line.cells[column]) for line in sample)])
            money.append(any(isinstance(line.values[column], Money) for line in sample))
            wanted.append(min(MAX_WIDTH, chars * CHAR_PIXELS + 16))
            if not result.numeric[column] and wanted[-1] > longest:
                longest, stretch = wanted[-1], column
        widths = fit_widths(wanted, money, self.table.viewport().width())
        for column, width in enumerate(widths):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        if stretch >= 0:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    # ---- drilling down and exporting ------------------------------------------------------------

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.drill(row)

    def drill(self, row: int) -> None:
        line = self.model.line(row)
        if line is None or line.drill is None or self.request is None:
            return
        self._follow(line.drill, self.request)

    def _follow(self, drill: Drill, request: ReportRequest) -> None:
        if drill.target is Target.DOCUMENT:
            self.document_requested.emit(drill.key)
        elif drill.target is Target.PAYMENT:
            self.payment_requested.emit(drill.key)
        elif drill.target is Target.TAX_CODE:
            self.form.tax_code_id = int(drill.key)
            self.bar.show_form()
            self.run()
        elif drill.target is Target.CONTACT:
            self.form.contact_id, self.form.detail = int(drill.key), True
            self.bar.show_form()
            self.run()
        else:
            self.form.account = str(drill.key)
            self.form.preset = Preset.CUSTOM
            self.form.show_period(ledger_period(request, self.session.today,
                                                self.form.year_start))
            self.bar.show_form()
            if self.form.kind is ReportKind.GENERAL_LEDGER:
                self.run()
            else:
                self.choose(ReportKind.GENERAL_LEDGER)  # runs it

    # ---- settling the tax return ---------------------------------------------------------------

    def _show_settle(self) -> None:
        """Settle… shows with the tax return, and works when the return on screen owes or
        is owed something and its period is not settled yet (its tooltip says why not)."""
        self.settle_button.setVisible(self.form.kind is ReportKind.TAX_RETURN)
        if self.tax_return is None:
            self.settle_button.setEnabled(False)
            self.settle_button.setToolTip(_("Run the tax return of every code first."))
            return
        why_not = SettleTaxForm(self.session, self.tax_return).why_not
        self.settle_button.setEnabled(not why_not)
        self.settle_button.setToolTip(why_not or _("Record the payment (or refund) of this "
                                                   "return, clearing the tax account."))

    def settle_tax(self) -> None:
        if self.tax_return is None:
            return
        self.settle_dialog = SettleTaxDialog(SettleTaxForm(self.session, self.tax_return),
                                             self)
        self.settle_dialog.accepted.connect(self._settled)
        self.settle_dialog.open()

    def _settled(self) -> None:
        if self.settle_dialog is not None:
            self._said = self.settle_dialog.done_text
        self.run()

    def current_export(self) -> Export | None:
        """The report on screen, with the parameters it ran with."""
        if self.request is None:
            return None
        return report_export(self.session, self.request)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_current()
            return True
        return super().eventFilter(watched, event)


def _accounts(session: Session) -> list[tuple[str, str]]:
    with session.book.read() as tx:
        accounts = tx.accounts()
    return [(code, accounts[code].name) for code in sorted(accounts)]
