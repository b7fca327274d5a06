"""Run the reference server in-process: uvicorn in a daemon thread (no signal handlers).

Importing this module is cheap; FastAPI and uvicorn are imported by :meth:`EmbeddedServer.start`
(or before, by :func:`preload`). What serving a login does not need (the photo checks' modules)
is imported by :meth:`EmbeddedServer.warm_up` once the server serves, else by the first upload.
The OpenAPI document is generated on its first request (``/openapi.json``); nothing the app
requests needs it.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extranet.state import ServerState

log = logging.getLogger("extranet")

_START_TIMEOUT_S = 180.0
"""How long uvicorn may take to answer once started (seconds; ~0.1 s on an idle PC)."""

_POLL_S = 0.05
"""How often :meth:`EmbeddedServer.start` checks that the server thread is still alive while
it waits for the thread to serve (it wakes at once when it does)."""


def _is_loopback_address(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def preload() -> None:
    """Import everything :meth:`EmbeddedServer.start` needs (FastAPI, uvicorn with its h11
    protocol and asyncio loop, the app and its routes), without opening anything.

    The cyclic garbage collector is paused meanwhile: the imports create only objects that
    live as long as the process (modules, classes, pydantic schemas), so its runs would free
    nothing (they cost about a tenth of the imports' CPU time). Afterwards they are frozen
    (:func:`gc.freeze`): later collections skip them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for module in (
            "uvicorn",
            "uvicorn.protocols.http.h11_impl",
            "uvicorn.loops.asyncio",
            "extranet.app",
            "extranet.demo",
        ):
            importlib.import_module(module)
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()


class ServerStartError(RuntimeError):
    """The server thread ended or did not start serving in time; the message says which."""


class EmbeddedServer:
    """The reference Extranet on a loopback port inside this process.

    Args:
        db_path: SQLite file (created with its schema if absent).
        host: Interface to bind (loopback by default).
        port: TCP port; 0 picks a free one (read back after binding).
        demo: Create the demo accounts and demo data if absent.
        idle_timeout_s: Session idle timeout (default 30 minutes).
        ephemeral: The database lives only while the server runs: a file left by an earlier
            run is deleted at start, and :meth:`stop` checkpoints and deletes it (with its
            ``-wal``/``-shm``). The app's embedded demo server keeps nothing between runs.
    """

    def __init__(
        self,
        db_path: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        demo: bool = True,
        idle_timeout_s: float | None = None,
        ephemeral: bool = False,
    ) -> None:
        self.db_path = Path(db_path)
        self.ephemeral = ephemeral
        self.host = host
        self.port = port
        self.demo = demo
        self.idle_timeout_s = idle_timeout_s
        self.url = ""
        self.state: ServerState | None = None
        self._server: Any = None
        self._app: Any = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    def start(self) -> str:
        """Open the database, bind, serve; return the base URL once requests are answered."""
        if self._thread is not None:
            return self.url
        # lazy heavy import: FastAPI and uvicorn load on start, in the thread or process that serves
        import uvicorn

        from extranet.app import create_app
        from extranet.db import delete_files
        from extranet.state import DEFAULT_IDLE_TIMEOUT_S, ServerState

        if self.ephemeral:
            delete_files(self.db_path)  # left behind by a run that did not stop cleanly
        state = ServerState.open(
            self.db_path,
            idle_timeout_s=self.idle_timeout_s or DEFAULT_IDLE_TIMEOUT_S,
            durable=not self.ephemeral,  # deleted at stop: nothing to keep through a crash
        )
        if self.demo:
            from extranet.demo import ensure_demo_data  # lazy: only a demo server seeds data

            ensure_demo_data(state)
        self.state = state
        # proto must be IPPROTO_TCP: asyncio only disables Nagle on accepted sockets whose
        # proto says TCP, and with Nagle on every keep-alive response waits ~40 ms for an ACK.
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((self.host, self.port))
        sock.set_inheritable(True)
        self._socket = sock
        self.port = int(sock.getsockname()[1])
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.url = f"http://{host}:{self.port}"
        self._app = create_app(state, loopback_only=_is_loopback_address(self.host))
        config = uvicorn.Config(
            self._app,
            log_config=None,
            access_log=False,
            lifespan="off",
            ws="none",
            http="h11",
            loop="asyncio",  # the one preload() imports ("auto" first tries to import uvloop)
            timeout_graceful_shutdown=2,
        )
        server = _ThreadServer(config)
        self._server = server
        crashed: list[BaseException] = []

        def serve() -> None:
            try:
                server.run(sockets=[sock])
            except BaseException as exc:  # reported by start() below, then re-raised
                crashed.append(exc)
                raise
            finally:
                server.started_event.set()  # wakes start() if the thread ends without serving

        thread = threading.Thread(target=serve, name="extranet-server", daemon=True)
        self._thread = thread
        thread.start()
        started = time.monotonic()
        while not server.started_event.wait(_POLL_S) or not server.started:
            if not thread.is_alive():
                self.stop()
                cause = type(crashed[0]).__name__ if crashed else "no exception"
                raise ServerStartError(f"server thread ended before serving ({cause})") from (
                    crashed[0] if crashed else None
                )
            if time.monotonic() - started > _START_TIMEOUT_S:
                self.stop()
                raise ServerStartError(f"not serving after {_START_TIMEOUT_S:.0f} s")
        return self.url

    def warm_up(self) -> None:
        """Once serving, import what a login does not need, so that the first upload does not
        wait for it: the photo checks' modules (Pillow)."""
        # lazy heavy import: the photo checks load only here or with the first upload, never
        # in the app's own process (it imports this module to start the server's)
        from extranet import imagecheck

        try:
            imagecheck.warm_up()
        except ImportError:  # the first upload reports it
            log.warning("photo checks could not be preloaded")

    def stop(self) -> None:
        """Stop serving, join the thread and close the database."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._thread = None
        self._server = None
        self._app = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        if self.state is not None:
            if self.ephemeral:
                self.state.db.close_and_delete()
            else:
                self.state.db.close()
            self.state = None

    @property
    def running(self) -> bool:
        """True while the server thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def wipe_data(self) -> None:
        """Erase everything stored (checkpoint, close, delete the file with its ``-wal`` and
        ``-shm``) and start on an empty database, with the demo accounts and demo data again
        when ``demo``; logged-in sessions stay valid."""
        state = self.state
        assert state is not None
        from extranet.demo import ensure_demo_data  # lazy: only a demo server seeds data

        state.db.erase(lambda: ensure_demo_data(state) if self.demo else None)
        state.user_cache.clear()
        state.unread_cache.clear()

    def expire_sessions(self) -> None:
        """Test hook: every session becomes invalid (→ 401)."""
        assert self.state is not None
        self.state.sessions.clear()

    def expire_cursors(self) -> None:
        """Test hook: every cursor issued so far answers 410 ``cursor-expired``."""
        assert self.state is not None
        self.state.expire_cursors()

    def __enter__(self) -> EmbeddedServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _make_thread_server_class() -> type:
    import uvicorn

    class ThreadServer(uvicorn.Server):
        """uvicorn server that never touches signal handlers (runs off the main thread) and
        sets :attr:`started_event` once it serves (or its thread ends)."""

        def __init__(self, config: Any) -> None:
            super().__init__(config)
            self.started_event = threading.Event()

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            self.started_event.set()

    return ThreadServer


def _ThreadServer(config: Any) -> Any:  # noqa: N802 - factory that looks like a class
    return _make_thread_server_class()(config)
