"""The Clockify gateway: invoice payments, on the shared never-twice loops (``push_loop``).

Clockify has no idempotency header and its 201 answers with the invoice, not the payment,
so the row's token goes in the payment's ``note``: the look-up pages through the invoice's
payments for it, both after an unanswered attempt and to learn the new payment's id.
Amounts are integer cents; the invoice's ``balance`` is read before posting.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.sync import Connection, OutboxItem
from ledgerdesk.services.sync_ports import PushJob, PushOutcome, RemoteDocument
from ledgerdesk.sync import push_loop
from ledgerdesk.sync.clock import Clock
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.http import Answer, NoAnswer, RemoteClient, SignInFailed
from ledgerdesk.sync.outcomes import needs_you, overpays
from ledgerdesk.sync.remote_text import error_text, said

API_KEY = "api_key"
PAGE_SIZE = 50
CLOSED = ("VOID", "PAID")


class ClockifyPayment(BaseModel):
    """``POST .../invoices/{invoiceId}/payments`` (``extra="forbid"``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    amount: Annotated[int, Field(ge=1, strict=True)]  # cents
    note: str = Field(max_length=1000)
    paymentDate: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$")


def payment_note(item: OutboxItem) -> str:
    return f"{item.reference.strip()[:200]} ld:{item.client_token}".strip()


class ApiKeyAuth:
    """``X-Api-Key`` from the keyring; an API key cannot be refreshed."""

    def __init__(self, store: SecretStore) -> None:
        self._store = store

    def headers(self) -> dict[str, str]:
        return {"X-Api-Key": self._store.get(API_KEY).reveal()}

    def refresh(self) -> None:
        raise SignInFailed(_("Clockify refused the API key."))


class ClockifyGateway(push_loop.Gateway):
    provider = "Clockify"
    command = "clockify"

    def __init__(self, connection: Connection, client: RemoteClient, clock: Clock) -> None:
        super().__init__(connection, client, clock)
        workspace = connection.remote_ids.get("workspace", "")
        self._invoices = f"{connection.base_url.rstrip('/')}/workspaces/{workspace}/invoices"

    def find_document(self, number: str) -> RemoteDocument | None:
        for page in range(1, 1000):
            body = self._get("", {"page": str(page), "page-size": str(PAGE_SIZE)}).body
            invoices = body.get("invoices", []) if isinstance(body, dict) else body or []
            for invoice in invoices:
                if invoice.get("number") == number:
                    return self._document(invoice)
            if len(invoices) < PAGE_SIZE:
                return None
        return None

    # --- push_loop.Steps --------------------------------------------------------------------
    def find_existing(self, created_row: OutboxItem, job: PushJob) -> str:
        note = payment_note(created_row)
        for payment in self._payments(job.remote_document_id):
            if payment.get("note") == note:
                return str(payment.get("id", ""))
        return ""

    def cannot_pay(self, job: PushJob) -> PushOutcome | None:
        answer = self._get(f"/{job.remote_document_id}", missing_ok=True)
        if not answer.ok or not isinstance(answer.body, dict):
            return needs_you(_("The Clockify invoice linked to {document_number} was not found; "
                               "link it again.").format(document_number=job.document_number),
                                   error_text(answer.body))
        document = self._document(answer.body, job.item.amount.currency)
        if document.status == "VOID":
            return needs_you(_("{document_number} is void in Clockify; nothing can be paid on "
                               "it there.").format(document_number=job.document_number))
        if document.amount_due is not None and document.amount_due < job.item.amount:
            return overpays("Clockify", job.document_number, document.amount_due,
                            job.item.amount)
        return None

    def post(self, job: PushJob, item: OutboxItem) -> Answer:
        body = ClockifyPayment(amount=item.amount.minor_units, note=payment_note(item),
                               paymentDate=f"{item.date.isoformat()}T12:00:00Z")
        return self.client.call("POST", f"{self._invoices}/{job.remote_document_id}/payments",
                                body=body.model_dump(), safe=False)

    def created_id(self, job: PushJob, answer: Answer) -> str:
        return self.find_existing(job.item, job)  # the 201 holds the invoice, not the payment

    def is_gone(self, remote_id: str, job: PushJob) -> bool:
        return all(str(p.get("id")) != remote_id for p in self._payments(job.remote_document_id))

    def remove(self, remote_id: str, job: PushJob, item: OutboxItem) -> Answer:
        return self.client.call(
            "DELETE", f"{self._invoices}/{job.remote_document_id}/payments/{remote_id}",
            safe=False)

    # --- plumbing ---------------------------------------------------------------------------
    def _payments(self, invoice_id: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for page in range(1, 1000):
            body = self._get(f"/{invoice_id}/payments",
                             {"page": str(page), "page-size": str(PAGE_SIZE)}).body or []
            found += body
            if len(body) < PAGE_SIZE:
                break
        return found

    def _get(self, path: str, params: dict[str, str] | None = None,
             missing_ok: bool = False) -> Answer:
        """A failed read is "no answer", never "not there" (see ``XeroGateway._get``)."""
        answer = self.client.call("GET", self._invoices + path, params=params, safe=True)
        if not answer.ok and not (missing_ok and answer.status == 404):
            raise NoAnswer(f"GET {path or '/'}: HTTP {answer.status} "
                           f"{error_text(answer.body)}".strip())
        return answer

    def _document(self, invoice: dict, currency: str | None = None) -> RemoteDocument:
        status = str(invoice.get("status", ""))
        code = currency or str(invoice.get("currency") or "XXX")
        balance = invoice.get("balance")
        number = said(invoice.get("number", ""))
        try:
            due = Money.from_minor(int(balance), code) if balance is not None else None
        except (ValueError, TypeError, ArithmeticError):  # their messages quote the text
            raise NoAnswer(_("Clockify described invoice {number} in a way Ledgerdesk could not "
                             "read (its "
                             "balance or currency).").format(number=number)) from None
        return RemoteDocument(said(invoice.get("id", "")), number, said(status),
                              status not in CLOSED, due)
