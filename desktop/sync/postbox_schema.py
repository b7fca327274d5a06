"""Local Postkorb cache tables (component ``"postbox"``) and value sealing (Qt-free).

Free text (subject, body, author) is personal data: when a data key is available it is stored
AES-GCM-sealed with the row id as associated data; without a key the caller must use an
in-memory database (memory-only mode of :class:`desktop.store.LocalStore`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

__all__ = [
    "DEFERRABLE_INDEXES",
    "MIGRATIONS",
    "Codec",
    "Sealer",
    "order_key",
    "pack_message",
    "unpack_message",
]

MIGRATIONS = [
    """
    CREATE TABLE postbox_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor TEXT,
        unread_total INTEGER NOT NULL DEFAULT 0,
        generation INTEGER NOT NULL DEFAULT 0,
        sweep_pending INTEGER NOT NULL DEFAULT 0,
        synced_at REAL
    );
    INSERT INTO postbox_state(id) VALUES (1);
    CREATE TABLE postbox_tickets (
        id TEXT PRIMARY KEY,
        subject BLOB,
        status TEXT NOT NULL,
        referral_id TEXT,
        client_ref TEXT,
        created_at TEXT,
        updated_at TEXT,
        etag TEXT,
        generation INTEGER NOT NULL
    );
    CREATE INDEX postbox_tickets_updated ON postbox_tickets(updated_at);
    CREATE TABLE postbox_messages (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL,
        author BLOB,
        from_staff INTEGER NOT NULL,
        body BLOB,
        client_ref TEXT,
        created_at TEXT,
        order_key TEXT NOT NULL,
        generation INTEGER NOT NULL
    );
    CREATE INDEX postbox_messages_ticket ON postbox_messages(ticket_id, order_key);
    CREATE TABLE postbox_read (
        ticket_id TEXT PRIMARY KEY,
        last_read_message_id TEXT
    );
    """,
    # 2: the ticket list's per-ticket counts read only this index (no table lookups for
    # 50,000 messages); it replaces the (ticket_id, order_key) index, so a sync still
    # maintains one message index. Ticket order without a temporary sort.
    """
    CREATE INDEX postbox_messages_cover
        ON postbox_messages(ticket_id, order_key, from_staff, id);
    DROP INDEX postbox_messages_ticket;
    CREATE INDEX postbox_tickets_order ON postbox_tickets(updated_at, id);
    DROP INDEX postbox_tickets_updated;
    """,
]

#: Indexes (name, definition as in the latest migration) that a first sync into an empty
#: cache drops and builds once at its end: one sort instead of ~50,000 random inserts, whose
#: pages every per-page commit would write to the WAL again. Keep in step with MIGRATIONS.
DEFERRABLE_INDEXES = (
    (
        "postbox_messages_cover",
        "CREATE INDEX IF NOT EXISTS postbox_messages_cover"
        " ON postbox_messages(ticket_id, order_key, from_staff, id)",
    ),
)


class Sealer(Protocol):
    """What :class:`desktop.store.crypto.DataKey` offers."""

    def encrypt(self, plaintext: bytes, associated_data: bytes = b"") -> bytes:
        """Seal."""
        ...

    def decrypt(self, blob: bytes, associated_data: bytes = b"") -> bytes:
        """Open."""
        ...

    def encrypt_many(self, items: Sequence[tuple[bytes, bytes]]) -> list[bytes]:
        """Seal many ``(plaintext, associated_data)`` pairs."""
        ...


class Codec:
    """Seals text columns with an optional data key (plain UTF-8 without one).

    Args:
        key: Data key, a zero-argument callable returning the current key (e.g.
            ``lambda: store.key``, which changes after a wipe), or ``None`` (only with an
            in-memory database).
    """

    def __init__(self, key: Sealer | Callable[[], Sealer | None] | None) -> None:
        self._key_source = key

    @property
    def _key(self) -> Sealer | None:
        source = self._key_source
        if source is None or hasattr(source, "encrypt"):
            return source  # type: ignore[return-value]
        return source()

    def seal(self, text: str, aad: str) -> bytes:
        """Encode (and encrypt) ``text`` bound to ``aad``."""
        data = text.encode("utf-8")
        key = self._key
        return key.encrypt(data, aad.encode()) if key else data

    def seal_many(self, items: Sequence[tuple[str, str]]) -> list[bytes]:
        """:meth:`seal` for many ``(text, aad)`` pairs (one random draw for all nonces)."""
        return self.seal_encoded([(text.encode("utf-8"), aad.encode()) for text, aad in items])

    def seal_encoded(self, items: Sequence[tuple[bytes, bytes]]) -> list[bytes]:
        """:meth:`seal_many` for pairs already encoded as UTF-8 ``(data, aad)``."""
        key = self._key
        if not key:
            return [data for data, _aad in items]
        return key.encrypt_many(items)

    def open(self, blob: bytes | str | None, aad: str) -> str:
        """Decode (and decrypt) a value from :meth:`seal`."""
        if blob is None:
            return ""
        if isinstance(blob, str):
            return blob
        key = self._key
        data = key.decrypt(bytes(blob), aad.encode()) if key else bytes(blob)
        return data.decode("utf-8")


def pack_message(author: str, body: str) -> str:
    """Author and body in one string (one seal per message): ``"<len>:<author><body>"``."""
    return f"{len(author)}:{author}{body}"


def unpack_message(packed: str) -> tuple[str, str]:
    """Inverse of :func:`pack_message`."""
    head, sep, rest = packed.partition(":")
    if not sep or not head.isdigit():
        return "", packed
    n = int(head)
    return rest[:n], rest[n:]


def order_key(created_at: str, message_id: str) -> str:
    """Sort key of a message: time, then id (numeric ids padded so they sort numerically)."""
    return f"{created_at}|{message_id:>24}"
