""" "Meine Vermittlungen": the broker's referrals from the server, searchable, status in German."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.api import ExtranetClient
from desktop.models.referrals_model import (
    STATUSES,
    ReferralsFilterModel,
    ReferralsModel,
    SyncResult,
    fetch_changes,
    status_label,
)
from desktop.tasks import TaskRunner
from desktop.views.referrals.detail import ReferralDetailDialog

__all__ = ["ReferralsPage"]

log = logging.getLogger(__name__)


class ReferralsPage(QWidget):
    """Search field, status filter, table and "Aktualisieren".

    Signals:
        ask_requested(str): a Postkorb request about this referral id (from its detail).

    The app calls :meth:`sync` after a login and after the outbox sent something, and
    :meth:`clear` after a logout (``desktop.views.pages``).

    Args:
        client: API client of the Extranet.
        tasks: The app's task runner (the list is fetched on its "sync" pool).
    """

    ask_requested = Signal(str)

    def __init__(
        self, client: ExtranetClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referrals_page")
        self._client = client
        self._runner = tasks
        self._syncing = False
        self._again = False
        self.model = ReferralsModel(self)
        self.proxy = ReferralsFilterModel(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Meine Vermittlungen"), self)
        title.setProperty("heading", True)
        layout.addWidget(title)
        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("referral_search")
        self.search.setPlaceholderText(self.tr("Suchen (Name, Kennzeichen, Nummer …)"))
        self.search.setAccessibleName(self.tr("Vermittlungen durchsuchen"))
        self.search.setAccessibleDescription(
            self.tr("Zeigt nur Vermittlungen, die den eingegebenen Text enthalten.")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.setAccessibleName(self.tr("Nach Status filtern"))
        self.status_filter.setAccessibleDescription(
            self.tr("Wählt, welche Vermittlungen die Liste zeigt.")
        )
        self.status_filter.addItem(self.tr("Alle Status"), None)
        for code in STATUSES:
            self.status_filter.addItem(status_label(code), code)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.refresh_button = QPushButton(self.tr("&Aktualisieren"), self)
        self.refresh_button.setObjectName("refresh_referrals")
        self.refresh_button.setAccessibleName(self.tr("Aktualisieren"))
        self.refresh_button.clicked.connect(self.sync)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.refresh_button)
        layout.addLayout(filters)

        self.table = QTableView(self)
        self.table.setObjectName("referrals_table")
        self.table.setAccessibleName(self.tr("Meine Vermittlungen"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleDescription(
            self.tr("Eingabetaste oder Doppelklick zeigt die Vermittlung im Einzelnen.")
        )
        self.table.activated.connect(self.open_detail)  # Enter (and, by style, double-click)
        self.table.doubleClicked.connect(self.open_detail)
        self.detail: ReferralDetailDialog | None = None
        layout.addWidget(self.table, 1)
        self.state = QLabel(self)
        self.state.setObjectName("referrals_state")
        layout.addWidget(self.state)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.table)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._show_count)

    @Slot()
    def clear(self) -> None:
        """Forget the list (logout): referral data is kept in memory only."""
        self.model.clear()
        self.state.setText("")

    @Slot()
    def sync(self, *_args: object) -> None:
        """Fetch changes since the last cursor on the "sync" pool."""
        client = self._client
        if not client.is_authenticated:
            return
        if self._syncing:
            self._again = True
            return
        self._syncing = True
        self.refresh_button.setEnabled(False)
        self.state.setText(self.tr("Wird aktualisiert …"))
        self._runner.run(
            fetch_changes,
            client,
            self.model.cursor,
            on_done=self._on_synced,
            on_error=self._on_failed,
            pool="sync",
        )

    def _on_synced(self, result: SyncResult) -> None:
        self.model.apply(result)
        self._finish(self._count_text())

    def _on_failed(self, exc: BaseException) -> None:
        log.info("referral sync failed: %s", type(exc).__name__)
        self._finish(self.tr("Aktualisierung fehlgeschlagen – bitte später erneut versuchen."))

    def _finish(self, text: str) -> None:
        self._syncing = False
        self.refresh_button.setEnabled(True)
        self.state.setText(text)
        if self._again:
            self._again = False
            self.sync()

    def _count_text(self) -> str:
        """ "7 Vermittlungen", or with a filter "1 von 7 Vermittlungen"."""
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            return self.tr("%n Vermittlung(en)", "", total)
        return self.tr("{shown} von %n Vermittlung(en)", "", total).format(shown=shown)

    def _show_count(self, *_args: object) -> None:
        if not self._syncing and self.model.rowCount():
            self.state.setText(self._count_text())

    def _detail_closed(self) -> None:
        if self.detail is not None:
            self.detail.deleteLater()
        self.detail = None

    @Slot(QModelIndex)
    def open_detail(self, index: QModelIndex) -> ReferralDetailDialog | None:
        """Show the referral of ``index`` (a proxy index) read-only."""
        source = self.proxy.mapToSource(index)
        if self.detail is not None or not source.isValid():
            return self.detail  # one at a time (styles also activate on double-click)
        dialog = ReferralDetailDialog(self.model, source.row(), self)
        dialog.finished.connect(self._detail_closed)
        dialog.ask_requested.connect(self.ask_requested)
        self.detail = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _status_changed(self, index: int) -> None:
        self.proxy.set_status(self.status_filter.itemData(index))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Sync whenever the page is shown."""
        super().showEvent(event)
        self.sync()
