"""CAMT.053 (ISO 20022 bank-to-customer statement) files, read with the standard library.

No well-kept Python parser of CAMT.053 was found (see docs/architecture.md), so the XML is
read with ``ElementTree`` through ``defusedxml``, which refuses entity declarations and
external references (an entity bomb or a file that reads other files).  Tags are matched
by local name, so every version of the schema (``camt.053.001.02`` … ``.13``) reads alike.

Each booked entry (``Ntry``) is one line, its sign from ``CdtDbtInd``: ``CRDT`` came in,
``DBIT`` went out, whether or not ``RvslInd`` marks it a reversal (the indicator gives the
direction of the reversal itself).  A batch entry whose transaction details carry their
own amounts, adding up to the entry's, becomes one line per detail.  Entries not booked
(pending, information) are listed but never recorded.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from ledgerdesk.domain.i18n import _
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.imports.source import ImportFileError
from ledgerdesk.services.imports.statement_files import (
    StatementFile,
    StatementFormat,
    amount_problem,
)

_NOT_GIVEN = "NOTPROVIDED"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(node: Element | None, path: str) -> Element | None:
    """The first element down ``path`` ("Refs/EndToEndId"), by local names."""
    for name in path.split("/"):
        if node is None:
            return None
        node = next((child for child in node if _local(child.tag) == name), None)
    return node


def _first(node: Element, *paths: str) -> Element | None:
    """The element down the first of ``paths`` that is there (an ``Element`` without
    children is false, so ``or`` cannot choose between them)."""
    for path in paths:
        found = _find(node, path)
        if found is not None:
            return found
    return None


def _all(node: Element, name: str) -> list[Element]:
    return [child for child in node if _local(child.tag) == name]


def _text(node: Element | None, path: str) -> str:
    found = _find(node, path)
    return " ".join((found.text or "").split()) if found is not None else ""


def read_camt(path: Path, currency: str) -> StatementFile:
    try:
        root = parse(str(path), forbid_dtd=True).getroot()
    except DefusedXmlException:
        raise ImportFileError(_("{name} is refused: it declares a DTD or entities, which a bank "
                                "statement never has "
          "(they can read other files or grow without end).").format(name=path.name)) from None
    except (ParseError, ValueError) as exc:
        why = " ".join(str(exc).split())[:120]
        raise ImportFileError(_("{name} is not a readable CAMT.053 file ({name__}: {why}).").format(
            name=path.name,
            name__=type(exc).__name__,
            why=why)) from None
    report = _find(root, "BkToCstmrStmt")
    statements = _all(report, "Stmt") if report is not None else []
    if not statements:
        raise ImportFileError(_("{name} holds no CAMT.053 statement (no "
                                "BkToCstmrStmt/Stmt).").format(
                                  name=path.name))
    accounts = {_account(s) for s in statements}
    if len(accounts) > 1:
        raise ImportFileError(_("{name} holds statements of {accounts} accounts; export one "
                                "account at a time.").format(
            name=path.name,
            accounts=len(accounts)))
    lines: list[StatementLine] = []
    problems: list[RowProblem] = []
    for statement in statements:
        for entry in _all(statement, "Ntry"):
            _entry_lines(entry, _text(statement, "Id"), currency, lines, problems)
    return StatementFile(StatementFormat.CAMT053, _("CAMT.053 statement of account {pop}").format(
                                                      pop=accounts.pop()), lines, problems)


def _account(statement: Element) -> str:
    return _text(statement, "Acct/Id/IBAN") or _text(statement, "Acct/Id/Othr/Id")


def _entry_lines(entry: Element, statement_id: str, currency: str,
                 lines: list[StatementLine], problems: list[RowProblem]) -> None:
    number = len(lines) + 1
    amount, found = _amount(_find(entry, "Amt"))
    sign = -1 if _text(entry, "CdtDbtInd") == "DBIT" else 1
    date = _date(entry)
    if amount is None or date is None:
        problems.append(RowProblem(number, _("Ntry"), _("has no amount or booking date that can "
                                                        "be read")))
        return
    status = _text(entry, "Sts/Cd") or _text(entry, "Sts")
    skip = "" if status in ("", "BOOK") else _("not booked at the bank ({status})").format(
                                                 status=status)
    reversal = _text(entry, "RvslInd").casefold() in ("true", "1")
    entry_id = (_text(entry, "AcctSvcrRef")
                or (f"{statement_id}/{_text(entry, 'NtryRef')}" if _text(entry, "NtryRef")
                    else ""))
    details = [d for block in _all(entry, "NtryDtls") for d in _all(block, "TxDtls")]
    parts = _split(details, amount)
    if parts is None:  # one line for the entry
        detail = details[0] if details else None
        bank_id = entry_id or _end_to_end(detail)
        parts = [(detail, amount, bank_id)]
    else:
        parts = [(d, a, f"{entry_id}/{_end_to_end(d) or n}" if entry_id else _end_to_end(d))
                 for n, (d, a) in enumerate(parts, start=1)]
    for detail, part, bank_id in parts:
        row = len(lines) + 1
        if why := amount_problem(part, currency, found):
            problems.append(RowProblem(row, _("Amt"), why))
        reference = _reference(detail, entry)
        lines.append(StatementLine(
            row, date, sign * part, _("Reversal: {reference}").format(
                reference=reference) if reversal else reference,
            _party(detail, sign < 0, reversal), skip=skip, bank_id=bank_id,
        ))


def _split(details: list[Element], amount: Decimal) -> list[tuple[Element, Decimal]] | None:
    """A batch's details with their own amounts, when they add up to the entry's."""
    if len(details) < 2:
        return None
    amounts = [_amount(_first(d, "AmtDtls/TxAmt/Amt", "Amt"))[0] for d in details]
    if any(a is None for a in amounts) or sum(a for a in amounts if a) != amount:
        return None
    return [(d, a) for d, a in zip(details, amounts, strict=True) if a is not None]


def _amount(node: Element | None) -> tuple[Decimal | None, str]:
    if node is None or not (node.text or "").strip():
        return None, ""
    try:
        value = Decimal(node.text.strip())
    except InvalidOperation:
        return None, ""
    return (value if value.is_finite() and value >= 0 else None), node.get("Ccy", "")


def _date(entry: Element) -> dt.date | None:
    for path in ("BookgDt/Dt", "BookgDt/DtTm", "ValDt/Dt", "ValDt/DtTm"):
        text = _text(entry, path)
        if text:
            try:
                return dt.date.fromisoformat(text[:10])
            except ValueError:
                return None
    return None


def _end_to_end(detail: Element | None) -> str:
    found = _text(detail, "Refs/AcctSvcrRef") or _text(detail, "Refs/EndToEndId")
    return "" if found == _NOT_GIVEN else found


def _reference(detail: Element | None, entry: Element) -> str:
    if detail is not None:
        unstructured = [" ".join((u.text or "").split()) for block in _all(detail, "RmtInf")
                        for u in _all(block, "Ustrd")]
        found = " ".join(u for u in unstructured if u) or _text(
            detail, "RmtInf/Strd/CdtrRefInf/Ref") or _text(detail, "AddtlTxInf")
        if found:
            return found
    return _text(entry, "AddtlNtryInf")


def _party(detail: Element | None, paid_out: bool, reversal: bool) -> str:
    """Who was paid (money out) or paid us (money in); a reversal's party is the original's."""
    first, second = ("Cdtr", "Dbtr") if paid_out != reversal else ("Dbtr", "Cdtr")
    for role in (first, second):
        name = _text(detail, f"RltdPties/{role}/Nm") or _text(detail, f"RltdPties/{role}/Pty/Nm")
        if name:
            return name
    return ""
