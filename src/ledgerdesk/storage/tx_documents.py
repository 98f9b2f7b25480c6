"""The document half of a transaction: drafts, numbers, authorising, voiding, outstanding."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ledgerdesk.domain.documents import Document, DocumentKind, Lifecycle
from ledgerdesk.domain.numbering import DEFAULT_PREFIXES, format_number
from ledgerdesk.domain.payments import OpenDocument
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.storage.mapping import (
    document_from_row,
    document_values,
    line_values,
    open_document_from_row,
)
from ledgerdesk.storage.sql import OPEN_DOCUMENT_COLUMNS, kinds_list
from ledgerdesk.storage.tables import allocations, document_lines, documents, number_series
from ledgerdesk.storage.tx_base import TransactionBase

_OPEN_BY_ID = text(
    f"SELECT {OPEN_DOCUMENT_COLUMNS} FROM documents AS d WHERE d.id IN :ids"
).bindparams(bindparam("ids", expanding=True))


class DocumentStore(TransactionBase):
    def add_document(self, doc: Document) -> int:
        values = document_values(doc)
        document_id = self._conn.scalar(select(func.coalesce(func.max(documents.c.id), 0) + 1))
        # Lines first: once the document row says "authorised", its lines are frozen.
        if doc.lines:
            self._exec(insert(document_lines), line_values(document_id, doc.lines))
        self._exec(insert(documents).values(id=document_id, **values))
        self._audit("add", "document", document_id, _summary(doc, values))
        return document_id

    def replace_draft(self, doc: Document) -> None:
        if doc.id is None:
            raise ValueError("only a saved draft can be replaced")
        self._require_lifecycle(doc.id, Lifecycle.DRAFT, "changed")
        values = document_values(doc)
        values.update(lifecycle=Lifecycle.DRAFT.value, number=None)
        self._exec(delete(document_lines).where(document_lines.c.document_id == doc.id))
        if doc.lines:
            self._exec(insert(document_lines), line_values(doc.id, doc.lines))
        self._exec(update(documents).where(documents.c.id == doc.id).values(**values))
        self._audit("replace_draft", "document", doc.id, _summary(doc, values))

    def get_document(self, document_id: int) -> Document | None:
        row = self._conn.execute(select(documents).where(documents.c.id == document_id)).first()
        return None if row is None else self._with_lines(row)

    def find_document(self, number: str) -> Document | None:
        row = self._conn.execute(
            select(documents).where(documents.c.number == number).order_by(documents.c.id)
        ).first()
        return None if row is None else self._with_lines(row)

    def prepayment_of(self, payment_id: int) -> Document | None:
        row = self._conn.execute(
            select(documents)
            .where(documents.c.source_payment_id == payment_id)
            .order_by(documents.c.id)
        ).first()
        return None if row is None else self._with_lines(row)

    def _with_lines(self, row) -> Document:
        lines = self._conn.execute(
            select(document_lines)
            .where(document_lines.c.document_id == row.id)
            .order_by(document_lines.c.position)
        )
        return document_from_row(row, lines)

    def take_number(self, kind: DocumentKind) -> str:
        statement = sqlite_insert(number_series).values(
            kind=kind.value, prefix=DEFAULT_PREFIXES[kind], next_number=2
        )
        statement = statement.on_conflict_do_update(
            index_elements=[number_series.c.kind],
            set_={"next_number": number_series.c.next_number + 1},
        ).returning(number_series.c.prefix, number_series.c.next_number)
        prefix, following = self._exec(statement).one()
        number = format_number(prefix, following - 1)
        self._audit("take_number", "number_series", None, {"kind": kind.value, "number": number})
        return number

    def number_prefixes(self) -> dict[DocumentKind, str]:
        rows = self._conn.execute(select(number_series.c.kind, number_series.c.prefix))
        stored = {DocumentKind(kind): prefix for kind, prefix in rows}
        return {kind: stored.get(kind, default) for kind, default in DEFAULT_PREFIXES.items()}

    def set_number_prefix(self, kind: DocumentKind, prefix: str) -> None:
        """Future numbers of ``kind`` start with ``prefix``; the sequence carries on."""
        statement = sqlite_insert(number_series).values(
            kind=kind.value, prefix=prefix, next_number=1
        ).on_conflict_do_update(index_elements=[number_series.c.kind], set_={"prefix": prefix})
        self._exec(statement)
        self._audit("set_prefix", "number_series", None, {"kind": kind.value, "prefix": prefix})

    def mark_authorised(self, document_id: int, number: str) -> None:
        self._require_lifecycle(document_id, Lifecycle.DRAFT, "authorised")
        self._exec(
            update(documents).where(documents.c.id == document_id)
            .values(lifecycle=Lifecycle.AUTHORISED.value, number=number)
        )
        self._audit("authorise", "document", document_id, {"number": number})

    def mark_voided(self, document_id: int) -> None:
        current = self._lifecycle(document_id)
        if current is Lifecycle.VOIDED:
            raise NotAllowed(f"Document {document_id} is already void.")
        self._exec(
            update(documents).where(documents.c.id == document_id)
            .values(lifecycle=Lifecycle.VOIDED.value)
        )
        self._audit("void", "document", document_id, {"was": current.value})

    def _lifecycle(self, document_id: int) -> Lifecycle:
        value = self._conn.scalar(
            select(documents.c.lifecycle).where(documents.c.id == document_id)
        )
        if value is None:
            raise NotFound(f"There is no document {document_id}.")
        return Lifecycle(value)

    def _require_lifecycle(self, document_id: int, wanted: Lifecycle, verb: str) -> None:
        current = self._lifecycle(document_id)
        if current is not wanted:
            raise NotAllowed(
                f"Document {document_id} is {current.value.lower()}; only a "
                f"{wanted.value.lower()} can be {verb}."
            )

    def open_documents(self, ids: Iterable[int]) -> dict[int, OpenDocument]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = self._conn.execute(_OPEN_BY_ID, {"ids": wanted})
        return {row.id: open_document_from_row(row) for row in rows}

    def open_documents_for(
        self, contact_id: int, kinds: Iterable[DocumentKind]
    ) -> list[OpenDocument]:
        wanted = tuple(set(kinds))
        if not wanted:
            return []
        rows = self._conn.exec_driver_sql(
            # INDEXED BY: without statistics SQLite may prefer (kind, lifecycle), which
            # reads every authorised document of the kind instead of this contact's.
            f"SELECT * FROM (SELECT {OPEN_DOCUMENT_COLUMNS}"
            " FROM documents AS d INDEXED BY ix_documents_contact"
            f" WHERE d.contact_id = ? AND d.lifecycle = 'AUTHORISED'"
            f" AND d.kind IN ({kinds_list(wanted)}))"
            " WHERE outstanding_minor > 0 ORDER BY due_date, issue_date, id",
            (contact_id,),
        )
        return [open_document_from_row(row) for row in rows]

    def active_allocations_on(self, document_id: int) -> int:
        # A credit application writes a row on both documents, so this counts either way.
        return self._conn.scalar(
            select(func.count()).select_from(allocations).where(
                allocations.c.document_id == document_id, allocations.c.voided == 0
            )
        )


def _summary(doc: Document, values: dict) -> dict:
    return {
        "kind": doc.kind.value, "number": doc.number, "contact_id": doc.contact_id,
        "lifecycle": values["lifecycle"], "total": str(values["total_minor"]),
        "lines": len(doc.lines),
    }
