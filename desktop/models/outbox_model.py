"""Table model of the "Postausgang": waiting items and dead letters with the server's reason."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.models.problem_texts import problem_sentence
from desktop.store.scope import EMBEDDED_SERVER
from desktop.sync.outbox import Outbox, OutboxItem

__all__ = ["OutboxModel", "OutboxRole", "reason_text", "server_text"]

_Index = QModelIndex | QPersistentModelIndex


_REASONS = {
    "validation-failed": QT_TRANSLATE_NOOP("OutboxModel", "Angaben fehlen oder sind ungültig"),
    "repair-consent-required": QT_TRANSLATE_NOOP(
        "OutboxModel", "Einverständnis zur Reparatur fehlt"
    ),
    "consent-required": QT_TRANSLATE_NOOP(
        "OutboxModel", "Einwilligung für freiwillige Angaben fehlt"
    ),
    "privacy-violation": QT_TRANSLATE_NOOP(
        "OutboxModel", "Freitext vom Server aus Datenschutzgründen abgelehnt"
    ),
    "idempotency-key-reused": QT_TRANSLATE_NOOP(
        "OutboxModel", "Sendung wurde zwischenzeitlich verändert"
    ),
    "image-too-large": QT_TRANSLATE_NOOP("OutboxModel", "Foto ist zu groß"),
    "image-too-many-pixels": QT_TRANSLATE_NOOP("OutboxModel", "Foto hat zu viele Bildpunkte"),
    "payload-too-large": QT_TRANSLATE_NOOP("OutboxModel", "Sendung ist zu groß"),
    "unsupported-media-type": QT_TRANSLATE_NOOP("OutboxModel", "Fotoformat wird nicht unterstützt"),
    "image-metadata": QT_TRANSLATE_NOOP("OutboxModel", "Foto enthält noch Metadaten"),
    "image-invalid": QT_TRANSLATE_NOOP("OutboxModel", "Foto ist beschädigt"),
    "photo-not-reviewed": QT_TRANSLATE_NOOP(
        "OutboxModel", "Foto ohne Entscheidung zu markierten Personen gesendet"
    ),
    "photo-shows-person": QT_TRANSLATE_NOOP(
        "OutboxModel", "Server erkennt eine Person oder ein Gesicht auf dem Foto"
    ),
    "not-found": QT_TRANSLATE_NOOP("OutboxModel", "Vorgang auf dem Server nicht gefunden"),
    "forbidden": QT_TRANSLATE_NOOP("OutboxModel", "Keine Berechtigung"),
    "unavailable": QT_TRANSLATE_NOOP("OutboxModel", "Server vorübergehend nicht erreichbar"),
    "network": QT_TRANSLATE_NOOP("OutboxModel", "Keine Verbindung"),
    "not-authenticated": QT_TRANSLATE_NOOP("OutboxModel", "Anmeldung abgelaufen"),
}


def reason_text(code: str | None) -> str:
    """German reason for an error code: a short one for the table, else the app's sentence.

    The server's detail text is never shown (it may be English or name a field technically).
    """
    if not code:
        return ""
    base = _REASONS.get(code)
    return QCoreApplication.translate("OutboxModel", str(base)) if base else problem_sentence(code)


def server_text(server: str) -> str:
    """The server an item waits for, in the app's words (the demo server by name)."""
    if server == EMBEDDED_SERVER:
        return QCoreApplication.translate("OutboxModel", "Demo-Server (eingebaut)")
    return server


class OutboxRole(IntEnum):
    """Custom roles."""

    ITEM_ID = Qt.ItemDataRole.UserRole + 1
    ITEM = Qt.ItemDataRole.UserRole + 2
    STATE = Qt.ItemDataRole.UserRole + 3


class OutboxModel(QAbstractTableModel):
    """Outbox rows in send order: Art, Vorgang (masked), Status, Versuche, Grund, Wartet auf
    (the server the item belongs to: only its own server ever receives it)."""

    COLUMNS = ("kind", "summary", "state", "attempts", "reason", "server")

    def __init__(self, outbox: Outbox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._rows: list[OutboxItem] = []
        self.refresh()

    def refresh(self) -> None:
        """Reload from the outbox (photos are folded into their referral's row)."""
        self.beginResetModel()
        items = self._outbox.items()
        waiting_parents = {i.item_id for i in items if i.kind == "referral"}
        self._rows = [
            i
            for i in items
            if not (i.kind == "image" and i.parent_id in waiting_parents and i.state != "dead")
        ]
        self.endResetModel()

    def item_at(self, row: int) -> OutboxItem | None:
        """The item shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def dead_count(self) -> int:
        """Rows that need the user's attention."""
        return sum(1 for i in self._rows if i.state == "dead")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = (
            self.tr("Art"),
            self.tr("Vorgang"),
            self.tr("Status"),
            self.tr("Versuche"),
            self.tr("Grund"),
            self.tr("Wartet auf"),
        )
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == OutboxRole.ITEM_ID:
            return item.item_id
        if role == OutboxRole.ITEM:
            return item
        if role == OutboxRole.STATE:
            return item.state
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(item, index.column())
        return None

    def _display(self, item: OutboxItem, column: int) -> str | None:
        if column == 0:
            return {
                "referral": self.tr("Vermittlung"),
                "image": self.tr("Schadenbild"),
                "message": self.tr("Postkorb-Nachricht"),
                "ticket": self.tr("Postkorb-Anfrage"),
            }.get(item.kind, item.kind)
        if column == 1:
            return item.summary
        if column == 2:
            return {
                "pending": self.tr("Wartet auf Versand"),
                "dead": self.tr("Fehlgeschlagen"),
                "sent": self.tr("Gesendet"),
            }.get(item.state, item.state)
        if column == 3:
            return str(item.attempts)
        if column == 4:
            return reason_text(item.error_code)
        if column == 5:
            return server_text(item.server)
        return None
