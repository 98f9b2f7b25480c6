"""Regressions found by the attack tests (``test_attack_*.py``): arguments no shell would
normally produce, each answered in one line, with every book left as it was."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

NOT_UTF8_CONTACT = "caf\udce9"  # "café" typed in a Latin-1 terminal
TOO_BIG = "99999999999999999999"  # past SQLite's 64-bit integers


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_error_line(err: str, start: str = "ledgerdesk") -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), err
    return lines[0]


@pytest.mark.parametrize("args", [
    ("check", "{nul}"),
    ("list", "contacts", "{book}", "--csv", "{nul}"),
    ("export-journal", "{book}", "-o", "{nul}"),
    ("import", "contacts", "{book}", "{nul}"),
    ("demo", "{nul}"),
    ("print", "INV-00001", "{book}", "-o", "{nul}"),
])
def test_a_file_name_with_a_nul_or_an_empty_one_is_refused_as_such(run, book_copy, args):
    for bad, why in (("a\x00b.csv", "NUL"), ("", "empty")):
        named = [bad if a == "{nul}" else str(book_copy) if a == "{book}" else a for a in args]
        before = digest(book_copy)
        status, _, err = run(*named)
        assert status == 2
        assert why in one_error_line(err, f"ledgerdesk {args[0]}: error: argument ")
        assert digest(book_copy) == before


def test_a_book_whose_name_is_not_utf8_is_read_and_named(run, book_copy, tmp_path):
    odd = tmp_path / os.fsdecode(b"caf\xe9.book")
    book_copy.rename(odd)
    status, out, err = run("check", odd)
    assert (status, err) == (0, "")
    assert out.startswith(f"OK: {tmp_path}/caf\\udce9.book: ")
    target = tmp_path / os.fsdecode(b"r\xe9sum\xe9.csv")
    status, out, err = run("trial-balance", odd, "--csv", target)
    assert (status, err) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("code,")
    assert "r\\udce9sum\\udce9.csv" in out


@pytest.mark.parametrize("args", [
    ("pay", "{book}", "--contact", NOT_UTF8_CONTACT, "--amount", "1", "--date", "2024-01-01"),
    ("pay", "{book}", "--contact", "1", "--amount", "1", "--date", "2024-01-01",
     "--allocate", "INV-0000\udcff=1"),
    ("report", "customer-statement", "{book}", "--contact", NOT_UTF8_CONTACT),
    ("add-account", "{book}", "7\udcff", "Name", "--type", "asset"),
    ("add-account", "{book}", "7000", NOT_UTF8_CONTACT, "--type", "asset"),
    ("print", "INV-0000\udcff", "{book}", "-o", "out.pdf"),
    ("demo", "new.book", "--company", NOT_UTF8_CONTACT),
])
def test_text_that_is_not_utf8_is_refused_before_it_reaches_the_book(
        run, book_copy, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    before = digest(book_copy)
    status, _, err = run(*[str(book_copy) if a == "{book}" else a for a in args])
    assert status == 2
    line = one_error_line(err, f"ledgerdesk {args[0]}: error: argument ")
    assert "is not UTF-8 text" in line and "\\udc" in line
    assert digest(book_copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.book"]


@pytest.mark.parametrize("args, says", [
    (("pay", "{book}", "--contact", TOO_BIG, "--amount", "1", "--date", "2024-01-01"),
     f"There is no contact named '{TOO_BIG}'."),
    (("pay", "{book}", "--contact", "²", "--amount", "1", "--date", "2024-01-01"),
     "There is no contact named '²'."),
    (("report", "supplier-statement", "{book}", "--contact", TOO_BIG),
     f"There is no contact named '{TOO_BIG}'."),
    (("print", "{book}", "--statement", "²", "-o", "out.pdf"),
     "There is no contact named '²'."),
])
def test_a_contact_id_no_book_can_hold_is_not_found(run, book_copy, args, says):
    status, _, err = run(*[str(book_copy) if a == "{book}" else a for a in args])
    assert status == 1
    assert one_error_line(err) == f"ledgerdesk: error: {says}"


@pytest.mark.parametrize("args, status, says", [
    (("sync", "{book}", "--retry", TOO_BIG), 2, f"argument --retry: '{TOO_BIG}' is not an id"),
    (("sync", "{book}", "--retry", "0"), 2, "argument --retry: '0' is not an id"),
    (("sync", "{book}", "--connection", TOO_BIG), 2, "argument --connection: '9"),
    (("disconnect", "{book}", "--connection", "-1"), 2, "argument --connection: '-1' is not"),
    (("link", "{book}", "--payment", f"{TOO_BIG}=T1"), 1, f"--payment '{TOO_BIG}' is not a"),
    (("link", "{book}", "--payment", "²=T1"), 1, "--payment '²' is not a payment id"),
    (("demo", "new.book", "--size", "²"), 2, "'²' is not a whole number of zero or more"),
    (("import", "bank", "{book}", "x.csv", "--keep-excess-as-credit", "²"), 2,
     "'²' is not a line's row"),
])
def test_an_id_or_count_that_is_no_whole_number_in_range_is_refused(
        run, book_copy, tmp_path, monkeypatch, args, status, says):
    monkeypatch.chdir(tmp_path)
    before = digest(book_copy)
    got, _, err = run(*[str(book_copy) if a == "{book}" else a for a in args])
    assert got == status
    assert says in one_error_line(err)
    assert digest(book_copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.book"]


@pytest.mark.parametrize("args", [
    ("list", "contacts", "{book}", "--csv", "{target}"),
    ("report", "sales-tax", "{book}", "--csv", "{target}"),
    ("trial-balance", "{book}", "--csv", "{target}"),
    ("export-journal", "{book}", "-o", "{target}"),
    ("print", "INV-00001", "{book}", "-o", "{target}"),
])
def test_an_export_is_never_written_over_a_book(run, book_copy, empty_book, tmp_path, args):
    other = tmp_path / "other.book"
    other.write_bytes(empty_book.read_bytes())
    link = tmp_path / "link.book"
    link.symlink_to(book_copy)
    for target in (book_copy, link, other):
        before = digest(book_copy), digest(other)
        status, out, err = run(*[str(book_copy) if a == "{book}" else
                                 str(target) if a == "{target}" else a for a in args])
        assert (status, out) == (1, "")
        assert one_error_line(err) == (f"ledgerdesk: error: {target}: is a database (a "
                                       "Ledgerdesk book?); writing over it would destroy it, "
                                       "so choose another file.")
        assert (digest(book_copy), digest(other)) == before
        assert not list(tmp_path.glob("*.partial"))


def test_a_usage_error_stays_on_one_line_with_controls_shown_inert(run, book_copy):
    status, _, err = run("list", "contacts", book_copy, "a\nb\x1b[31mc")
    assert status == 2
    line = one_error_line(err, "ledgerdesk: error: unrecognized arguments: ")
    assert "a b<U+001B>[31mc" in line


@pytest.mark.parametrize("args, named", [
    (("add-account", "--type=asset", "--", "{book}", "7000", "--"), "NAME"),
    (("add-account", "--type=--", "--", "{book}", "7000", "Marketing"), "--type"),
])
def test_a_double_dash_given_as_a_value_is_refused_in_one_line(run, book_copy, args, named):
    """Python 3.11's argparse turns such a "--" into an empty list, which reached the command."""
    before = digest(book_copy)
    status, _, err = run(*[str(book_copy) if a == "{book}" else a for a in args])
    assert status == 2
    assert f"argument {named}: '--' cannot be one" in one_error_line(err)
    assert digest(book_copy) == before


def test_a_double_dash_given_to_a_repeated_option_is_refused(run, book_copy):
    before = digest(book_copy)
    status, _, err = run("link", str(book_copy), "--payment=--")
    assert status == 2
    assert "argument --payment: '--' cannot be one" in one_error_line(err)
    assert digest(book_copy) == before
