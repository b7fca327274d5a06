""" "Postausgang": what waits to be sent and what failed, with the server's reason."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.outbox_model import OutboxModel, OutboxRole, reason_text
from desktop.sync.outbox import Outbox, OutboxItem, UnknownItemError
from desktop.workers.outbox_worker import OutboxWorker

__all__ = ["OutboxPage", "OutboxStatus"]

log = logging.getLogger(__name__)


class OutboxPage(QWidget):
    """Outbox list with "Bearbeiten", "Erneut senden", "Löschen" and "Jetzt senden".

    Args:
        outbox: The persistent outbox.
        worker: Its worker (sends, reports state changes).

    "Bearbeiten" (or double-click/Enter) on a referral the server refused asks the shell to
    open it in its wizard, where it is corrected and sent again (replacing the failed item).
    While a wizard holds an item for correction (:meth:`set_held`), "Erneut senden" and
    "Löschen" are not offered for it (the old version would go out beside the corrected one);
    "Korrektur verwerfen" lets the wizard close the correction instead.

    Signals:
        edit_item(str item_id, str kind): "Bearbeiten" was chosen for a failed referral
            (``kind`` is the outbox item's kind, ``"referral"``).
        release_item(str item_id): "Korrektur verwerfen" was chosen for a held item.
    """

    edit_item = Signal(str, str)
    release_item = Signal(str)

    def __init__(
        self, outbox: Outbox, worker: OutboxWorker | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outbox_page")
        self._outbox = outbox
        self._worker = worker
        self._held: dict[str, str] = {}  # item id → title of the wizard correcting it
        self.model = OutboxModel(self._outbox, self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Postausgang"), self)
        title.setProperty("heading", True)
        layout.addWidget(title)
        self._state = QLabel(self)
        self._state.setObjectName("outbox_state")
        self._state.setWordWrap(True)
        layout.addWidget(self._state)

        self.table = QTableView(self)
        self.table.setObjectName("outbox_table")
        self.table.setAccessibleName(self.tr("Postausgang"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.reason = QLabel(self)
        self.reason.setObjectName("outbox_reason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)  # server text: never markup
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        self.held_note = QLabel(self)
        self.held_note.setObjectName("outbox_held")
        self.held_note.setTextFormat(Qt.TextFormat.PlainText)
        self.held_note.setWordWrap(True)
        self.held_note.hide()
        layout.addWidget(self.held_note)

        row = QHBoxLayout()
        self.edit_button = self._button(row, self.tr("&Bearbeiten"), "edit_outbox_item")
        self.retry_button = self._button(row, self.tr("&Erneut senden"), "retry_outbox_item")
        self.delete_button = self._button(row, self.tr("&Löschen"), "delete_outbox_item")
        self.release_button = self._button(
            row, self.tr("Korrektur &verwerfen"), "release_outbox_item"
        )
        self.release_button.hide()
        row.addStretch(1)
        self.send_now_button = self._button(row, self.tr("&Jetzt senden"), "send_now")
        layout.addLayout(row)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.activated.connect(self._on_activated)  # double-click, Enter
        self.retry_button.clicked.connect(self.retry_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.release_button.clicked.connect(self.release_selected)
        self.send_now_button.clicked.connect(self.send_now)
        self.setTabOrder(self.table, self.edit_button)
        self.setTabOrder(self.edit_button, self.retry_button)
        self.setTabOrder(self.retry_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.release_button)
        self.setTabOrder(self.release_button, self.send_now_button)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        if self._worker is not None:
            self._worker.state_changed.connect(self.refresh)
        self.refresh()

    def _button(self, row: QHBoxLayout, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        row.addWidget(button)
        return button

    def set_held(self, held: Mapping[str, str]) -> None:
        """The items a wizard holds for correction: item id → the wizard's title."""
        self._held = dict(held)
        self._update_buttons()

    def held_by(self, item: OutboxItem | None) -> str:
        """Title of the wizard correcting ``item`` ("" if none)."""
        return "" if item is None else self._held.get(item.item_id, "")

    @Slot()
    def refresh(self, *_args: object) -> None:
        """Reload the rows, keeping the selection."""
        selected = self.selected_item()
        self.model.refresh()
        if selected is not None:
            for row in range(self.model.rowCount()):
                item = self.model.item_at(row)
                if item is not None and item.item_id == selected.item_id:
                    self.table.selectRow(row)
        pending, dead = self._outbox.pending_count(), self.model.dead_count()
        if not pending and not dead:
            self._state.setText(self.tr("Der Postausgang ist leer."))
        else:
            self._state.setText(
                self.tr("%n Sendung(en) warten, ", "", pending)
                + self.tr("%n fehlgeschlagen.", "", dead)
            )
        self.send_now_button.setEnabled(pending > 0)
        self._update_buttons()

    def selected_item(self) -> OutboxItem | None:
        """The selected outbox item."""
        rows = self.table.selectionModel().selectedRows()
        item: OutboxItem | None = rows[0].data(OutboxRole.ITEM) if rows else None
        return item

    @Slot()
    def edit_selected(self) -> None:
        """ "Bearbeiten": a failed referral opens in its wizard (the shell does that)."""
        item = self.selected_item()
        if item is not None and _correctable(item):
            self.edit_item.emit(item.item_id, item.kind)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        item = index.data(OutboxRole.ITEM)
        if isinstance(item, OutboxItem) and _correctable(item):
            self.edit_item.emit(item.item_id, item.kind)

    @Slot()
    def retry_selected(self) -> None:
        """Queue a failed item again and send now."""
        item = self.selected_item()
        if item is None or item.state != "dead" or self.held_by(item):
            return
        try:
            self._outbox.retry(item.item_id)
        except UnknownItemError:
            log.info("outbox item vanished before retry")
        self.send_now()

    @Slot()
    def delete_selected(self) -> None:
        """Remove the selected item (and its photos) from the outbox."""
        item = self.selected_item()
        if item is not None and not self.held_by(item):
            self._outbox.delete(item.item_id)
            log.info("outbox item deleted by the user")
            if self._worker is not None:
                self._worker.recount()  # status bar and badge
        self.refresh()

    @Slot()
    def release_selected(self) -> None:
        """ "Korrektur verwerfen": the wizard holding the selected item closes its correction
        (the shell does that, asking first if it was changed)."""
        item = self.selected_item()
        if item is not None and self.held_by(item):
            self.release_item.emit(item.item_id)

    @Slot()
    def send_now(self) -> None:
        """ "Jetzt senden"."""
        if self._worker is not None:
            self._worker.flush_now()
        else:
            self._outbox.flush_now()
        self.refresh()

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        item = self.selected_item()
        dead = item is not None and item.state == "dead"
        wizard = self.held_by(item)
        self.edit_button.setEnabled(item is not None and _correctable(item))
        self.retry_button.setEnabled(dead and not wizard)
        self.delete_button.setEnabled(item is not None and not wizard)
        note = ""
        if wizard:
            note = self.tr(
                "Wird gerade in der {wizard} korrigiert und dort gesendet. „Erneut senden“ und "
                "„Löschen“ sind hier gesperrt, solange die Korrektur dort offen ist; „Korrektur "
                "verwerfen“ schließt sie."
            ).format(wizard=wizard)
        self.held_note.setText(note)
        self.held_note.setVisible(bool(note))
        self.release_button.setVisible(bool(wizard))
        for button in (self.retry_button, self.delete_button):
            button.setToolTip(note)
        self.reason.setText(
            ""
            if item is None or not item.error_code
            else self.tr("Grund: ") + reason_text(item.error_code)
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Refresh when shown."""
        super().showEvent(event)
        self.refresh()


def _correctable(item: OutboxItem) -> bool:
    """A referral the server refused: corrected in its wizard. (One that failed only after
    exhausted transient retries may have arrived: "Erneut senden" keeps its key.)"""
    return item.kind == "referral" and item.state == "dead" and item.refused


class OutboxStatus(QWidget):
    """Status-bar piece: "Offline – 3 im Postausgang" and a "Jetzt senden" button.

    Hidden while nothing waits and nothing failed ("Jetzt senden" only while items wait).
    For ``QStatusBar.addPermanentWidget``.

    Args:
        worker: The app's :class:`desktop.workers.outbox_worker.OutboxWorker`.

    Signals:
        open_requested(): the text was clicked (show the "Postausgang" page).
    """

    open_requested = Signal()

    def __init__(self, worker: OutboxWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbox_status_bar")
        self._worker = worker
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text_button = QToolButton(self)
        self.text_button.setObjectName("outbox_status_text")
        self.text_button.setAutoRaise(True)
        self.text_button.clicked.connect(self.open_requested)
        self.send_button = QToolButton(self)
        self.send_button.setObjectName("outbox_send_now")
        self.send_button.setText(self.tr("Jetzt senden"))
        self.send_button.setAccessibleName(self.tr("Postausgang jetzt senden"))
        self.send_button.clicked.connect(worker.flush_now)
        row.addWidget(self.text_button)
        row.addWidget(self.send_button)
        worker.status_text_changed.connect(self.set_text)
        self.set_text(worker.status_text())

    @Slot(str)
    def set_text(self, text: str) -> None:
        """Show the worker's status text (empty → hidden)."""
        self.text_button.setText(text)
        self.text_button.setAccessibleName(text)
        self.send_button.setVisible(bool(self._worker.pending))
        self.setVisible(bool(text))
