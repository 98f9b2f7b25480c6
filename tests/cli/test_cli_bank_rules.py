"""``ledgerdesk bank-rule`` and ``list bank-rules``: rules kept per book, refusals in one line."""

from __future__ import annotations


def test_a_rule_is_kept_and_listed(run, book_copy, tmp_path):
    status, out, err = run("bank-rule", book_copy, "--reference-contains", "STRIPE FEE",
                           "--account", "6200", "--memo", "Stripe fees")
    assert status == 0, err
    assert out == "Rule 1: a reference containing 'STRIPE FEE' posts to 6200 Software.\n"
    status, out, _ = run("list", "bank-rules", book_copy)
    assert status == 0 and "STRIPE FEE" in out and "Stripe fees" in out
    assert out.rstrip().endswith("1 bank rules")
    target = tmp_path / "rules.csv"
    assert run("list", "bank-rules", book_copy, "--csv", target)[0] == 0
    assert target.read_text(encoding="utf-8").splitlines() == [
        "id,reference_contains,account,account_name,memo", "1,STRIPE FEE,6200,Software,Stripe fees"]


def test_a_rule_may_not_point_at_a_control_or_archived_account(run, book_copy):
    before = run("list", "audit", book_copy)[1]
    status, _, err = run("bank-rule", book_copy, "--reference-contains", "x", "--account", "1100")
    assert status == 1
    assert err.count("\n") == 1 and "1100 Accounts Receivable moves only with" in err
    status, _, err = run("bank-rule", book_copy, "--reference-contains", "x", "--account", "2000")
    assert status == 1 and "2000 Accounts Payable moves only with" in err
    assert run("add-account", book_copy, "6950", "Old fees", "--type", "expense")[0] == 0
    assert run("edit-account", book_copy, "6950", "--archive")[0] == 0
    before = run("list", "audit", book_copy)[1]
    status, _, err = run("bank-rule", book_copy, "--reference-contains", "x", "--account", "6950")
    assert status == 1 and err.count("\n") == 1 and "6950 Old fees is archived" in err
    status, _, err = run("bank-rule", book_copy, "--reference-contains", "x", "--account", "9999")
    assert status == 1 and "There is no account 9999" in err
    assert run("list", "bank-rules", book_copy)[1].rstrip().endswith("0 bank rules")
    assert before in run("list", "audit", book_copy)[1]


def test_the_same_text_twice_is_refused_whatever_its_case(run, book_copy):
    assert run("bank-rule", book_copy, "--reference-contains", "Interest",
               "--account", "6800")[0] == 0
    status, _, err = run("bank-rule", book_copy, "--reference-contains", "INTEREST",
                         "--account", "4100")
    assert status == 1
    assert "already a rule for references containing 'Interest' (posting to 6800)" in err
