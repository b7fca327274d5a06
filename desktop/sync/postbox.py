"""Incremental Postkorb sync against ``GET /postbox/changes`` (Qt-free).

Each page of changes (tickets, messages, tombstones, read pointers) is applied in ONE SQLite
transaction together with the page's ``next_cursor`` and the server's ``unread_total``, so a
crash between pages never loses or double-applies anything. ``410 cursor-expired`` starts a full
resync: every row touched by the new snapshot gets the new *generation*, and rows left with an
older generation are swept when the snapshot's last page has been applied. Unsent local replies
live in the outbox (:mod:`desktop.sync.outbox`) and are never touched here.

Unread counts are never counted up or down locally: the total is the server's ``unread_total``
and per-ticket figures are derived from the server's read pointers.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.api.errors import CursorExpired
from desktop.store.db import DB_LOCK, apply_migrations
from desktop.sync.postbox_schema import (
    DEFERRABLE_INDEXES,
    MIGRATIONS,
    Codec,
    Sealer,
    order_key,
    pack_message,
)

__all__ = ["COMPONENT", "PostboxSync", "SyncResult"]

COMPONENT = "postbox"
# The reference server's maximum: a first sync of 50,000 messages takes 13 pages, and a page's
# commit rewrites the message id index's pages (its text ids arrive in no index order).
PAGE_LIMIT = 5000
_MAX_PAGES = 100_000


class ChangesClient(Protocol):
    """The part of :class:`desktop.api.ExtranetClient` the sync needs."""

    def postbox_changes(self, *, since: str | None, limit: int = 500) -> dict[str, Any]:
        """One page of changes."""
        ...


@dataclass
class SyncResult:
    """Outcome of :meth:`PostboxSync.sync_once`.

    Attributes:
        changed_ticket_ids: Tickets whose row, messages, read pointer or existence changed.
        new_staff_message_ids: Staff messages not known locally before this sync.
        unread_total: The server's unread total after the sync.
        full_resync: True when the sync started from scratch (first sync or expired cursor).
        cursor_expired: True when the server answered 410 and a full resync followed.
        pages: Number of pages applied.
    """

    changed_ticket_ids: set[str] = field(default_factory=set)
    new_staff_message_ids: list[str] = field(default_factory=list)
    unread_total: int = 0
    full_resync: bool = False
    cursor_expired: bool = False
    pages: int = 0


def _sid(value: Any) -> str:
    return "" if value is None else str(value)


class PostboxSync:
    """Keeps the local Postkorb cache in step with the server.

    Args:
        conn_factory: Returns the connection to use (the caller owns it; it is never closed
            here). Access is serialised with :data:`desktop.store.db.DB_LOCK`.
        client: API client (``postbox_changes``).
        key: Data key sealing free text at rest, or a callable returning the current key
            (``lambda: store.key``); ``None`` only with an in-memory database.
        page_limit: Page size requested from the server.
    """

    def __init__(
        self,
        conn_factory: Callable[[], sqlite3.Connection],
        client: ChangesClient,
        *,
        key: Sealer | Callable[[], Sealer | None] | None = None,
        page_limit: int = PAGE_LIMIT,
    ) -> None:
        self._conn_factory = conn_factory
        self._client = client
        self.codec = Codec(key)
        self._page_limit = page_limit
        self._running = threading.Lock()
        self._migrated: sqlite3.Connection | None = None
        # Ticket states written during the running sync: pages are self-contained, so an
        # initial sync sees the same ticket on many pages; it is sealed and written once.
        self._written: dict[str, Mapping[str, Any]] = {}
        self._had_messages = True
        # First sync into an empty cache: the message index is built once at the end.
        self._defer_indexes = False
        _ = self.conn

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection from the factory, with the Postkorb tables in place.

        A new connection (e.g. after ``LocalStore.wipe_all``) is migrated on first use.
        """
        conn = self._conn_factory()
        if conn is not self._migrated:
            with DB_LOCK:
                apply_migrations(conn, COMPONENT, MIGRATIONS)
            self._migrated = conn
        return conn

    def cursor(self) -> str | None:
        """The stored cursor (``None`` before the first sync)."""
        with DB_LOCK:
            row = self.conn.execute("SELECT cursor FROM postbox_state WHERE id = 1").fetchone()
        return None if row is None else row[0]

    def sync_once(self, stop: threading.Event | None = None) -> SyncResult:
        """Pull and apply every pending page of changes (one sync at a time).

        Args:
            stop: Set it to stop after the current page (the cursor stays consistent).

        Raises:
            desktop.api.ApiError: Network/auth errors; everything applied so far is kept.
        """
        with self._running:
            self._written = {}
            result = SyncResult()
            cursor = self.cursor()
            with DB_LOCK:  # an empty cache (first sync) needs no "already known?" lookups
                conn = self.conn
                _ensure_indexes(conn)  # left out by a first sync that was cut off
                self._had_messages = (
                    conn.execute("SELECT 1 FROM postbox_messages LIMIT 1").fetchone() is not None
                )
            result.full_resync = cursor is None
            self._defer_indexes = cursor is None and not self._had_messages
            try:
                try:
                    self._pull(cursor, result, stop)
                except CursorExpired:
                    result.full_resync = result.cursor_expired = True
                    self._pull(None, result, stop)
            finally:
                if self._defer_indexes:  # stopped or failed before the last page
                    self._defer_indexes = False
                    with DB_LOCK:
                        _ensure_indexes(self.conn)
            return result

    def reset(self) -> None:
        """Forget the cursor so the next sync is a full resync (rows are swept afterwards)."""
        with DB_LOCK:
            self.conn.execute("UPDATE postbox_state SET cursor = NULL WHERE id = 1")

    def clear(self) -> None:
        """Delete the whole local cache (e.g. on logout or user switch)."""
        with DB_LOCK:
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                for table in ("postbox_tickets", "postbox_messages", "postbox_read"):
                    conn.execute(f"DELETE FROM {table}")
                conn.execute(
                    "UPDATE postbox_state SET cursor = NULL, unread_total = 0, "
                    "sweep_pending = 0, synced_at = NULL WHERE id = 1"
                )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # ------------------------------------------------------------------ internals
    def _pull(self, cursor: str | None, result: SyncResult, stop: threading.Event | None) -> None:
        """Apply pages in order; page n+1 is fetched (one helper thread) while n is applied."""
        start_fresh = cursor is None
        if start_fresh:
            self._written = {}  # a new generation: every ticket is written again
        with ThreadPoolExecutor(1, thread_name_prefix="postbox-prefetch") as pool:
            page = self._fetch(cursor)
            for _ in range(_MAX_PAGES):
                cursor = page.get("next_cursor") or cursor
                more = bool(page.get("has_more")) and not (stop is not None and stop.is_set())
                ahead: Future[dict[str, Any]] | None = None
                if more:
                    ahead = pool.submit(self._fetch, cursor)
                self._apply_page(page, result, start_fresh)
                start_fresh = False
                result.pages += 1
                if ahead is None or (stop is not None and stop.is_set()):
                    return  # (a page fetched ahead is dropped; the cursor stays consistent)
                page = ahead.result()

    def _fetch(self, cursor: str | None) -> dict[str, Any]:
        return self._client.postbox_changes(since=cursor, limit=self._page_limit)

    def _apply_page(self, page: Mapping[str, Any], result: SyncResult, start_fresh: bool) -> None:
        tickets = list(page.get("tickets") or [])
        messages = list(page.get("messages") or [])
        tombstones = list(page.get("tombstones") or [])
        read_state = list(page.get("read_state") or [])
        with DB_LOCK:
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                gen = self._begin_generation(conn, start_fresh)
                if start_fresh and self._defer_indexes:
                    for name, _sql in DEFERRABLE_INDEXES:
                        conn.execute(f"DROP INDEX IF EXISTS {name}")
                known = (
                    self._known_message_ids(conn, [_sid(m.get("id")) for m in messages])
                    if self._had_messages
                    else set()
                )
                self._upsert_tickets(conn, tickets, gen, result)
                self._upsert_messages(conn, messages, gen, known, result)
                self._apply_tombstones(conn, tombstones, result)
                self._apply_read_state(conn, read_state, result)
                self._finish_page(conn, page, gen)
                if self._defer_indexes and not page.get("has_more"):
                    _ensure_indexes(conn)  # with the last page, in its transaction
                    self._defer_indexes = False
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        result.unread_total = int(page.get("unread_total") or 0)

    @staticmethod
    def _begin_generation(conn: sqlite3.Connection, start_fresh: bool) -> int:
        if start_fresh:
            conn.execute(
                "UPDATE postbox_state SET generation = generation + 1, sweep_pending = 1, "
                "cursor = NULL WHERE id = 1"
            )
        row = conn.execute("SELECT generation FROM postbox_state WHERE id = 1").fetchone()
        return int(row[0])

    @staticmethod
    def _known_message_ids(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
        known: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT id FROM postbox_messages WHERE id IN ({marks})",
                chunk,
            )
            known.update(r[0] for r in rows)
        return known

    def _upsert_tickets(
        self,
        conn: sqlite3.Connection,
        tickets: Iterable[Mapping[str, Any]],
        gen: int,
        result: SyncResult,
    ) -> None:
        rows: list[list[Any]] = []
        texts: list[tuple[bytes, bytes]] = []
        written = self._written
        changed = result.changed_ticket_ids
        for t in tickets:
            tid = t.get("id")
            tid = "" if tid is None else str(tid)
            if written.get(tid) == t:  # the same state on an earlier page of this sync
                continue
            written[tid] = t
            texts.append((str(t.get("subject") or "").encode(), b"ticket:" + tid.encode()))
            rows.append(
                [
                    tid,
                    None,  # sealed subject, filled below (one nonce draw per page)
                    str(t.get("status") or "open"),
                    None if t.get("referral_id") is None else _sid(t.get("referral_id")),
                    t.get("client_ref"),
                    t.get("created_at"),
                    t.get("updated_at"),
                    t.get("etag"),
                    gen,
                ]
            )
            changed.add(tid)
        for row, sealed in zip(rows, self.codec.seal_encoded(texts), strict=True):
            row[1] = sealed
        conn.executemany(
            "INSERT INTO postbox_tickets(id, subject, status, referral_id, client_ref, "
            "created_at, updated_at, etag, generation) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET subject=excluded.subject, status=excluded.status, "
            "referral_id=excluded.referral_id, client_ref=excluded.client_ref, "
            "created_at=excluded.created_at, updated_at=excluded.updated_at, "
            "etag=excluded.etag, generation=excluded.generation",
            rows,
        )

    def _upsert_messages(
        self,
        conn: sqlite3.Connection,
        messages: Iterable[Mapping[str, Any]],
        gen: int,
        known: set[str],
        result: SyncResult,
    ) -> None:
        rows: list[list[Any]] = []
        texts: list[tuple[bytes, bytes]] = []
        changed = result.changed_ticket_ids
        new_staff = result.new_staff_message_ids
        for m in messages:
            mid = m.get("id")
            mid = "" if mid is None else str(mid)
            tid = m.get("ticket_id")
            tid = "" if tid is None else str(tid)
            created = str(m.get("created_at") or "")
            staff = 1 if m.get("from_staff") else 0
            packed = pack_message(str(m.get("author") or ""), str(m.get("body") or ""))
            texts.append((packed.encode(), b"message:" + mid.encode()))
            rows.append(
                [
                    mid,
                    tid,
                    None,
                    staff,
                    None,
                    m.get("client_ref"),
                    created,
                    order_key(created, mid),
                    gen,
                ]
            )
            changed.add(tid)
            if staff and mid not in known:
                new_staff.append(mid)
        for row, sealed in zip(rows, self.codec.seal_encoded(texts), strict=True):
            row[4] = sealed  # body: author and text in one seal, one nonce draw per page
        conn.executemany(
            "INSERT INTO postbox_messages(id, ticket_id, author, from_staff, body, client_ref, "
            "created_at, order_key, generation) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET ticket_id=excluded.ticket_id, "
            "author=excluded.author, from_staff=excluded.from_staff, body=excluded.body, "
            "client_ref=excluded.client_ref, created_at=excluded.created_at, "
            "order_key=excluded.order_key, generation=excluded.generation",
            rows,
        )

    @staticmethod
    def _apply_tombstones(
        conn: sqlite3.Connection, tombstones: Iterable[Mapping[str, Any]], result: SyncResult
    ) -> None:
        for stone in tombstones:
            kind, oid = str(stone.get("type") or ""), _sid(stone.get("id"))
            if kind == "ticket":
                conn.execute("DELETE FROM postbox_tickets WHERE id = ?", (oid,))
                conn.execute("DELETE FROM postbox_messages WHERE ticket_id = ?", (oid,))
                conn.execute("DELETE FROM postbox_read WHERE ticket_id = ?", (oid,))
                result.changed_ticket_ids.add(oid)
            elif kind == "message":
                row = conn.execute(
                    "DELETE FROM postbox_messages WHERE id = ? RETURNING ticket_id", (oid,)
                ).fetchone()
                if row is not None:
                    result.changed_ticket_ids.add(row[0])

    @staticmethod
    def _apply_read_state(
        conn: sqlite3.Connection, read_state: Iterable[Mapping[str, Any]], result: SyncResult
    ) -> None:
        rows = []
        for r in read_state:
            tid = _sid(r.get("ticket_id"))
            last = r.get("last_read_message_id")
            rows.append((tid, None if last is None else _sid(last)))
            result.changed_ticket_ids.add(tid)
        conn.executemany(
            "INSERT INTO postbox_read(ticket_id, last_read_message_id) VALUES (?, ?) "
            "ON CONFLICT(ticket_id) DO UPDATE SET "
            "last_read_message_id = excluded.last_read_message_id",
            rows,
        )

    @staticmethod
    def _finish_page(conn: sqlite3.Connection, page: Mapping[str, Any], gen: int) -> None:
        final = not page.get("has_more")
        state = conn.execute("SELECT sweep_pending FROM postbox_state WHERE id = 1").fetchone()
        if final and state is not None and int(state[0]):
            conn.execute("DELETE FROM postbox_tickets WHERE generation < ?", (gen,))
            conn.execute("DELETE FROM postbox_messages WHERE generation < ?", (gen,))
            conn.execute(
                "DELETE FROM postbox_read WHERE ticket_id NOT IN (SELECT id FROM postbox_tickets)"
            )
        conn.execute(
            "UPDATE postbox_state SET cursor = COALESCE(?, cursor), unread_total = ?, "
            "sweep_pending = CASE WHEN ? THEN 0 ELSE sweep_pending END, synced_at = ? "
            "WHERE id = 1",
            (page.get("next_cursor"), int(page.get("unread_total") or 0), final, time.time()),
        )


def _ensure_indexes(conn: sqlite3.Connection) -> None:
    """Build deferred indexes that are missing (a cheap schema lookup when all exist)."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    for name, sql in DEFERRABLE_INDEXES:
        if name not in have:
            conn.execute(sql)
