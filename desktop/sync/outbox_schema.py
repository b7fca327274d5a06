"""Outbox tables, records and the retry policy (Qt-free)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "KIND_IMAGE",
    "KIND_MESSAGE",
    "KIND_REFERRAL",
    "KIND_TICKET",
    "MIGRATIONS",
    "DrainReport",
    "OutboxItem",
    "PendingImage",
    "backoff_delay",
]

KIND_REFERRAL = "referral"
KIND_IMAGE = "image"
KIND_MESSAGE = "message"
KIND_TICKET = "ticket"

#: Priority group in the drain order: referrals (and their photos) before Postkorb writes.
PRIORITY = {KIND_REFERRAL: 0, KIND_IMAGE: 0, KIND_TICKET: 1, KIND_MESSAGE: 1}

MIGRATIONS = [
    """
    CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        priority INTEGER NOT NULL,
        kind TEXT NOT NULL,
        parent_id TEXT REFERENCES outbox(id) ON DELETE CASCADE,
        client_ref TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        first_attempt_at REAL,
        next_attempt_at REAL NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        error_code TEXT,
        error BLOB,
        payload BLOB,
        result TEXT
    );
    CREATE INDEX outbox_order ON outbox(state, priority, seq);
    """,
    # 2: every item belongs to one server and account (desktop.store.scope); items queued
    # before keep NULL until the outbox is opened and then belong to the server configured
    # at that start (LocalStore.adopt_unscoped).
    """
    ALTER TABLE outbox ADD COLUMN server TEXT;
    ALTER TABLE outbox ADD COLUMN account TEXT;
    CREATE INDEX outbox_scope ON outbox(server, account, state, priority, seq);
    """,
]

BACKOFF_BASE = 1.0
BACKOFF_CAP = 60.0


def backoff_delay(attempts: int, retry_after: float | None = None) -> float:
    """Full-jitter delay ``rand(0, min(cap, base * 2**attempts))``; ``Retry-After`` wins."""
    if retry_after is not None:
        return min(max(0.0, retry_after), 3600.0)
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2.0 ** min(attempts, 16))
    return random.uniform(0.0, ceiling)


@dataclass(frozen=True, slots=True)
class PendingImage:
    """A cleaned photo to upload after its referral (client-chosen UUID ``image_id``).

    ``review`` is the agent's decision about the photo's flags (``none``, ``blurred``,
    ``confirmed``), kept in the sealed payload and declared to the server on upload. ``meta``
    is what the photo's tile showed (flags, boxes, removed metadata; no bytes), kept so that a
    refused referral reopens with its photos as they were; never sent.
    """

    image_id: str
    data: bytes
    media_type: str
    review: str = "none"
    meta: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One row of the "Postausgang" view (masked summary only, no personal data)."""

    item_id: str
    kind: str
    state: str  # "pending" | "dead" | "sent"
    client_ref: str
    parent_id: str | None
    created_at: float
    attempts: int
    next_attempt_at: float
    summary: str
    error_code: str | None
    error_fields: tuple[tuple[str, str], ...]
    result: dict[str, Any] | None
    # dead because the server refused it (correct it); not after exhausted transient retries
    # (the first attempt may have landed: retry it unchanged, with its key)
    refused: bool = False
    server: str = ""


@dataclass(slots=True)
class DrainReport:
    """What one :meth:`Outbox.drain` call did.

    Attributes:
        sent: ``(item_id, kind, result)`` acknowledged by the server in this run.
        dead: ``(item_id, code, detail)`` that failed permanently in this run.
        auth_required: Stopped on 401; items stay queued until the user logs in again.
        offline: The last attempt of the run failed on the transport (not reset by 5xx).
        error_code: Code of the last transient error, if no success followed it.
        retry_in: Seconds until the next item is due (``None`` = nothing pending).
        pending: Items still waiting after the run.
        busy: Another drain was already running; nothing was done.
    """

    sent: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    dead: list[tuple[str, str, str]] = field(default_factory=list)
    auth_required: bool = False
    offline: bool = False
    error_code: str | None = None
    retry_in: float | None = None
    pending: int = 0
    busy: bool = False
