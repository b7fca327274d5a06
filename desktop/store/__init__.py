"""Encrypted local store: drafts, outbox rows, schema migrations (Qt-free)."""

from desktop.store.crypto import DataKey, DecryptionError
from desktop.store.local import DEFAULT_RETENTION_DAYS, DraftInfo, LocalStore, Photos

__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "DataKey",
    "DecryptionError",
    "DraftInfo",
    "LocalStore",
    "Photos",
]
