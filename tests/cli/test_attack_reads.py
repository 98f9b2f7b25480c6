"""Attack: the commands that only read a book (``check``, ``summary``, ``trial-balance``,
``list``, ``report``, ``export-journal``) with hostile books, options and output files.

Whatever they are given, they exit 0, 1 or 2 with at most a few lines of error, and never
change a byte of any book (``cli_attack``), even when told to write their output over it.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cli_attack import attack_settings, option
from hostile_inputs import (
    DEMO_ACCOUNTS,
    DEMO_CONTACTS,
    book_files,
    dates,
    either,
    numbers,
    outputs,
    texts,
)
from ledgerdesk.cli.lists import LIST_KINDS
from ledgerdesk.cli.report_options import REPORT_NAMES

TEMPLATES = st.sampled_from(("demo", "empty"))
READERS = st.sampled_from((
    ("check",), ("summary",), ("trial-balance",), ("export-journal",), ("connections",),
    ("list", "journal"), ("list", "contacts"), ("report", "profit-and-loss"),
    ("report", "receivable-aging"),
))


@attack_settings(40)
@given(command=READERS, book=book_files(), template=TEMPLATES)
def test_reading_a_hostile_book_file(attacker, command, book, template):
    with attacker.scene() as scene:
        path = scene.file(book, template)
        outcome = scene.run(*command, "--", path)
        if book.kind in ("book", "link-to-book", "not-utf8-name"):
            assert outcome.status == 0, outcome


@attack_settings(40)
@given(kind=either(LIST_KINDS, texts()), only_open=st.booleans(), target=outputs(),
       csv=st.booleans(), bom=st.booleans(), joined=st.booleans(), template=TEMPLATES)
def test_list_with_hostile_options(attacker, kind, only_open, target, csv, bom, joined,
                                   template):
    with attacker.scene() as scene:
        book = scene.book(template)
        flags = ["--open"] * only_open + ["--bom"] * bom
        if csv:
            flags += option("--csv", scene.file(target, template), joined)
        scene.run("list", *flags, "--", kind, book)


@attack_settings(30)
@given(as_of=st.none() | dates(), target=st.none() | outputs(), bom=st.booleans(),
       joined=st.booleans(), template=TEMPLATES)
def test_trial_balance_with_hostile_options(attacker, as_of, target, bom, joined, template):
    with attacker.scene() as scene:
        book = scene.book(template)
        csv = scene.file(target, template) if target is not None else None
        scene.run("trial-balance", *option("--as-of", as_of, joined),
                  *option("--csv", csv, joined), *["--bom"] * bom, "--", book)


REPORT_OPTIONS = {
    "--as-of": dates(), "--from": dates(), "--to": dates(), "--previous-from": dates(),
    "--previous-to": dates(), "--compare-to": dates(),
    "--buckets": st.one_of(numbers(), texts(), st.sampled_from(("30,60,90", "1", "0,0",
                                                                 "90,60", "1,2,3,4,5,6,7"))),
    "--account": either(DEMO_ACCOUNTS, texts()), "--contact": either(DEMO_CONTACTS, texts()),
}


@st.composite
def report_options(draw: st.DrawFn) -> list[str]:
    chosen = draw(st.lists(st.sampled_from(sorted(REPORT_OPTIONS)), max_size=4, unique=True))
    args = []
    for flag in chosen:
        args += option(flag, draw(REPORT_OPTIONS[flag]), draw(st.booleans()))
    return args + ["--detail"] * draw(st.booleans())


@attack_settings(60)
@given(name=either(REPORT_NAMES, texts()), options=report_options(),
       target=st.none() | outputs(), template=TEMPLATES)
def test_report_with_hostile_options(attacker, name, options, target, template):
    with attacker.scene() as scene:
        book = scene.book(template)
        csv = option("--csv", scene.file(target, template)) if target is not None else []
        scene.run("report", *options, *csv, "--", name, book)


@attack_settings(25)
@given(target=outputs(), joined=st.booleans(), template=TEMPLATES)
def test_export_journal_to_hostile_files(attacker, target, joined, template):
    with attacker.scene() as scene:
        book = scene.book(template)
        scene.run("export-journal", *option("--output", scene.file(target, template), joined),
                  "--", book)
