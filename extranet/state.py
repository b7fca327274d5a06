"""Process-wide state of one server instance (database, sessions, throttling)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extranet.db import Database, get_meta, set_meta
from extranet.security import LoginThrottle, SessionStore

DEFAULT_IDLE_TIMEOUT_S = 30 * 60


@dataclass
class ServerState:
    """Everything the routes share; one per app."""

    db: Database
    sessions: SessionStore
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    user_cache: dict[int, Any] = field(default_factory=dict)

    @classmethod
    def open(
        cls, db_path: Path | str, *, idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S
    ) -> ServerState:
        """Open (and create if needed) the database at ``db_path``."""
        return cls(Database(db_path), SessionStore(idle_timeout_s))

    def cursor_epoch(self) -> int:
        """Current cursor epoch (cursors of older epochs are expired)."""
        with self.db.tx() as conn:
            return int(get_meta(conn, "cursor_epoch"))

    def expire_cursors(self) -> None:
        """Invalidate every cursor issued so far (test hook; also after a restore)."""
        with self.db.tx() as conn:
            set_meta(conn, "cursor_epoch", str(int(get_meta(conn, "cursor_epoch")) + 1))
