"""Session, cookie, authentication and generic error behaviour of the reference server."""

from __future__ import annotations

import time
from pathlib import Path

import requests

from extranet.runner import EmbeddedServer
from tests.helpers.server_fixtures import API, CLIENT_HEADERS, api_session
from tests.server.util import problem


def test_login_sets_session_cookie_without_expiry(server: EmbeddedServer) -> None:
    response = requests.post(
        f"{server.url}{API}/session",
        json={"login": "demo", "password": "demo"},
        headers=CLIENT_HEADERS,
        timeout=10,
    )
    assert response.status_code == 200
    body = response.json()
    assert body["user"] == {
        "login": "demo",
        "display_name": body["user"]["display_name"],
        "role": "broker",
    }
    assert body["servicenummer"]
    assert body["idle_timeout_s"] > 0
    raw = response.headers["Set-Cookie"]
    parts = [p.strip().lower() for p in raw.split(";")]
    assert parts[0].startswith("gv_session=")
    assert "httponly" in parts
    assert "samesite=strict" in parts
    assert "path=/api" in parts
    assert not any(p.startswith(("expires", "max-age")) for p in parts)


def test_every_response_has_request_id(server: EmbeddedServer) -> None:
    ok = requests.get(f"{server.url}/openapi.json", timeout=10)
    missing = requests.get(f"{server.url}{API}/does-not-exist", timeout=10)
    ids = {ok.headers["X-Request-Id"], missing.headers["X-Request-Id"]}
    assert len(ids) == 2
    problem(missing, 404, "not-found")


def test_openapi_lists_the_api(server: EmbeddedServer) -> None:
    spec = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    assert f"{API}/referrals" in spec["paths"]
    assert f"{API}/postbox/changes" in spec["paths"]


def test_wrong_password_is_401(server: EmbeddedServer) -> None:
    response = requests.post(
        f"{server.url}{API}/session",
        json={"login": "demo2", "password": "wrong-pw-123"},
        headers=CLIENT_HEADERS,
        timeout=10,
    )
    body = problem(response, 401, "invalid-credentials")
    assert "wrong-pw-123" not in str(body)
    assert "Set-Cookie" not in response.headers


def test_unknown_login_is_401(server: EmbeddedServer) -> None:
    response = requests.post(
        f"{server.url}{API}/session",
        json={"login": "niemand", "password": "x"},
        headers=CLIENT_HEADERS,
        timeout=10,
    )
    problem(response, 401, "invalid-credentials")


def test_endpoints_need_a_session(server: EmbeddedServer) -> None:
    anon = requests.Session()
    anon.headers.update(CLIENT_HEADERS)
    for method, path in [
        ("GET", "/config"),
        ("GET", "/referrals"),
        ("GET", "/referrals/abc"),
        ("POST", "/referrals"),
        ("GET", "/postbox/changes"),
        ("POST", "/postbox/tickets"),
        ("DELETE", "/session"),
    ]:
        response = anon.request(
            method,
            f"{server.url}{API}{path}",
            json={},
            timeout=10,
            headers={"Idempotency-Key": "k"},
        )
        problem(response, 401, "not-authenticated")


def test_state_changing_requests_need_client_header(server: EmbeddedServer) -> None:
    response = requests.post(
        f"{server.url}{API}/session", json={"login": "demo", "password": "demo"}, timeout=10
    )
    problem(response, 403, "client-header-missing")
    session = api_session(server.url, "demo", "demo")
    response = session.post(
        f"{server.url}{API}/postbox/tickets",
        json={},
        headers={"X-Client": "browser"},
        timeout=10,
    )
    problem(response, 403, "client-header-missing")
    # GET works without it
    del session.headers["X-Client"]
    assert session.get(f"{server.url}{API}/config", timeout=10).status_code == 200


def test_logout_invalidates_session_on_server(server: EmbeddedServer) -> None:
    session = api_session(server.url, "demo", "demo")
    token = session.cookies.get("gv_session")
    assert session.delete(f"{server.url}{API}/session", timeout=10).status_code == 204
    # replay the old cookie explicitly: the server must refuse it
    stale = requests.get(
        f"{server.url}{API}/config", cookies={"gv_session": token or ""}, timeout=10
    )
    problem(stale, 401, "not-authenticated")


def test_expire_sessions_hook(fresh_server: EmbeddedServer) -> None:
    session = api_session(fresh_server.url, "demo", "demo")
    assert session.get(f"{fresh_server.url}{API}/config", timeout=10).status_code == 200
    fresh_server.expire_sessions()
    problem(session.get(f"{fresh_server.url}{API}/config", timeout=10), 401, "not-authenticated")


def test_repeated_failures_are_throttled(fresh_server: EmbeddedServer) -> None:
    url = f"{fresh_server.url}{API}/session"
    codes = []
    for _ in range(6):
        response = requests.post(
            url, json={"login": "demo", "password": "nope"}, headers=CLIENT_HEADERS, timeout=10
        )
        codes.append(response.status_code)
    assert codes[:4] == [401] * 4
    assert codes[-1] == 429
    # even the right password is refused while locked
    locked = requests.post(
        url, json={"login": "demo", "password": "demo"}, headers=CLIENT_HEADERS, timeout=10
    )
    problem(locked, 429, "too-many-attempts")
    assert int(locked.headers["Retry-After"]) > 0
    # other accounts are not affected
    assert api_session(fresh_server.url, "demo2", "demo2").cookies  # logged in


def test_framework_errors_are_problems(server: EmbeddedServer) -> None:
    session = api_session(server.url, "demo", "demo")
    problem(session.put(f"{server.url}{API}/config", timeout=10), 405, "method-not-allowed")
    bad = session.post(
        f"{server.url}{API}/session",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    body = problem(bad, 422, "validation-failed")
    assert "not json" not in str(body)


def test_idle_timeout_ends_session(tmp_path: Path) -> None:
    with EmbeddedServer(tmp_path / "idle.sqlite", idle_timeout_s=0.3) as srv:
        session = api_session(srv.url, "demo", "demo")
        assert session.get(f"{srv.url}{API}/config", timeout=10).status_code == 200
        time.sleep(0.5)
        problem(session.get(f"{srv.url}{API}/config", timeout=10), 401, "not-authenticated")


def test_precomputed_demo_hashes_verify_with_the_current_scrypt_parameters() -> None:
    from extranet.demo import DEMO_PASSWORD_HASHES, DEMO_USERS
    from extranet.security import verify_password

    assert set(DEMO_PASSWORD_HASHES) == {login for login, *_ in DEMO_USERS}
    for login, password, *_ in DEMO_USERS:
        salt, digest = DEMO_PASSWORD_HASHES[login]
        assert verify_password(password, salt, digest), login
        assert not verify_password(password + "x", salt, digest), login
