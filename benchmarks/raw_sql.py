"""Hand-written SQL shared by the benchmarks' raw ``sqlite3`` baselines (no ledgerdesk import,
so a baseline process that uses only this stays as light as a bare sqlite3 program)."""

from __future__ import annotations

import sqlite3

PAGE = 200
#: A document's outstanding amount in minor units: its total less its active allocations.
OUT = ("(d.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a"
       " WHERE a.document_id = d.id AND a.voided = 0), 0))")


def first_invoice_page(conn: sqlite3.Connection) -> tuple[int, list[tuple]]:
    """What the invoice list shows first: the count, and 200 rows newest first."""
    count = conn.execute(
        "SELECT count(*) FROM documents WHERE kind = 'SALES_INVOICE'").fetchone()[0]
    rows = conn.execute(
        f"SELECT d.id, d.number, c.name, d.issue_date, d.due_date, d.reference, d.currency,"
        f" d.total_minor, d.lifecycle, {OUT}"
        f" FROM documents AS d JOIN contacts AS c ON c.id = d.contact_id"
        f" WHERE d.kind = 'SALES_INVOICE' ORDER BY d.issue_date DESC, d.id DESC LIMIT {PAGE}"
    ).fetchall()
    return count, rows
