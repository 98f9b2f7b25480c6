"""Sync to remote payment services: the only package that imports httpx and keyring.

``gateways.open_gateway`` turns a book's ``Connection`` into a ``PaymentGateway`` (the port in
``services.sync_ports``) for the outbox worker in ``services.sync_drain``.  One module per
provider (Xero, Clockify, DayZero, Strapi) over the shared ``http.RemoteClient`` (waiting and
retry rules) and ``credentials`` (the keyring).  Whatever a remote says reaches the rest of
the program only through ``remote_text``, which passes it through ``scrub``: no secret we
sent comes back out, however the remote echoes it.
"""
