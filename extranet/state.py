"""Process-wide state of one server instance (database, sessions, throttling)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from extranet.db import Database, get_meta, set_meta
from extranet.security import LoginThrottle, SessionStore

DEFAULT_IDLE_TIMEOUT_S = 30 * 60
# Idempotency keys are kept a week (clients reconcile via ?client_ref= beyond that).
IDEMPOTENCY_RETENTION = timedelta(days=7)


@dataclass
class ServerState:
    """Everything the routes share; one per app."""

    db: Database
    sessions: SessionStore
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    user_cache: dict[int, Any] = field(default_factory=dict)
    # Postkorb unread totals per (user id, staff?) -> (global change seq, total): a total is
    # reused while no change happened anywhere (every write advances the seq).
    unread_cache: dict[tuple[int, bool], tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def open(
        cls,
        db_path: Path | str,
        *,
        idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
        durable: bool = True,
    ) -> ServerState:
        """Open (and create if needed) the database at ``db_path`` (``durable``: see
        :class:`~extranet.db.Database`)."""
        db = Database(db_path, durable=durable)
        cutoff = (datetime.now(UTC) - IDEMPOTENCY_RETENTION).isoformat(timespec="milliseconds")
        with db.tx() as conn:
            conn.execute(
                "DELETE FROM idempotency WHERE created_at < ?", (cutoff.replace("+00:00", "Z"),)
            )
            # Nothing is in flight before this process serves: a key still pending belongs to
            # a request whose process died (its writes were rolled back), so a retry may run.
            conn.execute("DELETE FROM idempotency WHERE state != 'done'")
        return cls(db, SessionStore(idle_timeout_s))

    def cursor_epoch(self) -> int:
        """Current cursor epoch (cursors of older epochs are expired)."""
        with self.db.tx() as conn:
            return int(get_meta(conn, "cursor_epoch"))

    def expire_cursors(self) -> None:
        """Invalidate every cursor issued so far (test hook; also after a restore)."""
        with self.db.tx() as conn:
            set_meta(conn, "cursor_epoch", str(int(get_meta(conn, "cursor_epoch")) + 1))
