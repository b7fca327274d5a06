"""Ticket list of the Postkorb: table model, filter/search proxy and unread-badge delegate.

Server text is only ever returned through ``DisplayRole`` (item views draw it as plain text);
no tooltip carries server text, because Qt would interpret tooltip strings as rich text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.sync.postbox_store import TicketRow, format_date, format_time

__all__ = [
    "COL_REFERRAL",
    "ID_ROLE",
    "SORT_ROLE",
    "UNREAD_ROLE",
    "TicketFilterProxy",
    "TicketTableModel",
    "UnreadBadgeDelegate",
    "format_date",
    "format_time",
    "shown_text",
]

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
UNREAD_ROLE = int(Qt.ItemDataRole.UserRole) + 2
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 3
STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 4

COL_SUBJECT, COL_STATUS, COL_UPDATED, COL_UNREAD, COL_REFERRAL = range(5)
_HEADERS = ("Betreff", "Status", "Aktualisiert", "Ungelesen", "Vermittlung")

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("Postkorb", text)


SMALL_CHANGE = 50  # tickets added+removed that are applied row by row instead of a reset
SUBJECT_SHOWN = 300  # characters of a subject shown (the server allows 200)


def shown_text(text: str, limit: int = SUBJECT_SHOWN) -> str:
    """``text`` cut to ``limit`` characters for display (a hostile server may send megabytes;
    laying them out in a label or table cell would freeze the UI)."""
    return text if len(text) <= limit else text[:limit] + "…"


def status_label(status: str) -> str:
    """German label of a ticket status."""
    if status == "open":
        return _tr("Offen")
    if status == "closed":
        return _tr("Geschlossen")
    return status


def _sort_key(column: int) -> Callable[[TicketRow], Any]:
    if column == COL_SUBJECT:
        return lambda r: (r.subject.casefold(), r.id)
    if column == COL_STATUS:
        return lambda r: (r.status, r.updated_at, r.id)
    if column == COL_UNREAD:
        return lambda r: (r.unread_count, r.updated_at, r.id)
    return lambda r: (r.updated_at, r.id)


class TicketTableModel(QAbstractTableModel):
    """Tickets as rows: Betreff, Status, Aktualisiert, Ungelesen, Vermittlung.

    The model sorts itself (Python's sort with one key per row): letting
    ``QSortFilterProxyModel`` sort 10,000 rows calls :meth:`data` ~200,000 times on the GUI
    thread (over a second). :class:`TicketFilterProxy` forwards ``sort`` here.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TicketRow] = []
        self._ids: dict[str, int] = {}
        self._times: dict[str, str] = {}  # updated_at → shown text, filled lazily
        self._sort = (COL_UPDATED, Qt.SortOrder.DescendingOrder)
        self._referrals: dict[str, str] = {}  # referral id → "Nummer · Kennzeichen · Datum"
        self.version = 0  # bumped whenever rows or their order change (filter caches)

    # ------------------------------------------------------------------ data
    def set_tickets(self, rows: Sequence[TicketRow]) -> None:
        """Replace the content, in the current sort order.

        Same ids in the same order → only ``dataChanged``; up to :data:`SMALL_CHANGE` tickets
        added/removed or a new order → row removals/insertions and a layout change (persistent
        indexes, i.e. selection, follow their ticket); anything bigger → one model reset.
        """
        rows = self._sorted(rows)
        self.version += 1
        new_ids = [r.id for r in rows]
        if rows and new_ids == [r.id for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(_HEADERS) - 1))
            return
        if self._small_change(new_ids):
            # A few tickets came, went or moved (a reply moves one to the top): removing,
            # inserting and re-laying out keeps selection and scroll position, where a reset
            # would make the list jump.
            self._remove_missing(set(new_ids))
            self._append_new(rows)
            self._relayout(lambda: rows)
            return
        self.beginResetModel()
        self._rows = rows
        self._ids = {r.id: i for i, r in enumerate(rows)}
        if len(self._times) > 4 * len(rows) + 1000:
            self._times.clear()
        self.endResetModel()

    def _small_change(self, new_ids: list[str]) -> bool:
        if not self._rows or not new_ids:
            return False
        changed = len(set(new_ids).symmetric_difference(self._ids.keys()))
        return changed <= SMALL_CHANGE  # more (a resync, a user switch): one reset is cheaper

    def _remove_missing(self, keep: set[str]) -> None:
        for i in reversed(range(len(self._rows))):
            if self._rows[i].id not in keep:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.version += 1
                self.endRemoveRows()
        self._ids = {r.id: i for i, r in enumerate(self._rows)}

    def _append_new(self, rows: Sequence[TicketRow]) -> None:
        added = [r for r in rows if r.id not in self._ids]
        if not added:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
        self._rows.extend(added)
        self._ids = {r.id: i for i, r in enumerate(self._rows)}
        self.version += 1
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (keeps persistent indexes, e.g. the selection)."""

        def resorted() -> list[TicketRow]:
            self._sort = (column, order)
            return self._sorted(self._rows)

        self._relayout(resorted)

    def _relayout(self, new_rows: Callable[[], list[TicketRow]]) -> None:
        """Replace the rows by the same tickets in another order; persistent indexes follow
        their ticket."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id if 0 <= i.row() < len(self._rows) else "" for i in old]
        self._rows = new_rows()
        self.version += 1
        self._ids = {r.id: i for i, r in enumerate(self._rows)}
        new = [
            self.index(self._ids[tid], i.column()) if tid in self._ids else QModelIndex()
            for tid, i in zip(old_ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """Current sort column and order."""
        return self._sort

    def _sorted(self, rows: Sequence[TicketRow]) -> list[TicketRow]:
        column, order = self._sort
        key = _sort_key(column)
        if column == COL_REFERRAL:
            key = lambda r: (self.referral_label(r.referral_id), r.updated_at, r.id)  # noqa: E731
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def set_referral_labels(self, labels: dict[str, str]) -> None:
        """Labels "Nummer · Kennzeichen · Datum" of the broker's referrals by id, for the
        "Vermittlung" column."""
        self._referrals = dict(labels)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, COL_REFERRAL), self.index(last, COL_REFERRAL))

    def referral_label(self, referral_id: str | None, *, plate: bool = True) -> str:
        """The linked referral's "Nummer · Kennzeichen" (only "Nummer" without ``plate``;
        "" when none or not (yet) known)."""
        label = self._referrals.get(referral_id or "")
        if label is None:
            return ""
        if not plate:
            return label.split(" · ", 1)[0]
        return label.rsplit(" · ", 1)[0]  # without the trailing date

    def ticket(self, row: int) -> TicketRow | None:
        """The ticket at ``row`` (source row)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ticket_id: str) -> int:
        """Source row of ``ticket_id`` or -1."""
        return self._ids.get(ticket_id, -1)

    def rows(self) -> Sequence[TicketRow]:
        """All tickets in source-row order (read-only view for filters)."""
        return self._rows

    def unread_total(self) -> int:
        """Sum of per-ticket unread figures (the badge uses the server total instead)."""
        return sum(r.unread_count for r in self._rows)

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of tickets."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Five columns."""
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """German column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return _tr(_HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell values; server text only as DisplayRole (drawn as plain text)."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), row, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(index.row(), row, col)
            if col == COL_REFERRAL:
                return self.referral_label(row.referral_id)
            if col == COL_UNREAD:
                return _tr("{n} ungelesen").format(n=row.unread_count)
            return text
        if role == ID_ROLE:
            return row.id
        if role == UNREAD_ROLE:
            return row.unread_count
        if role == STATUS_ROLE:
            return row.status
        if role == SORT_ROLE:
            if col == COL_REFERRAL:
                return self.referral_label(row.referral_id, plate=False)
            return (row.subject.casefold(), row.status, row.updated_at, row.unread_count)[col]
        if role == Qt.ItemDataRole.FontRole and row.unread_count:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, i: int, row: TicketRow, col: int) -> Any:
        if col == COL_SUBJECT:
            return shown_text(row.subject)
        if col == COL_STATUS:
            return status_label(row.status)
        if col == COL_UPDATED:
            shown = self._times.get(row.updated_at)
            if shown is None:
                shown = self._times[row.updated_at] = format_time(row.updated_at)
            return shown
        if col == COL_REFERRAL:  # the number; the plate is shown with the conversation
            return self.referral_label(row.referral_id, plate=False)
        return row.unread_count or ""


class TicketFilterProxy(QSortFilterProxyModel):
    """Search in subjects and filter by state ("all", "open", "closed", "unread")."""

    STATES = ("all", "open", "closed", "unread")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._state = "all"
        # Which source rows pass, computed in one pass per (model version, filter): Qt asks
        # filterAcceptsRow once per row, and 10,000 full checks cost tens of ms per keystroke.
        self._accepted: bytearray = bytearray()
        self._accepted_for: tuple[int, int, str, str] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: Any) -> None:  # noqa: N802
        """Qt API; forgets the cached filter result."""
        self._accepted_for = None
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in :class:`TicketTableModel` (fast); the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, TicketTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_search(self, text: str) -> None:
        """Case-insensitive substring search in the subject."""
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_state(self, state: str) -> None:
        """One of :attr:`STATES`."""
        if state not in self.STATES:
            raise ValueError(state)
        self.beginFilterChange()
        self._state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        """Apply search and state filter."""
        if self._state == "all" and not self._needle:
            return True
        model = self.sourceModel()
        if not isinstance(model, TicketTableModel):
            return True
        tag = (id(model), model.version, self._state, self._needle)
        if tag != self._accepted_for:
            self._accepted = bytearray(self._accepts(t) for t in model.rows())
            self._accepted_for = tag
        return 0 <= source_row < len(self._accepted) and bool(self._accepted[source_row])

    def _accepts(self, ticket: TicketRow) -> bool:
        if self._state in ("open", "closed") and ticket.status != self._state:
            return False
        if self._state == "unread" and not ticket.unread_count:
            return False
        return not self._needle or self._needle in ticket.subject.casefold()


class UnreadBadgeDelegate(QStyledItemDelegate):
    """Draws the unread count as a round badge (plain text everywhere)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Badge for the unread column; default painting elsewhere."""
        count = index.data(UNREAD_ROLE)
        if index.column() != COL_UNREAD or not count:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text = str(count) if count < 100 else "99+"
        metrics = opt.fontMetrics
        width = max(metrics.height(), metrics.horizontalAdvance(text) + metrics.height() // 2)
        rect = QRectF(
            opt.rect.left() + 4,
            opt.rect.center().y() - metrics.height() / 2,
            width,
            metrics.height(),
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(opt.palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
