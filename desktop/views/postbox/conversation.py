"""Read-only conversation view: renders a :class:`MessageListModel` as PLAIN text.

Server text is never interpreted: the view is a ``QPlainTextEdit`` (no HTML at all). Very long
unbroken lines are split into display segments of :data:`SEGMENT` characters, because Qt's
word-wrap layout of a megabyte-long line takes tens of seconds; the characters themselves are
shown unchanged. Each message is its own paragraph, so bidi controls (RTL marks/overrides) in
one message cannot reorder the next one.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.models.postbox_messages import (
    AUTHOR_ROLE,
    PENDING_ROLE,
    TIME_ROLE,
    MessageListModel,
)

__all__ = ["MAX_SHOWN", "SEGMENT", "ConversationView", "display_text"]

SEGMENT = 2000
MAX_SHOWN = 1000
"""Newest messages rendered (laying out 10,000 messages takes ~0.4 s on the GUI thread; a
real ticket has a few dozen)."""


def display_text(body: str, segment: int = SEGMENT) -> str:
    """``body`` with lines longer than ``segment`` split for display (content unchanged)."""
    if len(body) <= segment:
        return body
    out: list[str] = []
    for line in body.split("\n"):
        if len(line) <= segment:
            out.append(line)
        else:
            out.extend(line[i : i + segment] for i in range(0, len(line), segment))
    return "\n".join(out)


class ConversationView(QPlainTextEdit):
    """Shows one conversation; re-renders when its model changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversation")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(self.tr("Nachrichtenverlauf"))
        self.setAccessibleDescription(
            self.tr("Alle Nachrichten der gewählten Anfrage, nur zum Lesen.")
        )
        self._model: MessageListModel | None = None
        self._rendered = ""

    def set_model(self, model: MessageListModel) -> None:
        """Follow ``model`` (reset/insert/remove/change → re-render)."""
        self._model = model
        model.modelReset.connect(self.refresh)
        model.rowsInserted.connect(self.refresh)
        model.rowsRemoved.connect(self.refresh)
        model.dataChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the text from the model.

        The same text again (a sync every minute reloads the open conversation) leaves the
        view alone: scroll position and selection stay. New text keeps the reader's place,
        unless they were at the end (then the newest message is shown).
        """
        text = self._render()
        if text == self._rendered:
            return
        bar = self.verticalScrollBar()
        at_end = not self._rendered or bar.value() >= bar.maximum() - 2
        keep = bar.value()
        self.setPlainText(text)
        self._rendered = text
        bar.setValue(bar.maximum() if at_end else keep)

    def _render(self) -> str:
        model = self._model
        if model is None or model.rowCount() == 0:
            return ""
        parts: list[str] = []
        count = model.rowCount()
        first = max(0, count - MAX_SHOWN)
        if first:
            parts.append(
                self.tr("{n} ältere Nachrichten werden hier nicht angezeigt.").format(n=first)
                + "\n"
            )
        for row in range(first, count):
            index = model.index(row, 0, QModelIndex())
            author = str(model.data(index, AUTHOR_ROLE) or "")
            when = str(model.data(index, TIME_ROLE) or "")
            pending = bool(model.data(index, PENDING_ROLE))
            header = f"{author} · {when}" + (" ⏳" if pending else "")
            body = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            parts.append(f"{header}\n{display_text(body)}\n")
        return "\n".join(parts)
