"""Attack: ``pay`` and ``add-account``, the commands that write one thing to a book, with
hostile contacts, amounts, dates, allocations, accounts and books.

A refused payment or account changes no byte of the book; one that is recorded leaves a
book that passes ``ledgerdesk check`` (``cli_attack``).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cli_attack import attack_settings, option
from hostile_inputs import (
    DEMO_ACCOUNTS,
    DEMO_CONTACTS,
    DEMO_DOCUMENTS,
    DEMO_PAYMENTS,
    book_files,
    dates,
    either,
    mostly,
    numbers,
    texts,
)
from ledgerdesk.cli.accounts import TYPE_NAMES

TEMPLATES = st.sampled_from(("demo", "empty"))
GOOD_DATES = st.sampled_from(("2030-01-15", "2031-06-30", "9999-12-31"))
GOOD_AMOUNTS = st.sampled_from(("10", "0.01", "120.50", "5000", "0"))


@st.composite
def payments(draw: st.DrawFn) -> list[str]:
    """``pay``'s options: one the demo book takes, with each part hostile one time in four."""
    contact, document, amounts = draw(st.sampled_from(DEMO_PAYMENTS))
    amount = draw(st.sampled_from(amounts))
    allocate = [f"{document}={draw(mostly(st.just(amount), numbers()))}"]
    allocate = draw(mostly(st.just(allocate), st.lists(allocations(), max_size=3)))
    joined = draw(st.booleans())
    args = [*option("--contact", draw(mostly(st.just(contact), contacts())), joined),
            *option("--amount", draw(mostly(st.just(amount), numbers())), joined),
            *option("--date", draw(mostly(GOOD_DATES, dates())), joined)]
    for pair in allocate:
        args += option("--allocate", pair, joined)
    for flag, value in (("--bank", either(DEMO_ACCOUNTS, texts())), ("--reference", texts())):
        args += option(flag, draw(st.none() | value), joined)
    flags = draw(st.lists(st.sampled_from(("--keep-excess-as-credit", "--refund")),
                          max_size=2, unique=True))
    return args + flags


def contacts() -> st.SearchStrategy[str]:
    return either(DEMO_CONTACTS, texts())


def allocations() -> st.SearchStrategy[str]:
    pair = st.builds(lambda doc, amount: f"{doc}={amount}",
                     either(DEMO_DOCUMENTS, texts()), st.one_of(GOOD_AMOUNTS, numbers()))
    return st.one_of(pair, texts())


@attack_settings(60)
@given(args=payments(), template=st.sampled_from(("demo", "demo", "empty")))
def test_pay_with_hostile_arguments(attacker, args, template):
    with attacker.scene() as scene:
        scene.run("pay", *args, "--", scene.book(template), writes=True)


@attack_settings(20)
@given(book=book_files(), template=TEMPLATES)
def test_pay_into_a_hostile_book_file(attacker, book, template):
    with attacker.scene() as scene:
        path = scene.file(book, template)
        scene.run("pay", "--contact=Harbour Lights Café", "--amount=10", "--date=2024-01-15",
                  "--allocate=INV-00001=10", "--", path, writes=True)


@attack_settings(40)
@given(code=either(("7000", "1000", "6500", "99999"), texts()),
       name=either(("Marketing", "Bank", "Sales"), texts()),
       kind=either(tuple(TYPE_NAMES), texts()), bank=st.booleans(), book=book_files(),
       template=TEMPLATES)
def test_add_account_with_hostile_arguments(attacker, code, name, kind, bank, book, template):
    with attacker.scene() as scene:
        path = scene.file(book, template)
        scene.run("add-account", f"--type={kind}", *["--bank"] * bank, "--", path, code, name,
                  writes=True)
