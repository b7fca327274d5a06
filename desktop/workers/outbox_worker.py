"""Qt driver of the outbox: drains on the "sync" pool, on a timer and on "Jetzt senden".

The main window's status bar shows :attr:`OutboxWorker.status_text_changed`; "Jetzt senden"
calls :meth:`OutboxWorker.flush_now`.
"""

from __future__ import annotations

import functools
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from desktop.sync.outbox import Outbox
from desktop.sync.outbox_schema import DrainReport
from desktop.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.api import ExtranetClient

__all__ = ["OutboxWorker"]

log = logging.getLogger(__name__)

POLL_MS = 30_000
MIN_RETRY_MS = 500


class OutboxWorker(QObject):
    """Drains an :class:`Outbox` in the background.

    Args:
        outbox: The persistent outbox.
        client: API client used for sending (its session may expire: → ``auth_required``).
        runner: The app's TaskRunner (pool "sync").
        poll_ms: Safety poll while items are pending.

    Signals:
        item_sent(str item_id, dict result): acknowledged by the server.
        item_failed(str item_id, str code, str detail): became a dead letter.
        state_changed(int pending, bool online): after every run and enqueue.
        auth_required(): a 401 paused the queue; call :meth:`resume` after re-login.
        status_text_changed(str): "Offline – 3 im Postausgang", "1 fehlgeschlagen – bitte
            prüfen" etc.; empty when nothing waits and nothing failed.
        drained(object report): the raw :class:`DrainReport` of every run.
    """

    item_sent = Signal(str, dict)
    item_failed = Signal(str, str, str)
    state_changed = Signal(int, bool)
    auth_required = Signal()
    status_text_changed = Signal(str)
    drained = Signal(object)

    def __init__(
        self,
        outbox: Outbox,
        client: ExtranetClient,
        runner: TaskRunner,
        *,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._client = client
        self._runner = runner
        self._stop = threading.Event()
        self._running = False
        self._again = False
        self._paused = False
        self.online = True
        self.pending = outbox.pending_count()
        self.dead = outbox.dead_count()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.kick)
        self._poll_ms = poll_ms

    # ------------------------------------------------------------------ control
    @Slot()
    def kick(self) -> None:
        """Start a run now unless one is in flight (then one more run follows)."""
        if self._stop.is_set() or self._paused:
            self._publish()
            return
        if self._running:
            self._again = True
            return
        if not self._client.is_authenticated:
            self.pending = self._outbox.pending_count()
            if self.pending:
                self._pause_for_auth()
            self._publish()
            return
        self._running = True
        self._timer.stop()
        self._runner.run(
            functools.partial(self._outbox.drain, stop=self._stop),
            self._client,
            on_done=self._on_done,
            on_error=self._on_error,
            pool="sync",
        )

    @Slot()
    def flush_now(self) -> None:
        """ "Jetzt senden": make every item due and drain now."""
        self._paused = False
        self._outbox.flush_now()
        self.kick()

    @Slot()
    def resume(self) -> None:
        """Continue after a re-login (connect to ``services.logged_in``)."""
        self._paused = False
        self.kick()

    @Slot()
    def notify_enqueued(self) -> None:
        """Call after ``enqueue_*``: updates the count and starts sending."""
        self.pending = self._outbox.pending_count()
        self._publish()
        self.kick()

    @Slot()
    def recount(self) -> None:
        """Publish fresh counts (after the Postausgang deleted or changed an item)."""
        self.pending = self._outbox.pending_count()
        self._publish()

    def stop(self) -> None:
        """Stop timers and ask a running drain to end after its current request."""
        self._stop.set()
        self._timer.stop()

    def status_text(self) -> str:
        """German status-bar text, empty when nothing is waiting and nothing failed."""
        parts = [self._pending_text()] if self.pending else []
        if self.dead:
            # A refused referral must not go unnoticed once the wizard has moved on.
            parts.append(
                QCoreApplication.translate(
                    "OutboxWorker", "%n fehlgeschlagen – bitte prüfen", "", self.dead
                )
            )
        return " · ".join(parts)

    def _pending_text(self) -> str:
        if self._paused:
            return QCoreApplication.translate(
                "OutboxWorker", "Anmeldung nötig – %n im Postausgang", "", self.pending
            )
        if not self.online:
            return QCoreApplication.translate(
                "OutboxWorker", "Offline – %n im Postausgang", "", self.pending
            )
        return QCoreApplication.translate("OutboxWorker", "%n im Postausgang", "", self.pending)

    # ------------------------------------------------------------------ results
    def _on_done(self, report: DrainReport) -> None:
        self._running = False
        for item_id, _kind, result in report.sent:
            self.item_sent.emit(item_id, dict(result))
        for item_id, code, detail in report.dead:
            self.item_failed.emit(item_id, code, detail)
        if report.sent or (not report.offline and not report.busy):
            self.online = not report.offline
        if report.offline:
            self.online = False
        self.pending = report.pending
        if report.auth_required:
            self._pause_for_auth()
        self._publish()
        self.drained.emit(report)
        self._schedule(report.retry_in)

    def _on_error(self, exc: BaseException) -> None:
        self._running = False
        log.warning("outbox drain failed: %s", type(exc).__name__)
        self.pending = self._outbox.pending_count()
        self._publish()
        self._schedule(5.0)

    def _pause_for_auth(self) -> None:
        if not self._paused:
            self._paused = True
            self.auth_required.emit()

    def _schedule(self, retry_in: float | None) -> None:
        if self._stop.is_set() or self._paused:
            return
        if self._again:
            self._again = False
            QTimer.singleShot(0, self, self.kick)
            return
        if self.pending:
            delay_ms = self._poll_ms if retry_in is None else int(retry_in * 1000)
            self._timer.start(max(MIN_RETRY_MS, min(self._poll_ms, delay_ms)))

    def _publish(self) -> None:
        self.dead = self._outbox.dead_count()
        self.state_changed.emit(self.pending, self.online)
        self.status_text_changed.emit(self.status_text())

    @property
    def paused(self) -> bool:
        """True while sending waits for a new login (the session expired)."""
        return self._paused
