"""The embedded server in its own process: serves, obeys commands, ends with its parent."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from extranet.server_process import ServerProcess, ServerProcessError
from tests.helpers.server_fixtures import API, api_session


def _serves(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=1):
            return True
    except OSError:
        return False


def _wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_serves_demo_data_on_loopback_and_deletes_it_at_stop(tmp_path: Path) -> None:
    db = tmp_path / "server.db"
    server = ServerProcess(db, ephemeral=True)
    try:
        url = server.begin().start()
        assert urlsplit(url).hostname == "127.0.0.1"
        assert server.running
        assert db.is_file()
        session = api_session(url, "demo", "demo")
        try:
            assert session.get(f"{url}{API}/referrals", timeout=10).json()["items"]
        finally:
            session.close()
    finally:
        server.stop()
    assert not server.running
    assert not _serves(url)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_commands_reach_the_server(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server.db", ephemeral=True)
    try:
        url = server.start()  # spawns by itself without begin()
        session = api_session(url, "demo", "demo")
        try:
            server.expire_sessions()
            assert session.get(f"{url}{API}/config", timeout=10).status_code == 401
        finally:
            session.close()
        staff = api_session(url, "demo", "demo")
        try:
            before = staff.get(f"{url}{API}/referrals", timeout=10).json()["items"]
            server.wipe_data()  # fresh demo data, sessions stay valid
            after = staff.get(f"{url}{API}/referrals", timeout=10).json()["items"]
        finally:
            staff.close()
        assert sorted(r["nachname"] for r in after) == sorted(r["nachname"] for r in before)
        assert {r["id"] for r in after}.isdisjoint({r["id"] for r in before})
    finally:
        server.stop()


def test_a_failed_start_reports_the_exception_class_only(tmp_path: Path) -> None:
    db = tmp_path / "server.db"
    db.mkdir()  # a folder where the database should be
    server = ServerProcess(db, ephemeral=True)
    with pytest.raises(ServerProcessError) as raised:
        server.start()
    assert raised.value.exception_type == "OperationalError"
    assert str(tmp_path) not in str(raised.value)
    assert not server.running
    with pytest.raises(ServerProcessError):
        server.wipe_data()


def test_spawned_early_it_imports_but_serves_only_when_told(tmp_path: Path) -> None:
    db = tmp_path / "server.db"
    db.write_bytes(b"left by a crashed run")  # an ephemeral server deletes it when it serves
    server = ServerProcess(db, ephemeral=True).spawn()
    try:
        time.sleep(0.5)  # the child imports the server meanwhile
        assert server.running
        assert db.read_bytes() == b"left by a crashed run"  # not touched before begin()
        url = server.begin().start()
        session = api_session(url, "demo", "demo")
        try:
            assert session.get(f"{url}{API}/referrals", timeout=10).json()["items"]
        finally:
            session.close()
    finally:
        server.stop()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


_LIGHT_IMPORTS = """
import sys
from extranet.runner import preload
from extranet.server_process import lighten_imports

lighten_imports()
preload()
from fastapi.openapi.models import OpenAPI
from extranet.routes.session import LoginBody

print(sys.modules["pydantic.v1"] is None, OpenAPI.__pydantic_complete__,
      LoginBody.__pydantic_complete__)
"""


def test_the_child_builds_no_model_before_its_first_use() -> None:
    checked = subprocess.run(
        [sys.executable, "-c", _LIGHT_IMPORTS], capture_output=True, text=True, timeout=120
    )
    assert checked.stdout.split() == ["True", "False", "False"], checked.stderr


def test_with_deferred_models_it_serves_the_api_and_its_document(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server.db", ephemeral=True)
    try:
        url = server.start()
        session = api_session(url, "demo", "demo")
        try:
            created = session.post(
                f"{url}{API}/postbox/tickets",
                json={"subject": "Rückfrage", "body": "Bitte um Rückruf."},
                headers={"Idempotency-Key": "4f1c1e4e-2f7a-4a53-9d4e-2b8e8f0c2a11"},
                timeout=10,
            )
            assert created.status_code == 201, created.text
            refused = session.post(
                f"{url}{API}/postbox/tickets",
                json={"subject": ["not", "text"], "body": "Bitte um Rückruf."},
                headers={"Idempotency-Key": "0b6f4a52-8f0e-4d1c-9b7a-6f3e2d1c0b9a"},
                timeout=10,
            )
            assert refused.status_code == 422, refused.text
            assert refused.json()["errors"][0]["pointer"] == "/subject"
        finally:
            session.close()
        spec = requests.get(f"{url}/openapi.json", timeout=30).json()
        assert f"{API}/session" in spec["paths"]
    finally:
        server.stop()


_FORK_CHECK = """
import threading
from extranet.server_process import can_fork

alone = can_fork()
stop = threading.Event()
helper = threading.Thread(target=stop.wait)
helper.start()
with_thread = can_fork()
stop.set()
helper.join()
import PySide6.QtCore
print(alone, with_thread, can_fork())
"""


def test_it_forks_only_without_threads_and_before_qt() -> None:
    checked = subprocess.run(
        [sys.executable, "-c", _FORK_CHECK],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    expected = "True False False" if sys.platform.startswith("linux") else "False False False"
    assert checked.stdout.split("\n")[0] == expected


def test_stopped_before_serving_it_never_serves(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server.db", ephemeral=True).begin()
    server.stop()  # waits for the start, then ends it (the app quitting during start-up)
    assert not server.running
    with pytest.raises(ServerProcessError):
        server.start()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


_CRASHING_PARENT = """
import os, sys
from pathlib import Path
from extranet.server_process import ServerProcess, can_fork

server = ServerProcess(Path(sys.argv[1]), ephemeral=True)
if sys.argv[2] == "fork":
    assert can_fork() == sys.platform.startswith("linux")  # one thread, no Qt: as the app's start
    server.spawn(fork=True)
print(server.start(), flush=True)
os._exit(3)  # a crash: no clean-up, no atexit handlers
"""


@pytest.mark.parametrize("how", ["spawn", "fork"])
def test_the_server_ends_and_deletes_its_data_when_the_parent_crashes(
    tmp_path: Path, how: str
) -> None:
    db = tmp_path / "server.db"
    parent = subprocess.run(
        [sys.executable, "-c", _CRASHING_PARENT, str(db), how],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert parent.returncode == 3, parent.stderr
    url = parent.stdout.strip()
    assert url.startswith("http://127.0.0.1:")
    assert _wait_until(lambda: not db.exists(), 30), "the orphaned server kept its database"
    assert _wait_until(lambda: not _serves(url), 30), "the orphaned server still serves"
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}{API}/config", timeout=2)


def test_stop_while_another_thread_waits_for_the_start(tmp_path: Path) -> None:
    import threading

    server = ServerProcess(tmp_path / "server.db", ephemeral=True).begin()
    failures: list[BaseException] = []

    def wait_for_start() -> None:
        try:
            server.start()
        except ServerProcessError as exc:
            failures.append(exc)

    waiter = threading.Thread(target=wait_for_start)
    waiter.start()
    time.sleep(0.1)  # the waiter holds the lock while it polls the pipe
    server.stop()  # the app quitting during start-up: it does not wait for the lock forever
    waiter.join(timeout=30)
    assert not waiter.is_alive()
    assert len(failures) == 1
    assert not server.running
    assert _wait_until(lambda: not any(tmp_path.iterdir()), 30)
