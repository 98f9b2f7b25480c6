"""CSV import of contacts, invoices and bills with their lines, and bank statement payments.

``import_file`` is the use case (all rows in one transaction, or none); the rest is its
parts, public so that an import dialog can show the mapping, the preview and suggestions.
"""

from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.fields import FIELDS, ColumnMapping, ImportKind, MappingError
from ledgerdesk.services.imports.service import (
    ImportOptions,
    ImportPreview,
    import_file,
    mapping_for,
)
from ledgerdesk.services.imports.source import ImportFileError, open_csv, unguard_cell

__all__ = [
    "FIELDS",
    "ColumnMapping",
    "ImportFileError",
    "ImportKind",
    "ImportOptions",
    "ImportPreview",
    "MappingError",
    "RowProblem",
    "import_file",
    "mapping_for",
    "open_csv",
    "unguard_cell",
]
