"""App services shared by every view: API client, task pools, settings, local store, outbox.

One :class:`Services` object is created by :mod:`desktop.app`; it is the one place that
builds (:meth:`Services._open`) and shuts down (:meth:`Services.shutdown`) the collaborators
and background workers. It owns the session life cycle (login → config → workers) and the
embedded reference server (in its own process). Heavy imports (``requests``,
``cryptography``, ``keyring``) happen on a pool thread after the main window is on screen,
while the server process starts in parallel; the pieces that need the backend are built
together into one :class:`Backend` when it is up, and the feature pages are built only after
that, so they read every collaborator as a plain typed attribute.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.paths import EMBEDDED_DB
from desktop.settings import Settings
from desktop.store.scope import Scope, server_identity
from desktop.tasks import TaskRunner
from extranet.server_process import ServerProcess

if TYPE_CHECKING:
    from desktop.api import ExtranetClient, LoginInfo
    from desktop.backend import Backend, LoginResult, Prepared
    from desktop.store import LocalStore
    from desktop.store.local import CachedConfig
    from desktop.sync.outbox import Outbox
    from desktop.workers.outbox_worker import OutboxWorker
    from desktop.workers.postbox_worker import PostboxWorker
    from desktop.workers.retention import RetentionTimer

__all__ = ["EMBEDDED_DB", "BackendNotReadyError", "Services"]

log = logging.getLogger(__name__)


class BackendNotReadyError(RuntimeError):
    """A collaborator of :class:`Backend` was asked for before :attr:`Services.ready`."""


def _prepare_backend(
    embedded: ServerProcess | None,
    data_dir: Path,
    server: str,
    opened: list[LocalStore],
    on_prepared: Callable[[], object],
) -> Prepared:
    """Worker side: import the backend modules, read the draft key from the keychain, and wait
    until the embedded server process (if any) serves.

    The server starts in its own process, in parallel; the imports and the keychain lookup are
    slow too, so all of it runs on the "sync" pool while the login dialog already takes input
    on the GUI thread. ``on_prepared`` is called once this process's part is done, before the
    wait for the server.
    """
    # The one lazy heavy import of the app's wiring: the API client, cryptography, the stores
    # and workers load here, on this pool thread, after the window shows.
    from desktop import backend

    prepared = backend.prepare(data_dir, server)
    opened.append(prepared.store)  # closed by Services if the backend never comes up
    on_prepared()
    if embedded is not None:
        embedded.start()  # raises ServerProcessError if it failed (or was stopped at quit)
    return prepared


class Services(QObject):
    """Shared app state; lives on the GUI thread.

    Args:
        data_dir: Directory for the local store, logs and the embedded server's database.
        settings: Typed settings.
        server_url: Extranet URL; ``None`` or ``""`` starts the embedded demo server.
        server_process: The embedded demo server's process when the caller spawned it early
            (:meth:`ServerProcess.begin`, before Qt loads); else :meth:`start_backend` does.

    The collaborators of :class:`Backend` (``client``, ``store``, ``outbox``,
    ``outbox_worker``, ``postbox_worker``, ``retention``) are read-only properties; asking for
    them before :attr:`ready` raises :class:`BackendNotReadyError` (the feature pages are built
    after it).

    Attributes:
        tasks: Background pools (the app's one :class:`~desktop.tasks.TaskRunner`).
        settings: Typed settings.
        config: Server configuration: the last one fetched for the current server and
            account (cached in the local store, so it is there offline), ``None`` if none.
        config_fetched_at: When :attr:`config` was fetched (``time.time()``), ``None`` if
            there is none.
        server_identity: The server's identity for local data (``"embedded"`` for the
            demo server, whatever its port; :mod:`desktop.store.scope`).
        embedded: True when the embedded demo server is used.
        user: Logged-in user or ``None``.
        server: The embedded server's process once it serves (``None`` for a remote server,
            and after :meth:`shutdown`).

    Signals:
        ready(): client, store and outbox exist; a submitted login is served now.
        backend_prepared(): this process's part of :attr:`ready` is done (backend modules
            imported, keychain read, local store open); the embedded server may still be
            starting. Emitted from a pool thread.
        waiting_for_backend(): a login was submitted before :attr:`ready`; it is sent as soon
            as the backend is up (or :attr:`backend_failed` ends it).
        backend_failed(str): the embedded server could not start (exception type name; the
            exception itself is kept in :attr:`backend_error`).
        logged_in(): after a successful login.
        logged_out(): after logout or when the session ended.
        login_failed(object): the login exception (an ``ApiError``).
        config_loaded(dict): server configuration loaded after login.
        scope_changed(): another account's data is current now (a login as someone else
            than the last account on this server): lists and caches reload.
        connection_changed(str): "connecting", "logged-out", "online" or "offline".
        auth_required(): the session expired; ask for the password again.
    """

    ready = Signal()
    backend_prepared = Signal()
    waiting_for_backend = Signal()
    backend_failed = Signal(str)
    logged_in = Signal()
    logged_out = Signal()
    login_failed = Signal(object)
    config_loaded = Signal(dict)
    scope_changed = Signal()
    connection_changed = Signal(str)
    auth_required = Signal()

    def __init__(
        self,
        *,
        data_dir: Path,
        settings: Settings,
        server_url: str | None = None,
        server_process: ServerProcess | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.settings = settings
        self.server_url = (server_url or "").strip().rstrip("/")
        self.embedded = not self.server_url
        self.server_identity = server_identity(self.server_url)
        self.tasks = TaskRunner(self)
        self.config: dict[str, Any] | None = None
        self.config_fetched_at: float | None = None
        self._backend: Backend | None = None
        self.user: LoginInfo | None = None
        self.server: ServerProcess | None = None
        self.connection_state = "connecting"
        self.is_ready = False
        self.backend_error: BaseException | None = None
        self._server_process = server_process if self.embedded else None
        if server_process is not None and not self.embedded:
            server_process.stop()
        self._shut_down = False
        self._quit = threading.Event()
        self._pending_login: tuple[str, str] | None = None
        self._opened_stores: list[LocalStore] = []  # opened on the pool, not yet in use

    # ------------------------------------------------------------------ collaborators
    @property
    def backend(self) -> Backend:
        """Everything built when the backend came up (:class:`BackendNotReadyError` before)."""
        if self._backend is None:
            raise BackendNotReadyError("the backend is not ready yet")
        return self._backend

    @property
    def client(self) -> ExtranetClient:
        """API client of the Extranet."""
        return self.backend.client

    @property
    def store(self) -> LocalStore:
        """Local encrypted store."""
        return self.backend.store

    @property
    def scope(self) -> Scope:
        """The server and account whose local data is shown, prefilled and sent now."""
        if self._backend is None:
            return Scope(self.server_identity)
        return self._backend.store.scope

    @property
    def outbox(self) -> Outbox:
        """Persistent outbox (Postausgang)."""
        return self.backend.outbox

    @property
    def outbox_worker(self) -> OutboxWorker:
        """Drains the outbox in the background."""
        return self.backend.outbox_worker

    @property
    def postbox_worker(self) -> PostboxWorker:
        """Syncs the Postkorb in the background."""
        return self.backend.postbox_worker

    @property
    def retention(self) -> RetentionTimer:
        """Hourly purge of expired drafts."""
        return self.backend.retention

    # ------------------------------------------------------------------ start-up
    def start_backend(self) -> None:
        """Spawn the embedded server's process (unless spawned already) or use the configured
        URL; prepare the backend on the "sync" pool."""
        self._set_connection("connecting")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.embedded and self._server_process is None:
            # demo data per run, deleted at quit
            self._server_process = ServerProcess(self.data_dir / EMBEDDED_DB, ephemeral=True)
        if self._server_process is not None:
            self._server_process.begin()
        self.tasks.run(
            _prepare_backend,
            self._server_process,
            self.data_dir,
            self.server_identity,
            self._opened_stores,
            self.backend_prepared.emit,
            on_done=self._on_backend_prepared,
            on_error=self._on_embedded_failed,
            pool="sync",
        )

    @Slot(object)
    def _on_backend_prepared(self, prepared: Prepared) -> None:
        if self._shut_down:
            return
        server = self._server_process
        if server is not None:
            self.server = server
            self.server_url = server.url
        self._use_cached_config(prepared.cached)
        self._open(prepared)

    @Slot(object)
    def _on_embedded_failed(self, exc: BaseException) -> None:
        log.error("embedded server did not start: %s", type(exc).__name__, exc_info=exc)
        self.backend_error = exc
        self._close_unused_stores()
        self._pending_login = None
        self._set_connection("offline")
        self.backend_failed.emit(type(exc).__name__)

    def _close_unused_stores(self) -> None:
        """Close a store opened for a backend that never came up (quit or failure while
        starting), so the next start does not take it for a crash."""
        while self._opened_stores:
            store = self._opened_stores.pop()
            if self._backend is None or store is not self._backend.store:
                store.close()

    def _open(self, prepared: Prepared) -> None:
        """Build every collaborator and worker, then connect them to the session."""
        backend = prepared.build(
            server_url=self.server_url,
            timeout_s=float(self.settings.request_timeout_s),
            tasks=self.tasks,
            quit_event=self._quit,
            parent=self,
        )
        backend.outbox_worker.auth_required.connect(self._on_auth_required)
        backend.outbox_worker.state_changed.connect(self._on_outbox_state)
        self.logged_in.connect(backend.outbox_worker.resume)
        backend.postbox_worker.auth_required.connect(self.notify_auth_required)
        self.logged_in.connect(backend.postbox_worker.start)
        self.logged_out.connect(backend.postbox_worker.clear_cache)
        self.config_loaded.connect(backend.retention.apply_config)
        self._backend = backend
        backend.retention.start()
        self.is_ready = True
        self._set_connection("logged-out")
        self.ready.emit()
        pending, self._pending_login = self._pending_login, None
        if pending is not None:
            self.login(*pending)

    # ------------------------------------------------------------------ session
    def login(self, login: str, password: str) -> None:
        """Log in on the "sync" pool; emits :attr:`logged_in` or :attr:`login_failed`.

        Before :attr:`ready` the login waits for the backend (:attr:`waiting_for_backend`).
        """
        if self._backend is None:
            self._pending_login = (login, password)
            self.waiting_for_backend.emit()
            return
        self.tasks.run(
            self.backend.log_in,
            login,
            password,
            on_done=self._on_logged_in,
            on_error=self._on_login_failed,
        )

    @Slot(object)
    def _on_logged_in(self, result: LoginResult) -> None:
        self.user = result.user
        if result.scope_changed:
            self._use_cached_config(result.cached)
            self.scope_changed.emit()
            if self.config is not None:
                self.config_loaded.emit(self.config)  # this account's, until the fresh one
        self._set_connection("online")
        self.logged_in.emit()
        self.load_config()

    def _use_cached_config(self, cached: CachedConfig | None) -> None:
        """Take ``cached`` as the current configuration (fetched now, or the scope's cached one
        at an offline start or account switch; ``None``: none)."""
        self.config = None if cached is None else cached.config
        self.config_fetched_at = None if cached is None else cached.fetched_at

    @Slot(object)
    def _on_login_failed(self, exc: BaseException) -> None:
        if self.backend.is_offline(exc):
            self._set_connection("offline")
        self.login_failed.emit(exc)

    def load_config(self) -> None:
        """Fetch ``GET /config`` on the "sync" pool; emits :attr:`config_loaded`."""
        if self._backend is None:
            return
        self.tasks.run(
            self.backend.fetch_config, on_done=self._on_config, on_error=self._on_config_error
        )

    @Slot(object)
    def _on_config(self, fetched: CachedConfig) -> None:
        self._use_cached_config(fetched)
        self.config_loaded.emit(fetched.config)

    @Slot(object)
    def _on_config_error(self, exc: BaseException) -> None:
        log.warning("config not loaded: %s", type(exc).__name__)
        self._check_auth(exc)

    def logout(self) -> None:
        """End the session (server call on the "sync" pool); emits :attr:`logged_out` now."""
        self.user = None
        self._use_cached_config(None)
        if self._backend is not None:
            self.tasks.run(self._backend.client.logout, on_error=lambda _exc: None)
        self._set_connection("logged-out")
        self.logged_out.emit()

    @Slot()
    def notify_auth_required(self) -> None:
        """A worker got a 401: the session ended; ask for the password again."""
        self._on_auth_required()

    @Slot()
    def _on_auth_required(self) -> None:
        if self.user is None:
            return
        self.user = None
        self._set_connection("logged-out")
        self.auth_required.emit()

    def _check_auth(self, exc: BaseException) -> None:
        if self.backend.is_auth_lost(exc):
            self._on_auth_required()
        elif self.backend.is_offline(exc):
            self._set_connection("offline")

    @Slot(int, bool)
    def _on_outbox_state(self, _pending: int, online: bool) -> None:
        if self.user is None:
            return
        self._set_connection("online" if online else "offline")

    def _set_connection(self, state: str) -> None:
        if state != self.connection_state:
            self.connection_state = state
            self.connection_changed.emit(state)

    # ------------------------------------------------------------------ shutdown
    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop workers, drain the pools, close the client, stop the embedded server."""
        if self._shut_down:
            return
        self._shut_down = True
        self._quit.set()  # a retry backoff in a pool thread ends now
        backend = self._backend
        if backend is not None:
            backend.stop_workers()
        self.tasks.shutdown(timeout_ms)
        # The photo check's re-encode threads (started by the first photo or the warm-up)
        # end with the app; a module never loaded has none, so it is not imported for this.
        photo_pipeline = sys.modules.get("desktop.privacy.image.pipeline")
        if photo_pipeline is not None:
            photo_pipeline.release_threads()
        self._close_unused_stores()
        if backend is not None:
            backend.client.end_session()  # quitting logs out: no session outlives the app
            backend.client.close()
        if self._server_process is not None:
            self._server_process.stop()  # it deletes its database; waits if still starting
        self.server = None
        if backend is not None:
            backend.store.close()
