"""Sending a referral: always through the outbox and its worker.

The payload and the cleaned photos are stored first (``enqueue_referral`` on the "db" pool,
with the outbox's idempotency key, so a retry never makes a second referral); then the view
follows the OutboxWorker's ``item_sent``/``item_failed`` for that item.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.api import ApiError
from desktop.referral_form import PhotoUpload
from desktop.sync.outbox import Outbox
from desktop.sync.outbox_schema import PendingImage

if TYPE_CHECKING:
    from desktop.services import Services

log = logging.getLogger(__name__)

PHOTO_POLL_MS = 300


@dataclass(frozen=True, slots=True)
class QueuedFailure:
    """The server refused a referral sent through the outbox (it is now a dead letter).

    ``fields`` are the problem's ``(pointer, code)`` pairs, for messages at the fields.
    """

    item_id: str
    code: str
    detail: str
    fields: tuple[tuple[str, str], ...] = ()


class ReplacedItemGoneError(Exception):
    """The failed Postausgang item a corrected referral was to replace is no longer a dead
    letter there, so the corrected one was not stored (it could become a second referral).

    ``state`` says what became of it: "deleted", "pending" (queued again) or "sent".
    """

    def __init__(self, item_id: str, state: str) -> None:
        super().__init__(item_id, state)
        self.item_id = item_id
        self.state = state


class ReferralSender(QObject):
    """Sends one referral at a time for a view.

    Signals:
        sent(dict): the server's referral (``id``, ``number``, ...).
        failed(object): a :class:`QueuedFailure` (the server refused it), or the exception
            when it could not even be stored in the outbox.
        queued(str): stored in the Postausgang, waiting to be sent.
        waiting(str): the stored referral is still pending: "sending" (the worker is
            online), "offline" (waits for a connection) or "login" (waits for a new login
            after the session expired).
        progress(int, int): photos uploaded / total.
    """

    sent = Signal(dict)
    failed = Signal(object)
    queued = Signal(str)
    waiting = Signal(str)
    progress = Signal(int, int)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = services.tasks
        self._outbox = services.outbox
        self._worker = worker = services.outbox_worker
        self._item_id: str | None = None
        # Once the referral is sent, its photo uploads are followed by polling the outbox
        # (the worker reports items only after a whole run; a photo may wait for a retry,
        # and an uploaded photo leaves the outbox).
        self._photos_parent: str | None = None
        self._photos_total = 0
        self._photos_done = 0
        self._photo_poll = QTimer(self)
        self._photo_poll.setInterval(PHOTO_POLL_MS)
        self._photo_poll.timeout.connect(self._poll_photos)
        worker.item_sent.connect(self._on_item_sent)
        worker.item_failed.connect(self._on_item_failed)
        worker.state_changed.connect(self._on_worker_state)
        worker.auth_required.connect(self._on_worker_state)

    def forget(self) -> None:
        """Stop reporting on the pending outbox item (the view moved on to a new referral)."""
        self._item_id = None
        self._photos_parent = None
        self._photo_poll.stop()

    def send(
        self,
        payload: dict[str, Any],
        photos: Sequence[PhotoUpload],
        *,
        draft_id: str | None = None,
        replaces: str | None = None,
    ) -> None:
        """Store the referral in the outbox and let the worker send it; results arrive via
        the signals.

        ``replaces`` is the dead letter of an earlier attempt of the same form: it is deleted
        once the corrected referral is stored.
        """
        self._photos_total, self._photos_done = len(photos), -1
        enqueue = functools.partial(
            _enqueue, self._outbox, payload, list(photos), draft_id, replaces
        )
        self._tasks.run(enqueue, on_done=self._on_enqueued, on_error=self._on_error, pool="db")

    @Slot(object)
    def _on_enqueued(self, item_id: str) -> None:
        self._item_id = item_id
        self.queued.emit(item_id)
        self._worker.notify_enqueued()

    @Slot()
    def _poll_photos(self) -> None:
        parent = self._photos_parent
        if parent is None or self._tasks.closed:  # nothing to watch, or the app is quitting
            self._photo_poll.stop()
            return
        self._tasks.run(
            functools.partial(_waiting_photos, self._outbox, parent),
            on_done=functools.partial(self._on_photos_polled, parent),
            pool="db",
        )

    def _on_photos_polled(self, parent: str, waiting: object) -> None:
        if parent != self._photos_parent or not isinstance(waiting, int):
            return  # the view moved on
        done = max(0, self._photos_total - waiting)
        if done != self._photos_done:
            self._photos_done = done
            self.progress.emit(done, self._photos_total)
        if done >= self._photos_total:
            self._photos_parent = None
            self._photo_poll.stop()

    @Slot(str, dict)
    def _on_item_sent(self, item_id: str, result: dict[str, Any]) -> None:
        if item_id == self._item_id:
            self._item_id = None
            self.sent.emit(dict(result))
            if self._photos_total:  # the photos follow the referral: report their uploads
                self._photos_parent = item_id
                self._poll_photos()
                self._photo_poll.start()

    @Slot()
    def _on_worker_state(self, *_state: object) -> None:
        if self._item_id is not None:
            self.waiting.emit(self.state)

    @property
    def state(self) -> str:
        """The outbox worker's state for a pending item: "sending", "offline" or "login"."""
        if self._worker.paused:
            return "login"
        return "sending" if self._worker.online else "offline"

    @Slot(str, str, str)
    def _on_item_failed(self, item_id: str, code: str, detail: str) -> None:
        if item_id != self._item_id:
            return
        self._item_id = None
        failure = QueuedFailure(item_id, code, detail)
        self._tasks.run(
            functools.partial(_with_fields, self._outbox, failure),
            on_done=self.failed.emit,
            on_error=lambda _exc: self.failed.emit(failure),
            pool="db",
        )

    @Slot(object)
    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, ReplacedItemGoneError):
            log.info("corrected referral not stored: the failed item is %s", exc.state)
        elif not isinstance(exc, ApiError):
            log.error("referral send failed: %s", type(exc).__name__)
        self.failed.emit(exc)


def _enqueue(
    outbox: Outbox,
    payload: dict[str, Any],
    photos: list[PhotoUpload],
    draft_id: str | None,
    replaces: str | None,
) -> str:
    """Worker: store the referral and its photos; then drop the dead letter it replaces.

    Raises:
        ReplacedItemGoneError: ``replaces`` is no longer a dead letter (nothing is stored).
    """
    if replaces:
        old = outbox.item(replaces)
        if old is None or old.state != "dead":
            raise ReplacedItemGoneError(replaces, "deleted" if old is None else old.state)
    images = [PendingImage(p.image_id, p.data, p.media_type, p.review, p.meta) for p in photos]
    item_id = str(outbox.enqueue_referral(payload, images, draft_id=draft_id))
    if replaces:  # stored first, then the old dead letter goes: never neither
        outbox.delete(replaces)
    return item_id


def _with_fields(outbox: Outbox, failure: QueuedFailure) -> QueuedFailure:
    """Worker: add the field pointers the outbox stored with the dead letter."""
    item = outbox.item(failure.item_id)
    fields = tuple(item.error_fields) if item is not None else ()
    return QueuedFailure(failure.item_id, failure.code, failure.detail, fields)


def _waiting_photos(outbox: Outbox, parent: str) -> int:
    """Worker: photos of the outbox referral ``parent`` not uploaded yet (an uploaded photo
    leaves the outbox, bytes and all)."""
    return sum(
        1
        for item in outbox.items(include_sent=True)
        if item.parent_id == parent and item.state != "sent"
    )
