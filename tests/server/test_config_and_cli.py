"""Configuration (catalogues, ETag/304), generic 500s, and ``python -m extranet``."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from extranet.runner import EmbeddedServer
from tests.helpers.server_fixtures import API, api_session
from tests.server.util import problem

REQUIRED_CATALOGS = {
    "schadenart",
    "scheibe",
    "schadengroesse",
    "lage",
    "ursache",
    "deckung",
    "selbstbeteiligung",
    "service_wunsch",
    "zeitfenster",
    "assistenzsysteme",
    "versicherer",
}


def test_config_document(server: EmbeddedServer) -> None:
    demo = api_session(server.url, "demo", "demo")
    config = demo.get(f"{server.url}{API}/config", timeout=10).json()
    assert config["servicenummer"] == "SN-100234"
    assert set(config["catalogs"]) >= REQUIRED_CATALOGS
    for entries in config["catalogs"].values():
        codes = [e["code"] for e in entries]
        assert len(codes) == len(set(codes))
        assert all(c == c.lower() and " " not in c for c in codes)
        assert all(e["label"] for e in entries)
    assert config["consent"]["text_version"]
    assert "einverstanden" in config["consent"]["text"]
    assert config["limits"] == {
        "max_images": 10,
        "max_image_bytes": 15_000_000,
        "max_image_pixels": 120_000_000,
        "image_types": ["image/jpeg", "image/png"],
    }
    assert config["draft_retention_days"] == 7
    contact = config["privacy_contact"]
    assert set(contact) == {"name", "organisation", "address", "phone", "email"}
    assert "fiktiv" in contact["organisation"]
    assert contact["email"].endswith("@example.org")
    assert "intersoft" not in str(contact).lower()


def test_config_etag_and_304(server: EmbeddedServer) -> None:
    demo = api_session(server.url, "demo", "demo")
    first = demo.get(f"{server.url}{API}/config", timeout=10)
    etag = first.headers["ETag"]
    cached = demo.get(f"{server.url}{API}/config", headers={"If-None-Match": etag}, timeout=10)
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached.headers["ETag"] == etag
    stale = demo.get(f"{server.url}{API}/config", headers={"If-None-Match": '"alt"'}, timeout=10)
    assert stale.status_code == 200
    # another broker has another Servicenummer, hence another document
    other = api_session(server.url, "demo2", "demo2").get(f"{server.url}{API}/config", timeout=10)
    assert other.headers["ETag"] != etag


def test_unhandled_error_is_generic_500(fresh_server: EmbeddedServer) -> None:
    demo = api_session(fresh_server.url, "demo", "demo")
    referral = demo.get(f"{fresh_server.url}{API}/referrals", timeout=10).json()["items"][0]
    with sqlite3.connect(fresh_server.db_path) as conn:
        conn.execute("DROP TABLE images")
    response = demo.get(f"{fresh_server.url}{API}/referrals/{referral['id']}/images", timeout=10)
    body = problem(response, 500, "internal-error")
    assert "images" not in response.text
    assert "Traceback" not in response.text
    assert set(body) == {"type", "title", "status", "detail", "code"}


def test_module_prints_listening_line_and_serves(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extranet",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--db",
            str(tmp_path / "cli.sqlite"),
            "--demo",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on http://127.0.0.1:")
        url = line.removeprefix("listening on ")
        port = int(url.rsplit(":", 1)[1])
        assert port > 0
        session = api_session(url, "demo", "demo")
        assert session.get(f"{url}{API}/config", timeout=10).status_code == 200
        assert requests.get(f"{url}/openapi.json", timeout=10).status_code == 200
    finally:
        proc.terminate()
        try:
            assert proc.wait(timeout=15) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.mark.parametrize("host", ["0.0.0.0"])
def test_demo_binds_loopback_only(tmp_path: Path, host: str) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extranet",
            "--host",
            host,
            "--port",
            "0",
            "--db",
            str(tmp_path / "cli.sqlite"),
            "--demo",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("listening on http://127.0.0.1:")
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        if proc.stdout is not None:
            proc.stdout.close()


def test_server_logs_carry_no_personal_data(
    fresh_server: EmbeddedServer, caplog: pytest.LogCaptureFixture
) -> None:
    import uuid

    from tests.server.util import referral_payload, with_consent

    caplog.set_level(logging.DEBUG)
    demo = api_session(fresh_server.url, "demo", "demo")
    payload = with_consent(referral_payload(nachname="Zyxwvu"), bemerkungen="schwerhörig")
    response = demo.post(
        f"{fresh_server.url}{API}/referrals",
        json=payload,
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    problem(response, 422, "privacy-violation")
    with sqlite3.connect(fresh_server.db_path) as conn:
        conn.execute("DROP TABLE tickets")
    problem(demo.get(f"{fresh_server.url}{API}/postbox/changes", timeout=10), 500, "internal-error")
    assert "unhandled" in caplog.text  # the 500 was logged ...
    for secret in ("Zyxwvu", "schwerh", "B-XY", "1234567", demo.cookies["gv_session"]):
        assert secret not in caplog.text  # ... without personal data or tokens
