"""Invoices and bills imported in batches: each checked like ``create_document_in``, all
written at once.

Every document is built and validated by the same functions as one saved in the editor
(``build_document``, ``check_document``) against the book as the transaction sees it; then
the numbers of the whole file are taken in order with one statement, and the documents,
their lines and their postings (a reversal for a void one) go in with ``executemany``.
The database's own checks (foreign keys, balanced entries) still run on every row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import Document, DocumentKind, Lifecycle
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import JournalEntry
from ledgerdesk.domain.postings import document_entry
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.commands import DocumentDraft
from ledgerdesk.services.documents import build_document, check_document
from ledgerdesk.services.imports.apply import (
    Created,
    Progress,
    Refusal,
    Step,
    already_said,
    contact_for,
    default_account,
    news,
    refusal_problems,
)
from ledgerdesk.services.imports.cached import CachedReads
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.document_rows import DocumentRows
from ledgerdesk.services.imports.fields import ColumnMapping
from ledgerdesk.services.lock import refuse_inside_lock
from ledgerdesk.services.ports import Transaction
from ledgerdesk.services.setup import base_currency, chart_roles

#: Documents checked between two progress reports (each may cancel the import).
PROGRESS_EVERY = 100
NO_CONTACT = 0  # no contact has this id: the document is checked without one


@dataclass(slots=True)
class _Ready:
    source: DocumentRows
    document: Document
    new_contact: str  # "contact X (new, customer)" when this document created it


def documents_step(
    kind: DocumentKind, documents: list[DocumentRows], mapping: ColumnMapping,
    create_contacts: bool,
) -> Step:
    label = "invoice" if kind is DocumentKind.SALES_INVOICE else "bill"
    role = ContactRole.CUSTOMER if kind is DocumentKind.SALES_INVOICE else ContactRole.SUPPLIER

    def step(tx: Transaction, problems: list[RowProblem], created: list[Created],
             progress: Progress | None = None) -> None:
        reads = CachedReads(tx)
        check = _checker(reads, kind, role, create_contacts)
        ready: list[_Ready] = []
        said = already_said(problems)
        for done, source in enumerate(documents):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(documents))  # may raise to cancel: everything rolls back
            try:
                item = check(source)
            except Refusal as exc:
                found = refusal_problems(exc, mapping, source.rows[0], source.rows)
                problems.extend(news(found, said) if source.broken else found)
                continue
            if not source.broken:  # checked for its other problems; never written
                ready.append(item)
        written = _write(reads, kind, [item.document for item in ready])
        home = base_currency(reads.tx)
        for item, doc in zip(ready, written, strict=True):
            state = (doc.number or "draft") + (
                " (void)" if doc.lifecycle is Lifecycle.VOIDED else "")
            if item.new_contact:
                created.append(Created(item.source.rows[0], (item.new_contact,)))
            created.append(Created(item.source.rows[0], (
                _("{label} {state} for {contact}, ").format(
                    label=label, state=state, contact=item.source.contact), doc.totals().total,
                *((f" {doc.currency}",) if doc.currency != home else ()))))
        if progress is not None:
            progress(len(documents), len(documents))
    return step


def _checker(
    reads: CachedReads, kind: DocumentKind, role: ContactRole, create_contacts: bool
) -> Callable[[DocumentRows], _Ready]:
    contacts: dict[str, int] = {}
    account = default_account(reads, kind)

    def check(source: DocumentRows) -> _Ready:
        """The document ready to write, or every problem it has (an unknown contact does
        not hide a wrong account)."""
        new, missing = "", []
        contact_id = contacts.get(source.contact.casefold())
        if contact_id is None:
            try:
                contact_id, made = contact_for(reads, source.contact, role, create_contacts)
            except ValidationFailed as exc:
                contact_id, made, missing = NO_CONTACT, False, exc.problems
            else:
                contacts[source.contact.casefold()] = contact_id
            new = _("contact {contact} (new, {role})").format(
                      contact=source.contact, role=role.value.lower()) if made else ""
        lines = [ln if ln.account_code else ln.model_copy(update={"account_code": account})
                 for ln in source.lines]
        draft = DocumentDraft(
            kind=kind, contact_id=contact_id, issue_date=source.issue_date,
            due_date=source.due_date, reference=(source.reference or source.number)[:255],
            tax_mode=source.tax_mode, lines=lines, currency=source.currency or None,
            exchange_rate=source.exchange_rate,
        )
        issued = source.lifecycle is not Lifecycle.DRAFT  # a draft is finished here
        doc = build_document(reads, draft, None, brought_in=issued)
        refuse_inside_lock(reads, doc.issue_date, _("the {label}").format(
            label=doc.kind.label))  # refuses the file
        try:
            check_document(reads, doc, authorising=issued, brought_in=issued)
        except ValidationFailed as exc:  # "choose a contact" says less than "no contact X"
            missing += [p for p in exc.problems if not (missing and p.field == "contact")]
        if missing:
            raise ValidationFailed(missing)
        return _Ready(source, dataclasses.replace(doc, lifecycle=source.lifecycle), new)
    return check


def _write(reads: CachedReads, kind: DocumentKind, docs: list[Document]) -> list[Document]:
    """Number, write and post ``docs`` (each carrying the lifecycle it should end in)."""
    posted = [doc for doc in docs if doc.lifecycle is not Lifecycle.DRAFT]
    numbers = iter(reads.tx.take_numbers(kind, len(posted)))
    docs = [doc if doc.lifecycle is Lifecycle.DRAFT
            else dataclasses.replace(doc, number=next(numbers)) for doc in docs]
    if not docs:
        return docs
    roles = chart_roles(reads.accounts())
    home = base_currency(reads.tx)
    with reads.tx.batch() as writer:
        ids = writer.add_documents(docs)
        docs = [dataclasses.replace(doc, id=i) for doc, i in zip(docs, ids, strict=True)]
        entries = [document_entry(dataclasses.replace(doc, lifecycle=Lifecycle.AUTHORISED),
                                  roles, home)
                   for doc in docs if doc.lifecycle is not Lifecycle.DRAFT]
        entry_ids = writer.post_entries(entries)
        voided = {doc.id for doc in docs if doc.lifecycle is Lifecycle.VOIDED}
        writer.post_entries([_reversal(entry, entry_id) for entry, entry_id
                             in zip(entries, entry_ids, strict=True) if entry.source_id in voided])
    return docs


def _reversal(entry: JournalEntry, entry_id: int) -> JournalEntry:
    """What ``void_document_in`` posts for a document voided on the day it was issued."""
    saved = dataclasses.replace(entry, id=entry_id)
    return saved.reversal(entry.date, _("Void {memo}").format(memo=entry.memo))
