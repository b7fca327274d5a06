""" "Postkorb" page: ticket list, conversation, reply box, close/reopen, "Neue Anfrage".

All server text is shown as plain text (table cells, ``QLabel`` with ``Qt.PlainText``, a
read-only ``QPlainTextEdit``). Data comes from :class:`PostboxWorker` signals; nothing here
blocks the GUI thread.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.postbox_messages import MessageListModel, PendingMessage
from desktop.models.postbox_tickets import (
    COL_REFERRAL,
    COL_STATUS,
    COL_SUBJECT,
    COL_UNREAD,
    COL_UPDATED,
    ID_ROLE,
    TicketFilterProxy,
    TicketTableModel,
    UnreadBadgeDelegate,
    shown_text,
    status_label,
)
from desktop.sync.postbox import SyncResult
from desktop.sync.postbox_store import MessageRow, TicketRow
from desktop.views.postbox.compose import NewTicketDialog, ReplyBox, art15_hint
from desktop.views.postbox.conversation import ConversationView
from desktop.workers.postbox_worker import PostboxWorker

__all__ = ["PostboxPage"]

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 200
"""Typing in the search filters once after a short pause, not on every keystroke (one filter
pass over 10,000 tickets costs tens of milliseconds on the GUI thread)."""


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PostboxPage(QWidget):
    """The inbox.

    Args:
        worker: The Postkorb worker (sync, cache reads, writes).
        parent: Parent widget.

    Signals:
        unread_changed(int): the server's unread total (navigation badge, window title).
    """

    unread_changed = Signal(int)

    def __init__(self, worker: PostboxWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postbox_page")
        self.worker = worker
        self.model = TicketTableModel(self)
        self.proxy = TicketFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.messages = MessageListModel(self)
        self.current_id: str | None = None
        self.notifier: QObject | None = None  # set by install_postbox (tray notes)
        self.referral_choices: list[tuple[str, str]] = []
        # Unsent reply text per ticket (memory only): a reply typed for one ticket must never
        # end up in another one (everything written may be disclosed to that data subject).
        self._reply_drafts: dict[str, str] = {}
        self._dialog: NewTicketDialog | None = None
        self._referrals_asked: set[str] = set()  # linked referral ids whose label was fetched
        self._list_sized = False
        self._build()
        worker.tickets_loaded.connect(self._on_tickets)
        worker.conversation_loaded.connect(self._on_conversation)
        worker.synced.connect(self._on_synced)
        worker.unread_changed.connect(self._on_unread)
        worker.operation_failed.connect(lambda _c, text: self._show_status(text))
        worker.state_changed.connect(self._on_state)
        worker.referral_choices_loaded.connect(self._on_referral_choices)
        worker.pending_tickets_changed.connect(self._on_pending_tickets)
        self._on_unread(worker.unread_total)
        self.reload()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Betreff durchsuchen"))
        self.search.setAccessibleName(self.tr("Anfragen durchsuchen"))
        self.search.setAccessibleDescription(
            self.tr("Zeigt nur Anfragen, deren Betreff den eingegebenen Text enthält.")
        )
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(lambda: self.proxy.set_search(self.search.text()))
        self.search.textChanged.connect(self._on_search_text)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("state_filter")
        self.state_filter.setAccessibleName(self.tr("Anfragen filtern"))
        self.state_filter.setAccessibleDescription(
            self.tr("Wählt, welche Anfragen die Liste zeigt.")
        )
        for key, label in (
            ("all", self.tr("Alle")),
            ("unread", self.tr("Ungelesen")),
            ("open", self.tr("Offen")),
            ("closed", self.tr("Geschlossen")),
        ):
            self.state_filter.addItem(label, key)
        self.state_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_state(str(self.state_filter.currentData()))
        )
        self.new_button = QPushButton(self.tr("&Neue Anfrage"), self)
        self.new_button.setObjectName("new_ticket_button")
        self.new_button.clicked.connect(lambda _checked=False: self.open_new_ticket())
        self.refresh_button = QPushButton(self.tr("&Aktualisieren"), self)
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.worker.sync_now)
        self.status = _plain_label(self, "postbox_status")
        self.pending_note = _plain_label(self, "pending_tickets")
        self.pending_note.hide()

        self.table = QTableView(self)
        self.table.setObjectName("ticket_table")
        self.table.setAccessibleName(self.tr("Anfragen"))
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(UnreadBadgeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_UNREAD, QHeaderView.ResizeMode.ResizeToContents)
        self._size_columns()
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.subject = _plain_label(self, "ticket_subject")
        self.ticket_referral = _plain_label(self, "ticket_referral")
        self.ticket_status = _plain_label(self, "ticket_status")
        self.status_button = QPushButton(self.tr("Anfrage schließen"), self)
        self.status_button.setObjectName("status_button")
        self.status_button.clicked.connect(self._toggle_status)
        self.conversation = ConversationView(self)
        self.conversation.set_model(self.messages)
        self.reply = ReplyBox(self)
        self.reply.send_requested.connect(self._send_reply)

        top = QHBoxLayout()
        for widget in (self.search, self.state_filter, self.new_button, self.refresh_button):
            top.addWidget(widget)
        head = QHBoxLayout()
        head.addWidget(self.subject, 1)
        head.addWidget(self.ticket_status)
        head.addWidget(self.status_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(head)
        right_layout.addWidget(self.ticket_referral)
        right_layout.addWidget(self.conversation, 1)
        right_layout.addWidget(self.reply)
        splitter = self.splitter = QSplitter(self)
        splitter.setObjectName("postbox_splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)  # the list shares the room beyond its size hint:
        splitter.setStretchFactor(1, 1)  # subjects and dates readable, not cut to "Terminä…"
        layout = QVBoxLayout(self)
        layout.addWidget(art15_hint(self))
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.pending_note)
        layout.addWidget(splitter, 1)
        order = [
            self.search,
            self.state_filter,
            self.new_button,
            self.refresh_button,
            self.table,
            self.status_button,
            self.conversation,
            self.reply.editor,
            self.reply.send_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self._show_ticket(None)

    def _on_search_text(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:  # cleared: show everything at once (cheap)
            self._search_timer.stop()
            self.proxy.set_search("")

    # ------------------------------------------------------------------ data in
    @Slot()
    def reload(self) -> None:
        """Reload the ticket list (and the open conversation) from the local cache."""
        self.worker.load_tickets()
        if self.current_id is not None:
            self.worker.load_conversation(self.current_id)

    def _on_synced(self, result: SyncResult) -> None:
        # The ticket list is only re-read when something changed (a no-change sync every
        # minute must not re-read and decrypt 10,000 tickets); the open conversation is
        # cheap and also shows outbox state changes (pending → undeliverable).
        if result.changed_ticket_ids or result.full_resync or self.model.rowCount() == 0:
            self.reload()
        elif self.current_id is not None:
            self.worker.load_conversation(self.current_id)

    def _size_columns(self) -> None:
        """Status, date and referral columns as wide as their (bold, unread) texts; no
        content scan."""
        font = QFont(self.table.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        pad = metrics.horizontalAdvance("M") + 8
        header = self.table.horizontalHeader()
        samples = {
            COL_STATUS: [status_label("open"), status_label("closed")],
            COL_UPDATED: ["00.00.0000 00:00"],
            COL_REFERRAL: ["GV-0000-000000"],
        }
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(text) for text in [*texts, title])
            header.resizeSection(column, width + pad)

    def _on_tickets(self, rows: list[TicketRow]) -> None:
        keep = self.current_id
        self.model.set_tickets(rows)
        linked = {r.referral_id for r in rows if r.referral_id}
        if linked - self._referrals_asked:
            self._referrals_asked |= linked
            self.worker.load_referral_choices()
        self._fit_list()
        if keep is not None:
            row = self.model.row_of(keep)
            if row < 0:
                self._show_ticket(None)
            else:
                self.select_ticket(keep)
                self._show_ticket(self.model.ticket(row))
        # Drafts of tickets that are gone (deleted, logout, other user) are forgotten.
        self._reply_drafts = {
            k: v for k, v in self._reply_drafts.items() if self.model.row_of(k) >= 0
        }

    def _on_conversation(
        self, ticket_id: str, messages: list[MessageRow], pending: list[PendingMessage]
    ) -> None:
        if ticket_id != self.current_id:
            return
        self.messages.set_messages(messages, pending)
        ticket = self.model.ticket(self.model.row_of(ticket_id))
        last = self.messages.last_message_id()
        if ticket is not None and ticket.unread_count and last is not None:
            self.worker.mark_read(ticket_id, last)

    def _on_pending_tickets(self, pending: int, dead: int) -> None:
        parts = []
        if pending:
            parts.append(
                self.tr(
                    "Neue Anfragen im Postausgang: {n} (werden gesendet, sobald die "
                    "Verbindung steht)"
                ).format(n=pending)
            )
        if dead:
            parts.append(
                self.tr("Nicht zustellbare Anfragen: {n} (siehe Postausgang)").format(n=dead)
            )
        self.pending_note.setText("\n".join(parts))
        self.pending_note.setVisible(bool(parts))

    def _on_unread(self, total: int) -> None:
        self.unread_changed.emit(total)

    def _on_state(self, state: str) -> None:
        if state == "offline":
            self._show_status(
                self.tr(
                    "Offline – der Postkorb zeigt den letzten Stand. Antworten werden "
                    "gesendet, sobald die Verbindung wieder steht."
                )
            )
        elif state == "online":
            self._show_status("")

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # ------------------------------------------------------------------ selection
    def select_ticket(self, ticket_id: str) -> None:
        """Select ``ticket_id`` in the table (if visible under the filter)."""
        row = self.model.row_of(ticket_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid() and self.table.currentIndex().row() != index.row():
            self.table.selectRow(index.row())

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        ticket_id = str(self.proxy.data(indexes[0], ID_ROLE))
        if ticket_id == self.current_id:
            return
        self._switch_reply_draft(self.current_id, ticket_id)
        self.current_id = ticket_id
        self._show_ticket(self.model.ticket(self.model.row_of(ticket_id)))
        self.messages.set_messages([])
        self.worker.load_conversation(ticket_id)

    def _switch_reply_draft(self, old: str | None, new: str | None) -> None:
        text = self.reply.editor.text()
        if old is not None and text.strip():
            self._reply_drafts[old] = text
        restored = self._reply_drafts.pop(new, "") if new is not None else ""
        if restored:
            self.reply.editor.setText(restored)
        elif text:
            self.reply.editor.reset()

    def _show_ticket(self, ticket: TicketRow | None) -> None:
        if ticket is None:
            if self.current_id is not None:
                self._switch_reply_draft(self.current_id, None)
            self.current_id = None
            self.messages.set_messages([])
        self.subject.setText(
            shown_text(ticket.subject) if ticket else self.tr("Keine Anfrage ausgewählt")
        )
        self.ticket_status.setText(status_label(ticket.status) if ticket else "")
        self._show_ticket_referral()
        closed = ticket is not None and ticket.status == "closed"
        self.status_button.setText(
            self.tr("Wieder öffnen") if closed else self.tr("Anfrage schließen")
        )
        self.status_button.setEnabled(ticket is not None and bool(ticket.etag))
        self.reply.setEnabled(ticket is not None and not closed)

    # ------------------------------------------------------------------ actions
    def _toggle_status(self) -> None:
        ticket = self.model.ticket(self.model.row_of(self.current_id or ""))
        if ticket is None or not ticket.etag:
            return
        new = "open" if ticket.status == "closed" else "closed"
        self.status_button.setEnabled(False)
        self.worker.set_status(ticket.id, new, ticket.etag)

    def _send_reply(self, text: str) -> None:
        if self.current_id is not None:
            self.worker.send_reply(self.current_id, text)

    def open_new_ticket(self, referral_id: str | None = None) -> NewTicketDialog:
        """Show "Neue Anfrage" (non-blocking); the ticket is sent when accepted.

        Args:
            referral_id: Preselected referral link (e.g. "Rückfrage" from a referral).
        """
        dialog = NewTicketDialog(self.referral_choices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(referral_id, str) and referral_id:
            dialog.set_referrals(self.referral_choices, select=referral_id)
        self._dialog = dialog

        def done(result: int) -> None:
            self._dialog = None
            if result == QDialog.DialogCode.Accepted:
                subject, body, ref = dialog.values()
                self.worker.create_ticket(subject, body, ref)

        dialog.finished.connect(done)
        dialog.open()
        self.worker.load_referral_choices()
        return dialog

    def _on_referral_choices(self, choices: list[tuple[str, str]]) -> None:
        self.referral_choices = list(choices)
        self._referrals_asked |= {referral_id for referral_id, _label in choices}
        self.model.set_referral_labels(dict(choices))
        self._show_ticket_referral()
        if self._dialog is not None:
            self._dialog.set_referrals(self.referral_choices)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Size the list for its subjects once the page has its width."""
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_list)

    def _show_ticket_referral(self) -> None:
        ticket = self.model.ticket(self.model.row_of(self.current_id or ""))
        label = self.model.referral_label(ticket.referral_id if ticket else None)
        self.ticket_referral.setText(self.tr("Vermittlung: {label}").format(label=label))
        self.ticket_referral.setVisible(bool(label))

    def _fit_list(self) -> None:
        """Once, when the first tickets arrive: give the list the room its subjects need
        (up to two thirds of the page), so they are only cut when the page is too narrow."""
        if self._list_sized:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        self._list_sized = self.model.rowCount() > 0  # until then: room for a short subject
        metrics = self.table.fontMetrics()
        font = QFont(self.table.font())
        font.setBold(True)  # unread subjects are bold: the wider of the two
        bold = QFontMetrics(font)
        rows = self.model.rows()[:500]  # enough for the longest subjects; no full scan
        subject = max(
            (bold.horizontalAdvance(shown_text(r.subject, 120)) for r in rows),
            default=bold.horizontalAdvance(self.tr("Terminänderung gewünscht")),
        )
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c) for c in range(self.model.columnCount()) if c != COL_SUBJECT
        )
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        want = subject + 2 * metrics.horizontalAdvance("M") + others + frame
        want = min(want, total * 2 // 3)
        self.splitter.setSizes([want, total - want])

    def current_index(self) -> QModelIndex:
        """Current table index (proxy)."""
        return self.table.currentIndex()
