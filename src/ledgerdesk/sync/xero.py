"""The Xero gateway: push one outbox row to the Accounting API, never twice.

Create: if an earlier attempt went unanswered, look the payment up by its reference (which
carries the row's permanent token) first; read the invoice's amount due and stop with
"needs you" if ours would overpay it; commit the attempt, then ``POST /Payments`` with an
``Idempotency-Key`` derived from the token and a series number.  The same key is resent
only inside its window (Xero honours it for about six minutes; we use five), and never
after a 5xx, since Xero replays a cached error to the same key.
Delete: ``POST /Payments/{id}`` with ``{"Status": "DELETED"}``, after checking it is not
deleted already.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ledgerdesk.domain.money import Money
from ledgerdesk.domain.sync import Connection, OutboxAction, OutboxItem, OutboxState
from ledgerdesk.services.sync_ports import AttemptLog, PushJob, PushOutcome, RemoteDocument
from ledgerdesk.sync.clock import Clock
from ledgerdesk.sync.credentials import SecretUnavailable
from ledgerdesk.sync.http import Answer, NoAnswer, RateLimited, RemoteClient, SignInFailed
from ledgerdesk.sync.xero_models import (
    AccountRef,
    InvoiceRef,
    PaymentCreate,
    PaymentDelete,
    error_text,
    first,
)
from ledgerdesk.sync.xero_outcomes import created, needs_you, refused, unanswered

KEY_WINDOW = dt.timedelta(minutes=5)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def payment_reference(item: OutboxItem) -> str:
    """The payment's Reference in Xero: the user's reference plus the row's token."""
    own = item.reference.replace('"', "'").strip()[:200]
    return f"{own} ld:{item.client_token}".strip()


class XeroGateway:
    def __init__(self, connection: Connection, client: RemoteClient, clock: Clock) -> None:
        self.connection = connection
        self._client = client
        self._clock = clock
        self._api = connection.base_url.rstrip("/")
        self._tenant = connection.remote_ids.get("tenant", "")

    # --- the PaymentGateway port ------------------------------------------------------------
    def find_document(self, number: str) -> RemoteDocument | None:
        answer = self._get("/Invoices", params={"InvoiceNumbers": number})
        found = first(answer.body, "Invoices")
        if found is None or found.get("InvoiceNumber") != number:
            return None
        return self._document(found)

    def push(self, job: PushJob, log: AttemptLog) -> PushOutcome:
        try:
            if job.item.action is OutboxAction.CREATE:
                return self._create(job, log)
            return self._delete(job, log)
        except (SignInFailed, SecretUnavailable) as exc:
            return PushOutcome(OutboxState.FAILED, user_message=f"{exc} "
                               "Run `ledgerdesk connect xero` again.", stop=True)
        except RateLimited as exc:
            return PushOutcome(OutboxState.FAILED, user_message=str(exc), stop=True)
        except NoAnswer as exc:
            return unanswered(str(exc))

    # --- create -----------------------------------------------------------------------------
    def _create(self, job: PushJob, log: AttemptLog) -> PushOutcome:
        item, reference = job.item, payment_reference(job.item)
        body = PaymentCreate(
            Invoice=InvoiceRef(InvoiceID=job.remote_document_id),
            Account=_account(job.remote_account), Amount=item.amount.amount,
            Date=item.date.isoformat(), Reference=reference,
        ).body()
        unknown, reuse_key, last = item.attempts > 0, True, ""
        for failure in range(self._client.policy.tries):
            if unknown:
                found = self._find_payment(reference)
                if found:
                    return created(found, "Found in Xero after an unanswered attempt.")
            problem = self._cannot_pay(job)
            if problem is not None:
                return problem
            item = log.started(item, *self._key(item, reuse_key))
            try:
                answer = self._post("/Payments", body, item.idempotency_key())
            except NoAnswer as exc:
                unknown, reuse_key, last = True, True, str(exc)
                self._client.backoff(failure + 1)
                continue
            if answer.ok:
                payment = first(answer.body, "Payments") or {}
                return created(str(payment.get("PaymentID", "")))
            if answer.status < 500:
                return refused(job.document_number, answer.status, error_text(answer.body))
            unknown, reuse_key = True, False  # a cached 5xx would be replayed to the same key
            last = f"HTTP {answer.status} {error_text(answer.body)}".strip()
            self._client.backoff(failure + 1)
        return unanswered(last)

    def _cannot_pay(self, job: PushJob) -> PushOutcome | None:
        answer = self._get(f"/Invoices/{job.remote_document_id}", missing_ok=True)
        found = first(answer.body, "Invoices") if answer.ok else None
        if found is None:
            return needs_you(f"The Xero invoice linked to {job.document_number} was not found; "
                             "link it again.", error_text(answer.body))
        document = self._document(found, job.item.amount.currency)
        amount = job.item.amount
        if not document.is_open:
            return needs_you(f"{job.document_number} is {document.status} in Xero; payments "
                             "go only on authorised invoices. Authorise it there, then retry.")
        if document.amount_due is not None and document.amount_due < amount:
            return needs_you(
                f"{job.document_number} has {document.amount_due} due in Xero, but this "
                f"payment puts {amount} on it: it would overpay, so it was not sent. Check "
                "the payments already entered in Xero, then retry, or void it here."
            )
        return None

    def _key(self, item: OutboxItem, reuse: bool) -> tuple[int, dt.datetime]:
        now = self._clock.now()
        first_used = item.key_first_used
        if reuse and first_used is not None and now - first_used < KEY_WINDOW:
            return item.key_series, first_used
        return item.key_series + 1, now

    def _find_payment(self, reference: str) -> str:
        answer = self._get("/Payments", params={"where": f'Reference=="{reference}"'})
        payments = answer.body.get("Payments", []) if answer.body else []
        for payment in payments:
            if payment.get("Reference") == reference and payment.get("Status") != "DELETED":
                return str(payment.get("PaymentID", ""))
        return ""

    # --- delete -----------------------------------------------------------------------------
    def _delete(self, job: PushJob, log: AttemptLog) -> PushOutcome:
        creates = job.creates
        target = creates.remote_id if creates else ""
        if not target and creates is not None:
            target = self._find_payment(payment_reference(creates))
        if not target:
            return created("", "Nothing to delete: Xero never received this payment.")
        item, last, reuse_key = job.item, "", True
        for failure in range(self._client.policy.tries):
            answer = self._get(f"/Payments/{target}", missing_ok=True)
            current = first(answer.body, "Payments") if answer.ok else None
            if current is not None and current.get("Status") == "DELETED":
                return created(target, "Deleted in Xero.")
            item = log.started(item, *self._key(item, reuse_key))
            try:
                answer = self._post(f"/Payments/{target}", PaymentDelete().body(),
                                    item.idempotency_key())
            except NoAnswer as exc:
                last = str(exc)
                self._client.backoff(failure + 1)
                continue
            if answer.ok:
                return created(target, "Deleted in Xero.")
            if answer.status < 500:
                return refused(job.document_number, answer.status, error_text(answer.body))
            reuse_key = False
            last = f"HTTP {answer.status} {error_text(answer.body)}".strip()
            self._client.backoff(failure + 1)
        return unanswered(last)

    # --- plumbing ---------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        return {"xero-tenant-id": self._tenant}

    def _get(self, path: str, params: dict[str, str] | None = None,
             missing_ok: bool = False) -> Answer:
        """A read; one that still fails after the retries is "no answer", never "not there",
        since a failed look-up taken for "not there" would post the payment twice."""
        answer = self._client.call("GET", self._api + path, headers=self._headers(),
                                   params=params, safe=True)
        if not answer.ok and not (missing_ok and answer.status == 404):
            detail = error_text(answer.body)
            raise NoAnswer(f"GET {path}: HTTP {answer.status} {detail}".strip())
        return answer

    def _post(self, path: str, body: dict, key: str) -> Answer:
        headers = {**self._headers(), "Idempotency-Key": key}
        return self._client.call("POST", self._api + path, body=body, headers=headers,
                                 safe=False)

    def _document(self, found: dict, currency: str | None = None) -> RemoteDocument:
        status = str(found.get("Status", ""))
        due = found.get("AmountDue")
        code = currency or str(found.get("CurrencyCode") or "XXX")
        amount_due = Money(Decimal(str(due)), code) if due is not None else None
        return RemoteDocument(str(found.get("InvoiceID", "")), str(found.get("InvoiceNumber", "")),
                              status, status == "AUTHORISED", amount_due)


def _account(remote: str) -> AccountRef:
    return AccountRef(AccountID=remote) if _UUID.fullmatch(remote) else AccountRef(Code=remote)
