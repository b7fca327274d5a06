"""The outbox drain loop: order, retries, dead letters, reconciliation (Qt-free).

Order: referrals, each followed by its photos (a photo waits until its referral is
acknowledged), then Postkorb tickets and messages; FIFO inside each group. A transient failure
(network, 5xx, 408/409/425/429) backs the head item off with full jitter (``Retry-After``
wins) and keeps its idempotency key; a 401 pauses the whole run (``auth_required``); a
permanent failure (other 4xx) turns the item into a dead letter with the server's reason.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from desktop.api import ApiError, NetworkError, NotAuthenticated
from desktop.store.db import DB_LOCK
from desktop.store.masking import find_field, mask_plate
from desktop.sync.outbox_schema import (
    KIND_IMAGE,
    KIND_MESSAGE,
    KIND_REFERRAL,
    KIND_TICKET,
    DrainReport,
    backoff_delay,
)

if TYPE_CHECKING:
    import sqlite3

    from desktop.api import ExtranetClient
    from desktop.sync.outbox import Outbox

__all__ = ["KEY_TTL", "MAX_TRANSIENT_ATTEMPTS", "drain"]

log = logging.getLogger(__name__)

#: After this long the server may have pruned an idempotency key → reconcile by client_ref.
KEY_TTL = 23 * 3600.0
#: Server-side transient failures (not network loss) before an item becomes a dead letter.
MAX_TRANSIENT_ATTEMPTS = 40

_NEXT_SQL = (
    "SELECT * FROM outbox o WHERE o.state = 'pending' AND (o.parent_id IS NULL OR EXISTS"
    " (SELECT 1 FROM outbox p WHERE p.id = o.parent_id AND p.state = 'sent'))"
    " ORDER BY o.priority, o.seq LIMIT 1"
)


def drain(
    outbox: Outbox,
    client: ExtranetClient,
    *,
    stop: threading.Event | None = None,
    max_wait: float = 0.0,
) -> DrainReport:
    """Send due items until the queue is empty, a pause is needed, or ``stop`` is set."""
    report = DrainReport()
    stop = stop or threading.Event()
    deadline = time.monotonic() + max_wait
    while not stop.is_set():
        with DB_LOCK:
            row = outbox.conn.execute(_NEXT_SQL).fetchone()
        if row is None:
            break
        wait = row["next_attempt_at"] - time.time()
        if wait > 0:
            if time.monotonic() + wait > deadline:
                report.retry_in = wait
                break
            stop.wait(wait)
            continue
        if not _attempt(outbox, client, row, report):
            break
    report.pending = outbox.pending_count()
    if report.retry_in is None and report.pending and not report.auth_required:
        report.retry_in = _next_due(outbox)
    return report


def _next_due(outbox: Outbox) -> float | None:
    with DB_LOCK:
        row = outbox.conn.execute(_NEXT_SQL).fetchone()
    return None if row is None else max(0.0, row["next_attempt_at"] - time.time())


def _attempt(outbox: Outbox, client: ExtranetClient, row: sqlite3.Row, report: DrainReport) -> bool:
    """Try one item. Returns False when the run must stop (401)."""
    item_id, kind = row["id"], row["kind"]
    try:
        result = _send(outbox, client, row)
    except NotAuthenticated:
        report.auth_required = True
        report.error_code = "not-authenticated"
        return False
    except ApiError as exc:
        if exc.is_permanent:
            _dead_letter(outbox, row, exc, transient=False)
            report.dead.append((item_id, exc.code, exc.detail))
        else:
            _back_off(outbox, row, exc, report)
        return True
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the item: back off
        log.warning("outbox: unexpected %s while sending a %s", type(exc).__name__, kind)
        _back_off(outbox, row, ApiError(0, "client-error", detail=type(exc).__name__), report)
        return True
    report.sent.append((item_id, kind, result))
    report.offline = False  # the state at the end of the run counts
    report.error_code = None
    return True


def _back_off(outbox: Outbox, row: sqlite3.Row, exc: ApiError, report: DrainReport) -> None:
    attempts = row["attempts"] + 1
    report.error_code = exc.code
    network = isinstance(exc, NetworkError)
    report.offline = network
    if not network and attempts >= MAX_TRANSIENT_ATTEMPTS:
        _dead_letter(outbox, row, exc, transient=True)
        report.dead.append((row["id"], exc.code, exc.detail))
        return
    delay = backoff_delay(attempts - 1, exc.retry_after)
    with DB_LOCK:
        outbox.conn.execute(
            "UPDATE outbox SET attempts=?, next_attempt_at=?, error_code=?, updated_at=?"
            " WHERE id=?",
            (attempts, time.time() + delay, exc.code, time.time(), row["id"]),
        )


def _dead_letter(outbox: Outbox, row: sqlite3.Row, exc: ApiError, *, transient: bool) -> None:
    error = {
        "detail": exc.detail or exc.title,
        "fields": [(e.pointer, e.code) for e in exc.errors],
        "status": exc.status,
        "transient": transient,
    }
    blob = outbox.store.seal(error, f"error:{row['id']}")
    with DB_LOCK:
        outbox.conn.execute(
            "UPDATE outbox SET state='dead', attempts=attempts+1, error_code=?, error=?,"
            " updated_at=? WHERE id=?",
            (exc.code, blob, time.time(), row["id"]),
        )
    log.info("outbox: %s dead-lettered (%s)", row["kind"], exc.code)


def _send(outbox: Outbox, client: ExtranetClient, row: sqlite3.Row) -> dict[str, Any]:
    kind = row["kind"]
    payload = outbox.store.unseal(row["payload"], f"outbox:{row['id']}:{kind}")
    if row["first_attempt_at"] is None:
        with DB_LOCK:
            outbox.conn.execute(
                "UPDATE outbox SET first_attempt_at=? WHERE id=?", (time.time(), row["id"])
            )
    key = row["idempotency_key"]
    if kind == KIND_REFERRAL:
        return _send_referral(outbox, client, row, payload)
    if kind == KIND_IMAGE:
        parent = outbox.referral_result(row["parent_id"]) or {}
        client.put_image(
            parent["id"],
            payload["image_id"],
            payload["data"],
            payload["media_type"],
            review=str(payload.get("review") or "none"),
        )
        result = {"referral_id": parent["id"], "image_id": payload["image_id"]}
    elif kind == KIND_MESSAGE:
        body = client.post_message(
            payload["ticket_id"],
            body=payload["body"],
            client_ref=payload["client_ref"],
            idempotency_key=key,
        )
        result = {"id": body.get("id"), "ticket_id": payload["ticket_id"]}
    elif kind == KIND_TICKET:
        body = client.create_ticket(
            subject=payload["subject"],
            body=payload["body"],
            referral_id=payload.get("referral_id"),
            client_ref=payload["client_ref"],
            idempotency_key=key,
        )
        result = {"id": body.get("id")}
    else:  # pragma: no cover - schema only allows the kinds above
        raise ApiError(0, "unknown-kind")
    with DB_LOCK:  # photo and message bodies are not kept once delivered
        outbox.conn.execute("DELETE FROM outbox WHERE id = ?", (row["id"],))
    return result


def _send_referral(
    outbox: Outbox, client: ExtranetClient, row: sqlite3.Row, payload: dict[str, Any]
) -> dict[str, Any]:
    stale = row["first_attempt_at"] is not None and time.time() - row["first_attempt_at"] > KEY_TTL
    created = _reconcile(client, row["client_ref"]) if stale else None
    if created is None:
        try:
            created = client.create_referral(payload, idempotency_key=row["idempotency_key"])
        except ApiError as exc:
            if exc.code != "idempotency-key-reused":
                raise
            created = _reconcile(client, row["client_ref"])
            if created is None:
                raise
    result = {
        "id": created.get("id"),
        "number": created.get("number"),
        "client_ref": row["client_ref"],
        "status": created.get("status", "received"),
        "kind": created.get("kind", payload.get("kind")),
        "created_at": created.get("created_at"),
        "kennzeichen_masked": mask_plate(find_field(payload, "kennzeichen")),
    }
    with DB_LOCK:  # shrink: keep only id, client_ref, status and the masked plate
        outbox.conn.execute(
            "UPDATE outbox SET state='sent', payload=NULL, error=NULL, error_code=NULL,"
            " result=?, updated_at=? WHERE id=?",
            (json.dumps(result), time.time(), row["id"]),
        )
    return result


def _reconcile(client: ExtranetClient, client_ref: str) -> dict[str, Any] | None:
    """Find a referral the server already created for ``client_ref`` (key may be stale)."""
    page = client.list_referrals(client_ref=client_ref, limit=1)
    for item in page.items:
        if item.get("client_ref") == client_ref:
            return dict(item)
    return None
