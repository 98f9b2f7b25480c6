"""A connection's secrets, in the OS keyring and nowhere else.

Entries are named ``<secret_ref>/<name>`` under the service ``ledgerdesk``; the book keeps
only ``secret_ref``.  ``Secret`` wraps a value so that printing, logging or formatting an
object that holds one never shows it.
"""

from __future__ import annotations

import contextlib

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE = "ledgerdesk"


class SecretUnavailable(Exception):
    """The keyring has no such secret or cannot be reached (the message never holds one)."""


class Secret:
    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__


class SecretStore:
    """The keyring entries of one connection."""

    def __init__(self, secret_ref: str) -> None:
        self._ref = secret_ref

    def _key(self, name: str) -> str:
        return f"{self._ref}/{name}"

    def get(self, name: str) -> Secret:
        try:
            value = keyring.get_password(SERVICE, self._key(name))
        except KeyringError as exc:
            raise SecretUnavailable(f"The keyring cannot be read ({type(exc).__name__}).") from None
        if value is None:
            raise SecretUnavailable(f"The keyring holds no {name.replace('_', ' ')} for this "
                                    "connection; connect again.")
        return Secret(value)

    def set(self, name: str, value: str) -> None:
        try:
            keyring.set_password(SERVICE, self._key(name), value)
        except KeyringError as exc:
            raise SecretUnavailable(
                f"The keyring refused to store the {name.replace('_', ' ')} "
                f"({type(exc).__name__}); nothing was saved."
            ) from None

    def delete(self, name: str) -> None:
        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(SERVICE, self._key(name))
