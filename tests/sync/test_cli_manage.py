"""``ledgerdesk edit-connection`` and ``ledgerdesk disconnect`` against the fake Xero."""

from __future__ import annotations

from test_cli_sync import connected, run  # noqa: F401  (fixtures)

from ledgerdesk.services.sync import connections, outbox


def test_edit_connection_changes_base_url_and_scopes(run, connected, book) -> None:  # noqa: F811
    path, _, _ = connected
    status, out, err = run("edit-connection", path, "--connection", "1", "--base-url",
                           "https://sandbox.test/api.xro/2.0/", "--scopes", "offline_access",
                           "accounting.transactions")
    assert status == 0, err
    assert "scopes: offline_access accounting.transactions" in out
    [edited] = connections(book)
    assert edited.base_url == "https://sandbox.test/api.xro/2.0"
    assert edited.options["scopes"] == "offline_access accounting.transactions"


def test_an_edited_base_url_is_trimmed_as_connect_trims_it(run, connected, book) -> None:  # noqa: F811
    """A pasted " https://x " used to be stored as typed, and every sync then failed with a
    traceback; it is now the address without the spaces (and a non-address is refused)."""
    path, _, _ = connected
    status, out, err = run("edit-connection", path, "--connection", "1", "--base-url",
                           " https://sandbox.test/api.xro/2.0/ ")
    assert status == 0, err
    assert "Xero at https://sandbox.test/api.xro/2.0 tenant=" in out
    assert [c.base_url for c in connections(book)] == ["https://sandbox.test/api.xro/2.0"]
    before = connections(book)
    status, _, err = run("edit-connection", path, "--connection", "1", "--base-url",
                         "sandbox.test")
    assert status != 0 and "is not a web address" in err and len(err.splitlines()) == 1
    assert connections(book) == before


def test_edit_connection_refuses_a_wrong_id_and_changes_nothing(run, connected, book) -> None:  # noqa: F811
    path, _, _ = connected
    before = connections(book)
    status, _, err = run("edit-connection", path, "--connection", "1", "--remote-id",
                         "workspace=w1", "--base-url", "https://other.test")
    assert status != 0 and "Xero takes tenant=ID" in err
    assert connections(book) == before


def test_disconnect_forgets_the_secret_and_says_what_happens_to_the_queue(
        run, connected, book, pay, customer, memory_keyring) -> None:  # noqa: F811
    path, first, _ = connected
    pay(customer, "60", (first[0], "60"))
    assert memory_keyring.entries
    status, out, err = run("disconnect", path, "--connection", "1")
    assert status == 0, err
    assert "1 payment push still queued will never be sent to Xero" in out
    assert connections(book) == [] and outbox(book) == [] and memory_keyring.entries == {}
    status, _, err = run("disconnect", path, "--connection", "1")
    assert status != 0 and "no connection 1" in err


def test_disconnect_with_a_keyring_that_cannot_be_changed_says_what_is_left(
        run, connected, book) -> None:  # noqa: F811
    """The connection goes from the book; the secrets the keyring would not let go of are
    named (where, not what), in one line, and the command does not claim all went well."""
    import keyring
    from keyring.backends import fail

    path, _, _ = connected
    keyring.set_keyring(fail.Keyring())  # the autouse memory keyring is put back after
    status, out, err = run("disconnect", path, "--connection", "1")
    assert status == 1
    assert out.startswith("Removed connection 1 (Xero at ")
    [line] = err.splitlines()
    assert line.startswith("ledgerdesk: error: The keyring cannot be changed (NoKeyringError)")
    assert "still in the keyring" in line and "Traceback" not in err
    assert connections(book) == []
