"""``ledgerdesk list audit PATH``: the audit log's columns, when (UTC), who and what."""

from __future__ import annotations

from ledgerdesk.cli.output import Column

AUDIT_COLUMNS = (
    Column("when", "When (UTC)", 29, lambda r: r.when),
    Column("who", "Who", 12, lambda r: r.who or "(unknown)"),
    Column("what", "What", 60, lambda r: r.what),
)
