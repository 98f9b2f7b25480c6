"""The SQL of the settlement days (``document_settlements``, migration 0012_settlements):
the day from which each posted document owes nothing on any later date, or NULL while it
still owes something, and the first day it can owe anything.

Outstanding on a date moves only on a document's own days: its issue, its void (the
reversal's date), each allocation's payment or credit application, and each voided
payment's reversal.  So once what it owes today is zero, it owed zero on every date from
the latest of those days on.  ``settled_on`` is that latest day; the aging on a date reads
only the documents not settled by then, and still sums their allocations as before: the
table says which documents may owe something, never how much.

One SELECT (``SETTLEMENTS``) defines a row: the migration and a fresh load fill the table
with it, the triggers re-run it for the documents a change touches, and ``check`` compares
the table against it.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ledgerdesk.domain.i18n import _
from ledgerdesk.services.read_models import InvariantFailure
from ledgerdesk.storage.sql import OWED

_PAID = "FROM allocations AS a JOIN payments AS p ON p.id = a.payment_id"
_APPLIED = ("FROM allocations AS a JOIN credit_applications AS ca"
            " ON ca.id = a.credit_application_id")
_UNPAID = ("FROM allocations AS a JOIN journal_entries AS e ON e.source_type = 'PAYMENT'"
           " AND e.source_id = a.payment_id AND e.reverses_id IS NOT NULL")
_OF_D = " WHERE a.document_id = d.id"


def _reversal(source: str, id_sql: str) -> str:
    return ("FROM journal_entries AS e WHERE e.source_type = '" + source + "'"
            f" AND e.source_id = {id_sql} AND e.reverses_id IS NOT NULL")


def _day(of: str, what: str, where: str) -> str:
    """``of`` (MIN or MAX) of ``what`` over ``where``; none: a day the other bound ignores."""
    none = "'9999-12-31'" if of == "MIN" else "''"
    return f"COALESCE((SELECT {of}({what}) {where}), {none})"


#: The first day on which ``d`` can owe (or be owed) anything: its issue, or an earlier
#: payment or credit application allocated to it.
FIRST_MOVED = ("MIN(d.issue_date, " + _day("MIN", "p.date", _PAID + _OF_D) + ", "
               + _day("MIN", "ca.date", _APPLIED + _OF_D) + ")")

#: The latest day on which what ``d`` owes on a date can change.
LAST_MOVED = (
    "MAX(d.issue_date, " + ", ".join((
        _day("MAX", "p.date", _PAID + _OF_D),
        _day("MAX", "ca.date", _APPLIED + _OF_D),
        _day("MAX", "e.date", _reversal("DOCUMENT", "d.id")),
        _day("MAX", "e.date", _reversal("PAYMENT", "d.source_payment_id")),
        _day("MAX", "e.date", _UNPAID + _OF_D),
    )) + ")"
)

#: One row per posted document of ``documents AS d`` (add a condition with AND).
SETTLEMENTS = (
    f"SELECT d.id AS document_id, d.kind, {FIRST_MOVED} AS opened_on,"
    f" CASE WHEN {OWED} = 0 THEN {LAST_MOVED} END AS settled_on"
    " FROM documents AS d WHERE d.lifecycle <> 'DRAFT'"
)

_COLUMNS = "document_id, kind, opened_on, settled_on"

#: The whole table from the documents (the migration, a fresh load).
REBUILD_SETTLEMENTS = f"INSERT INTO document_settlements ({_COLUMNS}) {SETTLEMENTS}"


def upsert(ids_sql: str) -> str:
    """Re-derive the rows of the documents ``ids_sql`` selects (a trigger's body)."""
    return (
        f"INSERT INTO document_settlements ({_COLUMNS}) {SETTLEMENTS} AND d.id IN ({ids_sql})"
        " ON CONFLICT (document_id) DO UPDATE"
        " SET opened_on = excluded.opened_on, settled_on = excluded.settled_on"
    )


#: The triggers that keep the table, by name: each re-derives the documents it touches.
TRIGGERS = {
    "trg_documents_settlement_insert": (
        "AFTER INSERT ON documents WHEN NEW.lifecycle <> 'DRAFT'", "SELECT NEW.id"),
    "trg_documents_settlement_lifecycle": (
        "AFTER UPDATE OF lifecycle ON documents WHEN NEW.lifecycle <> 'DRAFT'", "SELECT NEW.id"),
    "trg_allocations_settlement_insert": (
        "AFTER INSERT ON allocations", "SELECT NEW.document_id"),
    "trg_allocations_settlement_void": (
        "AFTER UPDATE OF voided ON allocations", "SELECT NEW.document_id"),
    "trg_journal_entries_settlement_reversal": (
        "AFTER INSERT ON journal_entries WHEN NEW.reverses_id IS NOT NULL",
        "SELECT NEW.source_id WHERE NEW.source_type = 'DOCUMENT'"
        " UNION SELECT a.document_id FROM allocations AS a"
        " WHERE NEW.source_type = 'PAYMENT' AND a.payment_id = NEW.source_id"
        " UNION SELECT k.id FROM documents AS k"
        " WHERE NEW.source_type = 'PAYMENT' AND k.source_payment_id = NEW.source_id"),
}


def trigger_sql(name: str) -> str:
    when, ids = TRIGGERS[name]
    return f"CREATE TRIGGER {name} {when} BEGIN {upsert(ids)}; END"


#: Rows where the table and a fresh derivation disagree, the table's first.
_DRIFT = (
    f"SELECT * FROM (SELECT {_COLUMNS} FROM document_settlements EXCEPT {SETTLEMENTS})"
    f" UNION ALL SELECT * FROM ({SETTLEMENTS} EXCEPT SELECT {_COLUMNS}"
    " FROM document_settlements) LIMIT 5"
)


def settlement_failures(conn: Connection) -> list[InvariantFailure]:
    """The settlement days against the documents, allocations and reversals they come
    from: every posted document's row must be what they give today."""
    rows = conn.exec_driver_sql(_DRIFT).all()
    if not rows:
        return []
    detail = "; ".join(f"document {doc} ({kind}, owing from {opened}): settled on "
                       f"{settled or 'never'}" for doc, kind, opened, settled in rows)
    return [InvariantFailure(
        "settlement_days", _("the settlement days differ from the documents and their "
                             "allocations (the row that disagrees, on either side): "
                             "{detail}").format(
                               detail=detail))]
