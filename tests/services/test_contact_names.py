"""Contact names for pickers: every contact once, by name, without reading balances."""

from __future__ import annotations

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.services.contact_names import contact_names
from ledgerdesk.services.queries import list_contacts


def test_names_match_the_full_contact_list(book, add_contact, issue):
    zed = add_contact("zed Works", ContactRole.SUPPLIER)
    issue(add_contact("Acme Retail", ContactRole.CUSTOMER), "10")
    add_contact("bistro Nord", ContactRole.BOTH)
    names = contact_names(book)
    full = list(list_contacts(book))
    assert [(c.id, c.name, c.role) for c in names] == [(c.id, c.name, c.role) for c in full]
    assert [c.name for c in names] == ["Acme Retail", "bistro Nord", "zed Works"]  # NOCASE
    assert names[-1].id == zed
