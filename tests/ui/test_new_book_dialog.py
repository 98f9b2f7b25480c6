"""The New book dialog refuses a currency that is not ISO 4217 and a company name holding a
bidi override, with the sentence ``ledgerdesk demo`` uses, and stays open."""

from __future__ import annotations

import pytest

from ledgerdesk.ui.dialogs import NewBookDialog


@pytest.mark.parametrize(("company", "currency", "says"), [
    ("Northwind", "XYZ", "'XYZ' is not an ISO 4217 currency code; use one like EUR, USD or GBP."),
    ("North\u202ewind", "EUR", "The company name holds U+202E RIGHT-TO-LEFT OVERRIDE"),
])
def test_an_unknown_currency_or_a_spoofed_name_keeps_the_dialog_open(qtbot, tmp_path, company,
                                                                     currency, says):
    dialog = NewBookDialog()
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "n.book"))
    dialog.company_edit.setText(company)
    dialog.currency_box.setEditText(currency)
    dialog._check()
    assert dialog.problem.text().startswith(says)
    assert dialog.result() != NewBookDialog.DialogCode.Accepted
    assert not (tmp_path / "n.book").exists()
