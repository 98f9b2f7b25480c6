"""How a push ended, in the user's words and the remote's (shown beside the payment)."""

from __future__ import annotations

from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.services.sync_ports import PushOutcome

OVERPAY = "exceeds the amount outstanding"


def created(remote_id: str, note: str = "") -> PushOutcome:
    return PushOutcome(OutboxState.SENT, remote_id=remote_id, user_message=note)


def needs_you(message: str, remote: str = "") -> PushOutcome:
    return PushOutcome(OutboxState.NEEDS_YOU, user_message=message, remote_message=remote)


def unanswered(last: str) -> PushOutcome:
    return PushOutcome(
        OutboxState.FAILED, remote_message=last,
        user_message="Xero did not answer; the next sync looks the payment up and tries again.",
    )


def refused(number: str, status: int, remote: str) -> PushOutcome:
    """A 4xx: the remote will refuse the same request again, so a person must act."""
    if OVERPAY in remote.lower():
        words = (f"Xero says this payment would overpay {number}: check the payments already "
                 "entered there, then retry, or void it here.")
    elif status == 403:
        words = "Xero refused access to this organisation; check the tenant and the scopes."
    else:
        words = f"Xero refused this payment on {number}; fix what it says, then retry."
    return needs_you(words, remote or f"HTTP {status}")
