"""Fixtures that start the reference Extranet server on loopback.

- ``server``: one server for the whole test session (demo accounts and demo data, temp DB).
  Do not expire its sessions/cursors or lock its demo logins; use ``fresh_server`` for that.
- ``fresh_server``: a server with its own empty-but-demo-seeded DB for one test.
- ``api_session(url, login, password)``: a logged-in ``requests.Session`` with ``X-Client``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from extranet.runner import EmbeddedServer

API = "/api/v1"
CLIENT_HEADERS = {"X-Client": "glasvermittler"}


def api_session(url: str, login: str, password: str) -> requests.Session:
    """Log in at ``url`` (base URL of the server) and return the session.

    The session sends ``X-Client: glasvermittler`` on every request; paths are absolute,
    e.g. ``s.get(url + "/api/v1/config")``.
    """
    session = requests.Session()
    session.headers.update(CLIENT_HEADERS)
    response = session.post(
        f"{url}{API}/session", json={"login": login, "password": password}, timeout=10
    )
    if response.status_code != 200:
        session.close()
        raise AssertionError(f"login failed with HTTP {response.status_code}")
    return session


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    """Session-wide reference server with demo accounts and demo data."""
    db = Path(tmp_path_factory.mktemp("extranet")) / "extranet.sqlite"
    srv = EmbeddedServer(db, demo=True)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    """A reference server with its own database for one test."""
    srv = EmbeddedServer(tmp_path / "extranet-fresh.sqlite", demo=True)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
