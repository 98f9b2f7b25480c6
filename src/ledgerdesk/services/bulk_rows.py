"""Rows for a bulk load: plain tuples in the book's column order, amounts in minor units.

A generator that writes hundreds of thousands of records (the demo) hands them to
``BulkWriter.add_rows`` (or, from another process, stages them with ``BulkWriter.stager()``
and ``BulkWriter.load_staged``) as plain tuples: building a ``Money`` per amount only for
storage to turn it back into an integer was a tenth of the demo's time.  The generator
computes every amount through the domain (``documents.line_amounts`` per distinct line) and
checks a sample of its records against ``domain.postings``; storage still refuses an
unbalanced entry, an over-allocation or a broken reference before commit.

The caller assigns the ids, from ``BulkWriter.next_ids()``, so that one batch can refer to
its own documents, payments and entries.  Layouts (``None`` where a column is NULL):

- ``documents``: (id, kind, contact_id, number, reference, issue_date, due_date, currency,
  exchange_rate, tax_mode, lifecycle, total_minor, source_payment_id, extra, tax_rounding)
- ``document_lines``: (document_id, position, description, quantity, unit_price,
  account_code, tax_rate, discount_percent, tax_code_id), decimals as exact text
- ``payments``: (id, kind, contact_id, date, amount_minor, currency, bank_account_code,
  reference, client_token, keep_excess_as_credit, voided)
- ``credit_applications``: (id, credit_id, date)
- ``allocations``: (document_id, amount_minor, payment_id, credit_application_id, voided)
- ``journal_entries``: (id, date, memo, source_type, source_id, reverses_id)
- ``journal_lines``: (entry_id, account_code, amount_minor, currency, memo)

Enums are stored by value, dates as ISO text, flags as 0 or 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(slots=True)
class RowBatch:
    """One batch of rows for ``BulkWriter.add_rows``; see the module for each layout."""

    documents: list[tuple] = field(default_factory=list)
    document_lines: list[tuple] = field(default_factory=list)
    payments: list[tuple] = field(default_factory=list)
    credit_applications: list[tuple] = field(default_factory=list)
    allocations: list[tuple] = field(default_factory=list)
    journal_entries: list[tuple] = field(default_factory=list)
    journal_lines: list[tuple] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class NextIds:
    """The first free id of each table whose rows carry their own id."""

    documents: int
    payments: int
    credit_applications: int
    journal_entries: int


#: Turns a batch into bytes that ``BulkWriter.load_staged`` loads; picklable, so a
#: generator in another process can run it and send the bytes back.
RowStager = Callable[[RowBatch], bytes]
