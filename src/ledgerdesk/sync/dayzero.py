"""The DayZero gateway: bill payments, on the shared never-twice loops (``push_loop``).

A DayZero payment needs the bank transaction it came from (``transaction_id``): the user
matches it (a BANK_TRANSACTION link on the payment), and the pair (bill, transaction) is
the natural key the look-up uses.  DayZero offers no way to read a bill's amount due nor to
find a bill by number, so bills are linked by id and an overpayment is refused by DayZero
itself (a 400, shown as "needs you" in DayZero's words); nothing is created by a refusal.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import Connection, OutboxItem
from ledgerdesk.services.sync_ports import PushJob, PushOutcome, RemoteDocument
from ledgerdesk.sync import push_loop
from ledgerdesk.sync.clock import Clock
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.http import Answer, NoAnswer, RemoteClient, SignInFailed
from ledgerdesk.sync.outcomes import created, needs_you
from ledgerdesk.sync.remote_text import error_text

TOKEN = "token"
PAGE_SIZE = 100


class DayZeroPayment(BaseModel):
    """``POST /api/v1/bills/{bill_id}/payments`` (``extra="forbid"``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    transaction_id: uuid.UUID
    amount: Annotated[int, Field(gt=0, strict=True)]  # cents
    paid_on: str | None = Field(default=None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$")


class BearerAuth:
    """A long-lived API token (``dz_...``) from the keyring; it cannot be refreshed."""

    def __init__(self, store: SecretStore) -> None:
        self._store = store

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._store.get(TOKEN).reveal()}"}

    def refresh(self) -> None:
        raise SignInFailed(_("DayZero refused the API token."))


def unwrapped(body: Any) -> Any:
    """DayZero's answers come bare or as ``{success, message, code, data}``: accept both."""
    if isinstance(body, dict) and "data" in body and ("success" in body or "code" in body):
        return body["data"]
    return body


class DayZeroGateway(push_loop.Gateway):
    provider = "DayZero"
    command = "dayzero"
    finds_by_number = False
    reads_amount_due = False

    def __init__(self, connection: Connection, client: RemoteClient, clock: Clock) -> None:
        super().__init__(connection, client, clock)
        self._bills = f"{connection.base_url.rstrip('/')}/api/v1/bills"
        self._business = connection.remote_ids.get("business", "")

    def find_document(self, number: str) -> RemoteDocument | None:
        return None  # DayZero has no such look-up (finds_by_number): bills are linked by id

    # --- push_loop.Steps --------------------------------------------------------------------
    def find_existing(self, created_row: OutboxItem, job: PushJob) -> str:
        for payment in self._payments(job.remote_document_id):
            if (str(payment.get("transaction_id")) == job.remote_transaction
                    and payment.get("amount") == created_row.amount.minor_units):
                return str(payment.get("id", ""))
        return ""

    def cannot_pay(self, job: PushJob) -> PushOutcome | None:
        payment = job.item.payment_id
        if not job.remote_transaction:
            return needs_you(_("Match payment {payment} to the DayZero bank transaction it came "
                               "from (ledgerdesk link PATH --payment {payment}=TRANSACTION_ID), "
                               "then sync again.").format(payment=payment))
        try:
            uuid.UUID(job.remote_transaction)
        except ValueError:  # the link takes any text; post() would raise it as a traceback
            return needs_you(_("Payment {payment} is matched to {remote_transaction!r}, which "
                               "is not a DayZero transaction id (a UUID, like "
                               "0f8fad5b-d9cb-469f-a165-70867728950e); match it again with "
                               "ledgerdesk link PATH --payment {payment}=TRANSACTION_ID, then "
                               "sync again.").format(
                                 payment=payment, remote_transaction=job.remote_transaction))
        return None  # DayZero cannot tell us a bill's amount due: it refuses an overpayment

    def post(self, job: PushJob, item: OutboxItem) -> Answer:
        body = DayZeroPayment(transaction_id=uuid.UUID(job.remote_transaction),
                              amount=item.amount.minor_units,
                              paid_on=f"{item.date.isoformat()}T12:00:00Z")
        return self.client.call("POST", f"{self._bills}/{job.remote_document_id}/payments",
                                body=body.model_dump(mode="json"), headers=self._headers(),
                                safe=False)

    def created_id(self, job: PushJob, answer: Answer) -> str:
        payment = unwrapped(answer.body)
        return str(payment.get("id", "")) if isinstance(payment, dict) else ""

    def is_gone(self, remote_id: str, job: PushJob) -> bool:
        return all(str(p.get("id")) != remote_id for p in self._payments(job.remote_document_id))

    def remove(self, remote_id: str, job: PushJob, item: OutboxItem) -> Answer:
        return self.client.call(
            "DELETE", f"{self._bills}/{job.remote_document_id}/payments/{remote_id}",
            headers=self._headers(), safe=False)

    def refused(self, job: PushJob, answer: Answer) -> PushOutcome:
        if answer.status == 409:  # (bill, transaction) already paid: ours arrived after all
            found = self.find_existing(job.item, job)
            if found:
                return created(found, _("Found in DayZero after an unanswered attempt."))
        return super().refused(job, answer)

    # --- plumbing ---------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        return {"x-business-id": self._business}

    def _payments(self, bill_id: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        params = {"limit": str(PAGE_SIZE)}
        for _page in range(1000):
            answer = self.client.call("GET", f"{self._bills}/{bill_id}/payments",
                                      params=params, headers=self._headers(), safe=True)
            if not answer.ok:
                raise NoAnswer(_("GET bill payments: HTTP {status} {error_text}").format(
                                   status=answer.status,
                                       error_text=error_text(answer.body)).strip())
            page = unwrapped(answer.body)
            items = page.get("items", []) if isinstance(page, dict) else page or []
            found += [p for p in items if isinstance(p, dict)]
            cursor = page.get("next_cursor") if isinstance(page, dict) else None
            if not cursor:
                break
            params = {"limit": str(PAGE_SIZE), "cursor": str(cursor)}
        return found
