"""The Strapi gateway: a site's own v3 ``payments`` collection, on the shared loops.

A Strapi site has no invoices of its own: "linking" an invoice means "record its payments
there", and the link's remote id is the invoice number.  Each entry records what was due
(``amountDue``, ``dueDate``) and this payment (``amountPaid``, ``date``).  There is no
idempotency and no field for our token, so the look-up is by every field we sent, skipping
entries that other rows with the same amount and date already own (``PushJob.claimed``):
two equal payments are then two entries, whichever row took which.
Sign-in: ``POST /auth/local`` with the identifier (a setting) and the password (keyring)
gives a JWT, kept in memory and fetched again once on a 401.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import httpx
from pydantic import BaseModel, ConfigDict, Field

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.sync import OutboxItem
from ledgerdesk.services.sync_ports import PushJob, PushOutcome, RemoteDocument
from ledgerdesk.sync import push_loop
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.http import Answer, NoAnswer, SignInFailed, SignInUnanswered, built
from ledgerdesk.sync.remote_text import error_text
from ledgerdesk.sync.scrub import remember

PASSWORD = "password"
Amount = Annotated[Decimal, Field(ge=0, decimal_places=2, allow_inf_nan=False, strict=True)]
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class StrapiPayment(BaseModel):
    """``POST /payments`` (``extra="forbid"``: created_by/updated_by are Strapi's to fill)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    amountDue: Amount
    amountPaid: Amount
    dueDate: str = Field(pattern=_DATE)
    date: str = Field(pattern=_DATE)
    published_at: str | None


class JwtAuth:
    def __init__(self, http: httpx.Client, base_url: str, identifier: str,
                 store: SecretStore) -> None:
        self._http, self._url, self._identifier, self._store = http, base_url, identifier, store
        self._jwt: str | None = None

    def headers(self) -> dict[str, str]:
        if self._jwt is None:
            self.refresh()
        return {"Authorization": f"Bearer {self._jwt}"}

    def refresh(self) -> None:
        form = {"identifier": self._identifier, "password": self._store.get(PASSWORD).reveal()}
        request = built(self._http, "POST", f"{self._url}/auth/local", json=form)
        try:
            response = self._http.send(request)
        except httpx.HTTPError as exc:
            raise SignInUnanswered(_("Strapi's sign-in did not answer ({name__}).").format(
                                       name__=type(exc).__name__))\
                from None
        try:
            body = response.json()
        except ValueError:  # a web page (the site, not its API) is no reason worth quoting
            body = {} if response.status_code == 200 else {"message": response.text}
        if response.status_code != 200 or not isinstance(body, dict) or not body.get("jwt"):
            said = error_text(body)
            raise SignInFailed(_("Strapi refused the sign-in for {identifier} (HTTP "
                                 "{status_code}{value}).").format(
                identifier=self._identifier,
                status_code=response.status_code,
                value=f': {said}' if said else ''))
        self._jwt = str(body["jwt"])
        remember(self._jwt)


class StrapiGateway(push_loop.Gateway):
    provider = "Strapi"
    command = "strapi"
    reads_amount_due = False

    @property
    def _payments(self) -> str:
        return f"{self.connection.base_url.rstrip('/')}/payments"

    def find_document(self, number: str) -> RemoteDocument | None:
        """Every invoice can be recorded: its twin is its own number."""
        return RemoteDocument(number, number, "RECORDED HERE", True, None)  # i18n: not user text

    # --- push_loop.Steps --------------------------------------------------------------------
    def find_existing(self, created_row: OutboxItem, job: PushJob) -> str:
        body = self._body(job, created_row)
        answer = self.client.call("GET", self._payments, safe=True, params={
            "date": body["date"], "amountPaid": f"{body['amountPaid']:f}",
            "amountDue": f"{body['amountDue']:f}", "dueDate": body["dueDate"]})
        if not answer.ok:
            raise NoAnswer(_("GET /payments: HTTP {status} {error_text}").format(
                               status=answer.status,
                               error_text=error_text(answer.body)))
        for entry in answer.body or []:
            entry_id = str(entry.get("id", ""))
            if entry_id and entry_id not in job.claimed:
                return entry_id
        return ""

    def cannot_pay(self, job: PushJob) -> PushOutcome | None:
        return None  # a collection entry has no balance to overpay

    def post(self, job: PushJob, item: OutboxItem) -> Answer:
        return self.client.call("POST", self._payments, body=self._body(job, item), safe=False)

    def created_id(self, job: PushJob, answer: Answer) -> str:
        return str(answer.body.get("id", "")) if isinstance(answer.body, dict) else ""

    def is_gone(self, remote_id: str, job: PushJob) -> bool:
        answer = self.client.call("GET", f"{self._payments}/{remote_id}", safe=True)
        if answer.status == 404:
            return True
        if not answer.ok:
            raise NoAnswer(_("GET /payments/{remote_id}: HTTP {status}").format(
                               remote_id=remote_id,
                               status=answer.status))
        return False

    def remove(self, remote_id: str, job: PushJob, item: OutboxItem) -> Answer:
        return self.client.call("DELETE", f"{self._payments}/{remote_id}", safe=False)

    @staticmethod
    def _body(job: PushJob, item: OutboxItem) -> dict[str, Any]:
        total = job.document_total or Money.zero(item.amount.currency)
        due = job.document_due_date or item.date
        return StrapiPayment(
            amountDue=total.amount, amountPaid=item.amount.amount, dueDate=due.isoformat(),
            date=item.date.isoformat(), published_at=f"{item.date.isoformat()}T00:00:00.000Z",
        ).model_dump()
