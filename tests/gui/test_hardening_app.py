"""Hardening of the app: plain http only to loopback, logout on quit, the embedded demo
server's data erased with everything else and kept only for one run."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
import requests

from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.settings import Settings
from tests.helpers.qt_fixtures import app_threads, close_window, log_in
from tests.helpers.server_fixtures import API, CLIENT_HEADERS
from tests.server.util import referral_payload

MARKER = "Wischtestmann"  # a surname that must not survive on disk


def test_settings_refuse_plain_http_to_another_pc(qtbot: Any, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.server_url.setText("http://10.0.0.5:8080")
    dialog.save()
    assert dialog.result() == 0
    assert "https://" in dialog.error_label.text()
    assert settings.server_url == ""
    dialog.server_url.setText("http://127.0.0.1:8765")
    dialog.save()
    assert settings.server_url == "http://127.0.0.1:8765"


def test_a_hand_written_plain_http_address_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[General]\nserver_url=http://10.0.0.5:8080\n", encoding="utf-8")
    assert Settings(path).server_url == ""


def test_the_command_line_refuses_plain_http_to_another_pc() -> None:
    from desktop.app import _parse

    with pytest.raises(SystemExit) as exited:
        _parse(["--server-url", "http://10.0.0.5:8080"])
    assert exited.value.code == 2
    assert _parse(["--server-url", "https://10.0.0.5"]).server_url == "https://10.0.0.5"


def test_quitting_ends_the_session_on_the_server(
    qtbot: Any, server: Any, tmp_path: Path, no_keychain: None
) -> None:
    from desktop.app import create_main_window

    before = app_threads()
    window = create_main_window(data_dir=tmp_path / "data", server_url=server.url)
    qtbot.waitUntil(
        lambda: (
            window.controller.login_dialog is not None
            and window.controller.login_dialog.isVisible()
        ),
        timeout=15_000,
    )
    log_in(qtbot, window)
    token = next(c.value for c in window.services.client.cookies if c.name == "gv_session")
    assert token
    probe = requests.Session()
    probe.headers.update(CLIENT_HEADERS)
    probe.cookies.set("gv_session", token, path="/api")
    assert probe.get(f"{server.url}{API}/config", timeout=10).status_code == 200
    window.close()
    # (the in-process test server answered on a worker thread of its own: not the app's)
    qtbot.waitUntil(
        lambda: not {t for t in app_threads() - before if not t.name.startswith("AnyIO")},
        timeout=10_000,
    )
    window.deleteLater()
    assert probe.get(f"{server.url}{API}/config", timeout=10).status_code == 401


def _files_holding(directory: Path, marker: str) -> list[str]:
    needle = marker.encode("utf-8")
    return sorted(
        str(path.relative_to(directory))
        for path in directory.rglob("*")
        if path.is_file() and needle in path.read_bytes()
    )


def _send_referral(services: Any) -> None:
    payload = referral_payload(nachname=MARKER)
    services.client.create_referral(payload, idempotency_key=str(uuid.uuid4()))


def test_wiping_local_data_erases_the_embedded_servers_database(
    qtbot: Any, logged_in_window: Any
) -> None:
    services = logged_in_window.services
    data_dir = services.data_dir
    _send_referral(services)
    assert _files_holding(data_dir, MARKER)  # the demo server keeps it in plaintext
    page = logged_in_window.page("privacy")
    with qtbot.waitSignal(page.local_data_wiped, timeout=15_000):
        page.wipe_local_data()
    assert _files_holding(data_dir, MARKER) == []
    # the demo server carries on with fresh demo data, the user stays logged in
    names = [item["nachname"] for item in services.client.list_referrals(since=None).items]
    assert names
    assert MARKER not in names


def test_the_demo_servers_data_is_gone_after_quit(
    qtbot: Any, tmp_path: Path, no_keychain: None
) -> None:
    from desktop.app import create_main_window
    from desktop.services import EMBEDDED_DB

    data_dir = tmp_path / "data"
    before = app_threads()
    window = create_main_window(data_dir=data_dir)
    log_in(qtbot, window)
    _send_referral(window.services)
    assert (data_dir / EMBEDDED_DB).is_file()
    close_window(qtbot, window, before)
    assert _files_holding(data_dir, MARKER) == []
    assert sorted(p.name for p in data_dir.glob(f"{EMBEDDED_DB}*")) == []
