"""The SELECTs behind the reports, as of a date or over a period (parameters ``:as_of``,
``:start``, ``:end``, ``:contact``, ``:control``, ``:tax``).

Outstanding *as of a date* cannot use the stored ``voided`` flags alone: a payment voided
next month still counted today.  So each voided document or payment counts until the date
of its reversal entry, and an allocation counts from its payment's (or credit
application's) date.  That mirrors exactly what the journal posts, so the aging total
equals the control account's balance on any date.  (A credit application posts nothing;
a voided one is left out on every date, which moves amounts between a contact's documents
but never changes a total.)

Only the documents that may owe something on :as_of are summed: those the settlement days
(``document_settlements``, see ``storage.settlement_sql``) do not call settled by then.
A settled document owes zero on every later date, so leaving it out changes no answer;
``every_document=True`` sums them all, the reference the tests hold the narrowing to.
"""

from __future__ import annotations

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.reports.contact_reports import CREDIT_BUCKET
from ledgerdesk.reports.periods import AgingBuckets
from ledgerdesk.storage.sql import PURCHASE_KINDS, SALES_KINDS, kinds_list, signed_kind


def side_kinds(side: Side) -> str:
    return kinds_list(SALES_KINDS if side is Side.SALES else PURCHASE_KINDS)


def payment_kinds(side: Side) -> str:
    return ", ".join(f"'{k.value}'" for k in PaymentKind if k.side is side)


MONEY_IN = ", ".join(f"'{k.value}'" for k in PaymentKind if k.money_in)


def voided_on(source_type: str, id_sql: str) -> str:
    """The date of the reversal that voided a document or payment (NULL if none)."""
    return (
        "(SELECT MIN(e.date) FROM journal_entries AS e"
        f" WHERE e.source_type = '{source_type}' AND e.source_id = {id_sql}"
        " AND e.reverses_id IS NOT NULL)"
    )


def _candidates(side: Side, one_contact: bool) -> str:
    """``cand(id)``: the side's documents that may owe something on :as_of: owing from a
    day up to it, and not settled by then (of :contact only: then from its documents, a
    few hundred rather than the side's)."""
    if one_contact:
        return (
            "SELECT d.id FROM documents AS d"
            " JOIN document_settlements AS s ON s.document_id = d.id"
            f" WHERE d.contact_id = :contact AND d.kind IN ({side_kinds(side)})"
            " AND s.opened_on <= :as_of AND (s.settled_on IS NULL OR s.settled_on > :as_of)"
        )
    # Two ranges of one index: SQLite does not merge "IS NULL OR >" into one.
    return " UNION ALL ".join(
        "SELECT s.document_id AS id FROM document_settlements AS s"
        f" WHERE s.kind IN ({side_kinds(side)}) AND s.settled_on {test}"
        " AND s.opened_on <= :as_of"
        for test in ("IS NULL", "> :as_of")
    )


def _counted() -> str:
    """``d`` is posted on or before :as_of and not yet voided then (a draft voided never
    counted; a kept credit is voided with its payment, by the payment's reversal)."""
    void = (
        f"CASE WHEN d.source_payment_id IS NULL THEN {voided_on('DOCUMENT', 'd.id')}"
        f" ELSE {voided_on('PAYMENT', 'd.source_payment_id')} END"
    )
    return (f"d.issue_date <= :as_of"
            f" AND (d.lifecycle = 'AUTHORISED' OR COALESCE({void}, '') > :as_of)")


def _in_force(side: Side, contact: str) -> tuple[str, str]:
    """An allocation ``a`` in force on :as_of: of a payment (``p``) made by then and not
    yet voided then, or of a credit application (``ca`` of credit ``cd``) made by then and
    never voided (a payment or credit only ever settles documents of its own contact)."""
    paid = (f"p.kind IN ({payment_kinds(side)}) AND p.date <= :as_of{contact.format('p')}"
            f" AND (a.voided = 0 OR COALESCE({voided_on('PAYMENT', 'p.id')}, '') > :as_of)")
    applied = (f"cd.kind IN ({side_kinds(side)}) AND ca.date <= :as_of{contact.format('cd')}"
               " AND a.voided = 0")
    return paid, applied


_PAYMENT = "JOIN payments AS p ON p.id = a.payment_id"
_CREDIT = ("JOIN credit_applications AS ca ON ca.id = a.credit_application_id"
           " {} JOIN documents AS cd ON cd.id = ca.credit_id")


def _owing(side: Side, contact: str) -> str:
    """``owing(doc, outstanding, contact_id, kind, due_date, currency, home_taken)``: each
    candidate in one row (``home_taken``: see ``open_on``),
    its amount if counted less its allocations in force on :as_of, read in one pass per
    candidate, each with its payment or its credit application (an allocation has exactly
    one).  One row a document, so nothing is sorted to be grouped (a UNION of document and
    allocation rows grouped by document took a third longer on a million documents);
    MATERIALIZED, so the sum is computed once, not again where ``open`` tests it."""
    paid, applied = _in_force(side, contact)
    allocated = (f"(SELECT SUM(a.amount_minor) FROM allocations AS a LEFT {_PAYMENT}"
                 f" LEFT {_CREDIT.format('LEFT')}"
                 f" WHERE a.document_id = d.id AND (({paid}) OR ({applied})))")
    taken_home = allocated.replace("SUM(a.amount_minor)",
                                   "SUM(COALESCE(a.home_minor, a.amount_minor))")
    return (
        "owing AS MATERIALIZED (SELECT d.id AS doc,"
        f" COALESCE(CASE WHEN {_counted()} THEN d.total_minor END, 0)"
        f" - COALESCE({allocated}, 0) AS outstanding, d.contact_id, d.kind, d.due_date,"
        # a foreign document's settlements' home amounts (0013): read for those only
        f" d.currency, CASE WHEN d.currency = {_HOME} THEN 0"
        f" ELSE -COALESCE({taken_home}, 0) END AS home_taken"
        " FROM cand CROSS JOIN documents AS d ON d.id = cand.id)"
    )


_NONE = "NULL, NULL, NULL, NULL"  # an allocation's row has no contact, kind, due date, currency
#: The book's own currency, read once per statement.
_HOME = "(SELECT value FROM settings WHERE key = 'base_currency')"


def _every_item(side: Side, contact: str) -> str:
    """``every_document``'s reference: the counted documents, with what the aging groups
    them by, and the allocations in force as negative amounts on their documents (with
    what each took off the control account at home, 0013), in two passes of the whole
    table."""
    paid, applied = _in_force(side, contact)
    row = (f"SELECT a.document_id, -a.amount_minor, {_NONE},"
           " -COALESCE(a.home_minor, a.amount_minor) FROM allocations AS a")
    return (
        f"SELECT d.id AS doc, d.total_minor AS amount, d.contact_id, d.kind, d.due_date,"
        f" d.currency, 0 AS home FROM documents AS d WHERE d.kind IN ({side_kinds(side)})"
        f" AND d.lifecycle <> 'DRAFT'{contact.format('d')} AND {_counted()}"
        f" UNION ALL {row} {_PAYMENT} WHERE {paid}"
        f" UNION ALL {row} {_CREDIT.format('')} WHERE {applied}"
    )


def open_on(side: Side, one_contact: bool, every_document: bool = False) -> str:
    """``WITH ... open(doc, outstanding, contact_id, kind, due_date, currency, home_taken)``:
    each document's outstanding on :as_of, if any, in its own currency, and (negative) what
    its settlements in force took off the control account at home (contact, kind, due date
    and currency are NULL for a document only its allocations brought in, which only
    ``every_document`` has: see ``open_documents``)."""
    contact = " AND {}.contact_id = :contact" if one_contact else ""
    if not every_document:
        return (f"WITH cand AS ({_candidates(side, one_contact)}), {_owing(side, contact)},"
                " open AS (SELECT * FROM owing WHERE outstanding <> 0)")
    return (
        f"WITH items AS ({_every_item(side, contact)}),"
        " open AS (SELECT doc, SUM(amount) AS outstanding, MAX(contact_id) AS contact_id,"
        " MAX(kind) AS kind, MAX(due_date) AS due_date, MAX(currency) AS currency,"
        f" CASE WHEN MAX(currency) = {_HOME} THEN 0 ELSE SUM(home) END AS home_taken"
        " FROM items GROUP BY doc HAVING SUM(amount) <> 0)"
    )


def bucket_case(buckets: AgingBuckets, days: str) -> str:
    """The bucket index of ``days`` overdue, as ``AgingBuckets.index`` computes it."""
    whens = [f"WHEN {days} <= 0 THEN 0"]
    whens += [f"WHEN {days} <= {limit} THEN {i + 1}" for i, limit in enumerate(buckets.limits)]
    return f"CASE {' '.join(whens)} ELSE {len(buckets.limits) + 1} END"


_DAYS = "CAST(julianday(:as_of) - julianday(d.due_date) AS INTEGER)"


def aged_bucket(side: Side, buckets: AgingBuckets, days: str = _DAYS) -> str:
    """The day bucket of an invoice or bill, ``CREDIT_BUCKET`` for a credit of ``side``."""
    return (f"CASE WHEN {signed_kind(side)} = -1 THEN {CREDIT_BUCKET}"
            f" ELSE {bucket_case(buckets, days)} END")


def open_documents(every_document: bool) -> str:
    """FROM ``open`` as ``d`` with ``d.outstanding``, ``d.contact_id``, ``d.kind`` and
    ``d.due_date``: from the documents only where ``open`` lacks them."""
    if every_document:
        return ("(SELECT d.id, o.outstanding, d.contact_id, d.kind, d.due_date, d.currency"
                " FROM open AS o JOIN documents AS d ON d.id = o.doc) AS d")
    return "open AS d"


def aging_sql(side: Side, buckets: AgingBuckets, one_contact: bool,
              every_document: bool = False) -> str:
    """(contact_id, name, bucket, owed minor units) per contact and bucket of the documents
    in the home currency (``:home``), by name; the credits' sum (negative) in
    ``CREDIT_BUCKET``.  Foreign documents are valued one by one (``storage.fx_aging``)."""
    return (
        f"{open_on(side, one_contact, every_document)}"
        f" SELECT d.contact_id, c.name, {aged_bucket(side, buckets)} AS bucket,"
        f" SUM({signed_kind(side)} * d.outstanding) AS owed"
        f" FROM {open_documents(every_document)}"
        " JOIN contacts AS c ON c.id = d.contact_id WHERE d.currency = :home"
        " GROUP BY d.contact_id, bucket ORDER BY c.name, d.contact_id, bucket"
    )


def aging_documents_sql(side: Side, one_contact: bool, every_document: bool = False,
                        foreign_only: bool = False) -> str:
    """Each document with something outstanding on :as_of: what a drill from an aging row
    shows, by contact name, then due date (``foreign_only``: those not in ``:home``)."""
    foreign = " WHERE d.currency <> :home" if foreign_only else ""
    return (
        f"{open_on(side, one_contact, every_document)}"
        " SELECT d.id, d.kind, COALESCE(d.number, '') AS number, d.contact_id, c.name,"
        f" d.issue_date, d.due_date, {_DAYS} AS days, {signed_kind(side)} * o.outstanding"
        " AS owed, d.currency, d.total_minor, d.exchange_rate,"
        f" {signed_kind(side)} * o.home_taken AS home_taken"
        " FROM open AS o JOIN documents AS d ON d.id = o.doc"
        f" JOIN contacts AS c ON c.id = d.contact_id{foreign}"
        " ORDER BY c.name, d.contact_id, d.due_date, d.id"
    )


def _contact_postings(side: Side) -> str:
    """The contact's documents and payments, with what a statement shows as the reference."""
    return (
        "SELECT 'DOCUMENT' AS source_type, d.id AS source_id, COALESCE(d.number, '') AS ref"
        f" FROM documents AS d WHERE d.contact_id = :contact AND d.kind IN ({side_kinds(side)})"
        " UNION ALL SELECT 'PAYMENT', p.id, '' FROM payments AS p"
        f" WHERE p.contact_id = :contact AND p.kind IN ({payment_kinds(side)})"
        # what applying a foreign credit at another rate realised (0013)
        " UNION ALL SELECT 'EXCHANGE', ca.id, COALESCE(cd.number, '')"
        " FROM credit_applications AS ca JOIN documents AS cd ON cd.id = ca.credit_id"
        f" WHERE cd.contact_id = :contact AND cd.kind IN ({side_kinds(side)})"
    )


def _control_lines(side: Side) -> str:
    """The contact's postings, then their entries, then the control line of each.  CROSS
    JOIN holds that order: left free, SQLite walked every line of the control account once
    per posting (90 s for one customer on a 100,000-document book)."""
    return (
        f" FROM ({_contact_postings(side)}) AS x"
        " CROSS JOIN journal_entries AS e"
        " ON e.source_type = x.source_type AND e.source_id = x.source_id"
        " CROSS JOIN journal_lines AS l ON l.entry_id = e.id AND l.account_code = :control"
    )


def _amount(foreign: bool) -> tuple[str, str, str]:
    """The amount and currency columns a statement reads, and its filter: at home, or
    (``foreign``) the postings of :currency in it (``journal_lines.foreign_*``, 0013)."""
    if foreign:
        return "l.foreign_minor", "l.foreign_currency", " AND l.foreign_currency = :currency"
    return "l.amount_minor", "l.currency", ""


def statement_sql(side: Side, foreign: bool = False) -> str:
    amount, currency, only = _amount(foreign)
    return (
        f"SELECT e.id, e.date, e.memo, e.source_type, e.source_id, x.ref, {amount},"
        f" {currency}{_control_lines(side)}"
        f" WHERE e.date >= :start AND e.date <= :end{only} ORDER BY e.date, e.id"
    )


def control_sums_sql(side: Side, foreign: bool = False) -> str:
    """Debit-positive sums: before :start; the period's debits; its credits (positive)."""
    amount, _currency, only = _amount(foreign)
    inside = "e.date >= :start AND e.date <= :end"
    return (
        f"SELECT COALESCE(SUM(CASE WHEN e.date < :start THEN {amount} END), 0),"
        f" COALESCE(SUM(CASE WHEN {inside} AND {amount} > 0"
        f" THEN {amount} END), 0),"
        f" COALESCE(SUM(CASE WHEN {inside} AND {amount} < 0"
        f" THEN -{amount} END), 0){_control_lines(side)} WHERE e.date <= :end{only}"
    )
