"""At run time, in English, every text the app asks Qt to translate has a translation.

The static check (test_i18n) compares the .ts with what lupdate and tools/i18n_extract find in
the code. This one records, with a last-resort translator, every ``tr()``/``translate()`` call
that neither the app catalogue nor Qt's own catalogue answered while the real main window (on
the embedded server, logged in) shows each page in English. It catches contexts only known at
run time (``parent.tr(...)`` on another class) and tables the extractor cannot follow.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.i18n_fixtures import MissRecorder
from tools import i18n as i18n_tool


def _our_contexts() -> set[str]:
    """Contexts of the app's own strings (classes and explicit contexts in the .ts)."""
    return {m.context for m in i18n_tool.read_messages(i18n_tool.ts_path("en")) if m.context}


@pytest.fixture
def english_window(english: MissRecorder, logged_in_window: Any) -> Any:
    # `english` is set up first: the window is built in English
    return logged_in_window


def test_every_page_is_fully_translated_at_run_time(
    qtbot: Any, english: MissRecorder, english_window: Any
) -> None:
    from desktop.views.main_window import NAV_KEYS

    for key in NAV_KEYS:
        english_window.show_page(key)
        qtbot.wait(50)
    _open_dialogs_and_messages(qtbot, english_window)
    ours = _our_contexts()
    # Qt's own widgets ask with their class names (QLineEdit, QDialogButtonBox, ...); the
    # qtbase catalogue answers what it has. Only the app's strings are judged here.
    misses = sorted(
        (context, text)
        for context, text in english.misses
        if context in ours or not context.startswith("Q")
    )
    assert misses == [], f"{len(misses)} text(s) shown untranslated in English: {misses[:15]}"
    assert english_window.nav_button("quick").text() != "Schnellvermittlung"


def _open_dialogs_and_messages(qtbot: Any, window: Any) -> None:
    """Texts that only appear on demand: the dialogs, the error summary of an empty send and
    a live privacy warning with its actions."""
    from PySide6.QtWidgets import QAbstractButton, QWidget

    from desktop.dialogs.settings_dialog import SettingsDialog

    settings = SettingsDialog(window.services.settings, window)
    qtbot.addWidget(settings)
    settings.show()
    settings.reject()
    window.show_page("postbox")
    window.page("postbox").open_new_ticket().reject()
    window.show_page("quick")
    quick = window.page("quick")
    quick.findChild(QAbstractButton, "send_button").click()  # nothing filled in: error summary
    quick.findChild(QAbstractButton, "consent_yes").click()
    remarks = quick.findChild(QWidget, "bemerkungen")
    remarks.setFocus()
    qtbot.keyClicks(remarks, "Kunde ist gehbehindert")
    message = quick.findChild(QWidget, "bemerkungen_message")
    qtbot.waitUntil(lambda: bool(message.text()), timeout=5000)
    assert "Nicht zulässig" not in message.text(), message.text()  # the warning is English too
