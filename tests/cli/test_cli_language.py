"""The command line speaks the system's language (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``), or ``LEDGERDESK_LANGUAGE``; the suite itself is English whatever the machine says
(tests/conftest.py), and amounts keep the book's locale."""

from __future__ import annotations

import csv

import pytest

ROWS = [["Name", "Role"], *([f"Contact {i}", "customer"] for i in range(5))]


@pytest.fixture
def bad_contacts(tmp_path):
    rows = [list(row) for row in ROWS]
    rows[3][1] = "vendor"
    path = tmp_path / "contacts.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "1 problem in 5 rows; nothing was imported:"),
    ("de", "1 Problem in 5 Zeilen; nichts wurde importiert:"),
    ("fr", "1 problème dans 5 lignes ; rien n’a été importé :"),
    ("es", "1 problema en 5 filas; no se importó nada:"),
])
def test_an_import_refused_is_told_in_the_chosen_language(
        run, monkeypatch, empty_book, bad_contacts, language, expected):
    monkeypatch.setenv("LEDGERDESK_LANGUAGE", language)
    status, _out, err = run("import", "contacts", empty_book, bad_contacts)
    assert status == 1
    assert expected in err


def test_without_a_choice_the_systems_language_is_spoken(
        run, monkeypatch, empty_book, bad_contacts):
    for name in ("LEDGERDESK_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_CH.UTF-8")
    assert "1 Problem in 5 Zeilen" in run("import", "contacts", empty_book, bad_contacts)[2]
    monkeypatch.setenv("LANGUAGE", "pt_BR:fr")  # the first one we have words for wins
    assert "1 problème dans 5 lignes" in run("import", "contacts", empty_book,
                                             bad_contacts)[2]
    monkeypatch.setenv("LANGUAGE", "pt_BR")
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")  # none we have: English
    assert "1 problem in 5 rows" in run("import", "contacts", empty_book, bad_contacts)[2]


def test_the_suite_is_english_even_where_the_machine_speaks_german(
        run, monkeypatch, empty_book, bad_contacts):
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")
    assert "1 problem in 5 rows" in run("import", "contacts", empty_book, bad_contacts)[2]


def test_a_list_has_its_headings_and_last_line_in_the_chosen_language_never_cut(
        run, monkeypatch, demo_book):
    """The column titles were English in every language, and a longer heading was cut to
    fit the English one's width ("Sto…" for "Storniert")."""
    monkeypatch.setenv("LEDGERDESK_LANGUAGE", "de")
    status, out, _err = run("list", "payments", demo_book)
    heading = out.splitlines()[0].split()
    assert status == 0
    assert heading[:3] == ["Nummer", "Datum", "Art"] and heading[-1] == "Storniert"
    assert out.rstrip().endswith("Zahlungen")
