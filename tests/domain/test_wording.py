import pytest

from ledgerdesk.domain.wording import plural


def test_one_is_singular_and_every_other_count_is_plural() -> None:
    assert plural(1, "{count} payment", "{count} payments") == "1 payment"
    assert plural(0, "{count} payment", "{count} payments") == "0 payments"
    assert plural(3, "{count} payment push", "{count} payment pushes") == "3 payment pushes"


# Each language's CLDR plural rule: German and Spanish have one form for 1 only; French
# for 0 and 1 (``0 paiement``).
@pytest.mark.parametrize(("language", "expected"), [
    ("de", ["0 Zahlungen", "1 Zahlung", "2 Zahlungen", "5 Zahlungen"]),
    ("fr", ["0 paiement", "1 paiement", "2 paiements", "5 paiements"]),
    ("es", ["0 pagos", "1 pago", "2 pagos", "5 pagos"]),
])
def test_a_count_takes_its_languages_plural_form(speaking, language, expected) -> None:
    speaking(language)
    assert [plural(n, "{count} payment", "{count} payments") for n in (0, 1, 2, 5)] == expected


def test_a_mapping_built_before_the_language_was_chosen_reads_in_it(speaking) -> None:
    from ledgerdesk.domain.i18n import N_, Translated

    words = Translated({"n": N_("{count} payments")})
    speaking("fr")
    assert (words["n"], words.get("n"), words.values(), words.items()) == (
        "{count} paiements", "{count} paiements", ["{count} paiements"],
        [("n", "{count} paiements")])
