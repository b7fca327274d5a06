"""At run time, in English, every text the app asks Qt to translate has a translation.

The static check (test_i18n) compares the .ts with what lupdate and tools/i18n_extract find in
the code. This one records, with a last-resort translator, every ``tr()``/``translate()`` call
that neither the app catalogue nor Qt's own catalogue answered while the real main window (on
the embedded server, logged in) shows each page in English. It catches contexts only known at
run time (``parent.tr(...)`` on another class) and tables the extractor cannot follow.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from typing_extensions import override

from PySide6.QtCore import QObject, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import i18n
from tools import i18n as i18n_tool


class _MissRecorder(QTranslator):
    """Installed first, so Qt asks it last: whatever reaches it was not translated."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.misses: set[tuple[str, str]] = set()

    @override
    def isEmpty(self) -> bool:
        return False

    @override
    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if source_text.strip():
            self.misses.add((context, source_text))
        return None


def _our_contexts() -> set[str]:
    """Contexts of the app's own strings (classes and explicit contexts in the .ts)."""
    return {m.context for m in i18n_tool.read_messages(i18n_tool.ts_path("en")) if m.context}


@pytest.fixture
def english(qapp: QApplication) -> Iterator[_MissRecorder]:
    recorder = _MissRecorder(qapp)
    qapp.installTranslator(recorder)
    i18n.install_translators(qapp, "en")
    try:
        yield recorder
    finally:
        i18n.install_translators(qapp, None)
        qapp.removeTranslator(recorder)


@pytest.fixture
def english_window(english: _MissRecorder, logged_in_window: Any) -> Any:
    # `english` is set up first: the window is built in English
    return logged_in_window


def test_every_page_is_fully_translated_at_run_time(
    qtbot: Any, english: _MissRecorder, english_window: Any
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
