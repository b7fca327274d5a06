"""What the app builds once its server is known: API client, local store, outbox, workers.

Imported lazily by :mod:`desktop.services` on a pool thread, after the window shows: this
module pulls in ``requests``, ``cryptography`` and the stores. :func:`prepare` runs on that
thread (the keychain lookup, opening the local store and reading its cached server
configuration); :meth:`Prepared.build` then creates the client and the workers on the GUI
thread, where the Qt workers must live. :class:`desktop.services.Services` owns the result
and shuts it down.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.api import ExtranetClient, LoginInfo, NetworkError, NotAuthenticated
from desktop.store import DataKey, LocalStore
from desktop.store.local import CachedConfig
from desktop.sync.outbox import Outbox
from desktop.sync.postbox import PostboxSync
from desktop.tasks import TaskRunner
from desktop.workers.outbox_worker import OutboxWorker
from desktop.workers.postbox_worker import PostboxWorker
from desktop.workers.retention import RetentionTimer

__all__ = [
    "Backend",
    "LoginResult",
    "Prepared",
    "connect_postbox_to_outbox",
    "fetch_config",
    "log_in",
    "prepare",
]

POSTBOX_OWNER = "postbox"
"""Cache name of the Postkorb in :meth:`LocalStore.cache_owner`."""


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

    def log_in(self, login: str, password: str) -> LoginResult:
        """Worker side: log in; see :func:`log_in`."""
        return log_in(self.client, self.store, self.postbox_worker.sync, login, password)

    def fetch_config(self) -> CachedConfig:
        """Worker side: fetch ``GET /config``; see :func:`fetch_config`."""
        return fetch_config(self.client, self.store)

    def stop_workers(self) -> None:
        """Stop the timers and ask running work to end (before the pools are drained)."""
        self.outbox_worker.stop()
        self.postbox_worker.stop()
        self.retention.stop()


@dataclass(frozen=True, slots=True)
class LoginResult:
    """A successful login.

    Attributes:
        user: Who is logged in.
        scope_changed: The login's account is another than the store's scope had.
        cached: The (new) scope's cached server configuration, if any.
    """

    user: LoginInfo
    scope_changed: bool
    cached: CachedConfig | None


def log_in(
    client: ExtranetClient, store: LocalStore, postbox: PostboxSync, login: str, password: str
) -> LoginResult:
    """Worker side: log in and make the account the store's scope.

    Runs on the pool that also drains the outbox, so no drain starts between the login and
    the scope change. The Postkorb cache of another scope is cleared here too.
    """
    user = client.login(login, password)
    changed = store.set_account(user.login)
    own_postbox_cache(store, postbox)
    return LoginResult(user, changed, store.cached_config() if changed else None)


def fetch_config(client: ExtranetClient, store: LocalStore) -> CachedConfig:
    """Worker side: ``GET /config``, cached (sealed) for the current scope."""
    config = client.get_config()
    store.save_config(config)
    cached = store.cached_config()
    return cached if cached is not None else CachedConfig(config, 0.0)


def own_postbox_cache(store: LocalStore, postbox: PostboxSync) -> None:
    """Clear the Postkorb cache unless it belongs to the store's current scope.

    The cache is one server's and account's; another scope's tickets are never shown (they
    come back from the server at that scope's next login).
    """
    if store.cache_owner(POSTBOX_OWNER) != store.scope:
        postbox.clear()
        store.set_cache_owner(POSTBOX_OWNER)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the pool thread found and opened.

    Attributes:
        key: The draft key (``None``: no keychain, memory-only store).
        store: The local store, opened for the configured server.
        cached: The current scope's cached server configuration, if any.
    """

    key: DataKey | None
    store: LocalStore
    cached: CachedConfig | None

    def build(
        self,
        *,
        server_url: str,
        timeout_s: float,
        tasks: TaskRunner,
        quit_event: threading.Event,
        parent: QObject,
    ) -> Backend:
        """GUI side: create the client, the outbox and the workers on the prepared store."""
        client = ExtranetClient(server_url, timeout=timeout_s, sleep=_interruptible(quit_event))
        store = self.store
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


def prepare(data_dir: Path, server: str) -> Prepared:
    """Worker side: read (or create) the draft key in the keychain, open the local store for
    ``server`` (:func:`desktop.store.scope.server_identity`) and read its cached config."""
    key = DataKey.load_or_create()
    store = LocalStore(data_dir, key, server)
    Outbox(store)  # the outbox tables migrated here, off the GUI thread
    own_postbox_cache(store, PostboxSync(lambda: store.conn, _no_client, key=lambda: store.key))
    return Prepared(key, store, store.cached_config())


class _NoChanges:
    def postbox_changes(self, *, since: str | None, limit: int = 500) -> dict[str, object]:
        raise NetworkError("not connected", maybe_committed=False)  # pragma: no cover


_no_client = _NoChanges()


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
