"""Without a keychain, quitting with drafts or outbox items (memory only) asks first: by the
menu, the window's close button, and the desktop session's end."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import SIGNAL, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton


def _quit_box(window: Any) -> QMessageBox | None:
    shown = [b for b in window.findChildren(QMessageBox, "quit_confirm") if b.isVisible()]
    return shown[0] if shown else None


def test_quit_with_a_memory_only_draft_asks_and_cancel_keeps_it(
    qtbot: Any, logged_in_window: Any
) -> None:
    window = logged_in_window
    services = window.services
    assert services.store.memory_only  # the fixture runs without a keychain
    window.show()
    window.page("quick").inputs["nachname"].setText("Quellmalz")
    qtbot.waitUntil(lambda: bool(services.store.list_drafts()), timeout=5_000)

    window.close()  # what the menu's "Beenden" and the window's close button do
    box = _quit_box(window)
    assert box is not None
    assert "Entwürfe: 1" in box.text()
    assert "Schlüsselbund" in box.text()
    assert box.defaultButton() is box.escapeButton()  # Enter/Escape never lose data
    box.escapeButton().click()
    assert window.isVisible()
    assert not services.tasks.closed
    assert services.store.list_drafts()

    window.close()
    box = _quit_box(window)
    assert box is not None
    box.findChild(QPushButton, "quit_confirm_quit").click()
    assert not window.isVisible()
    assert services.tasks.closed


class FakeSessionManager:
    """Records what the window does with the ending desktop session (a real QSessionManager
    cannot be made outside a session)."""

    def __init__(self, *, interaction: bool) -> None:
        self.interaction = interaction
        self.cancelled = False
        self.released = False

    def allowsInteraction(self) -> bool:
        return self.interaction

    def cancel(self) -> None:
        self.cancelled = True

    def release(self) -> None:
        self.released = True


def _answer_later(window: Any, button: str | None) -> None:
    """Click ``button`` (None: "Abbrechen") of the quit question once the modal box runs."""

    def click() -> None:
        box = _quit_box(window)
        assert box is not None
        target = box.escapeButton() if button is None else box.findChild(QPushButton, button)
        target.click()

    QTimer.singleShot(0, click)


def test_session_end_with_a_memory_only_draft_asks_and_can_cancel_it(
    qtbot: Any, logged_in_window: Any
) -> None:
    window = logged_in_window
    services = window.services
    window.show()
    app = QGuiApplication.instance()
    # the window's handler is what the desktop session's end reaches
    assert app.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) >= 1
    window.page("quick").inputs["nachname"].setText("Quellmalz")
    qtbot.waitUntil(lambda: bool(services.store.list_drafts()), timeout=5_000)

    silent = FakeSessionManager(interaction=False)  # e.g. a forced shut-down: cannot ask
    window.commit_session_data(silent)
    assert not silent.cancelled
    assert _quit_box(window) is None

    kept = FakeSessionManager(interaction=True)
    _answer_later(window, None)
    window.commit_session_data(kept)  # modal: the session manager waits for the answer
    assert kept.cancelled  # "Abbrechen": the log-out is cancelled
    assert kept.released
    assert window.isVisible()
    assert services.store.list_drafts()

    left = FakeSessionManager(interaction=True)
    _answer_later(window, "quit_confirm_quit")
    window.commit_session_data(left)
    assert not left.cancelled
    assert left.released
    window.close()  # the session then closes the window: no second question
    assert _quit_box(window) is None
    assert not window.isVisible()
    assert services.tasks.closed


def test_session_end_without_unsaved_data_asks_nothing(qtbot: Any, logged_in_window: Any) -> None:
    window = logged_in_window
    window.show()
    manager = FakeSessionManager(interaction=True)
    window.commit_session_data(manager)
    assert not manager.cancelled
    assert _quit_box(window) is None
    assert window.isVisible()
