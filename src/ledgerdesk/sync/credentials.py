"""A connection's secrets, in the OS keyring and nowhere else.

Entries are named ``<secret_ref>/<name>`` under the service ``ledgerdesk``; the book keeps
only ``secret_ref``.  ``Secret`` wraps a value so that printing, logging or formatting an
object that holds one never shows it.  A saved secret is read back at once: a backend that
drops it silently (``keyring.backends.null``) is refused then, not at the first sync.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from ledgerdesk.domain.i18n import _
from ledgerdesk.sync.scrub import remember

SERVICE = "ledgerdesk"


class SecretUnavailable(Exception):
    """The keyring has no such secret or cannot be reached (the message never holds one)."""


class Secret:
    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        remember(value)  # from now on hidden in anything a remote says
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
            raise SecretUnavailable(_("The keyring cannot be read ({name__}).").format(
                                        name__=type(exc).__name__)) from None
        if value is None:
            raise SecretUnavailable(_("The keyring holds no {role} for this connection; "
                                      "connect again.").format(
                role=name.replace('_', ' ')))
        return Secret(value)

    def set(self, name: str, value: str) -> None:
        """Keep ``value``, and read it back: a keyring that does not return it did not keep it."""
        remember(value)
        try:
            keyring.set_password(SERVICE, self._key(name), value)
            kept = keyring.get_password(SERVICE, self._key(name))
        except KeyringError as exc:
            raise SecretUnavailable(_not_kept(f" ({type(exc).__name__})")) from None
        if kept != value:
            raise SecretUnavailable(_not_kept(""))

    def delete(self, name: str) -> None:
        try:
            keyring.delete_password(SERVICE, self._key(name))
        except PasswordDeleteError:
            pass  # there was none
        except KeyringError as exc:
            raise SecretUnavailable(_("The keyring cannot be changed ({name__}).").format(
                                        name__=type(exc).__name__))\
                from None


def _not_kept(said: str) -> str:
    backend = type(keyring.get_keyring())
    return (_("The keyring ({module}.{qualname}) did not keep the secret{said}; nothing was "
              "saved. Set up a system keyring (or name one in PYTHON_KEYRING_BACKEND), then "
              "connect again.").format(
                module=backend.__module__, qualname=backend.__qualname__, said=said))
