"""``ledgerdesk reconcile`` and ``list reconciliations`` on a copy of the demo book.

The demo's first month reconciles to zero from the command line against a statement
balance worked out here from the exported journal; a cleared payment's void is then
refused in one line that names the reconciliation and the command that undoes it; undone,
the void goes through.  A wrong balance lists the figures, exits 1 and leaves the file
byte for byte as it was; bad input is one line.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest


def listed(run, kind: str, path: Path) -> list[dict[str, str]]:
    status, out, err = run("list", kind, path, "--csv", "-")
    assert status == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def live_bank_lines(run, path: Path, through: dt.date,
                    after: dt.date = dt.date.min) -> list[dict[str, str]]:
    """The journal's lines on 1000 dated after ``after`` up to ``through`` whose record was
    never voided (a void posts an entry described "Void …" for the same source)."""
    rows = listed(run, "journal", path)
    voided = {(r["source"], r["source_id"]) for r in rows if r["description"].startswith("Void ")}
    return [r for r in rows if r["account"] == "1000"
            and after < dt.date.fromisoformat(r["date"]) <= through
            and (r["source"], r["source_id"]) not in voided]


def signed(row: dict[str, str]) -> Decimal:
    return Decimal(row["debit"] or "0") - Decimal(row["credit"] or "0")


@pytest.fixture
def first_month(run, book_copy) -> tuple[Path, dt.date, Decimal, list[dict[str, str]]]:
    """The demo copy, the end of its first month, the bank's balance then, its lines."""
    first = min(dt.date.fromisoformat(r["date"]) for r in listed(run, "journal", book_copy))
    end = month_end(first)
    lines = live_bank_lines(run, book_copy, end)
    return book_copy, end, sum((signed(r) for r in lines), Decimal(0)), lines


def figure(label: str, amount: object) -> str:
    """A line of the summary: the label, then the amount right-aligned."""
    return f"{label:<27}{amount!s:>14}"


def one_line(err: str) -> str:
    assert len(err.splitlines()) == 1, err
    return err


def test_a_month_of_the_demo_reconciles_then_guards_its_payments_until_undone(
        run, first_month):
    path, end, balance, lines = first_month
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", balance)
    assert (status, err) == (0, "")
    assert figure("Statement balance", balance) in out
    assert figure("Opening reconciled balance", "0.00") + "  (no earlier reconciliation)" in out
    assert figure(f"Cleared: {len(lines)} postings", balance) in out
    assert "Uncleared: none" in out
    assert figure("Difference", "0.00") in out
    assert out.endswith(f"Finished reconciliation 1 of 1000 Bank (statement {end}): "
                        f"{len(lines)} postings cleared.\n")
    assert run("check", path)[0] == 0

    payment = next(r for r in lines if r["source"] == "payment")
    number = f"PAY-{int(payment['source_id']):05d}"
    before = path.read_bytes()
    status, out, err = run("void", number, path, "--yes")  # the demo's lock speaks first
    assert (status, out) == (1, "")
    assert one_line(err) == (f"ledgerdesk: error: The books are locked through "
                             f"{dt.date(end.year, 12, 31)}; {number} is dated "
                             f"{payment['date']}.\n")
    assert run("lock", path, "--clear")[0] == 0
    before = path.read_bytes()
    status, out, err = run("void", number, path, "--yes")
    assert (status, out) == (1, "")
    assert one_line(err) == (
        f"ledgerdesk: error: {number} is cleared in reconciliation 1 of 1000 Bank (statement "
        f"{end}): undo that reconciliation first (ledgerdesk reconcile {path} --undo 1).\n")
    assert path.read_bytes() == before

    assert run("reconcile", path, "--undo", "1") == (
        0, f"Undid reconciliation 1 of 1000 Bank (statement {end}).\n", "")
    status, out, err = run("void", number, path, "--yes")
    assert (status, err) == (0, "") and out.startswith(f"Voided {number}")
    assert run("check", path)[0] == 0
    (row,) = listed(run, "reconciliations", path)
    assert row == {"id": "1", "account": "1000", "account_name": "Bank",
                   "statement_date": end.isoformat(), "opening_balance": "0.00",
                   "cleared": str(len(lines)), "cleared_total": f"{balance}",
                   "statement_balance": f"{balance}", "status": "undone"}


def test_a_wrong_balance_lists_what_does_not_match_and_changes_nothing(run, first_month):
    path, end, balance, _ = first_month
    later = min(live_bank_lines(run, path, dt.date.max, end), key=lambda r: r["date"])
    off = balance + signed(later)  # as if the statement had the next posting already
    before = path.read_bytes()
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", off)
    assert status == 1
    assert figure("Difference", signed(later)) in out
    assert "Would make it zero:" in out and later["description"][:20] in out
    assert one_line(err).startswith(
        f"ledgerdesk: error: difference: The difference is {signed(later)} EUR")
    assert path.read_bytes() == before
    assert listed(run, "reconciliations", path) == []


def test_the_next_month_starts_from_the_first_and_the_list_shows_both(run, first_month):
    path, end, balance, _ = first_month
    assert run("reconcile", path, "--account", "1000", "--statement-date", end,
               "--statement-balance", balance)[0] == 0
    nxt = month_end(end + dt.timedelta(days=1))
    closing = sum((signed(r) for r in live_bank_lines(run, path, nxt)), Decimal(0))
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", nxt,
                           "--statement-balance", closing)
    assert (status, err) == (0, "")
    assert (figure("Opening reconciled balance", balance)
            + f"  (reconciliation 1, statement {end})") in out
    rows = listed(run, "reconciliations", path)
    assert [(r["id"], r["opening_balance"], r["statement_balance"], r["status"])
            for r in rows] == [("1", "0.00", f"{balance}", "finished"),
                               ("2", f"{balance}", f"{closing}", "finished")]
    status, out, err = run("reconcile", path, "--undo", "1")
    assert status == 1 and "is not the latest of 1000 Bank: undo reconciliation 2" in \
        one_line(err)
    status, out, _ = run("list", "reconciliations", path)
    assert status == 0 and out.endswith("\n2 reconciliations\n")


@pytest.mark.parametrize(("args", "says"), [
    (("--account", "9999"), "account: There is no account 9999; the bank accounts are "
                            "1000 Bank, 1010 Savings."),
    (("--account", "4000"), "account: 4000 "),
    (("--account", "1000", "--statement-balance", "1.005"), "statement_balance: 1.005 has "
                                                             "more than 2 decimal places"),
])
def test_bad_input_is_one_line_and_changes_nothing(run, book_copy, args, says):
    options = {"--account": "1000", "--statement-date": "2025-06-30",
               "--statement-balance": "10.00"}
    options.update(dict(zip(args[::2], args[1::2], strict=True)))
    before = book_copy.read_bytes()
    status, out, err = run("reconcile", book_copy, *[x for kv in options.items() for x in kv])
    assert (status, out) == (1, "")
    assert one_line(err).startswith(f"ledgerdesk: error: {says}")
    assert book_copy.read_bytes() == before


@pytest.mark.parametrize(("args", "status", "says"), [
    (("--account", "1000", "--statement-date", "2025-06-30"), 1,
     "reconcile needs --account, --statement-date and --statement-balance (or --undo ID)."),
    (("--undo", "1", "--account", "1000"), 1, "--undo ID goes alone"),
    (("--account", "1000", "--statement-date", "2025-06-30", "--statement-balance", "1,00"),
     2, "argument --statement-balance: '1,00' is not an amount"),
    (("--account", "1000", "--statement-date", "30/06/2025", "--statement-balance", "1"),
     2, "argument --statement-date: '30/06/2025' is not a date"),
    (("--undo", "x"), 2, "argument --undo"),
    (("--undo", "7"), 1, "There is no reconciliation 7."),
])
def test_options_that_do_not_go_together_are_one_line(run, book_copy, args, status, says):
    got, out, err = run("reconcile", book_copy, *args)
    assert (got, out) == (status, "")
    assert says in one_line(err)


def test_a_statement_before_the_last_reconciled_one_and_an_overdraft(run, first_month):
    path, end, balance, _ = first_month
    assert run("reconcile", path, "--account", "1000", "--statement-date", end,
               "--statement-balance", balance)[0] == 0
    status, _, err = run("reconcile", path, "--account", "1000", "--statement-date",
                         end - dt.timedelta(days=1), "--statement-balance", balance)
    assert status == 1 and "statement_date: The statement date" in one_line(err)
    # A negative balance (an overdrawn account) is a value, not an option.
    status, out, err = run("reconcile", path, "--account", "1010", "--statement-date", end,
                           "--statement-balance", "-5.00")
    assert status == 1 and "Statement balance" in out and "-5.00" in out


# ---- --statement FILE: the bank's own lines decide what is cleared ----------------------------

def exported(run, path: Path, end: dt.date, to: Path, extra: str = "") -> int:
    """The demo's first month of 1000 as the bank would send it (plus ``extra`` lines);
    the number of statement lines."""
    status, _, err = run("export-statement", path, "--to", end, "-o", to)
    assert status == 0, err
    if extra:
        with to.open("a", encoding="utf-8") as f:
            f.write(extra)
    return len(to.read_text(encoding="utf-8").splitlines()) - 1


def test_a_statement_file_of_the_month_clears_every_line_it_matches(run, first_month, tmp_path):
    path, end, balance, lines = first_month
    statement = tmp_path / "month.csv"
    assert exported(run, path, end, statement) == len(lines)
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", balance, "--statement", statement)
    assert (status, err) == (0, "")
    assert f"Statement: {len(lines)} lines up to {end}, {len(lines)} in the book" in out
    assert "Not in the book: none" in out
    assert figure(f"Cleared: {len(lines)} postings", balance) in out
    assert figure("Difference", "0.00") in out
    assert out.endswith(f"{len(lines)} postings cleared.\n")
    (row,) = listed(run, "reconciliations", path)
    assert (row["cleared"], row["status"]) == (str(len(lines)), "finished")


FEE = "-7.50"


@pytest.fixture
def with_a_fee(run, first_month, tmp_path) -> tuple[Path, dt.date, Decimal, Path, int]:
    """The first month's statement with a bank fee the book does not have yet, a rule that
    knows it, and the lock cleared so the fee's journal may be dated in that month."""
    path, end, balance, _ = first_month
    statement = tmp_path / "fee.csv"
    count = exported(run, path, end, statement, f"{end},{FEE},Card fee,The Bank\n")
    assert run("lock", path, "--clear")[0] == 0
    assert run("bank-rule", path, "--reference-contains", "card fee", "--account", "6400",
               "--memo", "Bank fees")[0] == 0
    return path, end, balance + Decimal(FEE), statement, count


def test_a_line_not_in_the_book_is_listed_and_nothing_is_recorded(run, with_a_fee):
    path, end, closing, statement, count = with_a_fee
    journal = listed(run, "journal", path)
    before = path.read_bytes()
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", closing, "--statement", statement)
    assert status == 1
    assert f"Statement: {count} lines up to {end}, {count - 1} in the book" in out
    assert f"line {count + 1}: {end} {FEE} 'Card fee' 'The Bank': journal 6400 Utilities " \
           "by rule" in out
    assert figure("Difference", FEE) in out
    assert "--accept-suggestions" in one_line(err)
    assert listed(run, "journal", path) == journal
    assert path.read_bytes() == before


def test_accepting_the_suggestions_records_the_fee_and_finishes(run, with_a_fee):
    path, end, closing, statement, count = with_a_fee
    journal = listed(run, "journal", path)
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", closing, "--statement", statement,
                           "--accept-suggestions")
    assert (status, err) == (0, ""), out
    assert "Recorded: line " in out and "journal JNL-" in out
    assert figure("Difference", "0.00") in out
    new = [r for r in listed(run, "journal", path) if r not in journal]
    assert sorted((r["account"], r["debit"], r["credit"]) for r in new) == [
        ("1000", "", "7.50"), ("6400", "7.50", "")]
    (row,) = listed(run, "reconciliations", path)
    assert (row["cleared"], row["statement_balance"]) == (str(count), f"{closing}")
    assert run("check", path)[0] == 0


def test_accepting_with_a_wrong_balance_records_nothing(run, with_a_fee):
    path, end, closing, statement, _ = with_a_fee
    before = path.read_bytes()
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", closing + 1, "--statement", statement,
                           "--accept-suggestions")
    assert status == 1
    assert figure("Difference", "1.00") in out  # what it would be with the fee recorded
    assert "nothing was recorded" in one_line(err)
    assert path.read_bytes() == before
    assert listed(run, "reconciliations", path) == []


@pytest.mark.parametrize(("name", "text", "says"), [
    ("missing.csv", None, "missing.csv"),
    ("notes.xml", "<notes><note>hello</note></notes>\n", "notes.xml"),
    ("usd.csv", "date,amount,reference,currency\n2025-06-03,-5.00,fee,USD\n",
     "currency: is USD, but this book keeps its amounts in EUR"),
])
def test_a_statement_file_that_cannot_be_read_is_one_line(run, book_copy, tmp_path, name, text,
                                                          says):
    statement = tmp_path / name
    if text is not None:
        statement.write_text(text, encoding="utf-8")
    before = book_copy.read_bytes()
    status, out, err = run("reconcile", book_copy, "--account", "1000", "--statement-date",
                           "2025-06-30", "--statement-balance", "1", "--statement", statement)
    assert (status, out) == (1, "")
    assert says in one_line(err)
    assert book_copy.read_bytes() == before


def test_accept_suggestions_needs_a_statement(run, book_copy):
    status, out, err = run("reconcile", book_copy, "--account", "1000", "--statement-date",
                           "2025-06-30", "--statement-balance", "1", "--accept-suggestions")
    assert (status, out) == (1, "")
    assert "--accept-suggestions needs --statement FILE" in one_line(err)


def test_a_suggestion_inside_the_lock_is_refused_in_one_line_and_nothing_recorded(run,
                                                                                 with_a_fee):
    path, end, closing, statement, _ = with_a_fee
    assert run("lock", path, "--through", end)[0] == 0
    before = path.read_bytes()
    status, _, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                         "--statement-balance", closing, "--statement", statement,
                         "--accept-suggestions")
    assert status == 1
    assert "nothing was recorded" in one_line(err) and "locked" in err
    assert path.read_bytes() == before


def pdf_words(path: Path) -> str:
    import unicodedata

    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    return unicodedata.normalize("NFKC", text)  # the PDF's "ﬁ" ligature read as "fi"


def test_report_writes_the_window_s_page_finished_or_as_a_draft(run, first_month, tmp_path):
    path, end, balance, lines = first_month
    draft = tmp_path / "draft.pdf"
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", balance + 1, "--report", draft)
    assert status == 1 and listed(run, "reconciliations", path) == []
    words = pdf_words(draft)
    assert "DRAFT" in words and "Not finished: a difference of 1.00" in words
    assert f"{draft}: Bank reconciliation of 1000 Bank, 1 page." in out
    done = tmp_path / "done.pdf"
    status, out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", balance, "--report", done)
    assert status == 0, err
    words = pdf_words(done)
    assert "Finished (reconciliation 1)" in words and "DRAFT" not in words
    assert f"{len(lines)} postings cleared" in words
    assert "Every posting dated on or before the statement is cleared." in words


def test_report_into_a_missing_folder_is_refused_before_anything_is_recorded(
        run, first_month, tmp_path):
    path, end, balance, _ = first_month
    status, _out, err = run("reconcile", path, "--account", "1000", "--statement-date", end,
                           "--statement-balance", balance,
                           "--report", tmp_path / "nowhere" / "r.pdf")
    assert status != 0 and listed(run, "reconciliations", path) == []
    assert one_line(err).rstrip().endswith(
        "is not a folder; the report cannot be written there.")
