"""Inline message banner (like KDE's KMessageWidget): text, optional actions, close button."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop.widgets.error_summary import announce

__all__ = ["KINDS", "MessageBar"]

KINDS: dict[str, tuple[str, str]] = {
    # kind: (background, border)
    "info": ("#e8f1fb", "#3d7ebf"),
    "positive": ("#e9f6ec", "#2e8b57"),
    "warning": ("#fff6e0", "#c98a00"),
    "error": ("#fdecea", "#c0392b"),
}


class MessageBar(QFrame):
    """A dismissable banner shown above a page's content; hidden while empty.

    Signals:
        closed(): the user dismissed the banner (or :meth:`clear` was called).
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind = "info"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setObjectName("message_bar_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # may quote server text: never markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self._actions_layout = QHBoxLayout()
        layout.addLayout(self._actions_layout)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("message_bar_close")
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Hinweis schließen"))
        self.close_button.setToolTip(self.tr("Hinweis schließen"))
        self.close_button.clicked.connect(self.clear)
        layout.addWidget(self.close_button)
        self._buttons: list[QPushButton] = []
        self.hide()

    def show_message(
        self,
        text: str,
        kind: str = "info",
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
        *,
        closable: bool = True,
    ) -> None:
        """Show ``text`` with optional action buttons ``(label, callback)``.

        Args:
            text: German message (plain text).
            kind: "info", "positive", "warning" or "error".
            actions: Buttons; clicking one calls its callback (the banner stays).
            closable: Whether the close button is offered.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.kind = kind
        background, border = KINDS[kind]
        self.setStyleSheet(
            f"#message_bar {{ background: {background}; border: 1px solid {border};"
            " border-radius: 4px; } #message_bar QLabel { color: #1a1a1a; }"
        )
        new = text != self.text  # a new message, or shown again after closing
        self.label.setText(text)
        self.setAccessibleName(text)
        self._clear_buttons()
        for label, callback in actions:
            button = QPushButton(label, self)
            button.setObjectName("message_bar_action")
            button.clicked.connect(lambda _checked=False, cb=callback: cb())
            self._actions_layout.addWidget(button)
            self._buttons.append(button)
        self.close_button.setVisible(closable)
        self.show()
        if new:
            announce(self, text)  # screen readers hear each new banner once

    @property
    def text(self) -> str:
        """The message currently shown ("" when hidden)."""
        return self.label.text() if not self.isHidden() else ""

    @property
    def buttons(self) -> list[QPushButton]:
        """The action buttons currently shown."""
        return list(self._buttons)

    @Slot()
    def clear(self) -> None:
        """Hide the banner and drop its actions."""
        was_shown = not self.isHidden()
        self.hide()
        self.label.clear()
        self._clear_buttons()
        if was_shown:
            self.closed.emit()

    def _clear_buttons(self) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons.clear()
