from ledgerdesk.domain.wording import plural


def test_one_is_singular_and_every_other_count_is_plural() -> None:
    assert plural(1, "payment") == "1 payment"
    assert plural(0, "payment") == "0 payments"
    assert plural(3, "payment push", "payment pushes") == "3 payment pushes"
    assert plural(1, "minute") == "1 minute"
