"""The create and delete loops every provider shares: the "never post twice" protocol.

Create: after an unanswered attempt, look the payment up before anything else; read the
remote document and stop with "needs you" if the payment would overpay it; commit the
attempt to the book; post.  No answer: back off and go round (look-up first).  A 5xx: the
same, but with a new idempotency key where the provider has keys.  A 4xx: needs you.
Delete: find the remote payment (by id, or by look-up), stop if it is gone, else delete.
A provider supplies the ``Steps``; ``push`` turns the connection's own failures (signed
out, a long rate limit, no answer at all) into a stopped or failed row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Protocol

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import Connection, OutboxAction, OutboxItem
from ledgerdesk.services.sync_ports import AttemptLog, PushJob, PushOutcome
from ledgerdesk.sync.clock import Clock
from ledgerdesk.sync.credentials import SecretUnavailable
from ledgerdesk.sync.http import (
    Answer,
    CannotSend,
    NoAnswer,
    RateLimited,
    RemoteClient,
    SignInFailed,
    SignInUnanswered,
)
from ledgerdesk.sync.outcomes import created, refused, stopped, unanswered
from ledgerdesk.sync.remote_text import error_text
from ledgerdesk.sync.scrub import scrub


class Steps(Protocol):
    provider: str  # for messages: "Xero"
    command: str  # for `ledgerdesk connect ...` hints: "xero"
    client: RemoteClient

    def find_existing(self, created_row: OutboxItem, job: PushJob) -> str: ...  # remote id
    def cannot_pay(self, job: PushJob) -> PushOutcome | None: ...
    def key(self, item: OutboxItem, reuse: bool) -> tuple[int, dt.datetime]: ...
    def post(self, job: PushJob, item: OutboxItem) -> Answer: ...
    def created_id(self, job: PushJob, answer: Answer) -> str: ...
    def is_gone(self, remote_id: str, job: PushJob) -> bool: ...
    def remove(self, remote_id: str, job: PushJob, item: OutboxItem) -> Answer: ...
    def refused(self, job: PushJob, answer: Answer) -> PushOutcome: ...


class Gateway:
    """What every provider's gateway shares: the ``PaymentGateway`` port on ``push``, and
    the defaults of ``Steps`` for a remote without idempotency keys."""

    provider = ""
    command = ""
    needs_bank_account = False
    takes_foreign_currency = False
    finds_by_number = True
    reads_amount_due = True

    def __init__(self, connection: Connection, client: RemoteClient, clock: Clock) -> None:
        self.connection = connection
        self.client = client
        self.clock = clock

    def push(self, job: PushJob, log: AttemptLog) -> PushOutcome:
        return push(self, job, log)  # type: ignore[arg-type]

    def key(self, item: OutboxItem, reuse: bool) -> tuple[int, dt.datetime]:
        return item.key_series, self.clock.now()  # no keys: the look-up is the protection

    def refused(self, job: PushJob, answer: Answer) -> PushOutcome:
        return refused(self.provider, job.document_number, answer.status,
                       error_text(answer.body))


def push(steps: Steps, job: PushJob, log: AttemptLog) -> PushOutcome:
    """One row pushed; what the book keeps of it is scrubbed here once more, whatever step
    wrote it (the remote's words, a remote id, a failure's message)."""
    outcome = _push(steps, job, log)
    return dataclasses.replace(outcome, user_message=scrub(outcome.user_message),
                               remote_message=scrub(outcome.remote_message),
                               remote_id=scrub(outcome.remote_id))


def _push(steps: Steps, job: PushJob, log: AttemptLog) -> PushOutcome:
    try:
        if job.item.action is OutboxAction.CREATE:
            return create_once(steps, job, log)
        return delete_once(steps, job, log)
    except SignInUnanswered as exc:  # unreachable, not signed out: connecting again won't help
        return stopped(_("{exc} Nothing was sent; sync again when it answers.").format(exc=exc), "")
    except CannotSend as exc:  # says what to correct; connecting again is not it
        return stopped(str(exc), "")
    except (SignInFailed, SecretUnavailable) as exc:
        return stopped(str(exc), steps.command)
    except RateLimited as exc:
        return stopped(str(exc), "")
    except NoAnswer as exc:
        return unanswered(steps.provider, str(exc))


def create_once(steps: Steps, job: PushJob, log: AttemptLog) -> PushOutcome:
    item = job.item
    unknown, reuse_key, last = item.attempts > 0, True, ""
    for failure in range(steps.client.policy.tries):
        if unknown:
            found = steps.find_existing(item, job)
            if found:
                return created(found, _("Found in {provider} after an unanswered attempt.").format(
                                          provider=steps.provider))
        problem = steps.cannot_pay(job)
        if problem is not None:
            return problem
        item = log.started(item, *steps.key(item, reuse_key))
        try:
            answer = steps.post(job, item)
        except NoAnswer as exc:
            unknown, reuse_key, last = True, True, str(exc)
            steps.client.backoff(failure + 1)
            continue
        if answer.ok:
            return created(steps.created_id(job, answer))
        if answer.status < 500:
            return steps.refused(job, answer)
        unknown, reuse_key, last = True, False, _status_text(answer)  # keys replay errors
        steps.client.backoff(failure + 1)
    return unanswered(steps.provider, last)


def delete_once(steps: Steps, job: PushJob, log: AttemptLog) -> PushOutcome:
    creates = job.creates
    target = creates.remote_id if creates else ""
    if not target and creates is not None:
        target = steps.find_existing(creates, job)
    if not target:
        return created("", _("Nothing to delete: {provider} never received this payment.").format(
                               provider=steps.provider))
    item, last, reuse_key = job.item, "", True
    for failure in range(steps.client.policy.tries):
        if steps.is_gone(target, job):
            return created(target, _("Deleted in {provider}.").format(provider=steps.provider))
        item = log.started(item, *steps.key(item, reuse_key))
        try:
            answer = steps.remove(target, job, item)
        except NoAnswer as exc:
            last = str(exc)
            steps.client.backoff(failure + 1)
            continue
        if answer.ok or answer.status == 404:
            return created(target, _("Deleted in {provider}.").format(provider=steps.provider))
        if answer.status < 500:
            return steps.refused(job, answer)
        reuse_key, last = False, _status_text(answer)
        steps.client.backoff(failure + 1)
    return unanswered(steps.provider, last)


def _status_text(answer: Answer) -> str:
    return _("HTTP {status} {error_text}").format(
               status=answer.status, error_text=error_text(answer.body)).strip()
