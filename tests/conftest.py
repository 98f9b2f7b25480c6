"""Shared fixtures: a fresh book per test, and helpers that go through the services.

``book`` is a new book file in ``tmp_path``, set up as "Test Co" in EUR with the default
chart.  The helpers (``add_contact``, ``issue``, ``draft``, ``pay``) are fixtures returning
functions bound to that book, so a test reads like what a user does.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import settings

# Qt tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite reads English whatever this machine speaks (LANG, LANGUAGE …): the command line
# and the window take their language from here first.  Tests of other languages set it.
os.environ["LEDGERDESK_LANGUAGE"] = "en"

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, TaxMode
from ledgerdesk.domain.payments import PaymentKind

# On CI (.ci/run sets CI), Hypothesis draws the same examples every run, so a red build is
# the change's and can be run again; elsewhere it explores, and keeps what it found in
# .hypothesis/ to try first next time.  No deadline: a loaded 2-core machine is no failure.
settings.register_profile("ci", derandomize=True, database=None, deadline=None,
                          print_blob=True)
settings.register_profile("explore", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "explore")

DAY = dt.date(2024, 1, 15)

_ACCOUNT_FOR = {
    DocumentKind.SALES_INVOICE: "4000",
    DocumentKind.SALES_CREDIT_NOTE: "4000",
    DocumentKind.BILL: "6000",
    DocumentKind.PURCHASE_CREDIT_NOTE: "6000",
}


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts, and leaves the next one, in English (a test that switched to German
    cannot leave its words behind)."""
    import gettext

    from ledgerdesk.domain import i18n

    i18n.use(gettext.NullTranslations(), "en")
    yield
    i18n.use(gettext.NullTranslations(), "en")
    if (qt_language := sys.modules.get("ledgerdesk.ui.qt_language")) is not None:
        qt_language.use_qt_language("en")  # Qt's own words (Save, Cancel) too


@pytest.fixture
def speaking() -> Callable[[str], None]:
    """``speaking("de")``: the process's messages in that language from now on (reset to
    English after the test)."""
    from ledgerdesk.presentation.language import use_language

    return use_language


@pytest.fixture
def book(tmp_path) -> Iterator[Any]:
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    opened = create_book(tmp_path / "t.book")
    try:
        initialise_book(opened, "Test Co", "EUR")
        yield opened
    finally:
        opened.close()


def new_contact(book, name: str, role: ContactRole = ContactRole.BOTH, **extra) -> int:
    from ledgerdesk.services.commands import NewContact
    from ledgerdesk.services.contacts import add_contact

    return add_contact(book, NewContact(name=name, role=role, **extra))


def document_draft(
    contact_id: int,
    amount: str | Decimal = "100",
    kind: DocumentKind = DocumentKind.SALES_INVOICE,
    *,
    tax_rate: str = "0",
    issue_date: dt.date = DAY,
    due_date: dt.date | None = None,
    lines: list[dict] | None = None,
    tax_mode: TaxMode = TaxMode.EXCLUSIVE,
    **extra,
):
    """A one-line draft of ``amount`` (plus tax at ``tax_rate``) unless ``lines`` are given;
    ``extra``: the draft's other fields (``currency``, ``exchange_rate``, ``reference``)."""
    from ledgerdesk.services.commands import DocumentDraft, LineInput

    if lines is None:
        lines = [{"description": "item", "unit_price": Decimal(amount),
                  "account_code": _ACCOUNT_FOR[kind], "tax_rate": Decimal(tax_rate)}]
    return DocumentDraft(
        kind=kind, contact_id=contact_id, issue_date=issue_date, due_date=due_date,
        tax_mode=tax_mode, lines=[LineInput(**line) for line in lines], **extra,
    )


def issue_document(book, contact_id: int, amount: str | Decimal = "100",
                   kind: DocumentKind = DocumentKind.SALES_INVOICE, **kw) -> tuple[int, str]:
    """Create and authorise a document through the services; returns (id, number)."""
    from ledgerdesk.services.documents import authorise_document, save_draft

    document_id = save_draft(book, document_draft(contact_id, amount, kind, **kw))
    return document_id, authorise_document(book, document_id)


def record(book, contact_id: int, amount: str | Decimal, *allocs: tuple[int, str | Decimal],
           kind: PaymentKind = PaymentKind.CUSTOMER_RECEIPT, keep: bool = False,
           date: dt.date = DAY, **kw):
    """Record a payment through the services; returns its ``RecordedPayment``."""
    from ledgerdesk.services.payments import record_payment

    return record_payment(book, payment_command(contact_id, amount, *allocs, kind=kind,
                                                keep=keep, date=date, **kw))


def payment_command(contact_id: int, amount: str | Decimal, *allocs: tuple[int, str | Decimal],
                    kind: PaymentKind = PaymentKind.CUSTOMER_RECEIPT, keep: bool = False,
                    date: dt.date = DAY, **kw):
    from ledgerdesk.services.commands import AllocationInput, RecordPayment

    return RecordPayment(
        kind=kind, contact_id=contact_id, date=date, amount=Decimal(amount),
        allocations=[AllocationInput(document_id=d, amount=Decimal(a)) for d, a in allocs],
        keep_excess_as_credit=keep, **kw,
    )


def outstanding(book, document_id: int) -> Decimal:
    """What the book says is still owed on a document (read fresh)."""
    with book.read() as tx:
        return tx.open_documents([document_id])[document_id].outstanding.amount


@pytest.fixture
def add_contact(book) -> Callable[..., int]:
    return lambda name, role=ContactRole.BOTH, **extra: new_contact(book, name, role, **extra)


@pytest.fixture
def contact_in() -> Callable[..., int]:
    """``contact_in(other_book, name, role=BOTH, **extra)``: for a book the test opened."""
    return new_contact


@pytest.fixture
def snapshot_of() -> Callable[[Any], dict[str, Any]]:
    """``snapshot_of(other_book)``: what ``state()`` gives, for a book the test opened."""
    return snapshot


@pytest.fixture
def customer(book) -> int:
    return new_contact(book, "Acme Retail", ContactRole.CUSTOMER)


@pytest.fixture
def supplier(book) -> int:
    return new_contact(book, "Paper Supplies", ContactRole.SUPPLIER)


@pytest.fixture
def issue(book) -> Callable[..., tuple[int, str]]:
    """``issue(contact_id, amount="100", kind=SALES_INVOICE, tax_rate=..., ...)``."""
    return lambda *args, **kw: issue_document(book, *args, **kw)


@pytest.fixture
def draft(book) -> Callable[..., int]:
    """``draft(contact_id, amount, kind)``: save a draft, return its id."""
    from ledgerdesk.services.documents import save_draft

    return lambda *args, **kw: save_draft(book, document_draft(*args, **kw))


@pytest.fixture
def pay(book) -> Callable[..., Any]:
    """``pay(contact_id, amount, (doc_id, amount), ..., kind=..., keep=...)``."""
    return lambda *args, **kw: record(book, *args, **kw)


@pytest.fixture
def owed(book) -> Callable[[int], Decimal]:
    return lambda document_id: outstanding(book, document_id)


def account_balances(book) -> dict[str, Decimal]:
    """Trial balance as {account code: balance}, debit positive."""
    return {row.code: row.balance.amount for row in book.queries().trial_balance()}


def snapshot(book) -> dict[str, Any]:
    """Everything a user could see change: balances, documents, payments, journal size."""
    queries = book.queries()
    every_kind = list(DocumentKind)
    return {
        "balances": account_balances(book),
        "documents": [
            (d.id, d.number, d.lifecycle, d.total, d.outstanding)
            for d in queries.list_documents(every_kind)
        ],
        "payments": [(p.id, p.amount, p.voided) for p in queries.list_payments()],
        "entries": sum(1 for _ in queries.journal()),
    }


@pytest.fixture
def balances(book) -> Callable[[], dict[str, Decimal]]:
    return lambda: account_balances(book)


@pytest.fixture
def state(book) -> Callable[[], dict[str, Any]]:
    return lambda: snapshot(book)


@pytest.fixture
def day() -> dt.date:
    """The date the helpers issue documents and record payments on by default."""
    return DAY


@pytest.fixture
def command() -> Callable[..., Any]:
    """``command(contact_id, amount, (doc_id, amount), ..., kind=, keep=, client_token=)``."""
    return payment_command


@pytest.fixture
def book_at_0001(tmp_path) -> Any:
    """A book file as schema revision 0001 left it, holding one contact, "Old Customer"."""
    import sqlite3

    from ledgerdesk.storage import migrate
    from ledgerdesk.storage.engine import APPLICATION_ID, make_engine

    path = tmp_path / "old.book"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO contacts (name, role) VALUES ('Old Customer', 'CUSTOMER')")
    conn.close()
    return path


class FifoReader:
    """A named pipe with a reader thread: what is written to ``path`` arrives in
    ``received()``.  The pipe is held open for writing here too, so the reader never sees
    the end before the writer came, and a writer that never comes cannot hang the test."""

    def __init__(self, path: Any) -> None:
        import threading

        os.mkfifo(path)
        self.path = path
        self._read = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(self._read, True)
        self._hold: int | None = os.open(path, os.O_WRONLY)
        self._chunks: list[bytes] = []
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        while chunk := os.read(self._read, 65536):
            self._chunks.append(chunk)

    def received(self) -> bytes:
        """Everything written so far (the pipe is closed on our side first)."""
        self.close()
        self._thread.join(10)
        return b"".join(self._chunks)

    def close(self) -> None:
        if self._hold is not None:
            os.close(self._hold)
            self._hold = None


@pytest.fixture
def fifo(tmp_path) -> Iterator[Callable[[str], FifoReader]]:
    """``fifo(name)``: a named pipe in ``tmp_path`` with a reader (``FifoReader``)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are a POSIX thing")
    made: list[FifoReader] = []

    def make(name: str) -> FifoReader:
        made.append(FifoReader(tmp_path / name))
        return made[-1]

    yield make
    for reader in made:
        reader.received()
        os.close(reader._read)


# ---- the command line, in-process ------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The small demo book; tests must not change it (copy it, e.g. ``book_copy``)."""
    from ledgerdesk.cli import main

    path = tmp_path_factory.mktemp("demo") / "demo.book"
    assert main(["demo", str(path)]) == 0
    return path


@pytest.fixture(scope="session")
def empty_book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A set-up book with nothing in it ("Test Co", EUR); tests must not change it."""
    from ledgerdesk.app.files import new_book

    path = tmp_path_factory.mktemp("empty") / "empty.book"
    new_book(path, company="Test Co", currency="EUR").close()
    return path


@pytest.fixture
def attacker(capsys: pytest.CaptureFixture[str], demo_book: Any, empty_book: Any,
             tmp_path: Any) -> Any:
    """Scenes for the attack tests: hostile input, checked outcomes (``cli_attack``)."""
    from cli_attack import Attacker

    return Attacker(capsys, {"demo": demo_book, "empty": empty_book}, tmp_path)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``run(*args)`` -> (exit status, stdout, stderr) of ``ledgerdesk args`` in-process."""
    from ledgerdesk.cli import main

    def _run(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return _run


# ---- storage failures: injected, and real ones as root ----------------------------------------


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Every SQLite connection counts its write steps; ``fail_at(n, kind)`` fails the nth
    (``fault_injection.py``)."""
    from fault_injection import Faults

    return Faults().install(monkeypatch)


@pytest.fixture
def as_root() -> None:
    """Skips, saying why, unless the tests run as root (mounting needs it)."""
    from file_systems import NOT_ROOT, is_root

    if not is_root():
        pytest.skip(NOT_ROOT)


# ---- Qt: work left running, and what Qt says about threads ------------------------------------

#: What Qt says just before a crash of the kind a thread or a deleted object causes.
QT_THREAD_HAZARDS = (
    "QThread: Destroyed while thread",
    "shared QObject was deleted directly",
    "Timers cannot be stopped from another thread",
    "Timers cannot be started from another thread",
    "Cannot create children for a parent that is in a different thread",
    "new parent is in a different thread",
    "is not the object's thread",
    "Socket notifiers cannot be enabled or disabled from another thread",
    "outside the GUI thread",
)

_QT_LOG = pytest.StashKey[Any]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Keep pytest-qt's record of Qt's messages for the check at teardown."""
    item.stash[_QT_LOG] = getattr(item, "qt_log_capture", None)
    return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item):
    """A test fails, instead of crashing the run at random, when it leaves background work
    running (pytest-qt then deletes its widgets, and fixtures close the book it reads) or
    when Qt warned about threads; the work is stopped first, while its book is still open."""
    problems = [f"Qt said: {record.message}"
                for record in getattr(item.stash.get(_QT_LOG, None), "records", [])
                if any(hazard in record.message for hazard in QT_THREAD_HAZARDS)]
    workers = sys.modules.get("ledgerdesk.ui.workers")
    if workers is not None and (left := workers.running_tasks()):
        workers.stop_tasks()
        problems.append(f"{len(left)} background task(s) still running at the end of the test "
                        "(wait for the answer, or stop() it)")
    result = yield
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    return result


@pytest.fixture
def no_gc() -> Iterator[None]:
    """Python's cycle collector stays out of the sequence under test: where it happens to run
    first, it can free objects in another order than the one the test is about."""
    import gc

    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture
def deliver_answer() -> Callable[..., None]:
    """``deliver_answer(task, until)``: deliver what a background task's thread sent to the
    GUI thread, and nothing else (no deferred deletion), until ``until()`` holds."""
    import time

    from PySide6.QtCore import QCoreApplication, QEvent

    def deliver(task: Any, until: Callable[[], bool], timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while not until():
            assert time.monotonic() < deadline, "no answer came"
            QCoreApplication.sendPostedEvents(task, QEvent.Type.MetaCall)
            time.sleep(0.001)

    return deliver


@pytest.fixture
def installed():
    """``installed(name, package=name)``: the path of a command-line tool (ledger, hledger,
    the freedesktop validators).  Missing, the test is skipped on a developer's machine but
    fails on CI (``CI`` set), where .ci/run installs it: a check that quietly stops running
    would look the same as one that passes."""
    def find(name: str, package: str | None = None) -> str:
        path = shutil.which(name)
        if path is None:
            why = f"{name} is not installed (apt-get install {package or name})"
            if os.environ.get("CI"):
                pytest.fail(why)
            pytest.skip(why)
        return path

    return find


# ---- the ECB's reference rates files, small but in their real shape ----------------------------

#: ``eurofxref.csv``: a space after each comma, the date written out, a comma at the end.
ECB_DAILY = (
    "Date, USD, JPY, BGN, CZK, DKK, GBP, HUF, PLN, RON, SEK, CHF, ISK, NOK, TRY, AUD, BRL, "
    "CAD, CNY, HKD, IDR, ILS, INR, KRW, MXN, MYR, NZD, PHP, SGD, THB, ZAR, \n"
    "04 December 2026, 1.0543, 158.20, 1.9558, 25.123, 7.4582, 0.83125, 410.55, 4.2660, "
    "4.9753, 11.4830, 0.9312, 146.90, 11.7220, 36.512, 1.6342, 6.3040, 1.4812, 7.6815, "
    "8.2050, 16892.35, 3.8050, 89.4570, 1478.52, 21.5030, 4.7020, 1.8020, 61.412, 1.4140, "
    "36.210, 19.0510, \n"
)
#: ``eurofxref-hist.csv``: newest first, ISO dates, N/A where a currency had no rate, and
#: columns of currencies that joined the euro.
ECB_HIST = (
    "Date,USD,JPY,BGN,CYP,CZK,DKK,EEK,GBP,HUF,CHF,HRK,\n"
    "2026-12-04,1.0543,158.20,1.9558,N/A,25.123,7.4582,N/A,0.83125,410.55,0.9312,N/A,\n"
    "2026-12-03,1.0512,157.85,1.9558,N/A,25.210,7.4585,N/A,0.83010,409.90,0.9298,N/A,\n"
    "2026-12-01,1.0498,157.10,1.9558,N/A,25.180,7.4580,N/A,0.82950,410.10,0.9305,N/A,\n"
    "1999-01-04,1.1789,133.73,N/A,0.58231,35.107,7.4501,15.6466,0.7111,251.48,1.6168,N/A,\n"
)


@pytest.fixture
def ecb_file(tmp_path: Any) -> Callable[..., Any]:
    """``ecb_file("daily" | "hist", zipped=False, text=None)``: the file as downloaded (the
    zip holds the CSV under its own name); ``text`` replaces the CSV's content."""
    import zipfile
    from pathlib import Path

    def _make(kind: str = "daily", zipped: bool = False, text: str | None = None) -> Path:
        name = "eurofxref.csv" if kind == "daily" else "eurofxref-hist.csv"
        content = text if text is not None else ECB_DAILY if kind == "daily" else ECB_HIST
        csv_path = Path(tmp_path) / name
        csv_path.write_text(content, encoding="utf-8")
        if not zipped:
            return csv_path
        zip_path = csv_path.with_suffix(".zip")
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(csv_path, name)
        return zip_path

    return _make


@pytest.fixture
def chf_book(tmp_path: Any) -> Iterator[Any]:
    """A new book kept in CHF (rates through the euro)."""
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    opened = create_book(tmp_path / "chf.book")
    try:
        initialise_book(opened, "Atelier GmbH", "CHF")
        yield opened
    finally:
        opened.close()
