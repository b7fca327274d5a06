"""Schema migrations per component."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store.db import apply_migrations, open_database, schema_version

MIGRATIONS = [
    "CREATE TABLE a(x TEXT DEFAULT 'a;b'); CREATE TABLE b(y)",
    "ALTER TABLE a ADD COLUMN z INTEGER;",
]


def test_migrations_apply_once_and_resume(tmp_path: Path) -> None:
    path = tmp_path / "local.db"
    conn = open_database(path)
    apply_migrations(conn, "demo", MIGRATIONS[:1])
    assert schema_version(conn, "demo") == 1
    conn.close()
    conn = open_database(path)
    apply_migrations(conn, "demo", MIGRATIONS)
    apply_migrations(conn, "demo", MIGRATIONS)  # idempotent
    assert schema_version(conn, "demo") == 2
    conn.execute("INSERT INTO a(z) VALUES (1)")
    assert conn.execute("SELECT x, z FROM a").fetchone()[:] == ("a;b", 1)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_components_are_independent() -> None:
    conn = open_database(None)
    apply_migrations(conn, "one", MIGRATIONS)
    apply_migrations(conn, "two", ["CREATE TABLE c(q)"])
    assert schema_version(conn, "one") == 2
    assert schema_version(conn, "two") == 1


def test_failed_migration_rolls_back() -> None:
    conn = open_database(None)
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        apply_migrations(conn, "bad", ["CREATE TABLE ok(x); CREATE TABLE ok(x)"])
    assert schema_version(conn, "bad") == 0
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='ok'").fetchone() is None


def test_downgrade_is_refused() -> None:
    conn = open_database(None)
    apply_migrations(conn, "new", MIGRATIONS)
    with pytest.raises(RuntimeError):
        apply_migrations(conn, "new", MIGRATIONS[:1])
