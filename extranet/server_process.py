"""Run the embedded reference server in a child process that ends with its parent.

The app's demo server is started in its own process so that its start (FastAPI/uvicorn
imports, app construction, demo data) runs on another core, in parallel with the app's own
start, instead of competing with the GUI thread for the GIL. The child serves an
:class:`~extranet.runner.EmbeddedServer` on loopback and answers commands over a
:func:`multiprocessing.Pipe`; when the pipe closes — the parent quit, or crashed — it stops the
server (an ephemeral database is deleted) and exits. The ``spawn`` start method works the
same on every OS and in the PyInstaller bundle (``multiprocessing.freeze_support()`` in its
entry point); only the app's early start on Linux forks (:func:`can_fork`).

The child imports the server (:func:`extranet.runner.preload`) as soon as it is spawned
(:meth:`ServerProcess.spawn`) but opens the database only when told to serve
(:meth:`ServerProcess.begin`): the app spawns it before it loads Qt and lets it serve once it
holds the data directory's lock. Shortly after it serves, the child prepares what no login
needs (:meth:`extranet.runner.EmbeddedServer.warm_up`).

Importing this module is cheap: FastAPI and uvicorn are imported in the child only.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from extranet.runner import EmbeddedServer, ServerStartError, preload

__all__ = ["ServerProcess", "ServerProcessError", "can_fork", "lighten_imports"]

_START_TIMEOUT_S = 180.0
"""How long the child may take to serve (seconds; well under one on an idle PC)."""

_COMMAND_TIMEOUT_S = 60.0
"""How long a command (wipe, test hooks) may take before the child counts as hung."""

_POLL_S = 0.05
"""Slice of the waits on the child's answers (a stop request is seen within it)."""

_STOP_TIMEOUT_S = 10.0
"""How long :meth:`ServerProcess.stop` waits for a clean exit before killing the child."""

_WARM_UP_AFTER_S = 2.0
"""How long after it serves the child waits before it imports what no login needs (the
photo checks): a login submitted at once is then not slowed down by it (a user needs longer
to reach the first photo)."""

_NICENESS = 5
"""Nice value of the child: on a busy PC the app's window and login dialog get about three
quarters of a contended core, the server still a quarter (it is needed only when a login is
submitted); on an idle PC it has a core to itself and the value does not matter."""

_COMMANDS = ("wipe_data", "expire_sessions", "expire_cursors")


class ServerProcessError(ServerStartError):
    """The server process failed to start or to carry out a command.

    Attributes:
        exception_type: Class name of the exception raised in the child ("" when the child
            ended or did not answer); the child's message is not passed on (it may hold paths).
    """

    def __init__(self, message: str, exception_type: str = "") -> None:
        super().__init__(message)
        self.exception_type = exception_type


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def serve_child(conn: Connection, parents_end: Connection | None = None) -> None:
    """Child side: import the server, wait for ``("serve", db_path, demo, ephemeral)``, start
    the server, report ``("ready", url)``, then obey commands.

    Ends when ``"stop"`` arrives or the pipe closes (the parent is gone); the server is stopped
    either way, so an ephemeral database never outlives the app. ``parents_end``: the parent's
    end of the pipe, inherited by a forked child; closed here, else the pipe would not close
    when the parent ends.
    """
    if parents_end is not None:
        parents_end.close()
    # SIGTERM (multiprocessing's clean-up of a parent that exits without stop()) and SIGINT
    # (Ctrl+C in the terminal) end the command loop like "stop": the database is deleted.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    signal.signal(signal.SIGINT, _exit_on_signal)
    try:
        command = _preload_until_serve(conn)
        if command is not None:
            _serve(conn, EmbeddedServer(Path(command[1]), demo=command[2], ephemeral=command[3]))
    finally:
        conn.close()


def lighten_imports() -> None:
    """Make the server's imports cheaper; for a process that only serves (the child).

    About a sixth of the CPU time before the server serves goes to work that it never uses:

    - Pydantic's plugin discovery scans every installed package's metadata when the first
      model is built; the server uses no plugin (``PYDANTIC_DISABLE_PLUGINS``, documented).
    - Pydantic models build their validators when their class is created; with
      ``defer_build`` they build on first use. FastAPI's ~50 OpenAPI models
      (``fastapi.openapi.models``, imported by ``fastapi.params``) are used only for
      ``/openapi.json``; the API's request models build with their first request.
    - FastAPI checks every route parameter against ``pydantic.v1.BaseModel`` and imports
      ``pydantic.v1`` to do so; the server has no v1 model, so the import is blocked and the
      check answers "no" at once.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # WORKAROUND: pydantic has no public default for ``defer_build`` (only per model, and the
    # OpenAPI models are FastAPI's); without this private table the models build as usual.
    with contextlib.suppress(ImportError):
        from pydantic._internal._config import config_defaults

        if config_defaults.get("defer_build") is False:
            config_defaults["defer_build"] = True
    # WORKAROUND: fastapi._compat.shared.is_pydantic_v1_model_class imports pydantic.v1
    # (~5 % of the start) and answers False when that import fails.
    sys.modules.setdefault("pydantic.v1", None)  # type: ignore[arg-type]


def _preload_until_serve(conn: Connection) -> tuple[str, str, bool, bool] | None:
    """Import the server while the parent starts; return the ``"serve"`` command (``None``:
    told to stop, or the parent is gone)."""
    failed = ""
    try:
        lighten_imports()
        preload()  # nothing is opened before "serve": the parent may not hold its lock yet
    except Exception as exc:  # noqa: BLE001 - reported to the parent when it asks to serve
        failed = type(exc).__name__
    try:
        command = conn.recv()
    except (EOFError, OSError):
        return None  # the parent ended before it needed the server
    if not (isinstance(command, tuple) and command[0] == "serve"):
        return None  # "stop": the app uses another server, or quit during its start
    if failed:
        conn.send(("error", failed))
        return None
    return command


def _serve(conn: Connection, server: EmbeddedServer) -> None:
    try:
        try:
            url = server.start()
        except Exception as exc:  # noqa: BLE001 - reported to the parent by class name
            conn.send(("error", type(exc).__name__))
            return
        conn.send(("ready", url))
        warmed_up = False
        while True:
            if not warmed_up and not conn.poll(_WARM_UP_AFTER_S):
                server.warm_up()  # what no login needs: the photo checks
                warmed_up = True
                continue
            try:
                command = conn.recv()
            except (EOFError, OSError):
                return  # the parent ended (or crashed): stop with it
            if command == "stop":
                return
            try:
                getattr(server, command)()
            except Exception as exc:  # noqa: BLE001 - reported to the parent by class name
                conn.send(("error", type(exc).__name__))
            else:
                conn.send(("ok", None))
    finally:
        server.stop()


def can_fork() -> bool:
    """True where :meth:`ServerProcess.spawn` may fork this process: on Linux, while it runs
    one thread and has not loaded Qt (forking a process with threads or Qt's state is unsafe;
    macOS and Windows always start a new interpreter)."""
    return (
        sys.platform == "linux"
        and threading.active_count() == 1
        and not any(name.startswith(("PySide6", "shiboken6")) for name in sys.modules)
    )


class ServerProcess:
    """The reference Extranet on a loopback port in a child process.

    Args:
        db_path: SQLite file of the server.
        demo: Create the demo accounts and demo data.
        ephemeral: The database lives only while the server runs (see
            :class:`~extranet.runner.EmbeddedServer`).

    :meth:`spawn` starts the child, which imports the server but opens nothing yet;
    :meth:`begin` (spawning if needed) tells it to serve and returns at once; :meth:`start`
    waits until it serves. The methods may be called from different threads (a lock
    serialises the pipe).
    """

    def __init__(self, db_path: Path, *, demo: bool = True, ephemeral: bool = True) -> None:
        self.db_path = Path(db_path)
        self.demo = demo
        self.ephemeral = ephemeral
        self.url = ""
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._stopped = False
        self._stop_requested = threading.Event()
        self._spawn_error = ""
        self._serving_asked = False

    def spawn(self, *, fork: bool = False) -> ServerProcess:
        """Start the child: it imports the server, then waits for :meth:`begin` before it
        opens the database; return ``self``.

        Args:
            fork: Fork this process instead of starting a new interpreter, where that is safe
                (:func:`can_fork`: Linux, one thread, no Qt loaded — the app's entry point
                before it loads Qt). The child then skips the interpreter's start and no
                resource-tracker process starts beside it: it serves about 0.1 s sooner.
        """
        with self._lock:
            self._spawn_locked(fork=fork and can_fork())
        return self

    def _spawn_locked(self, *, fork: bool = False) -> None:
        if self._process is not None or self._stopped or self._spawn_error:
            return
        context = (
            multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
        )
        parent_end, child_end = context.Pipe()
        process = context.Process(
            target=serve_child,
            args=(child_end, parent_end) if fork else (child_end,),
            name="extranet-server",
            daemon=True,
        )
        try:
            process.start()
        except OSError as exc:  # reported by start(), like a failed server start
            parent_end.close()
            self._spawn_error = type(exc).__name__
        else:
            self._process, self._conn = process, parent_end
            if hasattr(os, "setpriority") and process.pid is not None:
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, process.pid, _NICENESS)
        finally:
            child_end.close()  # the child holds the only other end: EOF when we go

    def begin(self) -> ServerProcess:
        """Spawn the child unless :meth:`spawn` did, and tell it to serve; return ``self``."""
        with self._lock:
            self._spawn_locked()
            conn = self._conn
            if conn is not None and not self._serving_asked:
                self._serving_asked = True
                with contextlib.suppress(OSError):  # the child ended: start() reports it
                    conn.send(("serve", str(self.db_path), self.demo, self.ephemeral))
        return self

    def start(self) -> str:
        """Spawn the child if needed and wait until it serves; return the base URL.

        Raises:
            ServerProcessError: The child raised (its exception class is kept), ended, was
                stopped, or did not serve within the start timeout.
        """
        self.begin()
        with self._lock:
            if self.url:
                return self.url
            if self._spawn_error:
                raise ServerProcessError("the server process did not start", self._spawn_error)
            reply = self._receive(_START_TIMEOUT_S, "start")
            if reply[0] != "ready":
                self._stop_locked()
                raise ServerProcessError(f"the server raised {reply[1]}", str(reply[1]))
            self.url = str(reply[1])
            return self.url

    def _receive(self, timeout_s: float, what: str) -> tuple[str, Any]:
        conn = self._conn
        if conn is None or self._stopped:
            raise ServerProcessError(f"server process stopped ({what})")
        deadline = time.monotonic() + timeout_s
        try:
            while not conn.poll(_POLL_S):  # short slices: stop() may be waiting for the lock
                if self._stop_requested.is_set() or time.monotonic() > deadline:
                    self._stop_locked()
                    raise ServerProcessError(f"server process stopped or silent ({what})")
            reply = conn.recv()
        except (EOFError, OSError) as exc:
            self._stop_locked()
            raise ServerProcessError(f"server process ended ({what})") from exc
        return str(reply[0]), reply[1]

    def _command(self, command: str) -> None:
        assert command in _COMMANDS
        self.start()
        with self._lock:
            conn = self._conn
            if conn is None or self._stopped:
                raise ServerProcessError(f"server process stopped ({command})")
            try:
                conn.send(command)
            except OSError as exc:
                self._stop_locked()
                raise ServerProcessError(f"server process ended ({command})") from exc
            reply = self._receive(_COMMAND_TIMEOUT_S, command)
        if reply[0] != "ok":
            raise ServerProcessError(f"the server raised {reply[1]}", str(reply[1]))

    def wipe_data(self) -> None:
        """Erase everything the server stored and start on fresh demo data (see
        :meth:`extranet.runner.EmbeddedServer.wipe_data`); returns when done."""
        self._command("wipe_data")

    def expire_sessions(self) -> None:
        """Test hook: every session becomes invalid (→ 401)."""
        self._command("expire_sessions")

    def expire_cursors(self) -> None:
        """Test hook: every cursor issued so far answers 410 ``cursor-expired``."""
        self._command("expire_cursors")

    @property
    def running(self) -> bool:
        """True while the child process is alive."""
        process = self._process
        return process is not None and not self._stopped and process.is_alive()

    def stop(self) -> None:
        """Ask the child to stop (it deletes an ephemeral database), wait, kill if it hangs.

        Safe from any thread and while :meth:`start` waits (that wait then fails).
        """
        self._stop_requested.set()  # a waiting start() or command gives up the lock now
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        self._stopped = True
        process, conn = self._process, self._conn
        if process is not None:
            if not self._serving_asked:
                process.terminate()  # still importing, nothing opened: no need to wait
            elif conn is not None:
                with contextlib.suppress(OSError):  # it may have ended already
                    conn.send("stop")
            process.join(_STOP_TIMEOUT_S)  # a child still starting reads "stop" after that
            if process.is_alive():
                process.terminate()  # SIGTERM: it stops the server and deletes the database
                process.join(_STOP_TIMEOUT_S)
            if process.is_alive():
                process.kill()
                process.join(_STOP_TIMEOUT_S)
            process.close()
        if conn is not None:
            conn.close()
        self._process = None
        self._conn = None
