"""Helpers for the wizard tests: a logged-in ``services`` stand-in on the real server and
keyboard typing that also handles umlauts (QTest.keyClicks is ASCII-only)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.api import ExtranetClient
from desktop.workers import FallbackRunner


@contextmanager
def services_for(url: str, login: str = "demo", password: str = "demo") -> Iterator[Any]:
    """Services-like object: real client (logged in), config, a TaskRunner-compatible runner."""
    client = ExtranetClient(url, timeout=5.0, retries=0)
    user = client.login(login, password)
    runner = FallbackRunner()
    services = SimpleNamespace(
        client=client,
        tasks=runner,
        config=client.get_config(),
        user=user,
        store=None,
        outbox=None,
    )
    try:
        yield services
    finally:
        runner.shutdown(5000)
        client.close()


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
