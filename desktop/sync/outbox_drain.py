"""The outbox drain loop: order, retries, dead letters, reconciliation (Qt-free).

Order: referrals, each followed by its photos (a photo waits until its referral is
acknowledged), then Postkorb tickets and messages; FIFO inside each group. A transient failure
(network, 5xx, 408/409/425/429) backs the head item off with full jitter (``Retry-After``
wins) and keeps its idempotency key; a 401 pauses the whole run (``auth_required``); a
permanent failure (other 4xx) turns the item into a dead letter with the server's reason.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from typing import Any, Protocol

from desktop.api import ApiError, ExtranetClient, NetworkError, NotAuthenticated
from desktop.store.masking import find_field, mask_plate
from desktop.sync.outbox_schema import (
    KIND_IMAGE,
    KIND_MESSAGE,
    KIND_REFERRAL,
    KIND_TICKET,
    DrainReport,
    backoff_delay,
)

__all__ = ["KEY_TTL", "MAX_TRANSIENT_ATTEMPTS", "DrainQueue", "drain"]

log = logging.getLogger(__name__)

#: After this long the server may have pruned an idempotency key → reconcile by client_ref.
KEY_TTL = 23 * 3600.0
#: Server-side transient failures (not network loss) before an item becomes a dead letter.
MAX_TRANSIENT_ATTEMPTS = 40


class DrainQueue(Protocol):
    """What the drain needs of the outbox (:class:`desktop.sync.outbox.Outbox` has it)."""

    def next_row(self) -> sqlite3.Row | None:
        """The next item to send (pending, its referral acknowledged), or ``None``."""

    def pending_count(self) -> int:
        """Items still to send."""

    def row_payload(self, row: sqlite3.Row) -> dict[str, Any]:
        """The decrypted payload of ``row``."""

    def referral_result(self, item_id: str) -> dict[str, Any] | None:
        """The server's answer for an acknowledged referral."""

    def mark_attempted(self, item_id: str) -> None:
        """Note the first attempt's time (the idempotency key's age)."""

    def back_off(self, item_id: str, *, attempts: int, delay: float, code: str) -> None:
        """Try ``item_id`` again in ``delay`` seconds."""

    def dead_letter(self, item_id: str, code: str, error: dict[str, Any]) -> None:
        """Turn ``item_id`` into a dead letter with the server's reason."""

    def delivered(self, item_id: str) -> None:
        """Forget a delivered photo, ticket or message (bodies are not kept)."""

    def acknowledged(self, item_id: str, result: dict[str, Any]) -> None:
        """Keep only the acknowledged referral's ``result`` (its payload is dropped)."""


def drain(
    outbox: DrainQueue,
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
        row = outbox.next_row()
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


def _next_due(outbox: DrainQueue) -> float | None:
    row = outbox.next_row()
    return None if row is None else max(0.0, row["next_attempt_at"] - time.time())


def _attempt(
    outbox: DrainQueue, client: ExtranetClient, row: sqlite3.Row, report: DrainReport
) -> bool:
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


def _back_off(outbox: DrainQueue, row: sqlite3.Row, exc: ApiError, report: DrainReport) -> None:
    attempts = row["attempts"] + 1
    report.error_code = exc.code
    network = isinstance(exc, NetworkError)
    report.offline = network
    if not network and attempts >= MAX_TRANSIENT_ATTEMPTS:
        _dead_letter(outbox, row, exc, transient=True)
        report.dead.append((row["id"], exc.code, exc.detail))
        return
    delay = backoff_delay(attempts - 1, exc.retry_after)
    outbox.back_off(row["id"], attempts=attempts, delay=delay, code=exc.code)


def _dead_letter(outbox: DrainQueue, row: sqlite3.Row, exc: ApiError, *, transient: bool) -> None:
    error = {
        "detail": exc.detail or exc.title,
        "fields": [(e.pointer, e.code) for e in exc.errors],
        "status": exc.status,
        "transient": transient,
    }
    outbox.dead_letter(row["id"], exc.code, error)
    log.info("outbox: %s dead-lettered (%s)", row["kind"], exc.code)


def _send(outbox: DrainQueue, client: ExtranetClient, row: sqlite3.Row) -> dict[str, Any]:
    kind = row["kind"]
    payload = outbox.row_payload(row)
    if row["first_attempt_at"] is None:
        outbox.mark_attempted(row["id"])
    key = row["idempotency_key"]
    if kind == KIND_REFERRAL:
        return _send_referral(outbox, client, row, payload)
    if kind == KIND_IMAGE:
        parent = outbox.referral_result(row["parent_id"]) or {}
        client.put_image(parent["id"], payload["image_id"], payload["data"], payload["media_type"])
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
    outbox.delivered(row["id"])  # photo and message bodies are not kept once delivered
    return result


def _send_referral(
    outbox: DrainQueue, client: ExtranetClient, row: sqlite3.Row, payload: dict[str, Any]
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
    outbox.acknowledged(row["id"], result)  # keeps only id, client_ref, status, masked plate
    return result


def _reconcile(client: ExtranetClient, client_ref: str) -> dict[str, Any] | None:
    """Find a referral the server already created for ``client_ref`` (key may be stale)."""
    page = client.list_referrals(client_ref=client_ref, limit=1)
    for item in page.items:
        if item.get("client_ref") == client_ref:
            return dict(item)
    return None
