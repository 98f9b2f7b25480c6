"""Bank > Bank rules… and Bank > Export statement…: the window's faces of ``bank-rule``,
``list bank-rules`` and ``export-statement``, with the command line's rules and words."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ledgerdesk.services.bank_rules import add_bank_rule, bank_rules
from ledgerdesk.ui.bank_rules_dialog import BankRulesDialog
from ledgerdesk.ui.statement_export_dialog import StatementExportDialog, last_month


@pytest.fixture
def rules(qtbot, book_window) -> BankRulesDialog:
    book_window.actions["bank_rules"].trigger()
    qtbot.waitUntil(lambda: isinstance(book_window.book_dialogs.get("bank_rules"),
                                       BankRulesDialog))
    return book_window.book_dialogs["bank_rules"]


def test_a_rule_typed_in_is_kept_with_the_command_lines_sentence(qtbot, rules, book):
    qtbot.keyClicks(rules.text, "STRIPE")
    rules.account.setCurrentIndex(rules.account.findData("6000"))
    qtbot.keyClicks(rules.memo, "Card fees")
    qtbot.keyClick(rules.memo, Qt.Key.Key_Return)
    [saved] = bank_rules(book)
    assert (saved.rule.reference_contains, saved.rule.account_code, saved.rule.memo) == (
        "STRIPE", "6000", "Card fees")
    assert rules.status.text() == saved.saved_words()
    assert rules.status.text().startswith("Rule 1: a reference containing 'STRIPE' posts to "
                                          "6000 ")
    assert rules.model.rowCount() == 1 and rules.text.text() == ""
    assert rules.count_label.text() == "1 bank rule"


def test_a_rule_refused_keeps_the_text_and_says_why_beside_it(qtbot, rules, book):
    add_bank_rule(book, "stripe", "6000")
    rules.reload()
    qtbot.keyClicks(rules.text, "Stripe")
    rules.add_rule()
    error = rules.errors["reference_contains"]
    assert not error.isHidden()
    assert error.text() == ("There is already a rule for references containing 'stripe' "
                            "(posting to 6000).")
    assert rules.text.text() == "Stripe" and len(bank_rules(book)) == 1
    rules.text.clear()
    rules.add_rule()
    assert rules.errors["reference_contains"].text() == (
        "A rule needs the text its references contain.")


def test_the_control_accounts_are_not_offered(rules):
    offered = {rules.account.itemData(i) for i in range(rules.account.count())}
    assert "1100" not in offered and "2000" not in offered and "6000" in offered


def test_export_statement_writes_the_command_lines_columns(
        qtbot, book_window, tmp_path, customer, issue, pay, monkeypatch):
    invoice, _ = issue(customer, "100", issue_date=dt.date(2024, 2, 1))
    pay(customer, "100", (invoice, "100"), date=dt.date(2024, 2, 10))
    target = tmp_path / "feb.csv"

    def fill(dialog) -> None:
        if isinstance(dialog, StatementExportDialog):
            assert (dialog.start.date().toPython(), dialog.end.date().toPython()) == \
                last_month(dt.date(2024, 3, 1))
            dialog._check()
        else:  # File > Export…'s file step
            dialog.path.setText(str(target))
            dialog.bom.setChecked(False)
            dialog._check()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            fill(dialog)
        if not target.exists():
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    book_window.actions["export_statement"].trigger()
    qtbot.waitUntil(lambda: target.exists() and "Exported" in
                    book_window.statusBar().currentMessage(), timeout=10000)
    with open(target, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [(r["date"], Decimal(r["amount"])) for r in rows] == [("2024-02-10",
                                                                  Decimal("100.00"))]


def test_a_statement_starting_after_its_end_is_refused_in_one_line(qtbot, ui_session):
    dialog = StatementExportDialog(ui_session)
    qtbot.addWidget(dialog)
    dialog.start.setDate(dt.date(2024, 3, 1))
    dialog.end.setDate(dt.date(2024, 2, 1))
    dialog._check()
    assert dialog.export is None and not dialog.message.isHidden()
    assert dialog.message.text() == ("The statement would start on 2024-03-01, after its "
                                     "end 2024-02-01.")
