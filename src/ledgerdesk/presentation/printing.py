"""What the window's File > Print to PDF… prints: the selected invoice or credit note, or
the selected contact's statement (a customer's, or a supplier's) of the last 90 days
(``services.statements.default_start``, as ``ledgerdesk print``), as a print model with a
file name to suggest."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.presentation.print_model import PrintModel, document_print
from ledgerdesk.presentation.print_statement import statement_print
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.printing import PRINTABLE_KINDS, printable_document
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary
from ledgerdesk.services.statements import default_start, statement_figures

NOTHING_TO_PRINT = (N_("To print, select a sales invoice or a credit note, or a contact for "
                       "their statement."))


@dataclass(frozen=True, slots=True)
class PrintJob:
    model: PrintModel
    file_name: str  # suggested, e.g. "INV-00012.pdf"


def print_job(session: Session, selected: object) -> PrintJob | None:
    """The job for the selected row, or None when it is nothing that prints."""
    if isinstance(selected, DocumentSummary) and selected.kind in PRINTABLE_KINDS:
        return document_job(session, selected.id)
    if isinstance(selected, ContactSummary):
        end = session.today
        figures = statement_figures(session.book, selected.id,  # type: ignore[arg-type]
                                    default_start(end), end)
        model = statement_print(figures, session.locale, session.today)
        return PrintJob(model, safe_file_name(_("Statement {name} {end}").format(
                                                  name=selected.name,
                                                  end=end.isoformat())))
    return None


def document_job(session: Session, document_id: int) -> PrintJob:
    """The job for a saved invoice or credit note (``NotAllowed`` for other kinds)."""
    printable = printable_document(session.book, document_id=document_id)
    doc = printable.document
    # a file name: kept in English
    words = ("invoice" if doc.kind is DocumentKind.SALES_INVOICE  # i18n: not user text
             else "credit note")  # i18n: not user text
    name = doc.number or f"Draft {words} {document_id}"
    return PrintJob(document_print(printable, session.locale), safe_file_name(name))


def safe_file_name(name: str) -> str:
    """``name`` with characters that file systems refuse replaced, plus ``.pdf``; a bidi
    override (which would make ``Evil \u202efdp.exe`` look like ``Evil exe.pdf``) too."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", shown_inert(name)).strip(" .-")
    cleaned = cleaned or "document"
    return f"{cleaned[:120]}.pdf"
