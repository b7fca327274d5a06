"""OS keychain wrapper (``keyring``): remembered login and generic secrets such as the draft key.

There is deliberately no plaintext fallback. Without a keychain backend (headless Linux,
``keyring.errors.NoKeyringError``) :func:`keychain_available` is False, every write raises
:class:`KeychainUnavailableError`, reads return ``None`` and the UI asks for the password each
time. ``keyring`` is imported lazily: backend discovery costs start-up time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

__all__ = [
    "LOGIN_SERVICE",
    "SERVICE",
    "KeychainUnavailableError",
    "RememberedLogin",
    "delete_secret",
    "forget_login",
    "get_secret",
    "keychain_available",
    "remember_login",
    "remembered_login",
    "set_secret",
]

log = logging.getLogger(__name__)

SERVICE = "Glasvermittler"
"""Keychain service for generic secrets of the app (e.g. the draft data key)."""

LOGIN_SERVICE = "Glasvermittler Anmeldung"
"""Keychain service of the remembered Extranet logins (one per server, see
:mod:`desktop.store.scope` for a server's identity)."""

_LAST_LOGIN_ENTRY = "__last_login__"
"""The entry of the one login remembered before logins were kept per server. Its server is
unknown, so it is never prefilled: :func:`remembered_login` deletes it."""


def _last_login_entry(server: str) -> str:
    return f"{_LAST_LOGIN_ENTRY} {server}"


def _password_entry(server: str, login: str) -> str:
    return f"{server}\n{login}"


class KeychainUnavailableError(RuntimeError):
    """No usable keychain (no backend, locked, refused); the message is the error type only."""


@dataclass(frozen=True)
class RememberedLogin:
    """A remembered login; ``repr`` hides the password."""

    login: str
    password: str

    def __repr__(self) -> str:
        return "RememberedLogin(login=<hidden>, password=<hidden>)"


def keychain_available() -> bool:
    """True if a real keychain backend is configured (no write is attempted)."""
    import keyring
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken backend counts as "no keychain"
        return False
    if isinstance(backend, fail.Keyring):
        return False
    return float(getattr(backend, "priority", 1)) > 0


def get_secret(name: str, *, service: str = SERVICE) -> str | None:
    """Read a secret; ``None`` if absent or if there is no keychain."""
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(service, name)
    except keyring.errors.KeyringError as exc:
        log.info("keychain read failed: %s", type(exc).__name__)
        return None


def set_secret(name: str, value: str, *, service: str = SERVICE) -> None:
    """Store a secret, replacing an earlier value.

    Raises:
        KeychainUnavailableError: No keychain, or it refused the write.
    """
    import keyring
    import keyring.errors

    try:
        keyring.set_password(service, name, value)
    except keyring.errors.KeyringError as exc:
        raise KeychainUnavailableError(type(exc).__name__) from None


def delete_secret(name: str, *, service: str = SERVICE) -> None:
    """Delete a secret; absent entries and a missing keychain are ignored."""
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(service, name)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        log.info("keychain delete failed: %s", type(exc).__name__)


def remember_login(server: str, login: str, password: str) -> None:
    """Keep ``login``/``password`` for ``server`` in the keychain (explicit opt-in).

    Args:
        server: The server's identity (:func:`desktop.store.scope.server_identity`).

    Raises:
        KeychainUnavailableError: No keychain; nothing was stored anywhere.
    """
    previous = get_secret(_last_login_entry(server), service=LOGIN_SERVICE)
    set_secret(_password_entry(server, login), password, service=LOGIN_SERVICE)
    set_secret(_last_login_entry(server), login, service=LOGIN_SERVICE)
    if previous and previous != login:
        delete_secret(_password_entry(server, previous), service=LOGIN_SERVICE)


def remembered_login(server: str) -> RememberedLogin | None:
    """The login remembered for ``server``, if any (``None`` without a keychain).

    A login remembered by an older version (one for every server) is deleted, never
    prefilled: which server it was for is unknown.
    """
    _forget_unscoped_login()
    login = get_secret(_last_login_entry(server), service=LOGIN_SERVICE)
    if not login:
        return None
    password = get_secret(_password_entry(server, login), service=LOGIN_SERVICE)
    if password is None:
        return None
    return RememberedLogin(login, password)


def forget_login(server: str) -> None:
    """Remove the login remembered for ``server`` from the keychain."""
    login = get_secret(_last_login_entry(server), service=LOGIN_SERVICE)
    if login:
        delete_secret(_password_entry(server, login), service=LOGIN_SERVICE)
    delete_secret(_last_login_entry(server), service=LOGIN_SERVICE)


def _forget_unscoped_login() -> None:
    login = get_secret(_LAST_LOGIN_ENTRY, service=LOGIN_SERVICE)
    if login:
        delete_secret(login, service=LOGIN_SERVICE)
        delete_secret(_LAST_LOGIN_ENTRY, service=LOGIN_SERVICE)
