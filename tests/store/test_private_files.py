"""The local database (with its -wal/-shm), the embedded server's database and the logs are
readable by their owner only (0600)."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest

from desktop.logs import LogSetup
from desktop.store.db import open_database
from extranet.db import Database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> object:
    previous = os.umask(0o022)  # the usual default that made the files world-readable
    yield None
    os.umask(previous)


def test_local_database_and_its_wal_are_private(tmp_path: Path) -> None:
    db = tmp_path / "local.db"
    conn = open_database(db)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    files = [p for p in tmp_path.iterdir() if p.name.startswith("local.db")]
    assert {p.name for p in files} >= {"local.db", "local.db-wal"}
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    conn.close()


def test_an_existing_world_readable_database_is_tightened(tmp_path: Path) -> None:
    db = tmp_path / "local.db"
    open_database(db).close()
    db.chmod(0o644)
    open_database(db).close()
    assert _mode(db) == 0o600


def test_the_embedded_servers_database_is_private(tmp_path: Path) -> None:
    database = Database(tmp_path / "embedded-server.db")
    with database.tx() as conn:
        conn.execute("INSERT INTO meta VALUES ('x', 'y')")
    files = [p for p in tmp_path.iterdir() if p.name.startswith("embedded-server.db")]
    assert files
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    database.close()


def test_log_files_are_private(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    old = logs / "glasvermittler.log.2026-01-01"
    old.write_text("old\n", encoding="utf-8")
    old.chmod(0o644)
    setup = LogSetup(logs)
    try:
        logging.getLogger("desktop.test").warning("written to the file")
        setup.handler.flush()
        current = logs / "glasvermittler.log"
        assert current.is_file()
        assert _mode(current) == 0o600
        assert _mode(old) == 0o600
    finally:
        setup.close()
