"""Sending a referral: through the outbox when the app has one, else directly.

Direct mode runs ``create_referral`` + photo uploads on the TaskRunner "sync" pool with one
idempotency key per form, so a retry (or a double click) never makes a second referral.
Outbox mode persists payload + photos first (``enqueue_referral`` on the "db" pool) and
then waits for the OutboxWorker's ``item_sent``/``item_failed`` for that item.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.api import ApiError, ExtranetClient
from desktop.referral_form import PhotoUpload

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


class _Progress(QObject):
    changed = Signal(int, int)


def create_and_upload(
    client: ExtranetClient,
    payload: dict[str, Any],
    key: str,
    photos: Sequence[PhotoUpload],
    progress: _Progress | None = None,
) -> dict[str, Any]:
    """Worker: create the referral (idempotent) and upload its cleaned photos."""
    result = client.create_referral(payload, idempotency_key=key)
    for done, photo in enumerate(photos, start=1):
        client.put_image(
            result["id"], photo.image_id, photo.data, photo.media_type, review=photo.review
        )
        if progress is not None:
            progress.changed.emit(done, len(photos))
    return result


class ReferralSender(QObject):
    """Sends one referral at a time for a view.

    Signals:
        sent(dict): the server's referral (``id``, ``number``, ...).
        failed(object): an ``ApiError`` (direct mode) or a :class:`QueuedFailure` (outbox).
        queued(str): outbox mode: stored in the Postausgang, waiting to be sent.
        waiting(str): outbox mode: the stored referral is still pending: "sending" (the
            worker is online), "offline" (waits for a connection) or "login" (waits for a
            new login after the session expired).
        progress(int, int): photos uploaded / total.
    """

    sent = Signal(dict)
    failed = Signal(object)
    queued = Signal(str)
    waiting = Signal(str)
    progress = Signal(int, int)

    def __init__(self, services: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._item_id: str | None = None
        # Outbox mode: once the referral is sent, its photo uploads are followed by polling
        # the outbox (the worker reports items only after a whole run; a photo may wait for
        # a retry, and an uploaded photo leaves the outbox).
        self._photos_parent: str | None = None
        self._photos_total = 0
        self._photos_done = 0
        self._photo_poll = QTimer(self)
        self._photo_poll.setInterval(PHOTO_POLL_MS)
        self._photo_poll.timeout.connect(self._poll_photos)
        self._progress = _Progress(self)
        self._progress.changed.connect(self.progress)
        worker = getattr(services, "outbox_worker", None)
        if worker is not None:
            worker.item_sent.connect(self._on_item_sent)
            worker.item_failed.connect(self._on_item_failed)
            worker.state_changed.connect(self._on_worker_state)
            worker.auth_required.connect(self._on_worker_state)

    def forget(self) -> None:
        """Stop reporting on the pending outbox item (the view moved on to a new referral)."""
        self._item_id = None
        self._photos_parent = None
        self._photo_poll.stop()

    @property
    def uses_outbox(self) -> bool:
        """True when referrals go through the persistent outbox."""
        return getattr(self._services, "outbox", None) is not None

    def send(
        self,
        payload: dict[str, Any],
        photos: Sequence[PhotoUpload],
        key: str,
        *,
        draft_id: str | None = None,
        replaces: str | None = None,
    ) -> None:
        """Start sending; results arrive via the signals.

        ``replaces`` is the dead letter of an earlier attempt of the same form (outbox mode):
        it is deleted once the corrected referral is stored.
        """
        tasks = self._services.tasks
        if self.uses_outbox:
            self._photos_total, self._photos_done = len(photos), -1
            enqueue = functools.partial(self._enqueue, payload, list(photos), draft_id, replaces)
            tasks.run(enqueue, on_done=self._on_enqueued, on_error=self._on_error, pool="db")
            return
        job = functools.partial(
            create_and_upload, self._services.client, payload, key, list(photos), self._progress
        )
        tasks.run(job, on_done=self._on_sent, on_error=self._on_error, pool="sync")

    def _enqueue(
        self,
        payload: dict[str, Any],
        photos: list[PhotoUpload],
        draft_id: str | None,
        replaces: str | None = None,
    ) -> str:
        from desktop.sync.outbox_schema import PendingImage

        images = [PendingImage(p.image_id, p.data, p.media_type, p.review) for p in photos]
        outbox = self._services.outbox
        try:
            item_id = str(outbox.enqueue_referral(payload, images, draft_id=draft_id))
        except TypeError:
            item_id = str(outbox.enqueue_referral(payload, images))
        if replaces:  # stored first, then the old dead letter goes: never neither
            outbox.delete(replaces)
        return item_id

    @Slot(object)
    def _on_enqueued(self, item_id: str) -> None:
        self._item_id = item_id
        self.queued.emit(item_id)
        worker = getattr(self._services, "outbox_worker", None)
        if worker is not None:
            notify = getattr(worker, "notify_enqueued", None) or worker.flush_now
            notify()
            return
        # No worker: drain once ourselves on the sync pool.
        outbox, client = self._services.outbox, self._services.client
        self._services.tasks.run(
            functools.partial(_drain_and_get, outbox, client, item_id),
            on_done=self._on_drained,
            on_error=self._on_error,
            pool="sync",
        )

    @Slot()
    def _poll_photos(self) -> None:
        parent = self._photos_parent
        if parent is None:
            self._photo_poll.stop()
            return
        self._services.tasks.run(
            functools.partial(_waiting_photos, self._services.outbox, parent),
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

    @Slot(object)
    def _on_drained(self, result: dict[str, Any] | None) -> None:
        if result is not None and self._item_id is not None:
            self._item_id = None
            self.sent.emit(result)

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
        worker = getattr(self._services, "outbox_worker", None)
        if worker is None:
            return "sending"
        report = getattr(worker, "report_for_tests", None)
        if callable(report) and report().get("paused"):
            return "login"
        return "sending" if getattr(worker, "online", True) else "offline"

    @Slot(str, str, str)
    def _on_item_failed(self, item_id: str, code: str, detail: str) -> None:
        if item_id != self._item_id:
            return
        self._item_id = None
        failure = QueuedFailure(item_id, code, detail)
        outbox = self._services.outbox
        self._services.tasks.run(
            functools.partial(_with_fields, outbox, failure),
            on_done=self.failed.emit,
            on_error=lambda _exc: self.failed.emit(failure),
            pool="db",
        )

    @Slot(object)
    def _on_sent(self, result: dict[str, Any]) -> None:
        self.sent.emit(dict(result))

    @Slot(object)
    def _on_error(self, exc: BaseException) -> None:
        if not isinstance(exc, ApiError):
            log.error("referral send failed: %s", type(exc).__name__)
        self.failed.emit(exc)


def _with_fields(outbox: Any, failure: QueuedFailure) -> QueuedFailure:
    """Worker: add the field pointers the outbox stored with the dead letter."""
    item = outbox.item(failure.item_id)
    fields = tuple(getattr(item, "error_fields", ()) or ()) if item is not None else ()
    return QueuedFailure(failure.item_id, failure.code, failure.detail, fields)


def _waiting_photos(outbox: Any, parent: str) -> int:
    """Worker: photos of the outbox referral ``parent`` not uploaded yet (an uploaded photo
    leaves the outbox, bytes and all)."""
    return sum(
        1
        for item in outbox.items(include_sent=True)
        if item.parent_id == parent and item.state != "sent"
    )


def _drain_and_get(outbox: Any, client: ExtranetClient, item_id: str) -> dict[str, Any] | None:
    outbox.drain(client)
    result = outbox.referral_result(item_id)
    return dict(result) if result is not None else None
