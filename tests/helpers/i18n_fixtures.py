"""The English UI with a recorder of every text the app's catalogue did not translate."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from typing_extensions import override

from PySide6.QtCore import QObject, QTranslator

from desktop import i18n


class MissRecorder(QTranslator):
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


@pytest.fixture
def english(qapp: Any) -> Iterator[MissRecorder]:
    """The app's English translation installed, with a :class:`MissRecorder` behind it."""
    recorder = MissRecorder(qapp)
    qapp.installTranslator(recorder)
    i18n.install_translators(qapp, "en")
    try:
        yield recorder
    finally:
        i18n.install_translators(qapp, None)
        qapp.removeTranslator(recorder)
