"""The app's :class:`desktop.services.Services` for bench scripts (not a bench itself).

    with app_services(login=True) as services:
        view = CompleteReferralView(services)

Starts the embedded demo server in a temporary data directory and waits until the backend is
ready (and, with ``login=True``, logged in as demo/demo with the server config loaded). The
draft key lives in an in-process keychain, so a bench never touches the user's keychain.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance

from desktop.services import Services
from desktop.settings import Settings

__all__ = ["app_services"]

WAIT_MS = 240_000


class _ProcessKeyring(KeyringBackend):
    """A keychain that lives in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        """Stored value or None."""
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a value."""
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        """Delete a value."""
        self.entries.pop((service, username), None)


def _wait(done: SignalInstance, failed: SignalInstance, start: Callable[[], None]) -> None:
    loop = QEventLoop()
    outcome: list[bool] = []
    done.connect(lambda *_a: (outcome.append(True), loop.quit()))
    failed.connect(lambda *_a: (outcome.append(False), loop.quit()))
    QTimer.singleShot(WAIT_MS, loop.quit)
    start()
    if not outcome:
        loop.exec()
    if outcome != [True]:
        raise SystemExit("the app's services did not start (or log in)")


@contextmanager
def app_services(*, login: bool = False) -> Iterator[Services]:
    """Ready services on the embedded demo server; shut down on exit."""
    previous = keyring.get_keyring()
    keyring.set_keyring(_ProcessKeyring())
    with tempfile.TemporaryDirectory(prefix="gv-bench-") as tmp:
        services = Services(data_dir=Path(tmp) / "data", settings=Settings(Path(tmp) / "s.ini"))
        try:
            _wait(services.ready, services.backend_failed, services.start_backend)
            if login:
                _wait(
                    services.config_loaded,
                    services.login_failed,
                    lambda: services.login("demo", "demo"),
                )
            yield services
        finally:
            services.shutdown()
            keyring.set_keyring(previous)
