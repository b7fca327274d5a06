"""Helpers for the wizard tests: the app's logged-in ``Services`` on the real server and
keyboard typing that also handles umlauts (QTest.keyClicks is ASCII-only)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import keyring
from keyring.backends import fail

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services import Services
from desktop.settings import Settings

WAIT_MS = 30_000


def _wait(signal: SignalInstance, start: Callable[[], None], *, failed: SignalInstance) -> None:
    """Call ``start`` and process events until ``signal`` (AssertionError on ``failed``)."""
    loop = QEventLoop()
    outcome: list[bool] = []

    def finish(ok: bool) -> None:
        outcome.append(ok)
        loop.quit()

    signal.connect(lambda *_a: finish(True))
    failed.connect(lambda *_a: finish(False))
    QTimer.singleShot(WAIT_MS, loop.quit)
    start()
    if not outcome:
        loop.exec()
    assert outcome == [True], "services did not get ready / log in"


@contextmanager
def services_for(
    url: str,
    login: str = "demo",
    password: str = "demo",
    *,
    data_dir: Path | None = None,
    keychain: bool = False,
) -> Iterator[Services]:
    """The app's ``Services`` on ``url``: logged in, config loaded, referrals sent through
    the outbox and its worker.

    Args:
        data_dir: Where the local store lives (a temporary directory if ``None``); the same
            directory and keychain again is the app's next start.
        keychain: Use the keychain the test installed (``memory_keyring``) for the draft
            key; otherwise there is none and the store is memory-only.
    """
    previous = keyring.get_keyring()
    if not keychain:
        keyring.set_keyring(fail.Keyring())
    with tempfile.TemporaryDirectory() as tmp:
        services = Services(
            data_dir=data_dir or Path(tmp) / "data",
            settings=Settings(Path(tmp) / "s.ini"),
            server_url=url,
        )
        try:
            _wait(services.ready, services.start_backend, failed=services.backend_failed)
            _wait(
                services.config_loaded,
                lambda: services.login(login, password),
                failed=services.login_failed,
            )
            yield services
        finally:
            services.shutdown()
            keyring.set_keyring(previous)


def config_of(services: Services) -> dict[str, Any]:
    """The server configuration (loaded: :func:`services_for` waits for it)."""
    assert services.config is not None
    return services.config


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as key events into ``widget``."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press and release one key on ``widget`` (via the focus widget's event path)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


V = TypeVar("V", bound=QWidget)


@contextmanager
def shown_view(
    qtbot: Any,
    view_type: Callable[[Services], V],
    url: str,
    size: tuple[int, int] | None = None,
    *,
    active: bool = False,
) -> Iterator[V]:
    """A referral view on the app's logged-in services for ``url``, shown (and, with
    ``active``, the active window, so that keyboard focus works); closed afterwards."""
    with services_for(url) as services:
        view = view_type(services)
        qtbot.addWidget(view)
        if size is not None:
            view.resize(*size)
        view.show()
        if active:
            view.activateWindow()
            qtbot.waitUntil(view.isActiveWindow, timeout=3000)
        yield view
        view.close()
