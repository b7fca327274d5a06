"""Tiny seam to the OS keychain (``keyring``) for the store's data key.

Only the random data key for the local store goes through here. There is deliberately no
plaintext fallback: without a keychain backend every call raises :class:`KeychainUnavailableError`
and the store runs memory-only.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors

__all__ = ["KeychainUnavailableError", "delete_secret", "get_secret", "set_secret"]


class KeychainUnavailableError(RuntimeError):
    """No usable OS keychain (headless Linux without Secret Service, locked keychain...)."""


def get_secret(service: str, name: str) -> str | None:
    """Read a secret; ``None`` if absent."""
    try:
        return keyring.get_password(service, name)
    except keyring.errors.KeyringError as exc:  # NoKeyringError, KeyringLocked, InitError...
        raise KeychainUnavailableError(type(exc).__name__) from None


def set_secret(service: str, name: str, value: str) -> None:
    """Store a secret, replacing any previous value."""
    try:
        keyring.set_password(service, name, value)
    except keyring.errors.KeyringError as exc:
        raise KeychainUnavailableError(type(exc).__name__) from None


def delete_secret(service: str, name: str) -> None:
    """Delete a secret; absent secrets and missing keychains are ignored."""
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(service, name)
