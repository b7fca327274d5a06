"""Retention timer: purge expired drafts at start and every hour (data minimisation)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.store import DEFAULT_RETENTION_DAYS, LocalStore

__all__ = ["RetentionTimer"]

log = logging.getLogger(__name__)

HOUR_MS = 3_600_000


class RetentionTimer(QObject):
    """Applies ``draft_retention_days`` to the store.

    Connect ``services.config_loaded`` to :meth:`apply_config`. The first purge happens in
    :meth:`start` (app start), then hourly.

    Signals:
        purged(int count): drafts deleted by a run (also 0).
    """

    purged = Signal(int)

    def __init__(
        self, store: LocalStore, *, interval_ms: int = HOUR_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_once)

    def start(self) -> int:
        """Purge now and start the hourly timer; returns the number purged now."""
        count = self.run_once()
        self._timer.start()
        return count

    def stop(self) -> None:
        """Stop the hourly timer."""
        self._timer.stop()

    @Slot(dict)
    def apply_config(self, config: dict[str, object]) -> None:
        """Take ``draft_retention_days`` from the server config and purge accordingly."""
        days = config.get("draft_retention_days", DEFAULT_RETENTION_DAYS)
        if isinstance(days, int | float) and days > 0:
            self._store.retention_days = int(days)
        self.run_once()

    @Slot()
    def run_once(self) -> int:
        """Purge drafts older than the retention period."""
        count = self._store.purge_expired()
        self.purged.emit(count)
        return count
