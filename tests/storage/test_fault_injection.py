"""SQLite fails at every write step of recording a payment, authorising an invoice, an
import, recording and voiding a manual journal, the demo and an upgrade, with a full disk,
a disk error or a file made read-only (``fault_injection.py``).  Each time the user reads
one named sentence, and the book file is byte for byte what it was (the write rolled back,
the WAL checkpointed away) and passes ``ledgerdesk check``."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.storage import errors, open_book

KINDS = ["full", "ioerr", "readonly"]
NAMED = {"full": errors.DiskFull, "ioerr": errors.DiskError, "readonly": errors.ReadOnly}
SAVED_NOTHING = ", so nothing was saved"
TODAY = dt.date.today().isoformat()  # after the demo's closed and locked year
PAY = ["--contact", "Bluebell Nursery", "--amount", "10", "--date", TODAY,
       "--allocate", "INV-00025=10"]


def sentence(kind: str, path: Path, outcome: str = SAVED_NOTHING) -> str:
    """What the user reads when SQLite failed with ``kind`` while writing ``path``."""
    return {
        "full": f"The disk holding {path} is full{outcome}. Free some space on it and try "
                "again.",
        "ioerr": f"The disk holding {path} reported an error (SQLite: disk I/O error){outcome}."
                 " Check the disk (or the network, for a shared folder) and try again.",
        "readonly": f"{path} is read-only{outcome}: Ledgerdesk can show it but not change it. "
                    "Make the file writable, or copy it to a folder you can write to.",
    }[kind]


def sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(f"{path.name}?*"))


def every_step(faults, attempt, kind: str):
    """Count the write steps of ``attempt()``, undo nothing (it must succeed), then fail
    each step in turn; yields (step, statement made to fail) after each failed attempt."""
    total = faults.steps
    assert total > 0
    for step in range(1, total + 1):
        faults.fail_at(step, kind)
        attempt()
        assert faults.failed, f"step {step} of {total} was never reached"
        failed = faults.failed[0]
        faults.count()
        yield step, failed


@pytest.fixture
def copy_of(tmp_path):
    def copy(source: Path, name: str) -> Path:
        target = tmp_path / name
        shutil.copyfile(source, target)
        return target
    return copy


@pytest.mark.parametrize("kind", KINDS)
def test_pay(run, faults, demo_book, copy_of, kind):
    counted = copy_of(demo_book, "counted.book")
    faults.count()
    assert run("pay", counted, *PAY)[0] == 0
    path = copy_of(demo_book, "pay.book")
    original = path.read_bytes()
    result = {}
    for step, failed in every_step(faults, lambda: result.update(r=run("pay", path, *PAY)),
                                   kind):
        status, out, err = result["r"]
        where = f"step {step} ({failed[:40]!r})"
        assert status == 1 and out == "", where
        assert err == f"ledgerdesk: error: {sentence(kind, path)}\n", where
        assert path.read_bytes() == original and sidecars(path) == [], where
    assert run("check", path)[0] == 0


JOURNAL = ["--date", TODAY, "--memo", "Owner's capital",
           "--debit", "1000=2500:From the owner", "--credit", "3000=2500"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", ["journal", "void"])
def test_journal(run, faults, demo_book, copy_of, kind, command):
    """Recording a journal takes its number, saves it and posts it; voiding posts the
    reversal and marks it: failing at any of those steps leaves the book as it was."""
    recorded = {}

    def prepared(name: str) -> Path:
        path = copy_of(demo_book, name)
        if command == "void":  # the journal just recorded: the demo's are in its locked year
            status, out, _ = run("journal", path, *JOURNAL)
            assert status == 0
            recorded["number"] = re.search(r"JNL-\d{5}", out).group()
        return path

    counted, path = prepared("counted.book"), prepared("journal.book")
    args = {"journal": ["journal", None, *JOURNAL],
            "void": ["void", recorded.get("number"), None, "--yes"]}
    faults.count()
    assert run(*[counted if a is None else a for a in args[command]])[0] == 0
    original = path.read_bytes()
    result = {}
    attempt = lambda: result.update(r=run(*[path if a is None else a for a in args[command]]))  # noqa: E731
    for step, failed in every_step(faults, attempt, kind):
        status, out, err = result["r"]
        where = f"step {step} ({failed[:40]!r})"
        assert status == 1 and out == "", where
        assert err == f"ledgerdesk: error: {sentence(kind, path)}\n", where
        assert path.read_bytes() == original and sidecars(path) == [], where
    assert run("check", path)[0] == 0


@pytest.mark.parametrize("kind", KINDS)
def test_import(run, faults, demo_book, copy_of, tmp_path, kind):
    rows = tmp_path / "invoices.csv"
    rows.write_text("contact,date,description,unit_price,account\n"
                    f"Brand New Ltd,{TODAY},Design work,450.00,4000\n"
                    f"Bluebell Nursery,{TODAY},Plants,120.50,4000\n", encoding="utf-8")
    command = ["import", "invoices", None, rows, "--create-contacts"]
    counted = copy_of(demo_book, "counted.book")
    faults.count()
    assert run(*[counted if a is None else a for a in command])[0] == 0
    path = copy_of(demo_book, "import.book")
    original = path.read_bytes()
    result = {}
    attempt = lambda: result.update(r=run(*[path if a is None else a for a in command]))  # noqa: E731
    for step, failed in every_step(faults, attempt, kind):
        status, _out, err = result["r"]
        where = f"step {step} ({failed[:40]!r})"
        assert status == 1, where
        assert err == f"ledgerdesk: error: {sentence(kind, path)}\n", where
        assert path.read_bytes() == original and sidecars(path) == [], where
    assert run("check", path)[0] == 0


def test_demo_replacing_a_book(run, faults, book, book_path, copy_of):
    """``demo --force`` over an existing book: a failed build keeps the old book.  Its
    ~190 steps (four transactions: schema, setup, company, data) take a fifth of a second
    each, so each step fails once, with the three kinds of failure in turn."""
    book.close()
    counted = copy_of(book_path, "counted.book")
    faults.count()
    assert run("demo", counted, "--size", "24", "--force")[0] == 0
    total = faults.steps
    original = book_path.read_bytes()
    for step in range(1, total + 1):
        kind = KINDS[step % len(KINDS)]
        faults.fail_at(step, kind)
        status, out, err = run("demo", book_path, "--size", "24", "--force")
        where = f"step {step} of {total} ({faults.failed[:1]!r}, {kind})"
        faults.count()
        assert status == 1 and out == "", where
        assert err == (f"ledgerdesk: error: "
                       f"{sentence(kind, book_path, ', so the book was not created')}\n"), where
        assert book_path.read_bytes() == original and sidecars(book_path) == [], where
    assert run("check", book_path)[0] == 0


@pytest.mark.parametrize("kind", KINDS)
def test_upgrade(faults, book_at_0001, copy_of, kind):
    """Opening an older book backs it up, then upgrades it: failing at any step of either
    (the backup is a step) leaves the book as it was and no backup file."""
    counted = copy_of(book_at_0001, "counted.book")
    faults.count()
    open_book(counted).close()
    counted.unlink()
    shutil.rmtree(book_at_0001.parent / "counted.book.backups")
    original = book_at_0001.read_bytes()
    outcome = ", so the book could not be upgraded for this version of Ledgerdesk (it is unchanged)"
    caught = {}

    def attempt() -> None:
        with pytest.raises(errors.BookError) as raised:
            open_book(book_at_0001)
        caught["e"] = raised.value

    for step, failed in every_step(faults, attempt, kind):
        where = f"step {step} ({failed[:40]!r})"
        assert type(caught["e"]) is NAMED[kind], where
        assert str(caught["e"]) == sentence(kind, book_at_0001, outcome), where
        assert book_at_0001.read_bytes() == original, where
        assert sorted(p.name for p in book_at_0001.parent.iterdir()) == [book_at_0001.name]
    open_book(book_at_0001).close()  # and with the disk working again, it upgrades


@pytest.fixture
def draft_invoice(tmp_path) -> tuple[Path, int]:
    """A closed book holding one customer and one draft invoice (its id)."""
    from ledgerdesk.domain.contacts import ContactRole
    from ledgerdesk.domain.documents import DocumentKind
    from ledgerdesk.services.commands import DocumentDraft, LineInput, NewContact
    from ledgerdesk.services.contacts import add_contact
    from ledgerdesk.services.documents import save_draft
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage import create_book

    path = tmp_path / "drafts.book"
    with create_book(path) as book:
        initialise_book(book, "Test Co", "EUR")
        customer = add_contact(book, NewContact(name="Acme Retail", role=ContactRole.CUSTOMER))
        line = LineInput(description="Design", unit_price=Decimal(100), account_code="4000")
        document_id = save_draft(book, DocumentDraft(
            kind=DocumentKind.SALES_INVOICE, contact_id=customer,
            issue_date=dt.date(2024, 1, 15), lines=[line]))
    return path, document_id


@pytest.mark.parametrize("kind", KINDS)
def test_authorise(faults, draft_invoice, copy_of, kind):
    from ledgerdesk.services.documents import authorise_document

    path, document_id = draft_invoice
    with open_book(copy_of(path, "counted.book")) as counted:
        faults.count()
        authorise_document(counted, document_id)
    original = path.read_bytes()
    caught = {}

    def attempt() -> None:
        with open_book(path) as book, pytest.raises(errors.BookError) as raised:
            authorise_document(book, document_id)
        caught["e"] = raised.value

    for step, failed in every_step(faults, attempt, kind):
        where = f"step {step} ({failed[:40]!r})"
        assert type(caught["e"]) is NAMED[kind], where
        assert str(caught["e"]) == sentence(kind, path), where
        assert path.read_bytes() == original and sidecars(path) == [], where
