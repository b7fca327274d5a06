"""SQLite connection factory and per-component schema migrations (Qt-free).

Every component that keeps local tables (drafts/outbox: ``store``, Postkorb cache: ``postbox``,
...) registers its own ordered list of SQL migration scripts. The applied version per component
lives in the table ``schema_version(component, version)``; :func:`apply_migrations` runs the
missing scripts, each in its own transaction, so two components never fight over one version
number.

Privacy: SQLite may spill data into ``-wal``/``-shm`` files and temp files. Callers only ever
write ciphertext into payload columns (see :mod:`desktop.store.crypto`), and temp storage is kept
in memory (``PRAGMA temp_store=MEMORY``), so no plaintext ever reaches the disk through SQLite.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from desktop.paths import make_private

__all__ = ["DB_LOCK", "apply_migrations", "open_database", "schema_version"]

#: Process-wide lock for code that shares one connection between threads.
DB_LOCK = threading.RLock()

_SCHEMA_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    component TEXT PRIMARY KEY,
    version INTEGER NOT NULL
)
"""


def open_database(path: Path | None) -> sqlite3.Connection:
    """Open (or create) the local database.

    Args:
        path: Database file; ``None`` opens a private in-memory database.

    Returns:
        A connection in autocommit mode (``isolation_level=None``; use explicit
        ``BEGIN``/``COMMIT`` or :func:`transaction`-style ``with conn:`` blocks), WAL journal,
        foreign keys on, ``check_same_thread=False``. Share it between threads only under
        :data:`DB_LOCK` or open one connection per thread.
    """
    target = ":memory:" if path is None else str(path)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            sibling = Path(f"{path}{suffix}")
            if suffix == "" or sibling.exists():
                make_private(sibling)  # 0600: readable by this user only
    conn = sqlite3.connect(target, timeout=10.0, check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    if path is not None:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute(_SCHEMA_TABLE)
    return conn


def schema_version(conn: sqlite3.Connection, component: str) -> int:
    """Return the applied migration count of ``component`` (0 if none)."""
    conn.execute(_SCHEMA_TABLE)
    row = conn.execute(
        "SELECT version FROM schema_version WHERE component = ?", (component,)
    ).fetchone()
    return int(row[0]) if row else 0


def apply_migrations(conn: sqlite3.Connection, component: str, migrations: Sequence[str]) -> None:
    """Bring ``component``'s tables up to date.

    Args:
        conn: Connection from :func:`open_database`.
        component: Stable component name, e.g. ``"store"`` or ``"postbox"``.
        migrations: Ordered SQL scripts; index ``i`` moves the schema from version ``i`` to
            ``i + 1``. Never edit or reorder a released script — append a new one.

    Raises:
        RuntimeError: The database is newer than this code (downgrade).
    """
    with DB_LOCK:
        current = schema_version(conn, component)
        if current > len(migrations):
            raise RuntimeError(
                f"schema of {component!r} is at version {current}, "
                f"newer than this program ({len(migrations)})"
            )
        for version in range(current, len(migrations)):
            _apply_one(conn, component, version + 1, migrations[version])


def _apply_one(conn: sqlite3.Connection, component: str, version: int, script: str) -> None:
    """Run one migration script and record its version atomically."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-check inside the write lock: another process may have migrated meanwhile.
        row = conn.execute(
            "SELECT version FROM schema_version WHERE component = ?", (component,)
        ).fetchone()
        if row is not None and int(row[0]) >= version:
            conn.execute("COMMIT")
            return
        for statement in _split_statements(script):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_version(component, version) VALUES (?, ?) "
            "ON CONFLICT(component) DO UPDATE SET version = excluded.version",
            (component, version),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _split_statements(script: str) -> list[str]:
    """Split a script into complete statements (``executescript`` would auto-commit)."""
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        statements.append(buffer.strip())
    return statements
