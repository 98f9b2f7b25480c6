"""The tax codes screen without Qt: the list (used or unused), percentages typed in the
locale, live problems by field, and saving through the service with the command line's
own sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import Side
from ledgerdesk.presentation.numbers import NumberError, parse_percent
from ledgerdesk.presentation.tax_code_editor import TaxCodeEditor
from ledgerdesk.presentation.tax_code_list import TaxCodeList
from ledgerdesk.services.tax_codes import list_tax_codes

D = Decimal


def codes(book) -> list[tuple[str, str, Decimal, str]]:
    return [(c.side.value, c.name, c.rate, c.account_code) for c in list_tax_codes(book)]


@pytest.fixture
def used_20(issue, customer) -> str:
    """Standard 20% (sales) used on a posted invoice; returns its number."""
    return issue(customer, "100", tax_rate="20")[1]


def listed(session) -> TaxCodeList:
    codes_list = TaxCodeList(session)
    codes_list.reload()
    return codes_list


def row(codes_list: TaxCodeList, name: str, side: str = "Sales"):
    return next(r for r in codes_list.rows if r.name == name and r.side == side)


@pytest.mark.parametrize(("locale", "text", "rate"), [
    ("en_US", "5.5", D("5.5")), ("de_DE", "5,5", D("5.5")), ("en_US", "20", D(20)),
    ("de_DE", "20 %", D(20)), ("en_US", "12.125%", D("12.125")), ("en_US", "-5", D(-5)),
])
def test_a_percentage_is_read_in_the_locale(locale, text, rate):
    assert parse_percent(text, locale) == rate


@pytest.mark.parametrize(("locale", "text", "message"), [
    ("en_US", "abc", "“abc” is not a percentage, like 20 or 5.5."),
    ("de_DE", "abc", "“abc” is not a percentage, like 20 or 5,5."),
    ("de_DE", "5.5", "“5.5” is not a percentage, like 20 or 5,5."),
    ("en_US", "1e5", "“1e5” is not a percentage, like 20 or 5.5."),
    ("en_US", "  ", "A tax code needs a rate, like 20 or 5.5."),
])
def test_a_bad_percentage_says_so_in_one_sentence_about_percentages(locale, text, message):
    with pytest.raises(NumberError) as refused:
        parse_percent(text, locale)
    assert str(refused.value) == message


def test_the_list_shows_every_code_with_its_account_and_whether_it_is_used(session, used_20):
    codes_list = listed(session)
    assert len(codes_list.rows) == 6
    standard = row(codes_list, "Standard 20%")
    assert (standard.side, standard.rate, standard.account, standard.used) == (
        "Sales", "20", "2200 Sales Tax", f"used on {used_20}")
    assert not standard.changeable
    reduced = row(codes_list, "Reduced 5%", "Purchases")
    assert (reduced.used, reduced.changeable) == ("unused", True)
    assert codes_list.count_text() == "6 tax codes, 1 used on posted documents"


def test_a_rate_is_shown_in_the_locale(session, book):
    TaxCodeEditor(session, None).save(name="Books", side=Side.SALES, rate="5,5",
                                      account="2200")
    assert row(listed(session), "Books").rate == "5,5"


def test_adding_a_code_says_what_the_command_line_says(session, book):
    editor = TaxCodeEditor(session, None)
    assert editor.title == "New tax code"
    assert editor.values == {"name": "", "side": Side.SALES, "rate": "", "account": "2200"}
    problems = editor.save(name=" Books 5.5% ", side=Side.SALES, rate="5,5", account="2200")
    assert problems == {}
    assert editor.message == ("Created sales tax code Books 5.5% at 5.5%, posting to 2200 "
                              "Sales Tax.")
    assert ("SALES", "Books 5.5%", D("5.5"), "2200") in codes(book)


def test_changing_an_unused_code_says_what_changed(session, book):
    reduced = row(listed(session), "Reduced 5%")
    editor = TaxCodeEditor(session, reduced.use)
    assert editor.title == "Tax code Reduced 5% (sales)"
    assert editor.values["rate"] == "5"
    assert editor.problems(name="Reduced 5%", side=Side.SALES, rate="7", account="2200") == {}
    assert editor.save(name="Reduced 5%", side=Side.SALES, rate="7", account="2200") == {}
    assert editor.message == "Changed sales tax code Reduced 5% at 7%, posting to 2200 Sales Tax."
    assert ("SALES", "Reduced 5%", D(7), "2200") in codes(book)


def test_saving_a_code_unchanged_says_it_is_already_so(session, book):
    reduced = row(listed(session), "Reduced 5%")
    editor = TaxCodeEditor(session, reduced.use)
    assert editor.save(**editor.values) == {}  # type: ignore[arg-type]
    assert editor.message == ("Sales tax code Reduced 5% is already at 5%, posting to 2200 "
                              "Sales Tax.")


def test_a_used_code_keeps_its_rate_live_and_on_save_and_the_book_is_unchanged(
        session, book, used_20):
    standard = row(listed(session), "Standard 20%")
    editor = TaxCodeEditor(session, standard.use)
    assert editor.note == (f"Used on posted documents ({used_20}): its rate and account stay "
                           "as they were posted. For another rate, add a new code.")
    why = (f"Standard 20% is used on posted documents ({used_20}), so its rate stays 20%: "
           "they were posted at it. Make a new code for 21% instead (e.g. “Tax 21%”).")
    typed = {"name": "Standard 20%", "side": Side.SALES, "rate": "21", "account": "2200"}
    assert editor.problems(**typed) == {"rate": why}  # type: ignore[arg-type]
    before = codes(book)
    assert editor.save(**typed) == {"rate": why}  # type: ignore[arg-type]
    assert editor.saved is None and codes(book) == before


def test_the_service_refuses_a_code_used_since_the_form_opened(session, book, issue, customer):
    standard = row(listed(session), "Standard 20%")  # unused when listed
    editor = TaxCodeEditor(session, standard.use)
    number = issue(customer, "100", tax_rate="20")[1]
    before = codes(book)
    problems = editor.save(name="Standard 20%", side=Side.SALES, rate="21", account="2200")
    assert problems["rate"].startswith(f"Standard 20% is used on posted documents ({number})")
    assert codes(book) == before


def test_a_used_code_keeps_its_account(session, book, used_20):
    with book.write() as tx:
        from ledgerdesk.domain.ledger import Account, AccountType

        tx.add_account(Account("2210", "Output Tax", AccountType.LIABILITY))
    editor = TaxCodeEditor(session, row(listed(session), "Standard 20%").use)
    assert ("2210", "2210 Output Tax") in editor.accounts
    problems = editor.problems(name="Standard 20%", side=Side.SALES, rate="20", account="2210")
    assert problems == {"account": (
        f"Standard 20% is used on posted documents ({used_20}), so its tax stays on 2200: "
        "their tax was posted there, and a settlement clears it there. Make a new code for "
        "2210 instead.")}


def test_the_accounts_offered_are_those_tax_may_post_to(session):
    offered = dict(TaxCodeEditor(session, None).accounts)
    assert offered["2200"] == "2200 Sales Tax"
    assert not {"1000", "1010", "1100", "2000"} & set(offered)  # banks, receivable, payable


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("rate", "abc", "“abc” is not a percentage, like 20 or 5,5."),
    ("rate", "-5", "A tax rate is 0 to 100 percent, not -5%."),
    ("rate", "150", "A tax rate is 0 to 100 percent, not 150%."),
    ("rate", "5,5555", "A tax rate has at most 3 decimal places."),
    ("name", "", "A tax code needs a name."),
    ("name", "Standard 20%", "There is already a sales tax code Standard 20%: change that "
                             "code, or choose another name."),
])
def test_each_problem_is_said_beside_its_field_and_nothing_is_saved(session, book, field,
                                                                    typed, message):
    editor = TaxCodeEditor(session, None)
    values = {"name": "Books", "side": Side.SALES, "rate": "5", "account": "2200",
              field: typed}
    assert editor.problems(**values) == {field: message}  # type: ignore[arg-type]
    before = codes(book)
    assert editor.save(**values) == {field: message}  # type: ignore[arg-type]
    assert codes(book) == before and editor.saved is None


def test_the_same_name_on_the_other_side_is_another_code(session, book):
    editor = TaxCodeEditor(session, None)
    assert editor.problems(name="standard 20%", side=Side.SALES, rate="20",
                           account="2200")  # names match in any case
    assert editor.save(name="Books", side=Side.PURCHASES, rate="5", account="2200") == {}
    assert editor.message.startswith("Created purchases tax code Books at 5%")


def test_changed_tells_a_typed_form_from_the_one_loaded(session):
    reduced = row(listed(session), "Reduced 5%")
    editor = TaxCodeEditor(session, reduced.use)
    assert not editor.changed(**editor.values)  # type: ignore[arg-type]
    assert editor.changed(**{**editor.values, "rate": "6"})  # type: ignore[arg-type]
