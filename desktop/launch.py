"""The app's entry point: spawn the embedded demo server's process first, then load Qt and run.

The embedded server needs about half a second before it serves (its own interpreter, FastAPI,
uvicorn, the app's routes). Its process is spawned here, before this process imports Qt and
builds the window, so that both starts run side by side on two cores. Until
:func:`desktop.app.main` holds the data directory's lock and tells it to serve
(:meth:`~extranet.server_process.ServerProcess.begin`), the child only imports the server; it
opens no database. Nothing here imports Qt before the child is spawned.
"""

from __future__ import annotations

import configparser
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from desktop import paths
from extranet.server_process import ServerProcess

__all__ = ["run", "spawn_embedded_server"]

_PRINT_ONLY = frozenset({"-h", "--help", "--version"})
"""Options after which the app prints and exits (no server needed)."""


def run(argv: Sequence[str] | None = None, *, t0: float | None = None) -> int:
    """Start the app (``python -m desktop``, the ``glasvermittler`` command, the bundle).

    Args:
        argv: Command-line arguments without the program name (default ``sys.argv[1:]``).
        t0: ``time.perf_counter()`` at process start (for ``--check-startup``).

    Returns:
        The exit code.
    """
    t0 = t0 if t0 is not None else time.perf_counter()
    args = list(sys.argv[1:] if argv is None else argv)
    server = spawn_embedded_server(args)
    # lazy heavy import: Qt and the app load once the server's process is on its way
    from desktop import workarounds

    workarounds.apply()  # before the app's modules load: PySide6 then checks each one cheaply
    # lazy heavy import: the app (Qt widgets), after the work-arounds
    from desktop.app import main

    return main(args, t0=t0, server=server)


def spawn_embedded_server(argv: Sequence[str]) -> ServerProcess | None:
    """Spawn the embedded server's process (not serving yet) unless the app will not use it.

    It is not needed when a server URL is given on the command line or stored in the settings
    file, or for an option that only prints. :func:`desktop.app.main` stops the process if the
    app turns out not to use it (another instance holds the lock).
    """
    if _PRINT_ONLY.intersection(argv) or any(a.startswith("--server-url") for a in argv):
        return None
    if stored_server_url(paths.config_dir() / paths.SETTINGS_FILE):
        return None
    # forked where safe (Linux; no thread, no Qt yet): no new interpreter needs to start
    return ServerProcess(paths.data_dir() / paths.EMBEDDED_DB, ephemeral=True).spawn(fork=True)


def stored_server_url(path: Path) -> str:
    """The ``server_url`` of the settings file, read without Qt ("" when absent or unreadable).

    Only a first look: :class:`desktop.settings.Settings` reads and validates it properly.
    """
    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return ""
    return parser.get("General", "server_url", fallback="").strip().strip('"')
