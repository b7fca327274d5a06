"""Durable outbox for referrals, their photos and Postkorb writes (Qt-free).

``enqueue_*`` encrypts the payload, chooses a stable idempotency key and commits with
``synchronous=FULL`` *before* returning, so a crash right after "Senden" loses nothing and a
retry never creates a second referral. :meth:`Outbox.drain` (see :mod:`desktop.sync.outbox_drain`)
sends in order. Acknowledged referrals shrink to ``{id, client_ref, status, kennzeichen_masked}``;
sent photos and messages are deleted locally.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from desktop.store.db import DB_LOCK, apply_migrations, schema_version
from desktop.store.local import LocalStore
from desktop.store.masking import find_field, mask_plate, mask_surname
from desktop.store.scope import Scope
from desktop.sync.outbox_drain import drain
from desktop.sync.outbox_schema import (
    KIND_IMAGE,
    KIND_MESSAGE,
    KIND_REFERRAL,
    KIND_TICKET,
    MIGRATIONS,
    PRIORITY,
    DrainReport,
    OutboxItem,
    PendingImage,
)

if TYPE_CHECKING:
    import sqlite3

    from desktop.api import ExtranetClient

__all__ = ["DrainReport", "Outbox", "OutboxItem", "PendingImage", "UnknownItemError"]


class UnknownItemError(KeyError):
    """No outbox item with that id (or not in a state that allows the operation)."""


#: (item id, kind, parent id, client ref, masked summary, payload)
_Row = tuple[str, str, str | None, str, str, dict[str, Any]]


_NEXT_SQL = (
    "SELECT * FROM outbox o WHERE o.server = ? AND o.account = ? AND o.state = 'pending'"
    " AND (o.parent_id IS NULL OR EXISTS"
    " (SELECT 1 FROM outbox p WHERE p.id = o.parent_id AND p.state = 'sent'))"
    " ORDER BY o.priority, o.seq LIMIT 1"
)
_IN_SCOPE = "server = ? AND account = ?"


def _new_id() -> str:
    return str(uuid.uuid4())


class Outbox:
    """The outbox stored in a :class:`LocalStore` (shares its connection and data key).

    Every item belongs to the store's :attr:`~LocalStore.scope` at enqueue time; counts,
    lists and the drain see only the current scope's items (another server's or account's
    items wait, untouched, until the app is in their scope again).
    """

    def __init__(self, store: LocalStore) -> None:
        self.store = store
        self._drain_lock = threading.Lock()
        self._drain_scope: Scope | None = None
        _ = self.conn

    @property
    def conn(self) -> sqlite3.Connection:
        """The store's current connection (changes after :meth:`LocalStore.wipe_all`)."""
        conn = self.store.conn
        with DB_LOCK:
            if schema_version(conn, "outbox") < len(MIGRATIONS):
                apply_migrations(conn, "outbox", MIGRATIONS)
                self.store.adopt_unscoped(conn, ("outbox",))
        return conn

    def _scope_args(self) -> tuple[str, str]:
        scope = self.store.scope
        return scope.server, scope.account

    # ------------------------------------------------------------------ enqueue
    def enqueue_referral(
        self,
        payload: Mapping[str, Any],
        images: Sequence[PendingImage] = (),
        *,
        draft_id: str | None = None,
    ) -> str:
        """Persist a referral and its photos; returns the outbox item id.

        Args:
            payload: Body of ``POST /referrals``; ``client_ref`` is added if missing.
            images: Cleaned photos, uploaded after the referral in this order.
            draft_id: Draft to delete in the same transaction (no window in which the
                referral exists twice or not at all).
        """
        body = dict(payload)
        body.setdefault("client_ref", _new_id())
        summary = " · ".join(
            part
            for part in (
                mask_surname(find_field(body, "nachname")),
                mask_plate(find_field(body, "kennzeichen")),
            )
            if part
        )
        item_id = _new_id()
        rows: list[_Row] = [(item_id, KIND_REFERRAL, None, str(body["client_ref"]), summary, body)]
        for image in images:
            image_payload: dict[str, Any] = {"image_id": image.image_id, "data": image.data}
            image_payload["media_type"] = image.media_type
            image_payload["review"] = image.review
            if image.meta:
                image_payload["meta"] = dict(image.meta)
            rows.append((_new_id(), KIND_IMAGE, item_id, image.image_id, "", image_payload))
        self._insert(rows, draft_id=draft_id)
        return item_id

    def enqueue_message(self, ticket_id: str, body: str, client_ref: str | None = None) -> str:
        """Persist a Postkorb reply to ``ticket_id``; returns the outbox item id."""
        ref = client_ref or _new_id()
        payload = {"ticket_id": ticket_id, "body": body, "client_ref": ref}
        item_id = _new_id()
        self._insert([(item_id, KIND_MESSAGE, None, ref, "", payload)])
        return item_id

    def enqueue_ticket(
        self,
        subject: str,
        body: str,
        client_ref: str | None = None,
        referral_id: str | None = None,
    ) -> str:
        """Persist a new Postkorb ticket; returns the outbox item id."""
        ref = client_ref or _new_id()
        payload = {"subject": subject, "body": body, "client_ref": ref, "referral_id": referral_id}
        item_id = _new_id()
        self._insert([(item_id, KIND_TICKET, None, ref, "", payload)])
        return item_id

    def _insert(
        self,
        rows: list[_Row],
        *,
        draft_id: str | None = None,
    ) -> None:
        now = time.time()
        sealed = [
            (item_id, kind, parent, ref, summary, self.store.seal(body, f"outbox:{item_id}:{kind}"))
            for item_id, kind, parent, ref, summary, body in rows
        ]
        server, account = self._scope_args()
        with DB_LOCK:
            conn = self.conn
            conn.execute("PRAGMA synchronous=FULL")
            try:
                with self.store.transaction():
                    seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM outbox").fetchone()[0]
                    for item_id, kind, parent, ref, summary, blob in sealed:
                        seq += 1
                        conn.execute(
                            "INSERT INTO outbox(id, seq, priority, kind, parent_id, client_ref,"
                            " idempotency_key, created_at, updated_at, summary, payload,"
                            " server, account) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (
                                item_id,
                                seq,
                                PRIORITY[kind],
                                kind,
                                parent,
                                ref,
                                _new_id(),
                                now,
                                now,
                                summary,
                                blob,
                                server,
                                account,
                            ),
                        )
                    if draft_id is not None:
                        self.store.retire_draft(draft_id, conn)
            finally:
                conn.execute("PRAGMA synchronous=NORMAL")

    # ------------------------------------------------------------------ queries
    def pending_count(self) -> int:
        """The current scope's items waiting to be sent (photos count with their referral)."""
        with DB_LOCK:
            row = self.conn.execute(
                "SELECT COUNT(*) FROM outbox o WHERE o.server = ? AND o.account = ?"
                " AND o.state = 'pending' AND (o.kind != ?"
                " OR NOT EXISTS (SELECT 1 FROM outbox p WHERE p.id = o.parent_id"
                " AND p.state != 'sent'))",
                (*self._scope_args(), KIND_IMAGE),
            ).fetchone()
        return int(row[0])

    def dead_count(self) -> int:
        """The current scope's items that failed permanently and wait for the user."""
        with DB_LOCK:
            return int(
                self.conn.execute(
                    f"SELECT COUNT(*) FROM outbox WHERE {_IN_SCOPE} AND state='dead'",
                    self._scope_args(),
                ).fetchone()[0]
            )

    def items(self, *, include_sent: bool = False) -> list[OutboxItem]:
        """The current scope's outbox rows in drain order (for the "Postausgang" view)."""
        query = f"SELECT * FROM outbox WHERE {_IN_SCOPE}"
        if not include_sent:
            query += " AND state != 'sent'"
        with DB_LOCK:
            rows = self.conn.execute(
                query + " ORDER BY priority, seq", self._scope_args()
            ).fetchall()
        return [self._item(row) for row in rows]

    def item(self, item_id: str) -> OutboxItem | None:
        """One outbox row, or ``None``."""
        row = self._row(item_id)
        return None if row is None else self._item(row)

    def _row(self, item_id: str) -> sqlite3.Row | None:
        with DB_LOCK:
            row: sqlite3.Row | None = self.conn.execute(
                "SELECT * FROM outbox WHERE id = ?", (item_id,)
            ).fetchone()
        return row

    def _item(self, row: sqlite3.Row) -> OutboxItem:
        error: dict[str, Any] = {}
        if row["error"] is not None:
            error = self.store.unseal(row["error"], f"error:{row['id']}")
        return OutboxItem(
            item_id=row["id"],
            kind=row["kind"],
            state=row["state"],
            client_ref=row["client_ref"],
            parent_id=row["parent_id"],
            created_at=row["created_at"],
            attempts=row["attempts"],
            next_attempt_at=row["next_attempt_at"],
            summary=row["summary"],
            error_code=row["error_code"],
            error_fields=tuple((str(p), str(c)) for p, c in error.get("fields", [])),
            result=None if row["result"] is None else json.loads(row["result"]),
            refused=row["state"] == "dead" and not error.get("transient", False),
            server=row["server"] or "",
        )

    def payload(self, item_id: str) -> dict[str, Any] | None:
        """Decrypted payload of a queued item (to edit a dead letter); ``None`` once sent."""
        row = self._row(item_id)
        if row is None or row["payload"] is None:
            return None
        return dict(self.store.unseal(row["payload"], f"outbox:{item_id}:{row['kind']}"))

    def refused_referral(self, item_id: str) -> tuple[dict[str, Any], list[PendingImage]] | None:
        """A refused referral's payload and its photos in upload order, to correct it in its
        wizard; ``None`` unless ``item_id`` is a referral the server refused
        (:attr:`OutboxItem.refused`)."""
        item = self.item(item_id)
        row = self._row(item_id)
        if item is None or row is None or not item.refused or item.kind != KIND_REFERRAL:
            return None
        with DB_LOCK:
            rows = self.conn.execute(
                "SELECT * FROM outbox WHERE parent_id = ? AND kind = ? ORDER BY seq",
                (item_id, KIND_IMAGE),
            ).fetchall()
        photos = []
        for photo_row in rows:
            photo = self.row_payload(photo_row)
            photos.append(
                PendingImage(
                    str(photo["image_id"]),
                    bytes(photo["data"]),
                    str(photo["media_type"]),
                    str(photo.get("review") or "none"),
                    photo.get("meta"),
                )
            )
        return self.row_payload(row), photos

    def referral_result(self, item_id: str) -> dict[str, Any] | None:
        """``{id, client_ref, status, kennzeichen_masked}`` once acknowledged, else ``None``."""
        item = self.item(item_id)
        return None if item is None or item.state != "sent" else item.result

    # ------------------------------------------------------------------ user actions
    def update_payload(self, item_id: str, payload: Mapping[str, Any]) -> None:
        """Replace a dead letter's payload after editing; it gets a NEW idempotency key."""
        row = self._row(item_id)
        if row is None or row["state"] != "dead":
            raise UnknownItemError(item_id)
        body = dict(payload)
        body["client_ref"] = row["client_ref"]
        summary = row["summary"]
        if row["kind"] == KIND_REFERRAL:
            parts = (
                mask_surname(find_field(body, "nachname")),
                mask_plate(find_field(body, "kennzeichen")),
            )
            summary = " · ".join(p for p in parts if p)
        blob = self.store.seal(body, f"outbox:{item_id}:{row['kind']}")
        with DB_LOCK:
            self.conn.execute(
                "UPDATE outbox SET payload=?, summary=?, idempotency_key=?, state='pending',"
                " attempts=0, first_attempt_at=NULL, next_attempt_at=0, error=NULL,"
                " error_code=NULL, updated_at=? WHERE id=?",
                (blob, summary, _new_id(), time.time(), item_id),
            )

    def retry(self, item_id: str) -> None:
        """Queue a dead letter again unchanged.

        After a permanent refusal nothing was created on the server, so a fresh key is safe;
        after exhausted transient retries the key is kept (the first attempt may have landed).
        """
        row = self._row(item_id)
        if row is None or row["state"] != "dead":
            raise UnknownItemError(item_id)
        error = self.store.unseal(row["error"], f"error:{item_id}") if row["error"] else {}
        key = row["idempotency_key"] if error.get("transient") else _new_id()
        with DB_LOCK:
            self.conn.execute(
                "UPDATE outbox SET state='pending', attempts=0, next_attempt_at=0,"
                " idempotency_key=?, error=NULL, error_code=NULL, updated_at=? WHERE id=?",
                (key, time.time(), item_id),
            )

    def delete(self, item_id: str) -> None:
        """Drop a queued or dead item (and its photos)."""
        with DB_LOCK:
            self.conn.execute("DELETE FROM outbox WHERE id = ?", (item_id,))

    def flush_now(self) -> None:
        """Make the current scope's pending items due immediately ("Jetzt senden")."""
        with DB_LOCK:
            self.conn.execute(
                f"UPDATE outbox SET next_attempt_at=0 WHERE {_IN_SCOPE} AND state='pending'",
                self._scope_args(),
            )

    # ------------------------------------------------------------------ for the drain
    def next_row(self) -> sqlite3.Row | None:
        """The next item to send: pending, and a photo only once its referral is sent.

        Only the running drain's scope (or the current one) is considered; ``None`` once the
        scope changed during a drain (another account logged in: the run ends).
        """
        scope = self._drain_scope or self.store.scope
        if scope != self.store.scope:
            return None
        with DB_LOCK:
            row: sqlite3.Row | None = self.conn.execute(
                _NEXT_SQL, (scope.server, scope.account)
            ).fetchone()
        return row

    def row_payload(self, row: sqlite3.Row) -> dict[str, Any]:
        """The decrypted payload of a queued row."""
        return dict(self.store.unseal(row["payload"], f"outbox:{row['id']}:{row['kind']}"))

    def mark_attempted(self, item_id: str) -> None:
        """Note the time of the first attempt (the idempotency key's age)."""
        with DB_LOCK:
            self.conn.execute(
                "UPDATE outbox SET first_attempt_at=? WHERE id=?", (time.time(), item_id)
            )

    def back_off(self, item_id: str, *, attempts: int, delay: float, code: str) -> None:
        """Keep the item (and its key) and try it again in ``delay`` seconds."""
        now = time.time()
        with DB_LOCK:
            self.conn.execute(
                "UPDATE outbox SET attempts=?, next_attempt_at=?, error_code=?, updated_at=?"
                " WHERE id=?",
                (attempts, now + delay, code, now, item_id),
            )

    def dead_letter(self, item_id: str, code: str, error: dict[str, Any]) -> None:
        """Stop sending ``item_id``; ``error`` (detail, field pointers) is kept encrypted."""
        blob = self.store.seal(error, f"error:{item_id}")
        with DB_LOCK:
            self.conn.execute(
                "UPDATE outbox SET state='dead', attempts=attempts+1, error_code=?, error=?,"
                " updated_at=? WHERE id=?",
                (code, blob, time.time(), item_id),
            )

    def delivered(self, item_id: str) -> None:
        """Forget a delivered photo, ticket or message (its body is not kept)."""
        self.delete(item_id)

    def acknowledged(self, item_id: str, result: dict[str, Any]) -> None:
        """Mark a referral sent, keeping only ``result`` (id, number, status, masked plate)."""
        with DB_LOCK:
            self.conn.execute(
                "UPDATE outbox SET state='sent', payload=NULL, error=NULL, error_code=NULL,"
                " result=?, updated_at=? WHERE id=?",
                (json.dumps(result), time.time(), item_id),
            )

    # ------------------------------------------------------------------ drain
    def drain(
        self,
        client: ExtranetClient,
        *,
        stop: threading.Event | None = None,
        max_wait: float = 0.0,
    ) -> DrainReport:
        """Send due items in order; see :func:`desktop.sync.outbox_drain.drain`.

        Args:
            client: Logged-in API client.
            stop: Set it to end the run after the current request.
            max_wait: Sleep (interruptibly) for backoffs up to this many seconds instead of
                returning; 0 returns at the first backoff with ``retry_in`` set.
        """
        if not self._drain_lock.acquire(blocking=False):
            return DrainReport(busy=True, pending=self.pending_count())
        try:
            scope = self.store.scope
            user = client.user
            if user is None or scope.account not in ("", user.login):
                # another account's session: nothing of this scope is sent through it (items
                # of account "" belong to whoever logs in first, see LocalStore.set_account)
                return DrainReport(pending=self.pending_count())
            self._drain_scope = scope
            return drain(self, client, stop=stop, max_wait=max_wait)
        finally:
            self._drain_scope = None
            self._drain_lock.release()
