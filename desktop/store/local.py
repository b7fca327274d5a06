"""The encrypted local store: drafts and draft photos (Qt-free).

Clear columns hold only what a list needs and what is harmless on its own: ids, kind,
timestamps, a surname initial and a masked plate. Everything typed by the agent is AES-GCM
encrypted (:mod:`desktop.store.crypto`) with the row id and kind as associated data.
Without a keychain (``key is None``) the whole database lives in memory (``memory_only``).
"""

from __future__ import annotations

import contextlib
import logging
import math
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.store import serialize
from desktop.store.crypto import DataKey
from desktop.store.db import DB_LOCK, apply_migrations, open_database
from desktop.store.masking import find_field, mask_plate, mask_surname
from desktop.store.scope import EMBEDDED_SERVER, Scope

__all__ = [
    "DB_FILENAME",
    "DEFAULT_RETENTION_DAYS",
    "CachedConfig",
    "DraftInfo",
    "LocalStore",
    "Photos",
]

log = logging.getLogger(__name__)

DB_FILENAME = "local.db"
DEFAULT_RETENTION_DAYS = 7
_DAY = 86400.0

MIGRATIONS = [
    """
    CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        surname_initial TEXT NOT NULL DEFAULT '',
        plate_masked TEXT NOT NULL DEFAULT '',
        payload BLOB NOT NULL
    );
    CREATE TABLE draft_blobs (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        blob_id TEXT NOT NULL,
        payload BLOB NOT NULL,
        PRIMARY KEY (draft_id, blob_id)
    );
    """,
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 3: every draft belongs to one server and account (desktop.store.scope). Rows written
    # before keep NULL here until the store is opened: they then belong to the server the app
    # is configured for (see LocalStore._adopt_unscoped). The server configuration is cached
    # per server and account, sealed.
    """
    ALTER TABLE drafts ADD COLUMN server TEXT;
    ALTER TABLE drafts ADD COLUMN account TEXT;
    CREATE INDEX drafts_scope ON drafts(server, account, updated_at);
    CREATE TABLE config_cache (
        server TEXT NOT NULL,
        account TEXT NOT NULL,
        fetched_at REAL NOT NULL,
        payload BLOB NOT NULL,
        PRIMARY KEY (server, account)
    );
    """,
]

#: Tables with ``server``/``account`` owner columns (the outbox adds its own, see
#: :mod:`desktop.sync.outbox_schema`).
SCOPED_TABLES = ("drafts",)

#: Draft photos as stored and loaded: ``{blob_id: (data, media_type)}``.
Photos = Mapping[str, tuple[bytes, str]]


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """One row of the "Entwürfe" list (no personal data beyond the masked values)."""

    draft_id: str
    kind: str
    created_at: float
    updated_at: float
    surname_initial: str
    plate_masked: str
    remaining_days: int


@dataclass(frozen=True, slots=True)
class CachedConfig:
    """The server configuration of one scope as last fetched (``GET /config``).

    Attributes:
        config: The configuration document.
        fetched_at: When it was fetched (``time.time()``).
    """

    config: dict[str, Any]
    fetched_at: float


def _last_account_key(server: str) -> str:
    return f"last_account:{server}"


class LocalStore:
    """Drafts (and, through :class:`desktop.sync.outbox.Outbox`, the outbox) on disk.

    Args:
        data_dir: Directory of the database file.
        key: Data key from :meth:`DataKey.load_or_create`; ``None`` → memory-only mode.
        server: Identity of the server the app is configured for
            (:func:`desktop.store.scope.server_identity`). The current :attr:`scope` is that
            server and the account that last logged in there; drafts and outbox items of
            other scopes are kept but neither listed, loaded nor sent.
    """

    def __init__(self, data_dir: Path, key: DataKey | None, server: str = EMBEDDED_SERVER) -> None:
        self.data_dir = Path(data_dir)
        self.memory_only = key is None
        self._key = key if key is not None else DataKey.generate()
        self._retention_days = DEFAULT_RETENTION_DAYS
        self.db_path: Path | None = None if self.memory_only else self.data_dir / DB_FILENAME
        self._retired: set[str] = set()
        self.unclean_shutdown = False
        self._previous_session_start: float | None = None
        self._scope = Scope(server)
        self.conn = self._open()
        self._begin_session()
        self._scope = Scope(server, self.last_account(server))

    # ------------------------------------------------------------------ plumbing
    def _open(self) -> sqlite3.Connection:
        conn = open_database(self.db_path)
        apply_migrations(conn, "store", MIGRATIONS)
        self.adopt_unscoped(conn, SCOPED_TABLES)
        return conn

    def adopt_unscoped(self, conn: sqlite3.Connection, tables: tuple[str, ...]) -> None:
        """Rows written before data was scoped belong to the server configured now.

        Their account stays ``""``: the first account that logs in there owns them
        (:meth:`set_account`); until then an offline start shows them.
        """
        with DB_LOCK:
            for table in tables:
                conn.execute(
                    f"UPDATE {table} SET server = ?, account = '' WHERE server IS NULL",
                    (self._scope.server,),
                )

    # ------------------------------------------------------------------ scope
    @property
    def scope(self) -> Scope:
        """The server and account whose data is shown, prefilled and sent now."""
        return self._scope

    def last_account(self, server: str) -> str:
        """The account that last logged in successfully on ``server`` ("" if none)."""
        return self._meta(_last_account_key(server)) or ""

    def set_account(self, account: str) -> bool:
        """A login as ``account`` succeeded on the current server: it becomes the scope.

        Kept as the server's last account (the scope of the next offline start). Drafts and
        outbox items written while nobody had ever logged in on this server (account "")
        become this account's.

        Returns:
            True if the scope changed.
        """
        scope = self._scope.with_account(account)
        with DB_LOCK:
            self._set_meta(_last_account_key(scope.server), scope.account)
            for table in self._scoped_tables():
                self.conn.execute(
                    f"UPDATE {table} SET account = ? WHERE server = ? AND account = ''",
                    (scope.account, scope.server),
                )
        changed = scope != self._scope
        self._scope = scope
        return changed

    def _scoped_tables(self) -> list[str]:
        with DB_LOCK:
            names = {
                str(row[0])
                for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        return [t for t in (*SCOPED_TABLES, "outbox") if t in names]

    def cache_owner(self, name: str) -> Scope | None:
        """The scope whose data the cache ``name`` (e.g. the Postkorb) holds, if recorded."""
        value = self._meta(f"owner:{name}")
        if value is None:
            return None
        server, _, account = value.partition("\n")
        return Scope(server, account)

    def set_cache_owner(self, name: str) -> None:
        """Record that the cache ``name`` now holds the current scope's data."""
        self._set_meta(f"owner:{name}", self._scope.key())

    # ------------------------------------------------------------------ config cache
    def save_config(self, config: dict[str, Any], fetched_at: float | None = None) -> None:
        """Cache the current scope's server configuration (sealed), replacing the last one."""
        scope = self._scope
        when = time.time() if fetched_at is None else fetched_at
        blob = self.seal(dict(config), f"config:{scope.key()}")
        with DB_LOCK:
            self.conn.execute(
                "INSERT INTO config_cache(server, account, fetched_at, payload)"
                " VALUES (?, ?, ?, ?) ON CONFLICT(server, account) DO UPDATE SET"
                " fetched_at = excluded.fetched_at, payload = excluded.payload",
                (scope.server, scope.account, when, blob),
            )

    def cached_config(self) -> CachedConfig | None:
        """The current scope's configuration from its last successful fetch, if any."""
        scope = self._scope
        with DB_LOCK:
            row = self.conn.execute(
                "SELECT fetched_at, payload FROM config_cache WHERE server = ? AND account = ?",
                (scope.server, scope.account),
            ).fetchone()
        if row is None:
            return None
        try:
            config = self.unseal(row["payload"], f"config:{scope.key()}")
        except Exception:  # noqa: BLE001 - an unreadable cache is no cache (fetched again)
            log.info("cached server configuration unreadable; ignored")
            return None
        return CachedConfig(dict(config), float(row["fetched_at"]))

    def _meta(self, key: str) -> str | None:
        with DB_LOCK:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        with DB_LOCK:
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def _begin_session(self) -> None:
        """Detect a crash of the previous run and mark this run as open."""
        self.unclean_shutdown = self._meta("session_open") == "1"
        started = self._meta("session_started_at")
        self._previous_session_start = float(started) if started else None
        stored_days = self._meta("retention_days")
        if stored_days is not None and stored_days.isdigit() and int(stored_days) > 0:
            self._retention_days = int(stored_days)
        self._set_meta("session_open", "1")
        self._set_meta("session_started_at", repr(time.time()))

    @property
    def retention_days(self) -> int:
        """Draft retention in days (last value from the server config, kept across starts)."""
        return self._retention_days

    @retention_days.setter
    def retention_days(self, days: int) -> None:
        if days <= 0:
            raise ValueError("retention must be at least one day")
        self._retention_days = int(days)
        self._set_meta("retention_days", str(int(days)))

    def recovered_drafts(self) -> list[DraftInfo]:
        """Drafts of a run that ended without :meth:`close` (crash, kill, power cut).

        Empty after a clean shutdown. The app offers these back at start ("Entwürfe" page);
        call :meth:`dismiss_recovery` once the offer was shown.
        """
        if not self.unclean_shutdown:
            return []
        since = self._previous_session_start or 0.0
        return [d for d in self.list_drafts() if d.updated_at >= since]

    def dismiss_recovery(self) -> None:
        """Forget the crash notice (the user saw or used the offer)."""
        self.unclean_shutdown = False

    @property
    def key(self) -> DataKey:
        """The current data key (changes after :meth:`wipe_all`; re-read it, don't cache it)."""
        return self._key

    @property
    def lock(self) -> Any:
        """Lock guarding :attr:`conn` across threads."""
        return DB_LOCK

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` under the lock (rollback on error)."""
        with DB_LOCK:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def seal(self, value: Any, aad: str) -> bytes:
        """Serialise and encrypt ``value`` bound to ``aad`` (e.g. ``"draft:<id>"``)."""
        return self._key.encrypt(serialize.dumps(value), aad.encode("utf-8"))

    def unseal(self, blob: bytes, aad: str) -> Any:
        """Decrypt and deserialise a value from :meth:`seal`."""
        return serialize.loads(self._key.decrypt(bytes(blob), aad.encode("utf-8")))

    # ------------------------------------------------------------------ drafts
    def save_draft(
        self,
        draft_id: str,
        kind: str,
        payload: Mapping[str, Any],
        photos: Photos | None = None,
        *,
        owner: Scope | None = None,
    ) -> None:
        """Insert or replace a draft (the autosave path: one small encrypted UPDATE).

        Saving a retired draft (already sent, see :meth:`retire_draft`) is a no-op, so a late
        autosave can never resurrect a referral that is in the outbox.

        Args:
            draft_id: Stable id of the draft (the wizard's ``client_ref`` is a good choice).
            kind: "quick" | "complete".
            payload: Everything needed to restore the form exactly: values, consent state,
                dismissed findings, current step... (JSON-able; bytes allowed).
            photos: If given, the draft's complete set of cleaned photos
                ``{image_id: (data, media_type)}``: new ones are stored, missing ones deleted,
                unchanged ones are not rewritten (cheap on every keystroke).
            owner: The scope a new draft belongs to (default: the current one); an existing
                draft keeps its owner.
        """
        if draft_id in self._retired:
            return
        now = time.time()
        blob = self.seal(dict(payload), f"draft:{draft_id}:{kind}")
        initial = mask_surname(find_field(payload, "nachname"))
        plate = mask_plate(find_field(payload, "kennzeichen"))
        # a draft begun before anyone logged in is the first account's, like its stored rows
        scope = owner if owner is not None and owner.account else self._scope
        with DB_LOCK:
            self.conn.execute(
                "INSERT INTO drafts(id, kind, created_at, updated_at, surname_initial,"
                " plate_masked, payload, server, account) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET kind=excluded.kind,"
                " updated_at=excluded.updated_at, surname_initial=excluded.surname_initial,"
                " plate_masked=excluded.plate_masked, payload=excluded.payload",
                (draft_id, kind, now, now, initial, plate, blob, scope.server, scope.account),
            )
            if photos is not None:
                self._sync_photos(draft_id, photos)

    def load_draft(self, draft_id: str) -> dict[str, Any] | None:
        """The draft's payload, or ``None`` if absent or another scope's."""
        scope = self._scope
        with DB_LOCK:
            row = self.conn.execute(
                "SELECT kind, payload FROM drafts WHERE id = ? AND server = ? AND account = ?",
                (draft_id, scope.server, scope.account),
            ).fetchone()
        if row is None:
            return None
        value = self.unseal(row["payload"], f"draft:{draft_id}:{row['kind']}")
        return dict(value)

    def draft_kind(self, draft_id: str) -> str | None:
        """Kind of a stored draft ("quick" | "complete"), ``None`` if absent or another scope's."""
        scope = self._scope
        with DB_LOCK:
            row = self.conn.execute(
                "SELECT kind FROM drafts WHERE id = ? AND server = ? AND account = ?",
                (draft_id, scope.server, scope.account),
            ).fetchone()
        return None if row is None else str(row["kind"])

    def list_drafts(self) -> list[DraftInfo]:
        """The current scope's drafts, newest change first, with remaining retention days."""
        now = time.time()
        scope = self._scope
        with DB_LOCK:
            rows = self.conn.execute(
                "SELECT id, kind, created_at, updated_at, surname_initial, plate_masked"
                " FROM drafts WHERE server = ? AND account = ? ORDER BY updated_at DESC",
                (scope.server, scope.account),
            ).fetchall()
        return [
            DraftInfo(
                draft_id=row["id"],
                kind=row["kind"],
                created_at=row["created_at"],
                updated_at=row["updated_at"],
                surname_initial=row["surname_initial"],
                plate_masked=row["plate_masked"],
                remaining_days=self.remaining_days(row["updated_at"], now),
            )
            for row in rows
        ]

    def remaining_days(self, updated_at: float, now: float | None = None) -> int:
        """Whole days until a draft last changed at ``updated_at`` is purged (≥ 0)."""
        age = (time.time() if now is None else now) - updated_at
        left = self.retention_days * _DAY - age
        return max(0, math.ceil(left / _DAY))

    def delete_draft(self, draft_id: str) -> None:
        """Delete a draft and its photos."""
        with DB_LOCK:
            self.conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def retire_draft(self, draft_id: str, conn: sqlite3.Connection | None = None) -> None:
        """Delete a draft for good: later :meth:`save_draft` calls for it are ignored."""
        with DB_LOCK:
            self._retired.add(draft_id)
            (conn or self.conn).execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def purge_drafts_older_than(self, days: float) -> int:
        """Delete drafts not changed for ``days`` days; returns how many were deleted."""
        cutoff = time.time() - days * _DAY
        with DB_LOCK:
            cur = self.conn.execute("DELETE FROM drafts WHERE updated_at < ?", (cutoff,))
        if cur.rowcount:
            log.info("retention: purged %d draft(s)", cur.rowcount)
        return int(cur.rowcount)

    def purge_expired(self) -> int:
        """Apply :attr:`retention_days` (called at start and hourly).

        Also forgets acknowledged referrals (already shrunk to id, client_ref, status and a
        masked plate) after the same period: the server is the system of record.

        Returns:
            The number of drafts deleted.
        """
        count = self.purge_drafts_older_than(self.retention_days)
        cutoff = time.time() - self.retention_days * _DAY
        with DB_LOCK:
            has_outbox = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='outbox'"
            ).fetchone()
            if has_outbox:
                self.conn.execute(
                    "DELETE FROM outbox WHERE state='sent' AND updated_at < ?", (cutoff,)
                )
        return count

    # ------------------------------------------------------------------ draft photos
    def save_draft_blob(self, draft_id: str, blob_id: str, data: bytes, media_type: str) -> None:
        """Store a cleaned photo for a draft (the draft row must exist)."""
        blob = self.seal({"data": data, "media_type": media_type}, f"blob:{draft_id}:{blob_id}")
        with DB_LOCK:
            self.conn.execute(
                "INSERT OR REPLACE INTO draft_blobs(draft_id, blob_id, payload) VALUES (?, ?, ?)",
                (draft_id, blob_id, blob),
            )

    def load_draft_blobs(self, draft_id: str) -> dict[str, tuple[bytes, str]]:
        """``{blob_id: (data, media_type)}`` of a draft."""
        with DB_LOCK:
            rows = self.conn.execute(
                "SELECT blob_id, payload FROM draft_blobs WHERE draft_id = ? ORDER BY rowid",
                (draft_id,),
            ).fetchall()
        result: dict[str, tuple[bytes, str]] = {}
        for row in rows:
            value = self.unseal(row["payload"], f"blob:{draft_id}:{row['blob_id']}")
            result[row["blob_id"]] = (value["data"], value["media_type"])
        return result

    def _sync_photos(self, draft_id: str, photos: Photos) -> None:
        with DB_LOCK:
            stored = {
                row[0]
                for row in self.conn.execute(
                    "SELECT blob_id FROM draft_blobs WHERE draft_id = ?", (draft_id,)
                )
            }
            for blob_id in stored - set(photos):
                self.delete_draft_blob(draft_id, blob_id)
            for blob_id, (data, media_type) in photos.items():
                if blob_id not in stored:
                    self.save_draft_blob(draft_id, blob_id, data, media_type)

    def delete_draft_blob(self, draft_id: str, blob_id: str) -> None:
        """Remove one photo from a draft."""
        with DB_LOCK:
            self.conn.execute(
                "DELETE FROM draft_blobs WHERE draft_id = ? AND blob_id = ?", (draft_id, blob_id)
            )

    # ------------------------------------------------------------------ wipe
    def wipe_all(self) -> None:
        """Delete the database files and the data key ("Alle lokalen Daten löschen").

        Afterwards the store is empty and usable again with a brand-new key.
        """
        with DB_LOCK:
            self.conn.close()
            if self.db_path is not None:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
            service = self._key.service
            self._key.destroy()
            new_key = DataKey.load_or_create(service) if service is not None else None
            self._key = new_key if new_key is not None else DataKey.generate()
            if new_key is None and service is not None:
                self.memory_only = True
                self.db_path = None
            self.conn = self._open()
            self._set_meta("session_open", "1")
            self._set_meta("retention_days", str(self._retention_days))
            self.unclean_shutdown = False
        log.info("local data wiped")

    def close(self) -> None:
        """Mark a clean shutdown, checkpoint and close the connection."""
        with DB_LOCK:
            try:
                with contextlib.suppress(sqlite3.Error):
                    self._set_meta("session_open", "0")
                if self.db_path is not None:
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                self.conn.close()
