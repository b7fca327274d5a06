"""Fixtures for Qt tests: the real main window on the embedded server, with leak checks.

``main_window``: :func:`desktop.app.create_main_window` on a temporary data dir with the
embedded reference server (logged out, login dialog open). ``logged_in_window``: the same,
logged in as demo/demo through the login dialog. Teardown closes the window (which saves
drafts, stops workers, drains the pools and stops the embedded server) and asserts that no
thread of the app is left running. The OS keychain is replaced by keyring's "fail" backend so
that tests never touch the developer's keychain (the app then runs memory-only).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from desktop.tasks import POOLS, TaskRunner

__all__ = ["MemoryKeyring", "app_threads", "close_window", "log_in"]


_language_installed = False


@pytest.fixture(autouse=True)
def app_language(request: pytest.FixtureRequest) -> None:
    """Qt tests see the texts users see: German with its plural forms, as the app installs at
    start (``desktop.i18n.install_translators``; "1 Bild", not "1 Bild(er)"). Once per session;
    tests that switch to English switch back to it."""
    global _language_installed  # once per session
    if _language_installed or not {"qapp", "qtbot", "qtmodeltester"} & set(request.fixturenames):
        return
    from desktop.i18n import install_translators

    install_translators(request.getfixturevalue("qapp"), "de")
    _language_installed = True


@pytest.fixture
def tasks(qapp: Any) -> Iterator[TaskRunner]:
    """A task runner like the app's (its pools drained at teardown)."""
    runner = TaskRunner()
    try:
        yield runner
    finally:
        runner.shutdown()


@pytest.fixture
def no_keychain() -> Iterator[None]:
    """Use keyring's "fail" backend (as on headless Linux) for the test's duration."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


class MemoryKeyring(KeyringBackend):
    """A keychain that lives in this process only (stands in for the OS keychain)."""

    priority = 1

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
        """Delete a value (PasswordDeleteError if absent)."""
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A working in-process keychain for the test's duration (never the developer's)."""
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def app_threads() -> set[threading.Thread]:
    """Live Python threads that are real threads (not Qt pool threads seen as dummies)."""
    return {
        t
        for t in threading.enumerate()
        if t.is_alive() and not isinstance(t, threading._DummyThread)
    }


def close_window(qtbot: Any, window: Any, before: set[threading.Thread]) -> None:
    """Close ``window`` like the user would and assert that the app left nothing running."""
    services = window.services
    runner = services.tasks
    window.close()
    _confirm_quit(window)
    assert services.server is None, "embedded server still referenced after close"
    assert runner.closed
    qtbot.waitUntil(lambda: not (app_threads() - before), timeout=10_000)
    for name in POOLS:
        assert runner.pool(name).activeThreadCount() == 0, f"pool {name} still busy"
    window.deleteLater()
    qtbot.wait(1)


def _confirm_quit(window: Any) -> None:
    """Answer "Trotzdem beenden" if quitting asked first (memory-only data would be lost)."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    for box in window.findChildren(QMessageBox, "quit_confirm"):
        if box.isVisible():
            box.findChild(QPushButton, "quit_confirm_quit").click()


def log_in(qtbot: Any, window: Any, login: str = "demo", password: str = "demo") -> None:
    """Log in through the open login dialog and wait for the server config."""
    from PySide6.QtCore import Qt

    dialog = window.controller.login_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    with qtbot.waitSignal(window.services.logged_in, timeout=15_000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.services.config is not None, timeout=15_000)


@pytest.fixture
def main_window(qtbot: Any, tmp_path: Path, no_keychain: None) -> Iterator[Any]:
    """The main window on a fresh embedded server (logged out, login dialog open)."""
    from desktop.app import create_main_window

    before = app_threads()
    window = create_main_window(data_dir=tmp_path / "app-data")
    try:
        yield window
    finally:
        close_window(qtbot, window, before)


@pytest.fixture
def logged_in_window(qtbot: Any, main_window: Any) -> Any:
    """The main window logged in as demo/demo (server config loaded)."""
    log_in(qtbot, main_window)
    return main_window
