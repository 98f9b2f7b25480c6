"""The one guard every void passes: a record whose bank posting a standing reconciliation
cleared is not voided (``domain.reconciliation.Cleared``, naming the reconciliation).

Called inside the void's own write transaction, after the lock's guard (the older rule
speaks first), by every use case that voids a record: payments, documents and manual
journals (tax settlements are never voided).  The window's Void and Undo and the command
line's ``void`` all reach one of those, so none can go round it; a database trigger
refuses the same, should anything else try.
"""

from __future__ import annotations

from typing import Any, Protocol

from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.reconciliation import Cleared, Reconciliation


class ClearedReads(Protocol):
    def cleared_in(self, source_type: SourceType, source_id: int) -> Reconciliation | None: ...


def refuse_if_cleared(tx: Any, source_type: SourceType, source_id: int, what: str) -> None:
    """Raise ``Cleared`` when a standing reconciliation clears a posting of the record;
    ``what`` names it as the refusal will: ``PAY-00017``, ``INV-00012``, ``JNL-00003``."""
    reads: ClearedReads = tx  # storage's transaction; the Transaction port lacks it
    found = reads.cleared_in(source_type, source_id)
    if found is not None:
        raise Cleared(what, found)
