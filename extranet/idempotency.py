"""Idempotency keys for POSTs: replay, reuse detection, in-flight conflict."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from extranet.db import Database, utcnow
from extranet.problems import ApiProblem

Commit = Callable[[sqlite3.Connection], tuple[int, dict[str, Any], str | None]]


@dataclass(frozen=True)
class StoredResponse:
    """An answer to replay for a repeated key."""

    status: int
    body: dict[str, Any]
    location: str | None
    replayed: bool


_ABANDONED_AFTER = timedelta(seconds=120)


def _stale_before() -> str:
    """Pending keys older than this were abandoned (server killed mid-request)."""
    moment = datetime.now(UTC) - _ABANDONED_AFTER
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def fingerprint(payload: Any) -> str:
    """Stable hash of a request body (semantic JSON, sorted keys)."""
    raw = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def run_idempotent(
    db: Database,
    user_id: int,
    scope: str,
    key: str,
    print_: str,
    work: Callable[[], Commit],
) -> StoredResponse:
    """Run ``work`` once per ``(user, scope, key)``.

    ``work`` validates (outside the database lock) and returns a ``commit`` callable that
    writes inside the same transaction that stores the answer, returning
    ``(status, body, location)``. When either raises, the key is released so the client may
    correct the request and retry.
    Same key + same body → the stored answer; other body → 422 ``idempotency-key-reused``;
    while the first request is still running → 409 ``idempotency-in-flight``.
    """
    with db.tx() as conn:
        row = conn.execute(
            "SELECT fingerprint, state, status, body, location, created_at FROM idempotency"
            " WHERE user_id = ? AND scope = ? AND key = ?",
            (user_id, scope, key),
        ).fetchone()
        if row is not None and row["state"] != "done" and row["created_at"] < _stale_before():
            conn.execute(
                "DELETE FROM idempotency WHERE user_id = ? AND scope = ? AND key = ?",
                (user_id, scope, key),
            )
            row = None
        if row is None:
            conn.execute(
                "INSERT INTO idempotency (user_id, scope, key, fingerprint, state, created_at)"
                " VALUES (?, ?, ?, ?, 'pending', ?)",
                (user_id, scope, key, print_, utcnow()),
            )
    if row is not None:
        if row["state"] != "done":
            raise ApiProblem(
                409, "idempotency-in-flight", "Die erste Anfrage mit diesem Schlüssel läuft noch."
            )
        if row["fingerprint"] != print_:
            raise ApiProblem(
                422,
                "idempotency-key-reused",
                "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.",
            )
        return StoredResponse(int(row["status"]), json.loads(row["body"]), row["location"], True)
    try:
        commit = work()
        with db.tx() as conn:
            status, body, location = commit(conn)
            conn.execute(
                "UPDATE idempotency SET state = 'done', status = ?, body = ?, location = ?"
                " WHERE user_id = ? AND scope = ? AND key = ?",
                (status, json.dumps(body, ensure_ascii=False), location, user_id, scope, key),
            )
    except BaseException:
        with db.tx() as conn:
            conn.execute(
                "DELETE FROM idempotency WHERE user_id = ? AND scope = ? AND key = ?",
                (user_id, scope, key),
            )
        raise
    return StoredResponse(status, body, location, False)
