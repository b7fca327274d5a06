""" "Meine Vermittlungen": the broker's referrals from ``GET /referrals`` (cursor sync).

The rows live in memory only (data minimisation: the server is the system of record). A
sync (:func:`fetch_changes`, run on the "sync" pool) pages through the changes since the last
cursor; an expired cursor (410) restarts from scratch. :meth:`ReferralsModel.apply` upserts the
result with row inserts and ``dataChanged`` — no full reset except for a full resync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.api import CursorExpired
from desktop.models.drafts_model import kind_label

if TYPE_CHECKING:
    from desktop.api import ExtranetClient

__all__ = [
    "STATUSES",
    "ReferralRole",
    "ReferralsFilterModel",
    "ReferralsModel",
    "SyncResult",
    "fetch_changes",
    "status_label",
]

_Index = QModelIndex | QPersistentModelIndex

STATUSES = {
    "received": QT_TRANSLATE_NOOP("ReferralsModel", "Eingegangen"),
    "customer_contacted": QT_TRANSLATE_NOOP("ReferralsModel", "Kunde kontaktiert"),
    "appointment_set": QT_TRANSLATE_NOOP("ReferralsModel", "Termin vereinbart"),
    "done": QT_TRANSLATE_NOOP("ReferralsModel", "Erledigt"),
    "cancelled": QT_TRANSLATE_NOOP("ReferralsModel", "Storniert"),
}


def status_label(status: str) -> str:
    """German label of a referral status."""
    source = STATUSES.get(status)
    return QCoreApplication.translate("ReferralsModel", str(source)) if source else status


@dataclass(frozen=True, slots=True)
class SyncResult:
    """Outcome of :func:`fetch_changes`."""

    items: list[dict[str, Any]]
    cursor: str | None
    full: bool


def fetch_changes(
    client: ExtranetClient, cursor: str | None, *, page_size: int = 100
) -> SyncResult:
    """Fetch every referral changed since ``cursor`` (blocking; run it on the sync pool)."""
    full = cursor is None
    items: list[dict[str, Any]] = []
    while True:
        try:
            page = client.list_referrals(since=cursor, limit=page_size)
        except CursorExpired:
            if full:
                raise
            cursor, full, items = None, True, []
            continue
        items.extend(page.items)
        cursor = page.next_cursor or cursor
        if not page.has_more:
            return SyncResult(items, cursor, full)


class ReferralRole(IntEnum):
    """Custom roles."""

    REFERRAL_ID = Qt.ItemDataRole.UserRole + 1
    STATUS = Qt.ItemDataRole.UserRole + 2
    SORT = Qt.ItemDataRole.UserRole + 3


class ReferralsModel(QAbstractTableModel):
    """Columns: Nr., Eingegangen, Art, Kunde, Kennzeichen, Status."""

    COLUMNS = ("number", "created_at", "kind", "nachname", "kennzeichen", "status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}
        self.cursor: str | None = None

    def apply(self, result: SyncResult) -> None:
        """Merge a sync result (full resync → reset; otherwise upsert row by row)."""
        if result.full:
            self.beginResetModel()
            self._rows = [dict(item) for item in result.items]
            self._index = {str(r.get("id")): i for i, r in enumerate(self._rows)}
            self.endResetModel()
        else:
            self._upsert(result.items)
        self.cursor = result.cursor

    def _upsert(self, items: list[dict[str, Any]]) -> None:
        new: list[dict[str, Any]] = []
        for item in items:
            row = self._index.get(str(item.get("id")))
            if row is None:
                new.append(dict(item))
                continue
            self._rows[row] = dict(item)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for offset, item in enumerate(new):
                self._rows.append(item)
                self._index[str(item.get("id"))] = first + offset
            self.endInsertRows()

    def item(self, row: int) -> dict[str, Any]:
        """The referral at source ``row`` as the server sent it (a copy; {} if none)."""
        return dict(self._rows[row]) if 0 <= row < len(self._rows) else {}

    def clear(self) -> None:
        """Forget everything (logout, wipe)."""
        self.beginResetModel()
        self._rows, self._index, self.cursor = [], {}, None
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
            self.tr("Nr."),
            self.tr("Eingegangen"),
            self.tr("Art"),
            self.tr("Kunde"),
            self.tr("Kennzeichen"),
            self.tr("Status"),
        )
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == ReferralRole.REFERRAL_ID:
            return item.get("id")
        if role == ReferralRole.STATUS:
            return item.get("status")
        if role == ReferralRole.SORT:
            value = item.get(key)
            return "" if value is None else str(value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(item, key)
        return None

    def _display(self, item: dict[str, Any], key: str) -> str:
        value = item.get(key)
        if key == "status":
            return status_label(str(value or ""))
        if key == "kind":
            return kind_label(str(value or ""))
        if key == "created_at" and isinstance(value, str):
            try:
                stamp = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone()
            except ValueError:
                return value
            return stamp.strftime("%d.%m.%Y %H:%M")
        return "" if value is None else str(value)


class ReferralsFilterModel(QSortFilterProxyModel):
    """Free-text search over all columns plus an optional status filter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: str | None = None
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(ReferralRole.SORT)

    def set_status(self, status: str | None) -> None:
        """Show only referrals with ``status`` (``None`` = all)."""
        self.beginFilterChange()
        self._status = status or None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if self._status is not None:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(ReferralRole.STATUS) != self._status:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
