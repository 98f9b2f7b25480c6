"""Xero's sign-in endpoints and default scopes: plain constants, so the command line's
help can show them without loading httpx."""

AUTHORIZE_URL = "https://login.xero.com/identity/connect/authorize"
TOKEN_URL = "https://identity.xero.com/connect/token"
#: Apps created since March 2026; older apps use accounting.transactions.  A setting.
DEFAULT_SCOPES = ("offline_access", "accounting.payments", "accounting.invoices.read")
