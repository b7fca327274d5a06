"""GOV.UK-style error summary: "Es gibt ein Problem" with one link per field.

It takes keyboard focus when shown; activating a link emits ``field_activated(name)`` so the
page can focus that field. Entries use the same wording as the inline messages.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def announce(widget: QWidget, text: str) -> None:
    """Let screen readers announce ``text`` (QAccessibleAnnouncementEvent, Qt >= 6.8)."""
    try:
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
    except ImportError:  # pragma: no cover - older Qt
        return
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class ErrorSummary(QFrame):
    """Box at the top of a form listing the blocking problems.

    Signals:
        field_activated(str): a link was chosen; the argument is the field name.
    """

    field_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_summary")
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet("#error_summary { border: 3px solid #b00020; padding: 6px; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Es gibt ein Problem"))
        self._title = QLabel(self.tr("<b>Es gibt ein Problem</b>"), self)
        self._list = QLabel(self)
        self._list.setObjectName("error_summary_list")
        self._list.setTextFormat(Qt.TextFormat.RichText)
        self._list.setWordWrap(True)
        self._list.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self._list.linkActivated.connect(self._on_link)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._list)
        self._entries: list[tuple[str, str]] = []
        self.hide()

    @property
    def entries(self) -> list[tuple[str, str]]:
        """(field, message) pairs currently listed."""
        return list(self._entries)

    def show_errors(self, entries: list[tuple[str, str]]) -> None:
        """List ``(field, message)`` entries, show the box and move focus to it."""
        self.update_entries(entries)
        if not entries:
            return
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, self.tr("Es gibt ein Problem: %n Angabe(n) prüfen", "", len(entries)))

    def update_entries(self, entries: list[tuple[str, str]]) -> None:
        """After the agent fixed something: list what is left (hidden when nothing is), focus
        stays where the agent is typing."""
        if not entries:
            self.clear()
            return
        self._entries = list(entries)
        self._list.setText(
            "<ul>"
            + "".join(
                f'<li><a href="{html.escape(name)}">{html.escape(text)}</a></li>'
                for name, text in entries
            )
            + "</ul>"
        )
        self.setAccessibleDescription(" ".join(text for _, text in entries))

    def clear(self) -> None:
        """Hide the summary."""
        self._entries = []
        self._list.clear()
        self.hide()

    @Slot(str)
    def _on_link(self, name: str) -> None:
        self.field_activated.emit(name)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Enter on the focused summary jumps to the first field."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._entries:
            self.field_activated.emit(self._entries[0][0])
            return
        super().keyPressEvent(event)
