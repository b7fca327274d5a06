"""``python -m desktop --check-startup`` starts the real app (embedded server) and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_check_startup_prints_figures_and_exits_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["GLASVERMITTLER_DATA_DIR"] = str(tmp_path / "data")
    env["GLASVERMITTLER_CONFIG_DIR"] = str(tmp_path / "config")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--check-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = dict(line.split("=", 1) for line in proc.stdout.split() if "=" in line)
    assert int(lines["startup_ms"]) > 0
    assert int(lines["login_ms"]) >= int(lines["startup_ms"])
    assert int(lines["startup_ms"]) <= int(lines["client_ms"]) <= int(lines["ready_ms"])
    # the embedded demo server's database lived for this run only; logs were written
    assert not list((tmp_path / "data").glob("embedded-server.db*"))
    assert (tmp_path / "data" / "logs" / "glasvermittler.log").is_file()


def test_version_flag(tmp_path: Path) -> None:
    from desktop import __version__

    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.strip() == __version__


def test_a_second_app_on_the_same_data_dir_stops_before_starting_anything(tmp_path: Path) -> None:
    from PySide6.QtCore import QLockFile

    from desktop.app import LOCK_FILE

    data = tmp_path / "data"
    data.mkdir()
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["GLASVERMITTLER_DATA_DIR"] = str(data)
    env["GLASVERMITTLER_CONFIG_DIR"] = str(tmp_path / "config")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    running = QLockFile(str(data / LOCK_FILE))  # this process plays the running app
    assert running.tryLock(0)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "desktop", "--check-startup"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        running.unlock()
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stdout.split() == ["already_running"]
    assert not (data / "embedded-server.db").exists()  # no second server, store or outbox
    assert not (data / "local.db").exists()


def test_the_demo_server_ends_with_a_crashed_app_and_deletes_its_data(tmp_path: Path) -> None:
    import time

    data = tmp_path / "data"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["GLASVERMITTLER_DATA_DIR"] = str(data)
    env["GLASVERMITTLER_CONFIG_DIR"] = str(tmp_path / "config")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    db = data / "embedded-server.db"
    try:
        deadline = time.monotonic() + 120
        while not db.exists() and time.monotonic() < deadline and app.poll() is None:
            time.sleep(0.05)
        assert db.exists(), "the embedded server did not start"
    finally:
        app.kill()  # no clean-up in the app: its server process must notice and end itself
        app.wait(timeout=30)
    deadline = time.monotonic() + 60
    while list(data.glob("embedded-server.db*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(data.glob("embedded-server.db*"))
