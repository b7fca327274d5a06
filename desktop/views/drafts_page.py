""" "Entwürfe" page: the agent's unsent drafts (masked), open or delete them."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.drafts_model import DraftRole, DraftsModel

__all__ = ["DraftsPage"]

log = logging.getLogger(__name__)


def _banner(parent: QWidget, text: str, object_name: str) -> QWidget:
    """E's MessageBar if available, else a plain word-wrapped label."""
    try:
        from desktop.widgets.message_bar import MessageBar
    except ImportError:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        label.setObjectName(object_name)
        label.setAccessibleName(text)
        return label
    bar = MessageBar(parent)
    bar.setObjectName(object_name)
    bar.show_message(text, kind="warning")
    return bar


class DraftsPage(QWidget):
    """List of drafts with "Öffnen" and "Löschen".

    Args:
        services: App services (uses ``store``, optionally ``autosaver`` and ``retention``).

    Signals:
        open_draft(str draft_id, str kind): the wizard should load this draft.
    """

    open_draft = Signal(str, str)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_page")
        self._store = services.store
        self._autosaver = getattr(services, "autosaver", None)
        self.model = DraftsModel(self._store, self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Entwürfe"), self)
        title.setObjectName("drafts_title")
        title.setProperty("heading", True)
        layout.addWidget(title)
        if self._store.memory_only:
            layout.addWidget(
                _banner(
                    self,
                    self.tr(
                        "Kein Schlüsselbund verfügbar: Entwürfe werden nur im Arbeitsspeicher "
                        "gehalten und gehen beim Beenden der App verloren."
                    ),
                    "memory_only_banner",
                )
            )
        self._retention = QLabel(self)
        self._retention.setObjectName("retention_hint")
        self._retention.setWordWrap(True)
        layout.addWidget(self._retention)

        self.table = QTableView(self)
        self.table.setObjectName("drafts_table")
        self.table.setAccessibleName(self.tr("Entwürfe"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._open_index)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Ö&ffnen"), self)
        self.open_button.setObjectName("open_draft_button")
        self.open_button.setAccessibleName(self.tr("Entwurf öffnen"))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(self.tr("&Löschen"), self)
        self.delete_button.setObjectName("delete_draft_button")
        self.delete_button.setAccessibleName(self.tr("Entwurf löschen"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._empty = QLabel(self.tr("Keine Entwürfe vorhanden."), self)
        self._empty.setObjectName("drafts_empty")
        layout.addWidget(self._empty)

        self.setTabOrder(self.table, self.open_button)
        self.setTabOrder(self.open_button, self.delete_button)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        for name in ("autosaver", "retention"):
            source = getattr(services, name, None)
            signal = getattr(source, "saved", None) or getattr(source, "purged", None)
            if signal is not None:
                signal.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self, *_args: object) -> None:
        """Reload the list (cheap: clear metadata only)."""
        selected = self.selected_draft_id()
        self.model.refresh()
        days = self._store.retention_days
        self._retention.setText(
            self.tr(
                "Entwürfe werden aus Datenschutzgründen %n Tag(e) nach der letzten Änderung "
                "automatisch gelöscht.",
                "",
                days,
            )
        )
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(DraftRole.DRAFT_ID) == selected:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_draft_id(self) -> str | None:
        """Id of the selected draft, if any."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(DraftRole.DRAFT_ID) if rows else None

    @Slot()
    def open_selected(self) -> None:
        """Emit :attr:`open_draft` for the selected draft."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        draft_id = index.siblingAtColumn(0).data(DraftRole.DRAFT_ID)
        kind = index.siblingAtColumn(0).data(DraftRole.KIND)
        if draft_id:
            self.open_draft.emit(draft_id, kind)

    @Slot()
    def delete_selected(self) -> None:
        """Delete the selected draft (and its photos)."""
        draft_id = self.selected_draft_id()
        if draft_id is None:
            return
        if self._autosaver is not None:
            self._autosaver.discard(draft_id)
        self._store.delete_draft(draft_id)
        log.info("draft deleted by the user")
        self.refresh()

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        has_selection = self.selected_draft_id() is not None
        self.open_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)
        self._empty.setVisible(self.model.rowCount() == 0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Refresh whenever the page becomes visible (ages and retention move on)."""
        super().showEvent(event)
        self.refresh()
        if self.model.rowCount() and self.selected_draft_id() is None:
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
