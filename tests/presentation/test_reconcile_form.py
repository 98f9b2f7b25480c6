"""The Reconcile page's presenter: a statement typed in the book's locale, postings ticked
one by one with a live difference, Finish only at zero (in the command line's words),
Undo of the latest, and a report whose book balance is the ledger's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.reconcile import ReconcileForm
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal
from ledgerdesk.services.payments import void_payment
from ledgerdesk.services.reconciliation import list_reconciliations

JAN_END = dt.date(2024, 1, 31)
FEB_END = dt.date(2024, 2, 29)


def capital(book, day: dt.date, amount: str, bank: str = "1000") -> None:
    value = Decimal(amount)
    debit, credit = (bank, "3000") if value > 0 else ("3000", bank)
    record_journal(book, RecordJournal(date=day, memo="Owner's capital", lines=[
        JournalLineInput(account_code=debit, debit=abs(value)),
        JournalLineInput(account_code=credit, credit=abs(value))]))


@pytest.fixture
def january(book, customer, issue, pay):
    """1000.00 of capital in on the 2nd, 250.00 received on the 15th, 40.00 out on the 20th."""
    capital(book, dt.date(2024, 1, 2), "1000")
    invoice_id, _ = issue(customer, "250")
    paid = pay(customer, "250", (invoice_id, "250"))
    capital(book, dt.date(2024, 1, 20), "-40")
    return paid


@pytest.fixture
def form(session_for) -> ReconcileForm:
    return ReconcileForm(session_for("de_DE"))


def euros(value: str) -> str:
    return AmountFormatter("de_DE", "EUR").format(Decimal(value))


def test_the_bank_accounts_are_offered_by_code(form):
    assert [(a.code, a.name) for a in form.load_accounts()] == [("1000", "Bank"),
                                                                ("1010", "Savings")]


def test_a_statement_typed_in_the_locale_lists_the_postings_none_ticked(form, january):
    assert form.start("1000", JAN_END, "1.210,00")
    rows = form.rows()
    assert [(r.what.split()[0], r.money_in, r.money_out, r.ticked) for r in rows] == [
        ("JNL-00001", euros("1000"), "", False),
        (f"PAY-{january.payment_id:05d}", euros("250"), "", False),
        ("JNL-00002", "", euros("40"), False)]
    figures = form.figures()
    assert (figures.statement, figures.opening, figures.difference, figures.balanced) == (
        euros("1210"), euros("0"), euros("1210"), False)
    assert figures.cleared_label == "Cleared: 0 postings"
    assert figures.opening_note == "No earlier reconciliation: it starts from zero"


def test_ticking_moves_the_difference_live_and_space_unticks_a_ticked_selection(form, january):
    form.start("1000", JAN_END, "1.210,00")
    ids = [r.line_id for r in form.rows()]
    form.toggle(ids[:2])
    assert form.figures().difference == euros("-40")
    # The unticked 40.00 out would close it: named, with its date in the locale.
    assert form.figures().hint == ("Tick what the statement shows. Would make it zero: "
                                   "JNL-00002 Owner's capital (20.01.2024).")
    form.toggle(ids[:2])  # all of them ticked: Space unticks them
    assert form.ticked == set()
    form.toggle(ids[1:])
    form.toggle(ids[:2])  # one of them unticked: Space ticks both
    assert form.ticked == set(ids)
    figures = form.figures()
    assert (figures.difference, figures.balanced) == (euros("0"), True)
    assert figures.cleared_label == "Cleared: 3 postings"
    assert figures.hint == "The difference is zero: Finish records the reconciliation."


def test_finish_is_refused_unless_zero_and_records_nothing(form, january, book):
    form.start("1000", JAN_END, "1.210,00")
    form.toggle([form.rows()[0].line_id])
    assert form.finish() is None
    assert form.message.startswith("The difference is 210.00 EUR")
    assert list_reconciliations(book) == []
    assert form.draft is not None  # the work stays on the page


def test_finish_at_zero_says_what_the_command_line_says_and_the_next_starts_from_it(
        form, january, book):
    form.start("1000", JAN_END, "1.210,00")
    form.tick_all()
    done = form.finish()
    assert done is not None and done.id == 1
    assert form.message == ("Finished reconciliation 1 of 1000 Bank (statement 2024-01-31): "
                            "3 postings cleared.")
    assert form.draft is None and form.ticked == set()
    capital(book, dt.date(2024, 2, 5), "100")
    assert form.start("1000", FEB_END, "1.310,00")
    assert len(form.rows()) == 1
    assert form.figures().opening == euros("1210")
    assert form.figures().opening_note == "From reconciliation 1, statement 31.01.2024"


def test_a_corrected_balance_keeps_the_ticks_another_date_drops_them(form, january):
    form.start("1000", JAN_END, "1.000,00")
    form.tick_all()
    form.start("1000", JAN_END, "1.210,00")
    assert len(form.ticked) == 3
    form.start("1000", dt.date(2024, 1, 16), "1.250,00")
    assert form.ticked == set()


@pytest.mark.parametrize(("account", "balance", "field", "words"), [
    ("1000", "", "statement_balance", "Type the statement's closing balance"),
    ("1000", "12,3,4", "statement_balance", "12,3,4"),
    ("4000", "10", "account", "4000 Sales is not a bank account"),
])
def test_a_statement_that_cannot_be_read_is_refused_beside_its_field(
        form, january, account, balance, field, words):
    assert not form.start(account, JAN_END, balance)
    assert words in form.errors[field]
    assert form.rows() == [] and form.figures() is None


def test_a_statement_before_the_last_one_is_refused_naming_it(form, january):
    form.start("1000", JAN_END, "1.210,00")
    form.tick_all()
    form.finish()
    assert not form.start("1000", dt.date(2024, 1, 10), "0")
    assert "statements are reconciled in order" in form.errors["statement_date"]


def test_undo_of_the_latest_frees_its_postings(form, january, book):
    form.start("1000", JAN_END, "1.210,00")
    form.tick_all()
    form.finish()
    latest = form.latest("1000")
    assert latest is not None and latest.id == 1
    assert form.undo_question(latest).startswith(
        "Undo reconciliation 1 of 1000 Bank (statement 2024-01-31)? Its 3 postings")
    assert form.undo(latest)
    assert form.message == "Undid reconciliation 1 of 1000 Bank (statement 2024-01-31)."
    assert form.latest("1000") is None
    void_payment(book, january.payment_id, FEB_END)  # no longer cleared: it may be voided


def test_the_report_adds_up_to_the_ledgers_balance_on_the_statement_date(
        form, january, book):
    capital(book, dt.date(2024, 2, 3), "75")  # after the statement: not on it
    form.start("1000", JAN_END, "1.250,00")
    ids = [r.line_id for r in form.rows()]
    form.toggle(ids[:2])  # the 40.00 out has not reached the bank yet
    model = form.report_job().model
    assert form.figures().balanced
    ledger = {r.code: r.balance for r in book.queries().trial_balance(JAN_END)}["1000"]
    totals = {t.label: t.amount for t in model.totals}
    assert totals == {"Statement balance": euros("1250"),
                      "Add: uncleared money in": euros("0"),
                      "Less: uncleared money out": euros("40"),
                      "Book balance": euros(str(ledger.amount))}
    assert [row[1] for row in model.rows] == ["JNL-00002 Owner's capital"]
    assert dict(model.facts)["Status"] == "Not finished: the difference is zero"
    assert model.stamp == "DRAFT"  # not recorded yet


def test_a_report_printed_before_zero_shows_the_difference_and_is_a_draft(form, january):
    form.start("1000", JAN_END, "1.300,00")
    form.tick_all()
    model = form.report_job().model
    assert model.stamp == "DRAFT"
    assert dict(model.facts)["Status"] == f"Not finished: a difference of {euros('90')}"
    assert {t.label: t.amount for t in model.totals}[
        "Less: difference not yet explained"] == euros("90")


def test_the_report_of_the_one_just_finished_names_it(form, january):
    form.start("1000", JAN_END, "1.210,00")
    form.tick_all()
    form.finish()
    job = form.report_job()
    assert dict(job.model.facts)["Status"] == "Finished (reconciliation 1)"
    assert job.model.stamp == ""
    assert job.file_name == "Reconciliation 1000 Bank 2024-01-31.pdf"


def statement(tmp_path, *lines: tuple[str, str, str, str]):
    path = tmp_path / "statement.csv"
    rows = ["Date,Amount,Reference,Counterparty", *(",".join(line) for line in lines)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_statement_file_ticks_the_postings_its_lines_are_in_the_book_as(
        form, january, tmp_path):
    path = statement(tmp_path, ("2024-01-02", "1000.00", "Owner's capital", ""),
                     ("2024-01-15", "250.00", f"PAY-{january.payment_id:05d}", "Acme Retail"))
    form.use_statement(path)
    assert form.start("1000", JAN_END, "1.250,00")
    assert [r.ticked for r in form.rows()] == [True, True, False]  # the 40.00 is not on it
    assert form.figures().balanced
    assert form.statement_text() == "CSV file: 2 lines up to 2024-01-31, 2 in the book."
    done = form.finish()
    assert done is not None and done.cleared == 2
    assert form.statement_path is None  # the next statement is ticked by hand again


def test_a_line_not_in_the_book_is_named_and_recorded_with_the_reconciliation(
        form, january, tmp_path, book):
    from ledgerdesk.services.bank_rules import add_bank_rule

    add_bank_rule(book, "card fee", "6000", "Card fees")
    path = statement(tmp_path, ("2024-01-02", "1000.00", "Owner's capital", ""),
                     ("2024-01-15", "250.00", f"PAY-{january.payment_id:05d}", "Acme Retail"),
                     ("2024-01-20", "-40.00", "Owner's capital", ""),
                     ("2024-01-31", "-7.50", "Card fee", "The Bank"))
    form.use_statement(path)
    assert form.start("1000", JAN_END, "1.202,50")
    assert not form.figures().balanced
    assert ("Not in the book: line 5 (2024-01-31, -7.50 'Card fee'): a journal with 6000 Rent "
            "by rule. Tick “Record the suggestions” to record those that have one."
            ) in form.statement_text()
    form.use_statement(path, accepting=True)
    assert form.start("1000", JAN_END, "1.202,50")
    pending = [r for r in form.rows() if r.pending]
    assert [(r.what, r.ticked) for r in pending] == [("To record: line 5: Card fee", True)]
    form.toggle([pending[0].line_id])  # Space cannot untick what will be recorded
    form.untick_all()
    assert pending[0].line_id in form.ticked
    form.tick_all()
    assert form.figures().balanced
    done = form.finish()
    assert done is not None and done.cleared == 4
    assert form.message.startswith("Finished reconciliation 1 of 1000 Bank (statement "
                                   "2024-01-31): 4 postings cleared. Recorded: line 5: "
                                   "journal JNL-00003")


def test_a_statement_file_that_cannot_be_read_is_one_line_naming_it(form, january, tmp_path):
    path = tmp_path / "statement.ofx"
    path.write_text("not an ofx file", encoding="utf-8")
    form.use_statement(path)
    assert not form.start("1000", JAN_END, "1.210,00")
    assert form.errors == {"statement": "statement.ofx is not an OFX file: it has no OFX "
                                        "header."}
