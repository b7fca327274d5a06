"""Encryption at rest for drafts and outbox payloads (AES-256-GCM, Qt-free).

A random 256-bit data key lives in the OS keychain (never on disk next to the database).
Every write uses a fresh random 96-bit nonce; the associated data binds a ciphertext to its row
(id and kind), so a blob copied into another row fails to decrypt. Deleting the key
(:meth:`DataKey.destroy`) makes every stored ciphertext unreadable (crypto-shredding).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.store import keychain

__all__ = ["DEFAULT_SERVICE", "KEY_NAME", "DataKey", "DecryptionError"]

#: Keychain service name of the production data key.
DEFAULT_SERVICE = "Glasvermittler"
#: Keychain entry name of the data key.
KEY_NAME = "local-data-key-v1"
_NONCE_BYTES = 12
_VERSION = b"\x01"


class DecryptionError(ValueError):
    """A ciphertext is corrupt, belongs to another row or to a destroyed key."""


class DataKey:
    """An AES-GCM data key.

    Args:
        key: 32 random bytes.
        service: Keychain service the key came from (``None`` = not persisted).
    """

    def __init__(self, key: bytes, service: str | None = None) -> None:
        if len(key) != 32:
            raise ValueError("data key must be 32 bytes")
        self._aead = AESGCM(key)
        self.service = service

    @classmethod
    def generate(cls) -> DataKey:
        """A fresh key that is not stored anywhere (tests, memory-only sessions)."""
        return cls(AESGCM.generate_key(bit_length=256))

    @classmethod
    def load_or_create(cls, keyring_service: str = DEFAULT_SERVICE) -> DataKey | None:
        """Load the key from the keychain or create and store a new one.

        Returns:
            The key, or ``None`` when there is no usable keychain (→ memory-only mode).
        """
        try:
            stored = keychain.get_secret(keyring_service, KEY_NAME)
            if stored is not None:
                raw = base64.b64decode(stored)
                if len(raw) == 32:
                    return cls(raw, keyring_service)
            raw = AESGCM.generate_key(bit_length=256)
            keychain.set_secret(keyring_service, KEY_NAME, base64.b64encode(raw).decode())
            # Read back: some backends accept writes they cannot persist.
            if keychain.get_secret(keyring_service, KEY_NAME) is None:
                return None
            return cls(raw, keyring_service)
        except keychain.KeychainUnavailableError:
            return None

    def destroy(self) -> None:
        """Delete the key from the keychain (crypto-shredding of all local ciphertexts)."""
        if self.service is not None:
            keychain.delete_secret(self.service, KEY_NAME)

    def encrypt(self, plaintext: bytes, associated_data: bytes = b"") -> bytes:
        """Encrypt ``plaintext``; returns ``version || nonce || ciphertext+tag``."""
        nonce = os.urandom(_NONCE_BYTES)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext, associated_data)

    def encrypt_many(self, items: Sequence[tuple[bytes, bytes]]) -> list[bytes]:
        """:meth:`encrypt` for many ``(plaintext, associated_data)`` pairs with one random
        draw for all nonces (one syscall instead of one per value; added for the Postkorb
        sync, which seals ~60,000 values in a first sync)."""
        nonces = os.urandom(_NONCE_BYTES * len(items))
        aead = self._aead
        out = []
        for i, (plaintext, associated_data) in enumerate(items):
            nonce = nonces[i * _NONCE_BYTES : (i + 1) * _NONCE_BYTES]
            out.append(_VERSION + nonce + aead.encrypt(nonce, plaintext, associated_data))
        return out

    def decrypt(self, blob: bytes, associated_data: bytes = b"") -> bytes:
        """Decrypt a blob from :meth:`encrypt` with the same associated data.

        Raises:
            DecryptionError: Tampered, foreign or undecryptable blob.
        """
        if len(blob) < 1 + _NONCE_BYTES + 16 or blob[:1] != _VERSION:
            raise DecryptionError("unknown ciphertext format")
        nonce = blob[1 : 1 + _NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, blob[1 + _NONCE_BYTES :], associated_data)
        except InvalidTag:
            raise DecryptionError("ciphertext does not authenticate") from None
