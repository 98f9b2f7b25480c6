"""Sync to remote payment services: the only package that imports httpx and keyring.

``gateways.open_gateway`` turns a book's ``Connection`` into a ``PaymentGateway`` (the port in
``services.sync_ports``) for the outbox worker in ``services.sync_drain``.  One module per
provider (``xero`` now; Clockify, DayZero and Strapi follow the same shape) over the shared
``http.RemoteClient`` (waiting and retry rules) and ``credentials`` (the keyring).
"""
