"""Application start: QApplication, settings, services, main window, login, clean quit.

Start-up order (the window is on screen before anything heavy is imported):

0. Unless a server URL is configured, the embedded reference server's process is spawned
   first, before Qt loads (:func:`desktop.launch.run`): it imports the server on another core
   while this process loads Qt, and opens its database once :func:`main` holds the data
   directory's lock and tells it to serve.
1. ``QApplication``, translators, the main window with placeholder pages → ``show()``.
2. The login dialog opens at once and takes input; behind it the "sync" pool imports the
   backend modules, reads the keychain and waits until the server serves. A login submitted
   before that waits for it ("Demo-Server startet …").
3. When the backend is ready: API client, local store and outbox; a waiting login is sent.
   Then the feature modules and the privacy lexicons are imported on the "media" pool, and
   the feature pages (:func:`desktop.views.pages.install_pages`) replace the placeholders —
   so no keystroke in a checked field ever waits for the lexicons.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLockFile, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, ORG_DOMAIN, ORG_NAME, __version__, paths, workarounds
from desktop.i18n import install_translators
from desktop.logs import install_qt_message_handler, setup_logging
from desktop.services import EMBEDDED_DB, Services
from desktop.settings import Settings, validate_server_url
from desktop.views.main_window import MainWindow
from extranet.server_process import ServerProcess, ServerProcessError

if TYPE_CHECKING:
    from desktop.dialogs.login_dialog import LoginDialog

__all__ = [
    "AppController",
    "BackendStartError",
    "controller_of",
    "create_main_window",
    "freeze_startup_objects",
    "main",
]

log = logging.getLogger(__name__)

READY_TIMEOUT_MS = 240_000
"""How long :func:`create_main_window` waits for the backend (an idle PC needs ~1-2 s; a
loaded one far more — the app itself waits as long as the embedded server is starting)."""
SLOW_START_NOTICE_MS = 8_000
"""When the "still starting" notice appears while the embedded server starts."""
LOCK_FILE = "glasvermittler.lock"
"""Single-instance lock in the data directory."""
_PREIMPORT = (
    "desktop.api",
    "desktop.store",
    "desktop.sync.outbox",
    "desktop.workers.outbox_worker",
    "desktop.workers.retention",
    "desktop.views.referral.wizard",
    "desktop.views.drafts.page",
    "desktop.views.referrals.page",
    "desktop.views.postbox.install",
    "desktop.views.outbox.page",
    "desktop.views.privacy.page",
)


_gc_frozen = False


def freeze_startup_objects() -> float:
    """Move every object alive after start-up out of the cyclic GC's reach; once per process.

    The start-up objects (Qt wrappers, imported modules, catalogues, lexicons) live until the
    app quits, yet every full collection of the cyclic GC would scan them again: while typing,
    that showed as 17-74 ms pauses on the GUI thread (``bench/wizard_latency.py
    --no-gc-freeze``). One collection first so that start-up garbage is freed rather than
    frozen; afterwards full collections only scan what was created since.

    Returns:
        The milliseconds spent (0.0 when already frozen).
    """
    global _gc_frozen  # one freeze per process, whatever windows follow
    if _gc_frozen:
        return 0.0
    _gc_frozen = True
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    return (time.perf_counter() - started) * 1000


def _preimport() -> None:
    """Worker side: import the feature modules and load the privacy lexicons, so that
    building the pages is quick and typing never waits for them."""
    import importlib

    for name in _PREIMPORT:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - install_pages reports broken pages itself
            continue
    try:
        # lazy heavy import: the lexicons load here, on a pool thread
        from desktop.privacy.text.engine import get_engine

        get_engine()  # lexicons (~0.7 s CPU): else the first keystroke in a field loads them
    except Exception:  # noqa: BLE001 - the first check() raises it again where it is seen
        log.warning("privacy text engine could not be preloaded")
    try:
        import keyring

        keyring.get_keyring()  # backend discovery (entry points): ~0.2 s off the GUI thread
    except Exception:  # noqa: BLE001 - the store reports a missing keychain itself
        log.info("keychain backend discovery failed")


class BackendStartError(RuntimeError):
    """:func:`create_main_window`: the backend did not become ready.

    Attributes:
        reason: ``"timeout"`` (still starting when the wait ended) or ``"exception"``.
        exception_type: Class name of the embedded server's exception ("" on a timeout).
    """

    def __init__(self, reason: str, exception_type: str = "", detail: str = "") -> None:
        self.reason = reason
        self.exception_type = exception_type
        super().__init__(f"backend did not start: {detail}")


class AppController(QObject):
    """Wires services, main window and dialogs together; owns the quit sequence.

    Args:
        services: The app services (not started yet).
        window: The main window built on ``services``.

    Signals:
        login_opened(): the login dialog is open and takes input.
        pages_installed(): the feature pages replaced the placeholders.
    """

    login_opened = Signal()
    pages_installed = Signal()

    def __init__(self, services: Services, window: MainWindow) -> None:
        super().__init__(window)
        self.services = services
        self.window = window
        self.login_dialog: LoginDialog | None = None
        self.page_results: dict[str, str] = {}
        self.pages_ready = False
        self._closed = False
        services.ready.connect(self._on_ready)
        services.backend_failed.connect(self._on_backend_failed)
        self._slow_start = QTimer(self)
        self._slow_start.setSingleShot(True)
        self._slow_start.setInterval(SLOW_START_NOTICE_MS)
        self._slow_start.timeout.connect(self._on_slow_start)
        self._slow_start_text = ""
        services.auth_required.connect(self.ask_login)
        window.login_requested.connect(self.ask_login)
        window.logout_requested.connect(self.logout)
        window.settings_requested.connect(self.open_settings)
        window.closing.connect(self.shutdown)

    def start(self) -> None:
        """Open the login dialog, then start the backend behind it."""
        self.ask_login()
        if self.services.embedded:
            self._slow_start.start()
        self.services.start_backend()

    @Slot()
    def _on_slow_start(self) -> None:
        """A slow PC: say that the demo server is still starting (nothing has failed)."""
        if self.services.is_ready or self._closed:
            return
        self._slow_start_text = self.tr(
            "Der eingebaute Demo-Server startet noch. Auf einem ausgelasteten Rechner kann das "
            "einige Minuten dauern – bitte warten, die Anmeldung wird dann ausgeführt."
        )
        log.info("embedded server still starting after %d ms", SLOW_START_NOTICE_MS)
        self.window.message_bar.show_message(self._slow_start_text, "info")

    def _end_slow_start(self) -> None:
        self._slow_start.stop()
        if self._slow_start_text and self.window.message_bar.text == self._slow_start_text:
            self.window.message_bar.clear()
        self._slow_start_text = ""

    @Slot()
    def _on_ready(self) -> None:
        """The backend is up: import the feature modules behind the login, then the pages."""
        self._end_slow_start()
        self.services.tasks.run(
            _preimport, on_done=self._install_pages, on_error=self._install_pages, pool="media"
        )

    @Slot(object)
    def _install_pages(self, _result: object = None) -> None:
        # lazy heavy import: the feature modules (imported on a pool thread by _preimport)
        from desktop.views.pages import install_pages

        if self._closed:
            return
        services, window = self.services, self.window
        self.page_results = install_pages(window, services)
        self.pages_ready = True
        QTimer.singleShot(0, self._freeze_startup_objects)  # after the pages are on screen
        outbox_worker = services.outbox_worker
        outbox_worker.status_text_changed.connect(window.set_outbox_status)
        outbox_worker.state_changed.connect(self._on_outbox_state)
        window.set_outbox_status(outbox_worker.status_text())
        self._on_outbox_state()
        self.pages_installed.emit()

    @Slot()
    def _freeze_startup_objects(self) -> None:
        if not self._closed:
            spent = freeze_startup_objects()
            if spent:
                log.info("start-up objects frozen for the GC (%.0f ms)", spent)

    @Slot(int, bool)
    def _on_outbox_state(self, _pending: int = 0, _online: bool = True) -> None:
        """Failed sendings show as a count on "Postausgang" (they wait for the broker)."""
        self.window.set_badge("outbox", self.services.outbox_worker.dead)

    @Slot(str)
    def _on_backend_failed(self, reason: str) -> None:
        self._end_slow_start()
        self.window.message_bar.show_message(
            self.tr("Der eingebaute Demo-Server konnte nicht gestartet werden ({reason}).").format(
                reason=reason
            ),
            "error",
        )

    @Slot()
    def ask_login(self) -> None:
        """Open the login dialog (window-modal, non-blocking) unless it is open already."""
        # lazy import: built right after the window shows, not before
        from desktop.dialogs.login_dialog import LoginDialog

        if self._closed:
            return
        if self.login_dialog is not None and self.login_dialog.isVisible():
            self.login_dialog.raise_()
            return
        if self.login_dialog is not None:
            self.login_dialog.deleteLater()
        self.login_dialog = LoginDialog(self.services, self.window)
        self.login_dialog.settings_requested.connect(self.open_settings)
        self.login_dialog.open()
        self.login_opened.emit()

    @Slot()
    def logout(self) -> None:
        """Log out and ask for a new login."""
        self.services.logout()
        self.ask_login()

    @Slot()
    def open_settings(self) -> None:
        """Show the settings dialog (window-modal)."""
        # lazy heavy import: the form widgets and their validators (phonenumbers)
        from desktop.dialogs.settings_dialog import SettingsDialog

        parent = self.login_dialog if self.login_dialog is not None else self.window
        if not parent.isVisible():
            parent = self.window
        dialog = SettingsDialog(self.services.settings, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def shutdown(self) -> None:
        """Save pending drafts, stop workers, drain pools, stop the embedded server."""
        if self._closed:
            return
        self._closed = True
        # lazy heavy import: the store (cryptography), loaded after the window shows
        from desktop.workers.autosave import DraftAutosaver

        for saver in self.window.findChildren(DraftAutosaver):
            saver.flush(wait=True)  # written before the pools stop delivering callbacks
        if self.login_dialog is not None:
            self.login_dialog.close()
        self.services.shutdown()


def _ensure_app(argv: Sequence[str] | None = None) -> QApplication:
    workarounds.apply()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(list(argv) if argv is not None else [sys.argv[0]])


def build(
    *,
    data_dir: Path,
    server_url: str | None,
    settings: Settings | None = None,
    server_process: ServerProcess | None = None,
) -> MainWindow:
    """Create services, window and controller and show the window (backend not started;
    ``server_process``: the embedded server's process if already spawned)."""
    settings = settings if settings is not None else Settings()
    services = Services(
        data_dir=data_dir, settings=settings, server_url=server_url, server_process=server_process
    )
    window = MainWindow(services)
    services.setParent(window)
    window.controller = AppController(services, window)
    window.show()
    return window


def controller_of(window: MainWindow) -> AppController:
    """The :class:`AppController` that :func:`build` attached to ``window``."""
    controller = window.controller
    if not isinstance(controller, AppController):
        raise TypeError("the window was not built by desktop.app.build")
    return controller


def wait_ready(window: MainWindow, timeout_ms: int = READY_TIMEOUT_MS) -> bool:
    """Process events until the backend is ready and the pages are installed (or the backend
    failed); True if ready."""
    controller = controller_of(window)
    if controller.pages_ready:
        return True
    loop = QEventLoop()
    controller.pages_installed.connect(loop.quit)
    window.services.backend_failed.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return controller.pages_ready


def create_main_window(*, data_dir: Path, server_url: str | None = None) -> MainWindow:
    """Build the app in-process and return the shown, ready main window (for tests).

    Args:
        data_dir: Directory for the local store and the embedded server's database.
        server_url: Extranet URL; ``None`` starts the embedded demo server.

    Returns:
        The main window: pages installed, login dialog open (``window.controller``).

    Raises:
        BackendStartError: The backend did not become ready (a ``RuntimeError`` saying whether
            the embedded server raised — and which exception class — or was still starting
            after :data:`READY_TIMEOUT_MS`); logged too.
    """
    _ensure_app()
    window = build(data_dir=Path(data_dir), server_url=server_url)
    controller_of(window).start()
    started = time.monotonic()
    if not wait_ready(window, READY_TIMEOUT_MS):
        error = _start_error(window.services, time.monotonic() - started)
        log.error("%s", error)  # class names and seconds only: no personal data
        window.close()
        raise error
    return window


def _start_error(services: Services, waited_s: float) -> BackendStartError:
    """Why the backend is not ready: the embedded server's exception, or still starting."""
    exc = services.backend_error
    if exc is None:
        return BackendStartError(
            "timeout", detail=f"timeout, still starting after {waited_s:.0f} s"
        )
    if isinstance(exc, ServerProcessError) and exc.exception_type:
        name = detail = exc.exception_type  # raised in the server process: its class only
    else:
        name = type(exc).__name__
        # Our own start errors carry their message (it holds no data); others just the class.
        detail = f"{name}: {exc}" if isinstance(exc, ServerProcessError) else name
    return BackendStartError("exception", name, f"the embedded server raised {detail}")


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="glasvermittler", description=APP_NAME)
    parser.add_argument(
        "--check-startup",
        action="store_true",
        help="print startup_ms (window shown), login_ms (login takes input), client_ms (this "
        "process has what a login needs), ready_ms (a submitted login would be served: the "
        "embedded server is up too), then exit",
    )
    parser.add_argument(
        "--server-url", default=None, type=_server_url, help="Extranet URL (overrides settings)"
    )
    parser.add_argument("--version", action="version", version=__version__)
    return parser.parse_args(list(argv))


def _server_url(value: str) -> str:
    """``--server-url``: https, or http to a loopback address only."""
    problem = validate_server_url(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(f"unusable server URL ({problem}): https is required")
    return value


def main(
    argv: Sequence[str] | None = None,
    *,
    t0: float | None = None,
    server: ServerProcess | None = None,
) -> int:
    """Run the app; returns the exit code.

    Args:
        argv: Command-line arguments without the program name.
        t0: ``time.perf_counter()`` at process start (for ``--check-startup``).
        server: The embedded server's process if :func:`desktop.launch.run` spawned it before
            Qt loaded (not serving yet); stopped here if the app does not use it.
    """
    t0 = t0 if t0 is not None else time.perf_counter()
    args = _parse(sys.argv[1:] if argv is None else argv)
    workarounds.apply()
    data_dir = paths.data_dir()
    logs = setup_logging(data_dir / "logs")
    lock = _single_instance_lock(data_dir)
    settings = Settings()
    server_url = args.server_url if args.server_url is not None else settings.server_url
    server = _embedded_server(server, data_dir, used=lock is not None and not server_url)
    app = _ensure_app()
    QTimer.singleShot(0, logs.start_daily_purge)  # needs the app; not before the window shows
    install_qt_message_handler()
    install_translators(app, settings.language)
    if lock is None:
        return _already_running(check_startup=args.check_startup)
    window = build(
        data_dir=data_dir, server_url=server_url or None, settings=settings, server_process=server
    )
    controller = controller_of(window)
    app.aboutToQuit.connect(controller.shutdown)
    if args.check_startup:
        _check_startup(window, t0)
    QTimer.singleShot(0, controller.start)
    code = app.exec()
    logs.close()
    lock.unlock()
    return code


def _embedded_server(
    spawned: ServerProcess | None, data_dir: Path, *, used: bool
) -> ServerProcess | None:
    """The embedded demo server's process, told to serve (``None`` when not ``used``).

    It starts first, in its own process on another core, while this one builds the window;
    it opens its database only now, under the lock: it deletes a database left by a crash.
    """
    if not used:
        if spawned is not None:
            spawned.stop()
        return None
    if spawned is None or spawned.db_path != data_dir / EMBEDDED_DB:
        if spawned is not None:
            spawned.stop()
        spawned = ServerProcess(data_dir / EMBEDDED_DB, ephemeral=True)
    return spawned.begin()


def _single_instance_lock(data_dir: Path) -> QLockFile | None:
    """Lock the data directory; ``None`` if another running app holds it.

    Two windows on one data directory would both drain the outbox and take each other's
    session marker for a crash. The lock of a crashed app is stale (its process is gone) and
    is taken over.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_FILE))
    lock.setStaleLockTime(0)  # stale only when the owning process is gone, never by age
    return lock if lock.tryLock(200) else None


def _already_running(*, check_startup: bool) -> int:
    if check_startup:
        print("already_running", flush=True)  # noqa: T201 - the figure is the output
        return 1
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(
        None,
        APP_NAME,
        QCoreApplication.translate(
            "AppController",
            "Glasvermittler ist bereits geöffnet. Bitte das vorhandene Fenster verwenden.",
        ),
    )
    return 0


def _check_startup(window: MainWindow, t0: float) -> None:
    """Print ``startup_ms`` (window shown), ``login_ms`` (the login dialog takes input),
    ``client_ms`` (this process has what a login needs; the embedded server may still be
    starting) and ``ready_ms`` (a submitted login would be served now), then quit."""

    def figure(name: str) -> None:
        print(f"{name}={(time.perf_counter() - t0) * 1000:.0f}", flush=True)  # noqa: T201 - the figure is the output

    def ready() -> None:
        figure("ready_ms")
        QTimer.singleShot(0, window.close)

    def failed(_reason: str) -> None:
        print("backend_failed", flush=True)  # noqa: T201 - the figure is the output
        QCoreApplication.exit(1)

    controller = controller_of(window)
    QTimer.singleShot(0, lambda: figure("startup_ms"))
    controller.login_opened.connect(lambda: QTimer.singleShot(0, lambda: figure("login_ms")))
    window.services.backend_prepared.connect(lambda: figure("client_ms"))
    window.services.ready.connect(lambda: QTimer.singleShot(0, ready))
    window.services.backend_failed.connect(failed)
