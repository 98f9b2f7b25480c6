"""Every command that takes a bank account says the same sentence when the code is not
one, naming the bank accounts there are: a payment, a statement import, a reconciliation,
an exported statement and a tax settlement (the field's name before it where the command
lists its problems by field)."""

from __future__ import annotations

from pathlib import Path

import pytest

CAMT = Path(__file__).parents[1] / "services" / "imports" / "statements" / "camt053.xml"
SALES = "4000 Sales is not a bank account; the bank accounts are 1000 Bank, 1010 Savings."
NOWHERE = "There is no account 9999; the bank accounts are 1000 Bank, 1010 Savings."


def commands(code: str) -> dict[str, list[object]]:
    return {
        "export-statement": ["export-statement", "{book}", "--bank", code],
        "reconcile": ["reconcile", "{book}", "--account", code, "--statement-date",
                      "2026-01-31", "--statement-balance", "1"],
        "import bank": ["import", "bank", "{book}", CAMT, "--bank", code],
        "settle-tax": ["settle-tax", "{book}", "--from", "2026-01-01", "--to", "2026-01-31",
                       "--date", "2026-02-10", "--bank", code],
        "pay": ["pay", "{book}", "--contact", "Elm Street Bakery", "--amount", "10",
                "--date", "2026-02-10",
                "--bank", code],
    }


@pytest.mark.parametrize("command", sorted(commands("")))
@pytest.mark.parametrize(("code", "sentence"), [("4000", SALES), ("9999", NOWHERE)])
def test_the_same_sentence_from_every_command(run, book_copy, command, code, sentence):
    args = [book_copy if a == "{book}" else a for a in commands(code)[command]]
    status, _out, err = run(*args)
    assert status != 0
    assert err.rstrip().endswith(sentence), err
    assert "Traceback" not in err
