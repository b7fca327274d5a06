"""SQLite storage of the reference server: schema, one guarded connection, change sequence.

One connection (``check_same_thread=False``) guarded by a re-entrant lock serialises all
writes, so the global change sequence is committed strictly in order and a change cursor
never skips a row.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('broker', 'staff')),
    servicenummer TEXT NOT NULL,
    pw_salt BLOB NOT NULL,
    pw_hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    user_id INTEGER NOT NULL,
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    status INTEGER,
    body TEXT,
    location TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, scope, key)
);
CREATE TABLE IF NOT EXISTS referrals (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    client_ref TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS referrals_owner_seq ON referrals(owner_id, seq);
CREATE INDEX IF NOT EXISTS referrals_seq ON referrals(seq);
CREATE INDEX IF NOT EXISTS referrals_client_ref ON referrals(owner_id, client_ref);
CREATE TABLE IF NOT EXISTS images (
    referral_id TEXT NOT NULL REFERENCES referrals(id),
    image_id TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (referral_id, image_id)
);
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    client_ref TEXT,
    referral_id TEXT,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_owner_seq ON tickets(owner_id, seq);
CREATE INDEX IF NOT EXISTS tickets_seq ON tickets(seq);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    owner_id INTEGER NOT NULL,
    author TEXT NOT NULL,
    from_staff INTEGER NOT NULL,
    client_ref TEXT,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_owner_seq ON messages(owner_id, seq);
CREATE INDEX IF NOT EXISTS messages_seq ON messages(seq);
CREATE INDEX IF NOT EXISTS messages_ticket ON messages(ticket_id, from_staff, id);
CREATE INDEX IF NOT EXISTS messages_unread ON messages(owner_id, from_staff, ticket_id, id);
CREATE INDEX IF NOT EXISTS messages_unread_staff ON messages(from_staff, ticket_id, id);
CREATE TABLE IF NOT EXISTS read_state (
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    last_read_message_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, user_id)
);
CREATE INDEX IF NOT EXISTS read_state_user_seq ON read_state(user_id, seq);
CREATE TABLE IF NOT EXISTS tombstones (
    type TEXT NOT NULL,
    id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (type, id)
);
CREATE INDEX IF NOT EXISTS tombstones_owner_seq ON tombstones(owner_id, seq);
CREATE INDEX IF NOT EXISTS tombstones_seq ON tombstones(seq);
"""


def utcnow() -> str:
    """Current time as ISO 8601 UTC with a ``Z`` suffix (millisecond precision)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Database:
    """The server's SQLite file; use :meth:`tx` for every read or write."""

    def __init__(self, path: Path | str) -> None:
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(SCHEMA)
        with self.tx() as conn:
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('seq', '0'), ('cursor_epoch', '1')")

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and run one transaction (commit on success, roll back on error)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()


def next_seq(conn: sqlite3.Connection) -> int:
    """Advance the global change sequence (call inside :meth:`Database.tx`)."""
    row = conn.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING value"
    ).fetchone()
    return int(row[0])


def get_meta(conn: sqlite3.Connection, key: str) -> str:
    """Read one value from the ``meta`` table."""
    return str(conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Write one value to the ``meta`` table."""
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
