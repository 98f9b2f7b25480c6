"""The Xero gateway: the shared never-twice loops (``push_loop``) with Xero's own steps.

- The look-up finds our payment by its Reference, which carries the row's permanent token.
- Before posting, ``GET /Invoices/{id}``: AmountDue below ours, or not AUTHORISED, is
  "needs you", and nothing is posted.
- ``POST /Payments`` carries an ``Idempotency-Key`` derived from the token and a series
  number.  The same key is resent only inside its window (Xero keeps it about six minutes;
  we use five), and never after a 5xx: Xero replays a cached error to the same key.
- A void is ``POST /Payments/{id}`` with ``{"Status": "DELETED"}``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.sync import Connection, OutboxItem
from ledgerdesk.services.sync_ports import PushJob, PushOutcome, RemoteDocument
from ledgerdesk.sync import push_loop
from ledgerdesk.sync.clock import Clock
from ledgerdesk.sync.http import Answer, NoAnswer, RemoteClient
from ledgerdesk.sync.outcomes import needs_you, overpays
from ledgerdesk.sync.remote_text import error_text, first, said
from ledgerdesk.sync.xero_models import (
    AccountRef,
    InvoiceRef,
    PaymentCreate,
    PaymentDelete,
    xero_rate,
)

KEY_WINDOW = dt.timedelta(minutes=5)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def payment_reference(item: OutboxItem) -> str:
    """The payment's Reference in Xero: the user's reference plus the row's token."""
    own = item.reference.replace('"', "'").strip()[:200]
    return f"{own} ld:{item.client_token}".strip()


class XeroGateway(push_loop.Gateway):
    provider = "Xero"
    command = "xero"
    needs_bank_account = True
    takes_foreign_currency = True

    def __init__(self, connection: Connection, client: RemoteClient, clock: Clock) -> None:
        super().__init__(connection, client, clock)
        self._api = connection.base_url.rstrip("/")
        self._tenant = connection.remote_ids.get("tenant", "")

    def find_document(self, number: str) -> RemoteDocument | None:
        answer = self._get("/Invoices", params={"InvoiceNumbers": number})
        found = first(answer.body, "Invoices")
        if found is None or found.get("InvoiceNumber") != number:
            return None
        return self._document(found)

    def organisation_name(self) -> str:
        """The organisation this connection reaches (``GET /Organisation``): it proves the
        sign-in, the tenant and the base URL at once."""
        found = first(self._get("/Organisation").body, "Organisations") or {}
        return said(found.get("Name", "")) or _("an unnamed organisation")

    # --- push_loop.Steps --------------------------------------------------------------------
    def find_existing(self, created_row: OutboxItem, job: PushJob) -> str:
        reference = payment_reference(created_row)
        answer = self._get("/Payments", params={"where": f'Reference=="{reference}"'})
        for payment in (answer.body or {}).get("Payments", []):
            if payment.get("Reference") == reference and payment.get("Status") != "DELETED":
                return str(payment.get("PaymentID", ""))
        return ""

    def cannot_pay(self, job: PushJob) -> PushOutcome | None:
        answer = self._get(f"/Invoices/{job.remote_document_id}", missing_ok=True)
        found = first(answer.body, "Invoices") if answer.ok else None
        if found is None:
            return needs_you(_("The Xero invoice linked to {document_number} was not found; "
                               "link it again.").format(document_number=job.document_number),
                                   error_text(answer.body))
        document = self._document(found, job.item.amount.currency)
        if not document.is_open:
            return needs_you(_("{document_number} is {status} in Xero; payments go only on "
                               "authorised invoices. Authorise it there, then retry.").format(
                                 document_number=job.document_number, status=document.status))
        if document.amount_due is not None and document.amount_due < job.item.amount:
            return overpays("Xero", job.document_number, document.amount_due, job.item.amount)
        return None

    def key(self, item: OutboxItem, reuse: bool) -> tuple[int, dt.datetime]:
        now = self.clock.now()
        first_used = item.key_first_used
        if reuse and first_used is not None and now - first_used < KEY_WINDOW:
            return item.key_series, first_used
        return item.key_series + 1, now

    def post(self, job: PushJob, item: OutboxItem) -> Answer:
        body = PaymentCreate(
            Invoice=InvoiceRef(InvoiceID=job.remote_document_id),
            Account=_account(job.remote_account), Amount=item.amount.amount,
            Date=item.date.isoformat(), Reference=payment_reference(item),
            CurrencyRate=xero_rate(job.currency_rate),
        ).body()
        return self._post("/Payments", body, item.idempotency_key())

    def created_id(self, job: PushJob, answer: Answer) -> str:
        return str((first(answer.body, "Payments") or {}).get("PaymentID", ""))

    def is_gone(self, remote_id: str, job: PushJob) -> bool:
        answer = self._get(f"/Payments/{remote_id}", missing_ok=True)
        current = first(answer.body, "Payments") if answer.ok else None
        return current is None or current.get("Status") == "DELETED"

    def remove(self, remote_id: str, job: PushJob, item: OutboxItem) -> Answer:
        return self._post(f"/Payments/{remote_id}", PaymentDelete().body(),
                          item.idempotency_key())

    # --- plumbing ---------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        return {"xero-tenant-id": self._tenant}

    def _get(self, path: str, params: dict[str, str] | None = None,
             missing_ok: bool = False) -> Answer:
        """A read; one that still fails after the retries is "no answer", never "not there",
        since a failed look-up taken for "not there" would post the payment twice."""
        answer = self.client.call("GET", self._api + path, headers=self._headers(),
                                  params=params, safe=True)
        if not answer.ok and not (missing_ok and answer.status == 404):
            raise NoAnswer(_("GET {path}: HTTP {status} {error_text}").format(
                               path=path, status=answer.status,
                                   error_text=error_text(answer.body)).strip())
        return answer

    def _post(self, path: str, body: dict, key: str) -> Answer:
        headers = {**self._headers(), "Idempotency-Key": key}
        return self.client.call("POST", self._api + path, body=body, headers=headers,
                                safe=False)

    def _document(self, found: dict, currency: str | None = None) -> RemoteDocument:
        status = str(found.get("Status", ""))
        due = found.get("AmountDue")
        code = currency or str(found.get("CurrencyCode") or "XXX")
        number = said(found.get("InvoiceNumber", ""))
        try:
            amount_due = Money(Decimal(str(due)), code) if due is not None else None
        except (ValueError, ArithmeticError):  # their messages quote the remote's text
            raise NoAnswer(_("Xero described invoice {number} in a way Ledgerdesk could not read "
                             "(its amount "
                             "due or currency).").format(number=number)) from None
        return RemoteDocument(said(found.get("InvoiceID", "")), number, said(status),
                              status == "AUTHORISED", amount_due)


def _account(remote: str) -> AccountRef:
    return AccountRef(AccountID=remote) if _UUID.fullmatch(remote) else AccountRef(Code=remote)
