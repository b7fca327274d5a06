"""Messages of one Postkorb ticket, including replies still waiting in the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.sync.postbox_store import MessageRow, PendingMessage, format_time

__all__ = [
    "AUTHOR_ROLE",
    "FROM_STAFF_ROLE",
    "ID_ROLE",
    "PENDING_ROLE",
    "TIME_ROLE",
    "MessageListModel",
    "PendingMessage",
]

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
AUTHOR_ROLE = int(Qt.ItemDataRole.UserRole) + 2
TIME_ROLE = int(Qt.ItemDataRole.UserRole) + 3
FROM_STAFF_ROLE = int(Qt.ItemDataRole.UserRole) + 4
PENDING_ROLE = int(Qt.ItemDataRole.UserRole) + 5

AnyIndex = QModelIndex | QPersistentModelIndex
AUTHOR_SHOWN = 80


def _names_the_team(name: str, label: str) -> bool:
    """True if a staff author's name already says "Kundenservice" (German or translated)."""
    start = name.strip().casefold()
    return any(start.startswith(word.casefold()) for word in {"Kundenservice", label})


def _tr(text: str) -> str:
    return QCoreApplication.translate("Postkorb", text)


class MessageListModel(QAbstractListModel):
    """One conversation: synced messages (oldest first), then pending replies."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._messages: list[MessageRow] = []
        self._pending: list[PendingMessage] = []

    def set_messages(
        self, messages: Sequence[MessageRow], pending: Sequence[PendingMessage] = ()
    ) -> None:
        """Replace the conversation."""
        self.beginResetModel()
        self._messages = list(messages)
        self._pending = list(pending)
        self.endResetModel()

    def last_message_id(self) -> str | None:
        """Id of the newest synced message."""
        return self._messages[-1].id if self._messages else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Messages plus pending replies."""
        return 0 if parent.isValid() else len(self._messages) + len(self._pending)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Body as DisplayRole (plain text), metadata in custom roles."""
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        i = index.row()
        if i >= len(self._messages):
            return self._pending_data(self._pending[i - len(self._messages)], role)
        msg = self._messages[i]
        if role == Qt.ItemDataRole.DisplayRole:
            return msg.body
        if role == ID_ROLE:
            return msg.id
        if role == AUTHOR_ROLE:
            return self.author_label(msg)
        if role == TIME_ROLE:
            return format_time(msg.created_at)
        if role == FROM_STAFF_ROLE:
            return msg.from_staff
        if role == PENDING_ROLE:
            return False
        return None

    @staticmethod
    def author_label(msg: MessageRow) -> str:
        """Who wrote it, in German."""
        if msg.from_staff:
            # The name comes from the server: cut, and isolated (FSI…PDI) so bidi controls in
            # it cannot reorder the rest of the line.
            name = msg.author[:AUTHOR_SHOWN]
            label = _tr("Kundenservice")
            if not name:
                return label
            if _names_the_team(name, label):  # "Kundenservice (Demo)": not "… (Kundenservice …)"
                return f"\u2068{name}\u2069"
            return f"{label} (\u2068{name}\u2069)"
        return _tr("Sie")

    @staticmethod
    def _pending_data(msg: PendingMessage, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return msg.body
        if role == ID_ROLE:
            return msg.item_id
        if role == AUTHOR_ROLE:
            return _tr("Sie")
        if role == TIME_ROLE:
            return _tr("Nicht zustellbar") if msg.dead else _tr("Wartet auf Versand")
        if role == FROM_STAFF_ROLE:
            return False
        if role == PENDING_ROLE:
            return True
        return None
