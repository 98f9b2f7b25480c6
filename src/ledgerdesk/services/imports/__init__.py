"""CSV import of contacts, invoices and bills with their lines, and bank statement payments.

``import_file`` is the use case (all rows in one transaction, or none); the rest is its
parts, public so that an import dialog can show the mapping, the preview and suggestions.

Names load from their modules on first use (PEP 562): ``ledgerdesk --help`` and the window's
start read ``fields`` for the command's help without importing the services (and pydantic).
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "RowProblem": "cells",
    "FIELDS": "fields", "ColumnMapping": "fields", "ImportKind": "fields",
    "MappingError": "fields",
    "ImportOptions": "service", "ImportPreview": "service", "import_file": "service",
    "mapping_for": "service",
    "ImportFileError": "source", "open_csv": "source", "unguard_cell": "source",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
