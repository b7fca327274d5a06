"""SQLite storage of the reference server: schema, one guarded connection, change sequence.

One connection (``check_same_thread=False``) guarded by a re-entrant lock serialises all
writes, so the global change sequence is committed strictly in order and a change cursor
never skips a row.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
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
    """The server's SQLite file; use :meth:`tx` for every read or write.

    Args:
        path: The file (created with its schema if absent).
        durable: Sync to disk at checkpoints (``synchronous=NORMAL``). ``False`` for a file
            that is deleted when the server stops (the embedded demo server's) and so never
            outlives a crash: SQLite then never waits for the disk (about six syncs when a new
            file is created).
    """

    def __init__(self, path: Path | str, *, durable: bool = True) -> None:
        self.path = Path(path)
        self.durable = durable
        self._lock = threading.RLock()
        self._conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        _create_private(self.path)
        conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        conn.row_factory = sqlite3.Row
        # synchronous first: it also covers the switch to WAL of a new file
        conn.execute(f"PRAGMA synchronous={'NORMAL' if self.durable else 'OFF'}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")
        conn.executescript(f"BEGIN;\n{SCHEMA}COMMIT;\n")  # one transaction, not one per table
        # A new file starts a new cursor epoch, so cursors of an earlier file are expired.
        epoch = str(secrets.randbelow(2**31) + 1)
        conn.execute(
            "INSERT OR IGNORE INTO meta VALUES ('seq', '0'), ('cursor_epoch', ?)", (epoch,)
        )
        return conn

    def erase(self, refill: Callable[[], None] | None = None) -> None:
        """Checkpoint, close and delete the file with its ``-wal``/``-shm``, reopen it empty
        and run ``refill`` (e.g. the demo data); requests wait on the lock meanwhile.

        Nothing written before stays behind on disk.
        """
        with self._lock:
            self._close_and_delete()
            self._conn = self._connect()
            if refill is not None:
                refill()

    def close_and_delete(self) -> None:
        """Checkpoint, close and delete the file with its ``-wal``/``-shm``."""
        with self._lock:
            self._close_and_delete()

    def _close_and_delete(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.close()
        delete_files(self.path)

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


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only (0600) before SQLite opens it; SQLite gives
    its ``-wal``/``-shm`` files the same permissions."""
    if not path.exists():
        with contextlib.suppress(OSError):  # a bad path is reported by sqlite3.connect
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def delete_files(path: Path) -> None:
    """Delete a database file with its ``-wal``, ``-shm`` and ``-journal`` siblings."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = Path(f"{path}{suffix}")
        if candidate.is_file():
            candidate.unlink()


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
