"""File > New book asks four things, each named plainly, each reached with Alt and its
underlined letter: the company's name, its home currency, the first day of its fiscal year
(01-01 unless changed) and where the book file goes.
A currency that is not ISO 4217, or a company name holding a bidi override, keeps it open
with the sentence ``ledgerdesk demo`` uses."""

from __future__ import annotations

import re

import pytest
from key_helpers import focused, show_focused
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from ledgerdesk.ui.dialogs import NewBookDialog


def mnemonic(text: str) -> str | None:
    """The letter Alt goes with ("&Name" -> "n"); None without one ("&&" is a plain &)."""
    found = re.search(r"(?<!&)&([^&])", text)
    return found.group(1).lower() if found else None


def form_labels(dialog: NewBookDialog) -> list[QLabel]:
    labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    return sorted(labels, key=lambda label: label.geometry().top())


def test_each_field_says_what_it_is(qtbot):
    dialog = NewBookDialog()
    show_focused(qtbot, dialog)
    shown = [label.text().replace("&", "") for label in form_labels(dialog)]
    assert shown == ["Company name:", "Home currency:", "Fiscal year starts (MM-DD):",
                     "Book file:"]
    assert [label.buddy() for label in form_labels(dialog)] == [
        dialog.company_edit, dialog.currency_box, dialog.year_start_edit, dialog.path_edit]
    assert dialog.year_start_edit.text() == "01-01"
    # no "&" on screen: every label that has one gives it to a field
    stray = [label.text() for label in dialog.findChildren(QLabel)
             if mnemonic(label.text()) and label.buddy() is None]
    assert stray == []
    assert focused() is dialog.company_edit  # what a user types first


def test_alt_and_the_underlined_letter_reaches_each_field(qtbot):
    dialog = NewBookDialog()
    show_focused(qtbot, dialog)
    for label in reversed(form_labels(dialog)):  # each move starts somewhere else
        letter = mnemonic(label.text())
        assert letter is not None, label.text()
        qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{letter.upper()}"),
                       Qt.KeyboardModifier.AltModifier)
        field = focused()
        assert field is label.buddy() or field.parent() is label.buddy(), label.text()


def test_no_two_controls_share_a_letter(qtbot):
    dialog = NewBookDialog()
    show_focused(qtbot, dialog)
    texts = [label.text() for label in form_labels(dialog)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)
              if button.isVisibleTo(dialog)]
    letters = [mnemonic(text) for text in texts if mnemonic(text)]
    assert len(letters) == len(set(letters)), texts
    assert "B&rowse…" in texts and "&Create" in texts  # Browse keeps its letter everywhere


@pytest.mark.parametrize(("company", "currency", "year", "says"), [
    ("Northwind", "XYZ", "01-01",
     "'XYZ' is not an ISO 4217 currency code; use one like EUR, USD or GBP."),
    ("North\u202ewind", "EUR", "01-01", "The company name holds U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("Northwind", "EUR", "02-29", "02-29 cannot start a fiscal year"),
    ("Northwind", "EUR", "April", "“April” is not a month and day"),
])
def test_an_unknown_currency_a_spoofed_name_or_a_bad_year_start_keeps_the_dialog_open(
        qtbot, tmp_path, company, currency, year, says):
    dialog = NewBookDialog()
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "n.book"))
    dialog.company_edit.setText(company)
    dialog.currency_box.setEditText(currency)
    dialog.year_start_edit.setText(year)
    dialog._check()
    assert dialog.problem.text().startswith(says)
    assert dialog.result() != NewBookDialog.DialogCode.Accepted
    assert not (tmp_path / "n.book").exists()
