""" "Entwürfe" page: the agent's unsent drafts (masked), open or delete them."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal, Slot
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
from desktop.store import LocalStore
from desktop.views.main_window import MainWindow
from desktop.widgets.message_bar import MessageBar
from desktop.workers.autosave import DraftAutosaver
from desktop.workers.retention import RetentionTimer

__all__ = ["DraftsPage", "memory_only_text", "recovery_text"]

log = logging.getLogger(__name__)


def memory_only_text() -> str:
    """German banner text for a store without keychain (``LocalStore.memory_only``)."""
    return QCoreApplication.translate(
        "DraftsPage",
        "Kein Schlüsselbund verfügbar: Entwürfe und Postausgang werden nur im Arbeitsspeicher "
        "gehalten und gehen beim Beenden der App verloren. Es wird nichts unverschlüsselt "
        "gespeichert.",
    )


def recovery_text(count: int) -> str:
    """German banner text after a crash (``LocalStore.recovered_drafts()``)."""
    return QCoreApplication.translate(
        "DraftsPage",
        "Die App wurde zuletzt nicht regulär beendet. Ihre Eingaben sind gesichert "
        "(%n Entwurf/Entwürfe).",
        "",
        count,
    )


def _banner(
    parent: QWidget,
    text: str,
    object_name: str,
    action: tuple[str, Callable[[], object]] | None = None,
) -> MessageBar:
    """A warning banner with an optional action button."""
    bar = MessageBar(parent)
    bar.setObjectName(object_name)
    bar.show_message(text, kind="warning", actions=[action] if action else [])
    return bar


class DraftsPage(QWidget):
    """List of drafts with "Öffnen" and "Löschen".

    Args:
        store: The local store holding the drafts.
        retention: The draft purge (the list refreshes after a purge).
        autosaver: An autosaver whose saves refresh the list and whose pending save of a
            deleted draft is dropped.

    Signals:
        open_draft(str draft_id, str kind): the wizard should load this draft.
    """

    open_draft = Signal(str, str)

    def __init__(
        self,
        store: LocalStore,
        retention: RetentionTimer | None = None,
        autosaver: DraftAutosaver | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_page")
        self._store = store
        self._autosaver = autosaver
        self.model = DraftsModel(self._store, self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Entwürfe"), self)
        title.setObjectName("drafts_title")
        title.setProperty("heading", True)
        layout.addWidget(title)
        self._build_banners(layout)
        self._retention = QLabel(self)
        self._retention.setObjectName("retention_hint")
        self._retention.setWordWrap(True)
        layout.addWidget(self._retention)
        self._build_table(layout)
        self._build_buttons(layout)
        self._empty = QLabel(self.tr("Keine Entwürfe vorhanden."), self)
        self._empty.setObjectName("drafts_empty")
        layout.addWidget(self._empty)

        self.setTabOrder(self.table, self.open_button)
        self.setTabOrder(self.open_button, self.delete_button)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        if autosaver is not None:
            autosaver.saved.connect(self.refresh)
        if retention is not None:
            retention.purged.connect(self.refresh)
        self.refresh()

    def _build_banners(self, layout: QVBoxLayout) -> None:
        # Without keychain the window's banner says so app-wide; this page shows the same note
        # only while that banner does not (it may be closed or replaced): once, never twice.
        self.memory_banner: MessageBar | None = None
        if self._store.memory_only:
            self.memory_banner = _banner(self, memory_only_text(), "memory_only_banner")
            layout.addWidget(self.memory_banner)
            self.memory_banner.closed.connect(self._on_memory_banner_closed)
        self._window_bar: MessageBar | None = None
        self.recovery_banner: MessageBar | None = None
        recovered = self._store.recovered_drafts()
        if recovered:
            self._recovered = recovered[0]  # newest change first
            self.recovery_banner = _banner(
                self,
                recovery_text(len(recovered)),
                "recovery_banner",
                (self.tr("Letzten Entwurf wiederherstellen"), self.restore_recovered),
            )
            self.recovery_banner.closed.connect(self._store.dismiss_recovery)
            layout.addWidget(self.recovery_banner)
            QTimer.singleShot(0, self._bring_to_front)

    def _build_table(self, layout: QVBoxLayout) -> None:
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

    def _build_buttons(self, layout: QVBoxLayout) -> None:
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

    @Slot()
    def _on_memory_banner_closed(self) -> None:
        self.memory_banner = None  # the agent closed it: it has said its piece

    @Slot()
    def _sync_memory_banner(self) -> None:
        """Show the no-keychain note here unless the window's banner shows it already."""
        if self.memory_banner is None:
            return
        window = self.window()
        bar = window.message_bar if isinstance(window, MainWindow) else None
        if bar is not None and bar is not self._window_bar:
            self._window_bar = bar
            bar.closed.connect(self._sync_memory_banner)  # closed there: say it here
        duplicate = bar is not None and bar.text == memory_only_text()
        self.memory_banner.setVisible(not duplicate)

    @Slot()
    def restore_recovered(self) -> None:
        """Open the newest draft of the crashed run in its wizard."""
        self._store.dismiss_recovery()
        if self.recovery_banner is not None:
            self.recovery_banner.hide()
        info = self._recovered
        if self._store.draft_kind(info.draft_id) is not None:
            self.open_draft.emit(info.draft_id, info.kind)

    def _bring_to_front(self) -> None:
        """After a crash, show this page (the window may offer ``show_page``)."""
        window = self.window()
        if isinstance(window, MainWindow):
            window.show_page("drafts")

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
        self._sync_memory_banner()
        self.refresh()
        if self.model.rowCount() and self.selected_draft_id() is None:
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
