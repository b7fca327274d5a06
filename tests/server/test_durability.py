"""Only a database that is deleted when the server stops gives up SQLite's disk syncs."""

from __future__ import annotations

from pathlib import Path

import pytest

from extranet.runner import EmbeddedServer

SYNCHRONOUS_OFF, SYNCHRONOUS_NORMAL = 0, 1


@pytest.mark.parametrize(
    ("ephemeral", "synchronous"), [(False, SYNCHRONOUS_NORMAL), (True, SYNCHRONOUS_OFF)]
)
def test_only_an_ephemeral_database_skips_disk_syncs(
    tmp_path: Path, ephemeral: bool, synchronous: int
) -> None:
    server = EmbeddedServer(tmp_path / "server.db", ephemeral=ephemeral)
    server.start()
    try:
        assert server.state is not None
        with server.state.db.tx() as conn:
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == synchronous
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 3
    finally:
        server.stop()
    assert (tmp_path / "server.db").exists() is not ephemeral
