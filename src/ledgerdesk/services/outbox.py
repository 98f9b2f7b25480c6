"""The transactional outbox: what recording or voiding a payment queues for the remotes.

Called by ``services.payments`` inside the payment's own write transaction, so a payment and
the rows that push it commit (or roll back) together.  One CREATE row per linked document a
payment allocates to, per connection; a void cancels rows that never left the book and
queues a DELETE for anything that did (or may have).
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import cast

from ledgerdesk.domain.payments import Payment
from ledgerdesk.domain.sync import OutboxAction, OutboxItem, OutboxState
from ledgerdesk.services.ports import Transaction
from ledgerdesk.services.sync_ports import SyncTransaction

VOIDED_BEFORE_SENT = "Voided here before it was sent; nothing to do remotely."
VOIDED_AFTER_TRY = "Voided here; any copy the remote kept is deleted by the next sync."


def enqueue_payment(tx: Transaction, payment: Payment) -> list[int]:
    """Queue a CREATE for every allocation of ``payment`` to a linked document."""
    assert payment.id is not None
    sync = cast(SyncTransaction, tx)
    amounts = {a.document_id: a.amount for a in payment.allocations}
    ids = []
    for link in sync.links_to_documents(amounts):
        document_id = int(link.local_key)
        ids.append(sync.add_outbox(OutboxItem(
            connection_id=link.connection_id, payment_id=payment.id, document_id=document_id,
            action=OutboxAction.CREATE, amount=amounts[document_id], date=payment.date,
            client_token=uuid.uuid4().hex, reference=payment.reference,
        )))
    return ids


def enqueue_void(tx: Transaction, payment_id: int) -> list[int]:
    """Cancel the payment's unsent CREATE rows; queue a DELETE for any that may have arrived."""
    sync = cast(SyncTransaction, tx)
    rows = sync.outbox_of_payment(payment_id)
    undone = {row.creates_id for row in rows if row.action is OutboxAction.DELETE}
    ids = []
    for row in rows:
        if row.action is not OutboxAction.CREATE or row.id in undone:
            continue
        if row.state is OutboxState.CANCELLED:
            continue
        if row.state is not OutboxState.SENT and row.attempts == 0:
            sync.save_outbox(dataclasses.replace(
                row, state=OutboxState.CANCELLED, user_message=VOIDED_BEFORE_SENT))
            continue
        if row.state is not OutboxState.SENT:
            sync.save_outbox(dataclasses.replace(
                row, state=OutboxState.CANCELLED, user_message=VOIDED_AFTER_TRY))
        ids.append(sync.add_outbox(dataclasses.replace(
            row, action=OutboxAction.DELETE, state=OutboxState.PENDING, attempts=0,
            user_message="", remote_message="", key_series=0, key_first_used=None,
            client_token=uuid.uuid4().hex, creates_id=row.id, id=None,
        )))
    return ids
