"""The journal editor without Qt: amounts typed in the user's locale, the totals and the
difference as they type, every problem beside its cell, Save only once it balances, and
undo that voids what was recorded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.presentation.amounts import AmountError, parse_amount
from ledgerdesk.presentation.journal_editor import JournalEditor
from ledgerdesk.presentation.journal_list import JournalList
from ledgerdesk.services.journals import load_journal

TODAY = dt.date(2024, 3, 1)


def type_lines(editor: JournalEditor, *rows: tuple[str, str, str, str]) -> None:
    while len(editor.lines) < len(rows):
        editor.add_line()
    for index, (account, debit, credit, description) in enumerate(rows):
        for name, text in (("account", account), ("debit", debit), ("credit", credit),
                           ("description", description)):
            if text:
                editor.set_line_text(index, name, text)


@pytest.fixture
def editor(session) -> JournalEditor:  # de_DE: 1.234,56
    return JournalEditor(session)


def test_a_new_journal_starts_today_with_two_empty_lines_and_nothing_to_say(editor) -> None:
    assert editor.date == TODAY and editor.title == "New journal"
    assert len(editor.lines) == 2 and not editor.edited
    assert editor.form_problems() == [] and editor.field_error("memo") == ""
    assert editor.balance_text() == ("0,00", "0,00", "")
    assert not editor.can_save


def test_the_difference_follows_what_is_typed(editor) -> None:
    editor.set_memo("Owner's capital")
    type_lines(editor, ("1000", "5.000,00", "", "Transfer"), ("3000", "", "4.990", ""))
    assert editor.balance_text() == ("5.000,00", "4.990,00",
                                     "Difference 10,00: the debits are more")
    (problem,) = editor.form_problems()
    assert problem == ("The debits (5.000,00) and credits (4.990,00) differ by 10,00: "
                       "a journal must balance to the cent.")
    assert not editor.can_save
    editor.set_line_text(1, "credit", "5.000")
    assert editor.balance_text() == ("5.000,00", "5.000,00", "Balanced")
    assert (editor.cell_text(1, "credit"), editor.lines[1].text("credit")) == ("5.000,00",
                                                                               "5.000")
    assert editor.cell_text(1, "account") == "3000 Owner's Equity"
    assert editor.form_problems() == [] and editor.can_save


def test_an_account_is_picked_by_code_or_by_its_picker_text(editor) -> None:
    type_lines(editor, ("6000 Rent", "10", "", ""), ("bank", "", "10", ""))
    assert [line.text("account") for line in editor.lines] == ["6000", "1000"]
    assert editor.account_text("6000") == "6000 Rent"


def test_each_problem_is_beside_its_cell(editor) -> None:
    editor.set_memo("Mixed up")
    type_lines(editor, ("9999", "10", "", ""), ("1100", "", "10", ""),
               ("6000", "1", "2", ""), ("3000", "abc", "", ""))
    assert editor.line_error(0, "account") == (
        "There is no account 9999 in the chart; choose one that is.")
    assert editor.line_error(1, "account").startswith(
        "1100 Accounts Receivable moves only with invoices, credit notes and payments, so "
        "that it keeps equalling what customers owe")
    both = "A line is either a debit or a credit; split it into two lines."
    assert editor.line_error(2, "debit") == both and editor.line_error(2, "credit") == both
    with pytest.raises(AmountError) as unreadable:
        parse_amount("abc", "de_DE", "EUR")
    assert editor.line_error(3, "debit") == str(unreadable.value)
    assert editor.line_error(0, "description") == ""
    assert not editor.can_save


def test_empty_lines_are_left_out_and_one_line_is_not_a_journal(editor) -> None:
    editor.set_memo("Half a journal")
    type_lines(editor, ("6000", "10", "", ""))
    assert editor.form_problems()[0] == (
        "A journal needs at least two lines: an account debited and an account credited.")
    assert editor.line_error(1, "debit") == ""  # the empty line says nothing


def test_the_memo_is_asked_for_once_the_lines_balance(editor) -> None:
    type_lines(editor, ("6000", "10", "", ""), ("1000", "", "10", ""))
    assert editor.field_error("memo") == (
        "Say what the journal is for, such as \u201cOwner's capital\u201d or "
        "\u201cDepreciation, March\u201d.")
    assert not editor.can_save
    editor.set_memo("Rent")
    assert editor.field_error("memo") == "" and editor.can_save


def test_save_records_it_and_undo_voids_it(editor, book, balances) -> None:
    editor.set_memo("Owner's capital")
    editor.set_date(dt.date(2024, 2, 1))
    type_lines(editor, ("1000", "5.000", "", "From the owner"), ("3000", "", "5.000", ""))
    step = editor.save()
    assert step is not None and step.text == "record journal JNL-00001"
    assert editor.number == "JNL-00001" and not editor.edited
    assert balances()["1000"] == Decimal("5000.00")
    assert step.undo() == ("Undid record journal JNL-00001: it is void and a reversal was "
                           "posted; its number stays used.")
    assert balances().get("1000", 0) == 0
    assert load_journal(book, step.journal_id).voided
    assert step.redo() == "Redid record journal JNL-00001: recorded again as JNL-00002."
    assert step.text == "record journal JNL-00002"
    assert balances()["1000"] == Decimal("5000.00")
    step.undo()
    assert balances().get("1000", 0) == 0


def test_undo_of_a_journal_dated_ahead_reverses_on_its_own_date(session, book) -> None:
    editor = JournalEditor(session)
    editor.set_memo("Prepaid rent")
    editor.set_date(TODAY + dt.timedelta(days=20))
    type_lines(editor, ("6000", "100", "", ""), ("1000", "", "100", ""))
    step = editor.save()
    step.undo()
    with book.read() as tx:
        from ledgerdesk.domain.ledger import SourceType

        _, reversal = tx.entries_for(SourceType.MANUAL, step.journal_id)
    assert reversal.date == TODAY + dt.timedelta(days=20)


@pytest.mark.parametrize("kind", ["full", "ioerr", "readonly"])
def test_a_journal_the_book_cannot_save_keeps_the_form(faults, session, state, kind) -> None:
    def filled() -> JournalEditor:
        form = JournalEditor(session)
        form.set_memo("Owner's capital")
        type_lines(form, ("1000", "5.000", "", "From the owner"), ("3000", "", "5.000", ""))
        return form

    faults.count()
    assert filled().save() is not None
    total, before = faults.steps, state()
    for step in range(1, total + 1):
        form = filled()
        faults.fail_at(step, kind)
        assert form.save() is None
        faults.count()
        (message,) = form.form_problems()
        assert str(session.path) in message and "nothing was saved" in message
        assert form.memo == "Owner's capital" and form.lines[0].text("debit") == "5.000"
        assert state() == before, f"step {step}"
    assert form.save() is not None  # the disk works again: the same form saves


def test_what_only_the_service_checks_shows_beside_its_field(editor, state) -> None:
    before = state()
    editor.set_memo("x" * 300)
    type_lines(editor, ("6000", "10", "", ""), ("1000", "", "10", ""))
    assert editor.can_save  # the form's own checks see nothing wrong …
    assert editor.save() is None  # … the service does, and says where
    assert "255" in editor.field_error("memo")
    assert editor.memo == "x" * 300 and state() == before


def test_an_existing_journal_opens_read_only_and_can_be_voided(editor, session, book) -> None:
    editor.set_memo("Depreciation")
    type_lines(editor, ("6000", "75", "", "Van"), ("1500", "", "75", ""))
    step = editor.save()
    opened = JournalEditor(session, step.journal_id)
    assert opened.read_only and opened.title == "Journal JNL-00001"
    assert opened.banner.startswith("JNL-00001 is posted to the ledger, so it can no longer be "
                                    "changed.")
    assert [(line.text("account"), line.text("debit"), line.text("credit"),
             line.text("description")) for line in opened.lines] == [
        ("6000", "75,00", "", "Van"), ("1500", "", "75,00", "")]
    assert opened.void() == "JNL-00001 is void; a reversal was posted on 01.03.2024."
    again = JournalEditor(session, step.journal_id)
    assert again.banner == ("JNL-00001 is void: its reversal was posted on 01.03.2024. It "
                            "stays in the books for the record.")
    assert not again.can_void


def test_the_list_shows_each_journal_in_the_locale(session, editor) -> None:
    editor.set_memo("Loan")
    type_lines(editor, ("1000", "12.500", "", ""), ("2200", "", "12.500", ""))
    step = editor.save()
    JournalEditor(session, step.journal_id).void()
    listed = JournalList(session)
    assert listed.count() == 1
    (row,) = listed.page(0, 10)
    assert [column.display(row) for column in listed.columns] == [
        "JNL-00001", "01.03.2024", "Loan", "12.500,00", "⊘ Void"]
    assert [column.plain(row) if column.plain else column.value(row)
            for column in listed.columns][-1] == "void"
    listed.filter(text="nothing like it")
    assert listed.count() == 0
