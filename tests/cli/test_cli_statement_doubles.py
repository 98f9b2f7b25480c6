"""A statement whose lines are already in the book records nothing again, whatever its file.

The statement comes from the demo book itself (``export-statement``): every line is a
payment or journal the book holds, so importing it with ``--accept-suggestions`` must find
each one in the book and record nothing; before, lines that also fitted an open document
were recorded a second time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def _this_year() -> str:
    return dt.date(dt.date.today().year, 1, 1).isoformat()  # after the demo's lock


def _counts(run, book: Path) -> tuple[str, str]:
    _, payments, _ = run("list", "payments", book)
    _, journals, _ = run("list", "journal-entries", book)
    return payments.splitlines()[-1], journals.splitlines()[-1]


def test_a_statement_of_the_books_own_payments_records_nothing(run, book_copy, tmp_path):
    statement = tmp_path / "statement.csv"
    status, out, _ = run("export-statement", book_copy, "--from", _this_year(), "-o", statement)
    assert status == 0 and "statement lines of 1000 Bank" in out
    lines = statement.read_text(encoding="utf-8").splitlines()[1:]
    assert len(lines) > 17
    before = _counts(run, book_copy)
    status, out, err = run("import", "bank", book_copy, statement, "--accept-suggestions")
    assert status == 0, err
    assert _counts(run, book_copy) == before
    assert out.count("already in the book (payment PAY-") + out.count(
        "already in the book (journal JNL-") == len(lines)
    assert "Nothing recorded: every line is already in the book" in out
    status, out, _ = run("check", book_copy)
    assert status == 0


def test_importing_a_statement_twice_records_each_line_once(run, book_copy, tmp_path):
    statement = tmp_path / "new.csv"
    statement.write_text(
        "date,amount,reference,counterparty\n"
        f"{dt.date.today().isoformat()},-12.34,Card fee March,The Bank\n"
        f"{dt.date.today().isoformat()},-12.34,Card fee March,The Bank\n", encoding="utf-8")
    assert run("bank-rule", book_copy, "--reference-contains", "card fee",
               "--account", "6400")[0] == 0
    status, out, err = run("import", "bank", book_copy, statement, "--accept-suggestions")
    assert status == 0, err
    assert out.count("journal 6400 Utilities by rule") == 2
    after_first = _counts(run, book_copy)
    status, out, err = run("import", "bank", book_copy, statement, "--accept-suggestions")
    assert status == 0, err
    assert out.count("already in the book (journal JNL-") == 2
    assert _counts(run, book_copy) == after_first


def test_an_ofx_statement_imports_from_the_command_line(run, book_copy, tmp_path):
    today = dt.date.today().strftime("%Y%m%d")
    ofx = tmp_path / "bank.qfx"
    ofx.write_text(
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
        "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
        "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
        f"<DTSERVER>{today}<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS>"
        "<TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>EUR<BANKACCTFROM>"
        "<BANKID>1<ACCTID>99<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>"
        f"<DTSTART>{today}<DTEND>{today}<STMTTRN><TRNTYPE>FEE<DTPOSTED>{today}"
        "<TRNAMT>-4.20<FITID>F-1<NAME>THE BANK<MEMO>Monthly fee</STMTTRN>"
        f"</BANKTRANLIST><LEDGERBAL><BALAMT>95.80<DTASOF>{today}</LEDGERBAL></STMTRS>"
        "</STMTTRNRS></BANKMSGSRSV1></OFX>\n", encoding="ascii")
    assert run("bank-rule", book_copy, "--reference-contains", "monthly fee",
               "--account", "6400", "--memo", "Bank fees")[0] == 0
    status, out, err = run("import", "bank", book_copy, ofx, "--accept-suggestions")
    assert status == 0, err
    assert "Read: OFX 1.02 statement of account 99" in out
    assert "line 1: " in out and "journal 6400 Utilities by rule" in out
    assert "Imported: 1 from 1 line" in out and "journal JNL-" in out and "-4.20" in out
    status, out, _ = run("import", "bank", book_copy, ofx, "--accept-suggestions")
    assert status == 0 and "already in the book (journal JNL-" in out
    status, _, err = run("import", "bank", book_copy, ofx, "--map", "date=x")
    assert status == 1 and "--map is for CSV files" in err
