"""Qt driver of the Postkorb sync: timer + on demand, one sync at a time, backoff offline.

Network work runs on the "sync" pool, cache reads on the "db" pool of the TaskRunner; results
come back as signals on the GUI thread. Replies and new tickets go through the outbox when one
is available (offline-safe, exactly once), else straight to the server.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import uuid
from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.api.errors import (
    ApiError,
    NetworkError,
    NotAuthenticated,
    PreconditionFailed,
    RateLimited,
    ServerUnavailable,
)
from desktop.sync.outbox_schema import KIND_TICKET
from desktop.sync.postbox import PostboxSync, SyncResult
from desktop.sync.postbox_schema import Sealer
from desktop.sync.postbox_store import PendingMessage, PostboxReader, format_date
from desktop.tasks import TaskRunner

__all__ = ["PostboxWorker"]

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000
BACKOFF_BASE_MS = 5_000
BACKOFF_CAP_MS = 300_000


def referral_choices(client: Any, max_pages: int = 10) -> list[tuple[str, str]]:
    """``(id, "GV-2026-000123 · B-AB 123 · 24.11.2026")`` for the broker's referrals, newest
    first (referrals created in the same millisecond: the higher number first)."""
    items: dict[str, dict[str, Any]] = {}
    cursor = None
    for _ in range(max_pages):
        page = client.list_referrals(since=cursor, limit=500)
        for item in page.items:
            items[str(item.get("id"))] = item
        cursor = page.next_cursor
        if not page.has_more:
            break
    ordered = sorted(
        items.values(),
        key=lambda r: (str(r.get("created_at") or ""), str(r.get("number") or "")),
        reverse=True,
    )
    return [(str(r.get("id")), referral_label(r)) for r in ordered]


def referral_label(referral: dict[str, Any]) -> str:
    """The label "Nummer · Kennzeichen · Datum" of one referral (missing parts left out)."""
    parts = [
        str(referral.get("number") or referral.get("id") or ""),
        str(referral.get("kennzeichen") or ""),
        format_date(referral.get("created_at")),
    ]
    return " · ".join(part for part in parts if part)


class PostboxWorker(QObject):
    """Runs :class:`PostboxSync` in the background and serves the inbox views.

    Args:
        client: Logged-in API client.
        conn_factory: Connection of the local database (shared, guarded by ``DB_LOCK``).
        key: Data key sealing the cache (``None`` only for an in-memory database).
        outbox: Optional :class:`desktop.sync.outbox.Outbox` for offline replies.
        runner: The app's TaskRunner (pools "sync" and "db").
        interval_ms: Regular sync interval while online.

    Signals:
        synced(object): the :class:`SyncResult` of each successful sync.
        unread_changed(int): the server's unread total (badges, window title).
        new_staff_messages(list): ids of new staff replies (not on the very first sync).
        tickets_loaded(list): ``list[TicketRow]`` after :meth:`load_tickets`.
        conversation_loaded(str, list, list): ticket id, messages, pending replies.
        pending_tickets_changed(int, int): new tickets waiting in the outbox, undeliverable.
        referral_choices_loaded(list): ``(referral_id, label)`` pairs for "Neue Anfrage"
            (label = number, plate and date), newest first.
        state_changed(str): "syncing" | "online" | "offline".
        auth_required(): the session expired (401).
        operation_failed(str, str): problem code and German text of a failed action.
    """

    synced = Signal(object)
    unread_changed = Signal(int)
    new_staff_messages = Signal(list)
    tickets_loaded = Signal(list)
    conversation_loaded = Signal(str, list, list)
    referral_choices_loaded = Signal(list)
    pending_tickets_changed = Signal(int, int)
    state_changed = Signal(str)
    auth_required = Signal()
    operation_failed = Signal(str, str)

    def __init__(
        self,
        client: Any,
        conn_factory: Callable[[], sqlite3.Connection],
        *,
        key: Sealer | Callable[[], Sealer | None] | None = None,
        outbox: Any = None,
        runner: TaskRunner,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self.sync = PostboxSync(conn_factory, client, key=key)
        self.reader = PostboxReader(self.sync)
        self._outbox = outbox
        self._runner = runner
        self._interval_ms = interval_ms
        self._stop = threading.Event()
        self._running = False
        self._again = False
        self._failures = 0
        self._active = False
        self.state = "online"
        self.unread_total = self.reader.unread_total()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        self.outbox_flush: Callable[[], None] | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Begin syncing now and then every ``interval_ms``."""
        self._stop.clear()
        self._active = True
        self.sync_now()

    def stop(self) -> None:
        """Stop the timer; a running sync ends after its current page."""
        self._active = False
        self._stop.set()
        self._timer.stop()

    def next_sync_ms(self) -> int:
        """Milliseconds until the next scheduled sync (-1: none scheduled)."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    @property
    def busy(self) -> bool:
        """True while a sync runs."""
        return self._running

    # ------------------------------------------------------------------ sync
    @Slot()
    def sync_now(self) -> None:
        """Sync as soon as possible (coalesced: never two at once)."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._timer.stop()
        self._set_state("syncing")
        self._runner.run(
            self.sync.sync_once,
            self._stop,
            on_done=self._on_synced,
            on_error=self._on_sync_error,
            pool="sync",
        )

    def _on_synced(self, result: SyncResult) -> None:
        self._running = False
        self._failures = 0
        self._set_state("online")
        self.synced.emit(result)
        if result.unread_total != self.unread_total:
            self.unread_total = result.unread_total
        self.unread_changed.emit(result.unread_total)
        initial = result.full_resync and not result.cursor_expired
        if result.new_staff_message_ids and not initial:
            self.new_staff_messages.emit(list(result.new_staff_message_ids))
        self._next(self._interval_ms)

    def _on_sync_error(self, exc: BaseException) -> None:
        self._running = False
        if isinstance(exc, NotAuthenticated):
            self._active = False
            self._set_state("offline")
            self.auth_required.emit()
            return
        if isinstance(exc, NetworkError | ServerUnavailable | RateLimited):
            self._failures += 1
            self._set_state("offline")
            delay = min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** min(self._failures - 1, 10))
            if exc.retry_after:
                delay = max(delay, int(exc.retry_after * 1000))
            self._next(int(delay * random.uniform(0.5, 1.0)))
            return
        log.warning("postbox sync failed: %s", type(exc).__name__)
        self._set_state("online")
        self._next(self._interval_ms)

    def _next(self, delay_ms: int) -> None:
        if self._again:
            self._again = False
            self.sync_now()
        elif self._active:
            self._timer.start(max(0, delay_ms))

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # ------------------------------------------------------------------ reads
    def load_tickets(self) -> None:
        """Read the ticket list on the "db" pool → :attr:`tickets_loaded`."""
        self._runner.run(self.reader.tickets, on_done=self.tickets_loaded.emit, pool="db")
        if self._outbox is not None:
            self._runner.run(
                self.pending_ticket_counts,
                on_done=lambda r: self.pending_tickets_changed.emit(*r),
                pool="db",
            )

    def pending_ticket_counts(self) -> tuple[int, int]:
        """New tickets ("Neue Anfrage") in the outbox: ``(pending, undeliverable)``."""
        if self._outbox is None:
            return 0, 0
        items = [i for i in self._outbox.items() if i.kind == KIND_TICKET]
        # A ticket whose answer was lost is already in the synced list: not "waiting" twice.
        arrived = self.reader.known_client_refs(
            (i.client_ref for i in items if i.state == "pending"), kind="ticket"
        )
        pending = sum(i.state == "pending" and i.client_ref not in arrived for i in items)
        return pending, sum(i.state == "dead" for i in items)

    def load_conversation(self, ticket_id: str) -> None:
        """Read one conversation (+ pending replies) → :attr:`conversation_loaded`."""
        self._runner.run(
            self._conversation,
            ticket_id,
            on_done=lambda r: self.conversation_loaded.emit(*r),
            pool="db",
        )

    def _conversation(self, ticket_id: str) -> tuple[str, list[Any], list[PendingMessage]]:
        messages = self.reader.messages(ticket_id)
        delivered = {m.client_ref for m in messages if m.client_ref}
        return ticket_id, messages, self.pending_replies(ticket_id, delivered)

    def load_referral_choices(self) -> None:
        """Fetch the broker's referrals (sync pool) → :attr:`referral_choices_loaded`."""
        self._runner.run(
            referral_choices,
            self._client,
            on_done=self.referral_choices_loaded.emit,
            on_error=lambda _e: None,  # the link is optional; offline the list stays as it was
            pool="sync",
        )

    def pending_replies(
        self, ticket_id: str, delivered: Collection[str] = ()
    ) -> list[PendingMessage]:
        """Replies to ``ticket_id`` still in the outbox (pending or dead).

        Args:
            ticket_id: The conversation.
            delivered: ``client_ref`` values already in the synced conversation: a reply the
                server committed while its answer was lost is shown once, as delivered.
        """
        if self._outbox is None:
            return []
        result = []
        for item in self._outbox.items():
            if item.kind != "message" or item.state == "sent" or item.client_ref in delivered:
                continue
            payload = self._outbox.payload(item.item_id) or {}
            if str(payload.get("ticket_id")) == ticket_id:
                result.append(
                    PendingMessage(item.item_id, str(payload.get("body", "")), item.state == "dead")
                )
        return result

    # ------------------------------------------------------------------ writes
    def mark_read(self, ticket_id: str, message_id: str) -> None:
        """Move the server's read pointer, then sync (the badge follows the server)."""
        self._write(self._client.mark_read, ticket_id, message_id)

    def set_status(self, ticket_id: str, status: str, etag: str) -> None:
        """Close or reopen a ticket (412 → "inzwischen geändert", then sync)."""
        self._write(self._client.set_ticket_status, ticket_id, status, etag=etag)

    def send_reply(self, ticket_id: str, body: str) -> None:
        """Queue a reply (outbox) or send it directly."""
        ref = str(uuid.uuid4())
        if self._outbox is not None:
            self._runner.run(
                self._outbox.enqueue_message,
                ticket_id,
                body,
                ref,
                on_done=lambda _id: self._after_enqueue(ticket_id),
                on_error=self._on_write_error,
                pool="db",
            )
            return
        self._write(
            self._client.post_message, ticket_id, body=body, client_ref=ref, idempotency_key=ref
        )

    def create_ticket(self, subject: str, body: str, referral_id: str | None = None) -> None:
        """Open a new ticket (through the outbox when available)."""
        ref = str(uuid.uuid4())
        if self._outbox is not None:
            self._runner.run(
                self._outbox.enqueue_ticket,
                subject,
                body,
                ref,
                referral_id,
                on_done=lambda _id: self._after_enqueue(None, ticket=True),
                on_error=self._on_write_error,
                pool="db",
            )
            return
        self._write(
            self._client.create_ticket,
            subject=subject,
            body=body,
            referral_id=referral_id,
            client_ref=ref,
            idempotency_key=ref,
        )

    def clear_cache(self) -> None:
        """Forget the local Postkorb (logout / user switch)."""
        self.stop()
        self._runner.run(
            self.sync.clear, on_done=lambda _r: self.tickets_loaded.emit([]), pool="db"
        )

    def _after_enqueue(self, ticket_id: str | None, *, ticket: bool = False) -> None:
        if ticket_id is not None:
            self.load_conversation(ticket_id)
        if ticket:
            self.load_tickets()
        if self.outbox_flush is not None:
            self.outbox_flush()

    def _write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._runner.run(
            lambda: fn(*args, **kwargs),
            on_done=lambda _r: self.sync_now(),
            on_error=self._on_write_error,
            pool="sync",
        )

    def _on_write_error(self, exc: BaseException) -> None:
        if isinstance(exc, NotAuthenticated):
            self.auth_required.emit()
            return
        if isinstance(exc, PreconditionFailed):
            text = self.tr("Die Anfrage wurde inzwischen geändert. Die Ansicht wird aktualisiert.")
        elif isinstance(exc, NetworkError | ServerUnavailable):
            text = self.tr("Keine Verbindung zum Extranet. Bitte später erneut versuchen.")
        elif isinstance(exc, ApiError) and exc.code == "privacy-violation":
            text = self.tr("Der Text enthält Angaben, die im Postkorb nicht erlaubt sind.")
        else:
            text = self.tr("Die Aktion ist fehlgeschlagen.")
        code = exc.code if isinstance(exc, ApiError) else "error"
        self.operation_failed.emit(code, text)
        self.sync_now()
