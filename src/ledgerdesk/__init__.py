"""Ledgerdesk: offline double-entry books for small businesses."""

__version__ = "0.1.0"
