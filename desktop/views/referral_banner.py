"""A minimal inline banner used only until ``desktop.widgets.message_bar`` exists."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

_COLOURS = {"info": "#e8f0fe", "positive": "#e6f4ea", "warning": "#fef7e0", "error": "#fce8e6"}


class FallbackBanner(QFrame):
    """KMessageWidget-like banner: text, kind, action buttons; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.PlainText)  # may quote server text
        self._label.setWordWrap(True)
        self._row = QHBoxLayout(self)
        self._row.addWidget(self._label, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    def text(self) -> str:
        """Current text."""
        return self._label.text()

    def show_message(
        self,
        text: str,
        kind: str = "info",
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
    ) -> None:
        """Show ``text`` with optional actions (each hides the banner after running)."""
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        self._label.setText(text)
        self.setStyleSheet(f"#message_bar {{ background: {_COLOURS.get(kind, '#eee')}; }}")
        for label, callback in actions:
            button = QPushButton(label, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, cb=callback: self._run(cb))
            self._row.addWidget(button)
            self._buttons.append(button)
        self.show()

    def _run(self, callback: Callable[[], object]) -> None:
        self.hide()
        callback()

    def hide_message(self) -> None:
        """Hide the banner."""
        self.hide()
