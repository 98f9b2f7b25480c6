"""OFX and QFX statements (OFX 1.x SGML and 2.x XML) read with ``ofxtools``.

``ofxtools`` parses and checks the file against the OFX specification; a line's date is
taken from its ``DTPOSTED`` as the bank wrote it, because ``ofxtools`` converts it to UTC,
which moves a late-evening booking in New York to the next day.  Quicken's private tags
(``INTU.BID``) are skipped.  Each line keeps its ``FITID``, the bank's id of it.
"""

from __future__ import annotations

import datetime as dt
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

from ofxtools.Parser import OFXTree

from ledgerdesk.domain.i18n import _
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.imports.source import ImportFileError
from ledgerdesk.services.imports.statement_files import (
    StatementFile,
    StatementFormat,
    amount_problem,
)


def read_ofx(path: Path, currency: str) -> StatementFile:
    tree = OFXTree()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # private tags, which ofxtools skips
            tree.parse(str(path))
            ofx = tree.convert()
    except Exception as exc:  # any failure of the parser on a foreign file is one sentence
        raise ImportFileError(_("{name} is not a readable OFX file ({why}).").format(
                                  name=path.name,
                                  why=_why(exc))) from None
    statements = list(ofx.statements)
    if not statements:
        raise ImportFileError(_("{name} holds no bank or card statement.").format(
                                  name=path.name))
    if len({_account(s) for s in statements}) > 1:
        raise ImportFileError(_("{name} holds statements of {statements} accounts; export one "
                                "account at a time.").format(
            name=path.name,
            statements=len(statements)))
    found = statements[0].curdef
    if found != currency:
        raise ImportFileError(_("{name} is in {found}; this book keeps {currency}.").format(
                                  name=path.name,
                                  found=found,
                                  currency=currency))
    dates = [el.findtext("DTPOSTED") or "" for el in tree.getroot().iter("STMTTRN")]
    transactions = [t for s in statements for t in s.banktranlist or ()]
    if len(dates) != len(transactions):
        raise ImportFileError(_("{name} has transactions outside its statements.").format(
                                  name=path.name))
    problems: list[RowProblem] = []
    lines = [_line(number, t, raw, currency, problems)
             for number, (t, raw) in enumerate(zip(transactions, dates, strict=True), start=1)]
    version = int(getattr(getattr(tree, "header", None), "version", 0) or 0)
    label = f"OFX {version // 100}.{version % 100:02d}" if version else "OFX"
    return StatementFile(StatementFormat.OFX, _("{label} statement of account {account}").format(
                                                  label=label, account=_account(statements[0])),
                                                      lines, problems)


def _line(number: int, trn: Any, posted: str, currency: str,
          problems: list[RowProblem]) -> StatementLine:
    amount = Decimal(trn.trnamt)
    if why := amount_problem(amount, currency):
        problems.append(RowProblem(number, "TRNAMT", why))
    reference = trn.memo or (_("Check {checknum}").format(
        checknum=trn.checknum) if trn.checknum else "") or trn.refnum or ""
    payee = getattr(trn, "payee", None)
    counterparty = trn.name or (payee.name if payee is not None else "") or ""
    return StatementLine(
        number, _posted_date(posted, trn.dtposted), amount, reference.strip(),
        counterparty.strip(), skip="" if amount else _("moves no money"), bank_id=trn.fitid or "",
    )


def _posted_date(raw: str, converted: dt.datetime) -> dt.date:
    """The date the bank wrote (``20240205230000[-5:EST]`` is 5 February)."""
    digits = raw.strip()[:8]
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return converted.date()


def _account(statement: Any) -> str:
    return str(getattr(statement.account, "acctid", "") or "")


def _why(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
