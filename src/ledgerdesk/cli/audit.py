"""``ledgerdesk list audit PATH``: the audit log's columns, when (UTC), who and what."""

from __future__ import annotations

from ledgerdesk.cli.output import Column
from ledgerdesk.domain.i18n import N_

AUDIT_COLUMNS = (
    Column("when", N_("When (UTC)"), 29, lambda r: r.when),
    Column("who", N_("Who"), 12, lambda r: r.who or "(unknown)"),
    Column("what", N_("What"), 60, lambda r: r.what),
)
