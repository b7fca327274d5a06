"""Debounced autosave of wizard drafts into the encrypted store.

The wizard calls :meth:`DraftAutosaver.schedule` on every field change. The payload callable
is evaluated on the GUI thread (it reads widgets) ~300 ms after the last change, but never
later than ``max_delay_ms`` after the first unsaved change, so continuous typing still hits the
disk at least every ~second. The write (encrypt + one UPDATE) runs on the "db" pool when a
runner is given, strictly one at a time per saver (latest payload wins). A new draft belongs
to the store's scope (server and account) of its first change, also when the write lands
after another account logged in.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.store import LocalStore, Photos
from desktop.store.scope import Scope
from desktop.tasks import TaskRunner

__all__ = ["DraftAutosaver"]

log = logging.getLogger(__name__)

PayloadFn = Callable[[], Mapping[str, Any]]
PhotosFn = Callable[[], Photos]
_Write = tuple[str, Mapping[str, Any], Photos | None]


class DraftAutosaver(QObject):
    """Debounced draft writer for one or more wizards.

    Args:
        store: The local store.
        runner: TaskRunner for the "db" pool; ``None`` writes on the calling (GUI) thread.
        delay_ms: Quiet time after the last change before saving.
        max_delay_ms: Upper bound between the first unsaved change and the save.

    Signals:
        saved(str draft_id): a draft reached the store.
        failed(str draft_id, str reason): a write failed (reason is an exception class name).
    """

    saved = Signal(str)
    failed = Signal(str, str)

    def __init__(
        self,
        store: LocalStore,
        runner: TaskRunner | None = None,
        *,
        delay_ms: int = 300,
        max_delay_ms: int = 800,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._delay_ms = delay_ms
        self._max_delay_ms = max_delay_ms
        self._pending: dict[str, tuple[str, PayloadFn, PhotosFn | None]] = {}
        self._first_change: float | None = None
        self._writing = False
        self._queued_writes: dict[str, _Write] = {}
        self._owners: dict[str, Scope] = {}  # scope of each draft's first change
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def store(self) -> LocalStore:
        """The store drafts are written to."""
        return self._store

    def schedule(
        self, draft_id: str, kind: str, payload: PayloadFn, photos: PhotosFn | None = None
    ) -> None:
        """Note a change; the draft is saved after the debounce interval.

        Args:
            draft_id: Draft to write.
            kind: "quick" | "complete".
            payload: Called on the GUI thread at save time; returns the complete form state
                (values, consent state, dismissed findings...).
            photos: Optional; returns the cleaned photos ``{image_id: (data, media_type)}``
                (references, no copies). Only new photos are written, removed ones deleted.
        """
        self._pending[draft_id] = (kind, payload, photos)
        self._owners.setdefault(draft_id, self._store.scope)
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        left_ms = self._max_delay_ms - (now - self._first_change) * 1000.0
        self._timer.start(max(0, min(self._delay_ms, int(left_ms))))

    def discard(self, draft_id: str) -> None:
        """Forget unsaved changes of a draft (it was sent or deleted)."""
        self._pending.pop(draft_id, None)
        self._queued_writes.pop(draft_id, None)
        self._owners.pop(draft_id, None)

    def has_pending(self) -> bool:
        """True while changes wait for the timer or a write is in flight."""
        return bool(self._pending or self._queued_writes or self._writing)

    def flush(self, *, wait: bool = False) -> None:
        """Save every pending draft now (also call before closing a wizard or quitting).

        Args:
            wait: Quitting: wait for a write in flight, then write the rest here on the
                calling thread. Without it, writes queued behind one in flight go out when its
                callback arrives — which never happens once the app's pools are shut down.
        """
        self._timer.stop()
        self._first_change = None
        pending, self._pending = self._pending, {}
        for draft_id, (kind, payload_fn, photos_fn) in pending.items():
            try:
                payload = dict(payload_fn())
                photos = dict(photos_fn()) if photos_fn is not None else None
            except Exception as exc:  # noqa: BLE001 - a broken form must not stop autosave
                log.warning("autosave: payload callable raised %s", type(exc).__name__)
                self.failed.emit(draft_id, type(exc).__name__)
                continue
            self._queued_writes[draft_id] = (kind, payload, photos)
        if wait:
            self._write_all_here()
            return
        self._write_next()

    def _write_all_here(self) -> None:
        if self._writing and self._runner is not None:
            self._runner.wait_for_done(5000)  # the older write must not land after the newer one
            self._writing = False  # its late callback finds nothing left to write
        while self._queued_writes:
            draft_id = next(iter(self._queued_writes))
            kind, payload, photos = self._queued_writes.pop(draft_id)
            try:
                self._save(draft_id, kind, payload, photos)
            except Exception as exc:  # noqa: BLE001 - report, keep writing the others
                self._on_failed(draft_id, exc)
            else:
                self.saved.emit(draft_id)

    def _write_next(self) -> None:
        if self._writing or not self._queued_writes:
            return
        draft_id = next(iter(self._queued_writes))
        kind, payload, photos = self._queued_writes.pop(draft_id)
        if self._runner is None or self._runner.closed:
            try:
                self._save(draft_id, kind, payload, photos)
            except Exception as exc:  # noqa: BLE001
                self._on_failed(draft_id, exc)
            else:
                self.saved.emit(draft_id)
            self._write_next()
            return
        self._writing = True
        self._runner.run(
            self._save,
            draft_id,
            kind,
            payload,
            photos,
            on_done=functools.partial(self._on_saved, draft_id),
            on_error=functools.partial(self._on_written, draft_id),
            pool="db",
        )

    def _save(
        self, draft_id: str, kind: str, payload: Mapping[str, Any], photos: Photos | None
    ) -> None:
        self._store.save_draft(draft_id, kind, payload, photos, owner=self._owners.get(draft_id))

    def _on_saved(self, draft_id: str, _result: object) -> None:
        self._on_written(draft_id, None)

    def _on_written(self, draft_id: str, exc: BaseException | None) -> None:
        self._writing = False
        if exc is None:
            self.saved.emit(draft_id)
        else:
            self._on_failed(draft_id, exc)
        self._write_next()

    def _on_failed(self, draft_id: str, exc: BaseException) -> None:
        log.warning("autosave: write failed (%s)", type(exc).__name__)
        self.failed.emit(draft_id, type(exc).__name__)
