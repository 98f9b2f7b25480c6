"""The connection form without Qt: each service's fields, every problem at once, and a
``Connection`` that never holds the secret."""

from __future__ import annotations

from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.presentation.connection_form import DEFAULT_SCOPES, ConnectionDraft


def test_each_service_asks_for_its_own_fields() -> None:
    problems = ConnectionDraft(Provider.XERO, base_url="api.xero.com",
                               scopes=" ").problems(secret_required=True)
    assert set(problems) == {"base_url", "remote_id", "client_id", "scopes", "secret"}
    assert problems["remote_id"] == "Tenant id is needed for Xero."
    strapi = ConnectionDraft(Provider.STRAPI, base_url="https://cms.example.org")
    assert set(strapi.problems(secret_required=True)) == {"identifier", "secret"}
    assert strapi.problems(secret_required=False) == {"identifier": "The user name is needed "
                                                      "for Strapi."}


def test_a_browser_sign_in_stands_in_for_the_secret() -> None:
    draft = ConnectionDraft(Provider.XERO, "https://api.xero.com/api.xro/2.0", "t-1", "c-1")
    assert draft.problems(secret_required=True, browser=True) == {}


def test_the_connection_holds_ids_and_scopes_but_no_secret() -> None:
    draft = ConnectionDraft(Provider.XERO, " https://xero.test/api.xro/2.0/ ", " t-1 ", "c-1",
                            "offline_access   accounting.transactions", secret="s3cret-token")
    made = draft.connection("ref-1")
    assert made == Connection(Provider.XERO, "https://xero.test/api.xro/2.0", {"tenant": "t-1"},
                              {"client_id": "c-1",
                               "scopes": "offline_access accounting.transactions"}, "ref-1")
    assert "s3cret-token" not in repr(made)


def test_editing_keeps_the_keyring_reference_id_and_token_url() -> None:
    existing = Connection(Provider.XERO, "https://a.test", {"tenant": "t"},
                          {"client_id": "c", "token_url": "https://id.test/token"}, "ref-9",
                          "Connected as X.", 4)
    draft = ConnectionDraft.of(existing)
    assert draft.scopes == DEFAULT_SCOPES and draft.remote_id == "t"
    draft.base_url = "https://b.test"
    edited = draft.connection("ignored", existing)
    assert (edited.id, edited.secret_ref, edited.base_url, edited.options["token_url"]) == (
        4, "ref-9", "https://b.test", "https://id.test/token")
