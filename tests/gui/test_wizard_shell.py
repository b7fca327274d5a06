"""The wizards inside the real main window (the app's shell): config after login,
"Warum?" opens the Datenschutz page, Esc never discards, Ctrl+Enter sends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def test_opening_a_fresh_form_puts_the_cursor_into_nachname(
    qtbot: Any, logged_in_window: Any
) -> None:
    window = logged_in_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.show_page("privacy")
    window.nav_button("complete").setFocus()
    window.show_page("complete")
    view = window.page("complete")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.inputs["nachname"], timeout=3000)


def test_why_opens_privacy_page_and_escape_keeps_input(qtbot: Any, logged_in_window: Any) -> None:
    window = logged_in_window
    window.show_page("quick")
    view = window.page("quick")
    qtbot.waitUntil(lambda: bool(view.servicenummer.text()), timeout=5000)
    view.inputs["nachname"].setText("Schulz")
    view.consent_gate.yes.click()
    view.freetext_consent.setChecked(True)
    bemerkungen = view.inputs["bemerkungen"]
    bemerkungen.setText("Kunde ist schwerhörig")
    bemerkungen.setFocus()
    qtbot.keyClick(bemerkungen, Qt.Key.Key_Escape)
    assert window.current_key() == "quick"
    assert bemerkungen.text() == "Kunde ist schwerhörig"
    assert view.inputs["nachname"].text() == "Schulz"
    why = view.findChild(QWidget, "bemerkungen_why")
    assert why.isVisible()
    qtbot.mouseClick(why, Qt.MouseButton.LeftButton)
    assert window.current_key() == "quick"  # "Warum?" explains in place
    popup = window.findChild(QWidget, "why_popup")
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    popup.page_button.click()  # the whole Datenschutz page is one button away
    qtbot.waitUntil(lambda: window.current_key() == "privacy")
    window.show_page("quick")
    assert bemerkungen.text() == "Kunde ist schwerhörig"  # nothing lost on the way


def test_ctrl_enter_sends_from_the_main_window(qtbot: Any, logged_in_window: Any) -> None:
    window = logged_in_window
    window.show_page("quick")
    view = window.page("quick")
    qtbot.waitUntil(lambda: bool(view.servicenummer.text()), timeout=5000)
    title = window.windowTitle()
    view.send()  # nothing filled in: error summary, title prefixed
    assert view.error_summary.isVisible()
    assert window.windowTitle() == "Fehler: " + title
    view.inputs["nachname"].setText("Schulz")
    view.inputs["telefon"].setText("030 12345678")
    view.inputs["kennzeichen"].setText("B-XY 42")
    view.inputs["versicherungsscheinnummer"].setText("HV 1234567890")
    view.repair_consent.setChecked(True)
    view.consent_gate.no.click()
    view.inputs["telefon"].setFocus()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.inputs["telefon"], timeout=3000)
    qtbot.keyClick(view.inputs["telefon"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: view.referral_number.isVisible() or "Postausgang" in view.send_status.text(),
        timeout=15000,
    )
    assert view.error_summary.isHidden()
    assert not window.windowTitle().startswith("Fehler: ")
