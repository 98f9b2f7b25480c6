"""How a push ended, in the user's words and the remote's (shown beside the payment)."""

from __future__ import annotations

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.services.sync_ports import PushOutcome

OVERPAY_WORDS = ("exceeds the amount outstanding", "exceeds invoice balance", "overpay")


def created(remote_id: str, note: str = "") -> PushOutcome:
    return PushOutcome(OutboxState.SENT, remote_id=remote_id, user_message=note)


def needs_you(message: str, remote: str = "") -> PushOutcome:
    return PushOutcome(OutboxState.NEEDS_YOU, user_message=message, remote_message=remote)


def unanswered(provider: str, last: str) -> PushOutcome:
    return PushOutcome(
        OutboxState.FAILED, remote_message=last,
        user_message=_("{provider} did not answer; the next sync looks the payment up and tries "
                       "again.").format(provider=provider),
    )


def stopped(message: str, provider_command: str) -> PushOutcome:
    """The connection itself failed: signed out, or a long rate limit.  Ends the run."""
    hint = _(" Run `ledgerdesk connect {provider_command}` again.").format(
               provider_command=provider_command) if provider_command else ""
    return PushOutcome(OutboxState.FAILED, user_message=f"{message}{hint}", stop=True)


def refused(provider: str, number: str, status: int, remote: str) -> PushOutcome:
    """A 4xx: the remote will refuse the same request again, so a person must act."""
    if any(words in remote.lower() for words in OVERPAY_WORDS):
        words = (_("{provider} says this payment would overpay {number}: check the payments "
                   "already entered there, then retry, or void it here.").format(
                     provider=provider, number=number))
    elif status == 403:
        words = _("{provider} refused access; check the connection's ids and permissions.").format(
                    provider=provider)
    else:
        words = _("{provider} refused this payment on {number}; fix what it says, then "
                  "retry.").format(
                    provider=provider, number=number)
    return needs_you(words, remote or _("HTTP {status}").format(status=status))


def overpays(provider: str, number: str, due: object, amount: object) -> PushOutcome:
    return needs_you(
        _("{number} has {due} due in {provider}, but this payment puts {amount} on it: it would "
          "overpay, so it was not sent. Check the payments already entered in {provider}, then "
          "retry, or void it here.").format(
            number=number, due=due, provider=provider, amount=amount)
    )
