"""Without a keychain, quitting with drafts or outbox items (memory only) asks first."""

from __future__ import annotations

from typing import Any

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
