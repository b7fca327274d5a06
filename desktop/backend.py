"""What the app builds once its server is known: API client, local store, outbox, workers.

Imported lazily by :mod:`desktop.services` on a pool thread, after the window shows: this
module pulls in ``requests``, ``cryptography`` and the stores. :func:`prepare` runs on that
thread (the keychain lookup is slow); :meth:`Prepared.build` then creates every collaborator
on the GUI thread, where the Qt workers must live. :class:`desktop.services.Services` owns
the result and shuts it down.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.api import ExtranetClient, NetworkError, NotAuthenticated
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox
from desktop.tasks import TaskRunner
from desktop.workers.outbox_worker import OutboxWorker
from desktop.workers.postbox_worker import PostboxWorker
from desktop.workers.retention import RetentionTimer

__all__ = ["Backend", "Prepared", "connect_postbox_to_outbox", "prepare"]


@dataclass(frozen=True, slots=True)
class Backend:
    """Everything built together when the backend came up.

    Attributes:
        client: API client of the Extranet.
        store: Local encrypted store (memory-only without a keychain).
        outbox: Persistent outbox on ``store``.
        outbox_worker: Drains the outbox in the background.
        postbox_worker: Syncs the Postkorb in the background.
        retention: Hourly draft purge.
    """

    client: ExtranetClient
    store: LocalStore
    outbox: Outbox
    outbox_worker: OutboxWorker
    postbox_worker: PostboxWorker
    retention: RetentionTimer

    @staticmethod
    def is_offline(exc: BaseException) -> bool:
        """True for a lost connection (the request may be retried later)."""
        return isinstance(exc, NetworkError)

    @staticmethod
    def is_auth_lost(exc: BaseException) -> bool:
        """True when the server no longer knows the session (a new login is needed)."""
        return isinstance(exc, NotAuthenticated)

    def stop_workers(self) -> None:
        """Stop the timers and ask running work to end (before the pools are drained)."""
        self.outbox_worker.stop()
        self.postbox_worker.stop()
        self.retention.stop()


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the pool thread found: the draft key (``None``: no keychain, memory-only store)."""

    key: DataKey | None

    def build(
        self,
        *,
        server_url: str,
        data_dir: Path,
        timeout_s: float,
        tasks: TaskRunner,
        quit_event: threading.Event,
        parent: QObject,
    ) -> Backend:
        """GUI side: create the client, the store, the outbox and the workers."""
        client = ExtranetClient(server_url, timeout=timeout_s, sleep=_interruptible(quit_event))
        store = LocalStore(data_dir, self.key)
        outbox = Outbox(store)
        outbox_worker = OutboxWorker(outbox, client, tasks, parent=parent)
        postbox_worker = PostboxWorker(
            client,
            lambda: store.conn,
            key=lambda: store.key,
            outbox=outbox,
            runner=tasks,
            parent=parent,
        )
        connect_postbox_to_outbox(postbox_worker, outbox_worker)
        retention = RetentionTimer(store, parent=parent)
        return Backend(client, store, outbox, outbox_worker, postbox_worker, retention)


def prepare() -> Prepared:
    """Worker side: read (or create) the draft key in the keychain."""
    return Prepared(DataKey.load_or_create())


def _interruptible(quit_event: threading.Event) -> Callable[[float], None]:
    """The client's backoff sleep: ends at once when the app quits (no thread left waiting).

    On quit it raises instead of letting the client retry: callers (the outbox drain, the
    Postkorb sync) treat it like a lost connection and keep their work for the next start.
    """

    def sleep(seconds: float) -> None:
        if quit_event.wait(seconds):
            raise NetworkError("retry cancelled: the app is quitting", maybe_committed=True)

    return sleep


def connect_postbox_to_outbox(postbox: PostboxWorker, outbox: OutboxWorker) -> None:
    """Postkorb replies queued in the outbox are sent at once; a delivery (or a failure)
    refreshes the Postkorb; when the Postkorb reaches the server again after being offline,
    the outbox retries now."""
    postbox.outbox_flush = outbox.notify_enqueued
    outbox.item_sent.connect(lambda *_a: postbox.sync_now())
    outbox.item_failed.connect(lambda *_a: postbox.sync_now())
    was_offline = [False]

    def on_state(state: str) -> None:
        if state == "offline":
            was_offline[0] = True
        elif state == "online" and was_offline[0]:
            was_offline[0] = False
            outbox.flush_now()

    postbox.state_changed.connect(on_state)
