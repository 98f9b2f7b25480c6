"""The sync screens for ``screenshots``, on a book whose outbox holds every state
(``app.sync_sample``): the Sync panel, a payment that needs you, the connections, adding one,
and a linked invoice."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QDialog

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.payment_detail import PaymentView
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.sync_status import outbox_entries
from ledgerdesk.ui.connection_form import ConnectionFormDialog
from ledgerdesk.ui.connections_dialog import ConnectionsDialog
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.editors.payment_detail_dialog import PaymentDetailDialog
from ledgerdesk.ui.link_dialog import LinkDialog
from ledgerdesk.ui.main_window import MainWindow


def sync_dialogs(session: Session, window: MainWindow) -> Iterator[tuple[str, QDialog]]:
    entries = outbox_entries(session.book)
    stuck = next(e for e in entries if e.item.state is OutboxState.NEEDS_YOU)
    yield "31-payment-needs-you", PaymentDetailDialog(PaymentView(session, stuck.item.payment_id),
                                                      window)
    yield "32-connections", ConnectionsDialog(session, window.remotes, window)
    if window.remotes is not None:
        form = ConnectionFormDialog(session, window.remotes, window)
        form.edits["remote_id"].setText("6f2b4d1e-3c0a-4e55-9a61-0c2f5b7d8e90")
        form.edits["client_id"].setText("9C1E0D7A5B")
        form.edits["secret"].setText("not-a-real-token")
        yield "33-add-connection", form
    linked = DocumentEditor(session, DocumentKind.SALES_INVOICE, stuck.item.document_id)
    yield "34-linked-invoice", DocumentDialog(linked, window)
    number = linked.number or "INV"
    yield "34-link-to-remote", LinkDialog(session, window.remotes, number, window)
