"""Table model of the "Entwürfe" page: masked, metadata only (no decryption needed)."""

from __future__ import annotations

import time
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.store import DraftInfo, LocalStore

__all__ = ["DraftRole", "DraftsModel", "age_label", "kind_label"]

_Index = QModelIndex | QPersistentModelIndex


class DraftRole(IntEnum):
    """Custom roles."""

    DRAFT_ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    INFO = Qt.ItemDataRole.UserRole + 3


def kind_label(kind: str) -> str:
    """German name of a referral kind."""
    if kind == "quick":
        return QCoreApplication.translate("DraftsModel", "Schnellvermittlung")
    if kind == "complete":
        return QCoreApplication.translate("DraftsModel", "Komplettvermittlung")
    return kind


def age_label(seconds: float) -> str:
    """Rough German age: "gerade eben", "vor 5 Min.", "vor 3 Std.", "vor 2 Tagen"."""
    tr = QCoreApplication.translate
    if seconds < 60:
        return tr("DraftsModel", "gerade eben")
    if seconds < 3600:
        return tr("DraftsModel", "vor %n Min.", "", int(seconds // 60))
    if seconds < 86400:
        return tr("DraftsModel", "vor %n Std.", "", int(seconds // 3600))
    return tr("DraftsModel", "vor %n Tag(en)", "", int(seconds // 86400))


class DraftsModel(QAbstractTableModel):
    """Drafts of the local store: Kunde (initial), Art, Kennzeichen (masked), Alter, Löschung."""

    COLUMNS = ("customer", "kind", "plate", "age", "retention")

    def __init__(self, store: LocalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[DraftInfo] = []
        self._now = time.time()
        self.refresh()

    def refresh(self) -> None:
        """Reload the list from the store (cheap: clear metadata columns only)."""
        self.beginResetModel()
        self._rows = self._store.list_drafts()
        self._now = time.time()
        self.endResetModel()

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
            self.tr("Kunde"),
            self.tr("Art"),
            self.tr("Kennzeichen"),
            self.tr("Zuletzt geändert"),
            self.tr("Automatische Löschung"),
        )
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == DraftRole.DRAFT_ID:
            return info.draft_id
        if role == DraftRole.KIND:
            return info.kind
        if role == DraftRole.INFO:
            return info
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(info, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return self.tr("Entwürfe werden aus Datenschutzgründen automatisch gelöscht.")
        return None

    def _display(self, info: DraftInfo, column: int) -> str | None:
        if column == 0:
            return info.surname_initial or self.tr("(ohne Namen)")
        if column == 1:
            return kind_label(info.kind)
        if column == 2:
            return info.plate_masked
        if column == 3:
            return age_label(max(0.0, self._now - info.updated_at))
        if column == 4:
            if info.remaining_days <= 0:
                return self.tr("heute")
            return self.tr("in %n Tag(en)", "", info.remaining_days)
        return None
