"""The Sync panel and Settings > Connections without Qt: rows in words, what each row allows.

A row's message is the user's words first, then the remote's own words, so a person can act
on it and still quote it to the remote's support.  Secrets never reach here: a
``Connection`` holds only a keyring reference, and that is never shown either; the remote's
words were scrubbed by ``sync`` before the book kept them (an echoed secret reads
``[hidden]``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.sync import Connection, OutboxAction, OutboxState
from ledgerdesk.presentation.amount_format import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.sync_admin import Resolution
from ledgerdesk.services.sync_status import OutboxEntry, outbox_entries, payment_state

#: How each state reads in a list, and the mark the payments show.
STATE_TEXT = Translated({OutboxState.PENDING: N_("Pending"), OutboxState.SENT: N_("Sent"),
                         OutboxState.FAILED: N_("Failed"), OutboxState.NEEDS_YOU: N_("Needs you"),
                         OutboxState.CANCELLED: N_("Cancelled")})
STATE_MARK = {OutboxState.PENDING: "◷", OutboxState.SENT: "✓", OutboxState.FAILED: "✗",
              OutboxState.NEEDS_YOU: "⚠", OutboxState.CANCELLED: "–"}


def state_words(state: OutboxState | None) -> str:
    return _("Not synced") if state is None else f"{STATE_MARK[state]} {STATE_TEXT[state]}"


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """One row of the Sync panel (``ui.models.read_rows.OutboxColumn`` names the fields)."""

    id: int
    state: str
    service: str
    payment: str
    document: str
    action: str
    amount: str
    date: str
    message: str
    outbox_state: OutboxState

    @property
    def resolutions(self) -> tuple[Resolution, ...]:
        if self.outbox_state in (OutboxState.FAILED, OutboxState.NEEDS_YOU):
            return tuple(Resolution)
        if self.outbox_state is OutboxState.PENDING:
            return (Resolution.CANCEL,)
        return ()


def message_of(entry: OutboxEntry) -> str:
    item = entry.item
    parts = [item.user_message] if item.user_message else []
    if item.remote_message and item.remote_message != item.user_message:
        parts.append(_("{label} said: “{remote_message}”").format(
                         label=entry.connection.provider.label,
                         remote_message=item.remote_message))
    if not parts and item.remote_id and item.state is OutboxState.SENT:
        parts.append(_("Remote id {remote_id}").format(remote_id=item.remote_id))
    return " — ".join(parts)


class SyncPanel:
    """The outbox as rows, newest first; ``counts`` sums them up for the panel's heading."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.money = AmountFormatter(session.locale, session.currency)
        self.dates = DateFormatter(session.locale)
        self.rows: list[OutboxRow] = []

    def reload(self) -> list[OutboxRow]:
        self.rows = [self.row(entry) for entry in outbox_entries(self.session.book)]
        return self.rows

    def row(self, entry: OutboxEntry) -> OutboxRow:
        item = entry.item
        assert item.id is not None
        return OutboxRow(
            item.id, state_words(item.state), entry.connection.provider.label,
            entry.payment_number, entry.document_number,
            _("Delete") if item.action is OutboxAction.DELETE else _("Payment"),
            self.money.format(item.amount.amount),
            self.dates.short(item.date), message_of(entry), item.state)

    def summary(self) -> str:
        if not self.rows:
            return (_("Nothing is queued. Payments on invoices or bills linked to a connection are "
                      "queued here when they are recorded."))
        counts = {state: sum(r.outbox_state is state for r in self.rows) for state in OutboxState}
        parts = [f"{counts[s]} {STATE_TEXT[s].lower()}" for s in OutboxState if counts[s]]
        return ", ".join(parts) + "."


@dataclass(frozen=True, slots=True)
class ConnectionRow:
    """One connection as Settings > Connections lists it: never a secret."""

    service: str
    base_url: str
    remote_ids: str
    state: str
    connection: Connection


def connection_row(connection: Connection) -> ConnectionRow:
    ids = ", ".join(f"{name} {value}" for name, value in connection.remote_ids.items())
    if connection.options.get("scopes"):
        ids = _("{ids}; scopes "
                "{options}").format(ids=ids, options=connection.options['scopes']).lstrip("; ")
    return ConnectionRow(connection.provider.label, connection.base_url, ids or "—",
                         connection.label or _("Not tested yet"), connection)


def payment_sync_text(session: Session, payment_id: int) -> str:
    """A payment's sync state for its detail: the summing-up state, then each push."""
    entries = outbox_entries(session.book, payment_id=payment_id)
    if not entries:
        return _("Not synced: none of its documents is linked to a remote service.")
    lines = [state_words(payment_state(entries))]
    for entry in reversed(entries):
        text = (_("{service} delete for {number}: {state}") if entry.item.action is
                OutboxAction.DELETE else _("{service} push for {number}: {state}"))
        message = message_of(entry)
        lines.append(text.format(service=entry.connection.provider.label,
                                 number=entry.document_number,
                                 state=STATE_TEXT[entry.item.state].lower())
                     + (f" — {message}" if message else ""))
    return "\n".join(lines)
