"""A contact's postal address: kept as typed (lines trimmed, blanks dropped), editable,
refused when it would not fit a printed document, and written by bulk loads too."""

from __future__ import annotations

import pytest

from ledgerdesk.domain.contacts import MAX_ADDRESS_LINES, Contact, ContactRole
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.commands import EditContact, NewContact
from ledgerdesk.services.contacts import add_contact, update_contact

ADDRESS = "Harbour Lights Café\n  12 Quay Street  \n\nFalmouth TR11 3HH\nUnited Kingdom"


def read(book, contact_id: int) -> Contact:
    with book.read() as tx:
        contact = tx.get_contact(contact_id)
    assert contact is not None
    return contact


def test_an_address_is_kept_line_by_line_and_edited(book):
    contact_id = add_contact(book, NewContact(name="Harbour Lights", role=ContactRole.CUSTOMER,
                                              address=ADDRESS))
    assert read(book, contact_id).address.splitlines() == [
        "Harbour Lights Café", "12 Quay Street", "Falmouth TR11 3HH", "United Kingdom"]
    update_contact(book, EditContact(contact_id=contact_id, name="Harbour Lights",
                                     role=ContactRole.CUSTOMER, address="1 New Road\nTruro"))
    assert read(book, contact_id).address == "1 New Road\nTruro"


def test_an_address_too_long_to_print_is_refused_and_nothing_changes(book):
    contact_id = add_contact(book, NewContact(name="Acme", role=ContactRole.CUSTOMER,
                                              address="1 Road\nTown"))
    lines = "\n".join(f"Line {n}" for n in range(MAX_ADDRESS_LINES + 1))
    for address, field_problem in ((lines, "too_many_lines"), ("x" * 501, "too_long")):
        with pytest.raises(ValidationFailed) as refused:
            update_contact(book, EditContact(contact_id=contact_id, name="Acme",
                                             role=ContactRole.CUSTOMER, address=address))
        assert [(p.field, p.code) for p in refused.value.problems] == [("address", field_problem)]
    assert read(book, contact_id).address == "1 Road\nTown"


def test_bulk_loads_write_addresses(book):
    with book.bulk() as bulk:
        (contact_id,) = bulk.add_contacts([Contact("Bulk Ltd", ContactRole.SUPPLIER,
                                                   address="9 Mill Lane\nLeeds")])
    assert read(book, contact_id).address == "9 Mill Lane\nLeeds"
