"""Encrypted local store: drafts, outbox rows, schema migrations (Qt-free).

The names below load on first use (PEP 562): :mod:`desktop.store.scope` is imported at
start-up, without ``cryptography``, which :mod:`desktop.store.crypto` pulls in.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOME = {
    "DataKey": "desktop.store.crypto",
    "DecryptionError": "desktop.store.crypto",
    "DEFAULT_RETENTION_DAYS": "desktop.store.local",
    "DraftInfo": "desktop.store.local",
    "LocalStore": "desktop.store.local",
    "Photos": "desktop.store.local",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
