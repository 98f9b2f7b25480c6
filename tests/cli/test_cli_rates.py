"""``ledgerdesk rate``, ``import rates`` and ``list rates``: the rates table from the
command line, each refusal one line, the ECB's file imported once."""

from __future__ import annotations

from ledgerdesk.cli import main


def _new(path, currency="EUR"):
    assert main(["new", str(path), "--company", "Test Co", "--currency", currency]) == 0
    return path


def test_a_typed_rate_is_kept_replaced_and_listed(run, tmp_path):
    book = _new(tmp_path / "chf.book", "CHF")
    status, out, err = run("rate", book, "usd", "0.8832", "--date", "2026-12-04")
    assert (status, err) == (0, "")
    assert out == "Saved the rate of USD on 2026-12-04: 1 USD = 0.8832 CHF.\n"
    status, out, _ = run("rate", book, "USD", "0.8840", "--date", "2026-12-04")
    assert out == "Replaced the rate of USD on 2026-12-04: 1 USD = 0.884 CHF (was 0.8832).\n"
    assert run("rate", book, "EUR", "0.9312", "--date", "2026-12-03")[0] == 0
    status, out, _ = run("list", "rates", book)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Date", "Cur", "Rate"]
    assert [line.split() for line in lines[2:4]] == [["2026-12-04", "USD", "0.884"],
                                                     ["2026-12-03", "EUR", "0.9312"]]
    assert lines[-1] == "2 exchange rates"
    target = tmp_path / "rates.csv"
    assert run("list", "rates", book, "--currency", "eur", "--csv", target)[0] == 0
    assert target.read_text(encoding="utf-8").splitlines() == [
        "date,currency,rate", "2026-12-03,EUR,0.9312"]


def test_a_refused_rate_is_one_line_per_problem_and_changes_nothing(run, tmp_path):
    book = _new(tmp_path / "chf.book", "CHF")
    status, _, err = run("rate", book, "CHF", "1", "--date", "2026-12-04")
    assert status == 1 and err == (
        "ledgerdesk: error: currency: Rates are for foreign currencies: CHF is this book's "
        "own currency, always at 1.\n")
    status, _, err = run("rate", book, "USD", "0", "--date", "2026-12-04")
    assert status == 1 and err.endswith("rate: A rate must be more than 0.\n")
    status, _, err = run("rate", book, "USD", "1,5", "--date", "2026-12-04")
    assert status == 2 and "'1,5' is not a rate; write a plain number with a dot" in err
    status, _, err = run("rate", book, "DOLLAR", "1", "--date", "2026-12-04")
    assert status == 1 and "'DOLLAR' is not a currency code" in err
    assert run("list", "rates", book)[1].splitlines()[-1] == "0 exchange rates"
    status, _, err = run("list", "invoices", book, "--currency", "USD")
    assert status == 1 and "--currency applies to rates only" in err


def test_the_ecb_file_imports_once_and_again_changes_nothing(run, tmp_path, ecb_file):
    book = _new(tmp_path / "eur.book")
    status, out, err = run("import", "rates", book, ecb_file("daily", zipped=True))
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "30 new rates, 0 already in the book."
    status, out, _ = run("import", "rates", book, ecb_file("daily"))
    assert status == 0 and out == "0 new rates, 30 already in the book.\n"
    status, out, _ = run("list", "rates", book, "--currency", "USD")
    assert "0.948496632837" in out
    assert run("check", book)[0] == 0


def test_a_file_that_is_not_the_ecbs_is_one_line(run, tmp_path, ecb_file):
    book = _new(tmp_path / "eur.book")
    status, out, err = run("import", "rates", book, ecb_file("hist", text="Date,USD,\nx,1,\n"))
    assert status == 1 and out == ""
    assert err == ("ledgerdesk: error: eurofxref-hist.csv, line 2: 'x' is not a date, so "
                   "nothing was imported.\n")
    status, _, err = run("import", "rates", book, ecb_file("daily"), "--bank", "1000")
    assert status == 1 and "--bank is not for rates" in err
    assert run("list", "rates", book)[1].splitlines()[-1] == "0 exchange rates"
