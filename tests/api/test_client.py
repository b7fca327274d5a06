"""ExtranetClient against the real reference server: session, typed errors, config cache."""

from __future__ import annotations

import http.cookiejar
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from requests.cookies import RequestsCookieJar

from desktop.api import (
    ExtranetClient,
    NotAuthenticated,
    NotFound,
    SessionOnlyCookieJar,
)
from desktop.paths import config_dir, data_dir


def _client(url: str, **kwargs: Any) -> ExtranetClient:
    kwargs.setdefault("sleep", lambda _s: None)
    return ExtranetClient(url, **kwargs)


def _statuses(client: ExtranetClient) -> list[int]:
    """Record the HTTP status of every real answer the client receives."""
    seen: list[int] = []

    def hook(resp: requests.Response, *args: Any, **kwargs: Any) -> None:
        seen.append(resp.status_code)

    client.session.hooks["response"].append(hook)
    return seen


def test_login_logout_roundtrip(server: Any) -> None:
    client = _client(server.url)
    assert not client.is_authenticated
    info = client.login("demo", "demo")
    assert info.login == "demo"
    assert info.role == "broker"
    assert info.servicenummer
    assert bool(client.is_authenticated)  # (bool(): mypy keeps the earlier narrowing)
    assert client.get_config()["servicenummer"] == info.servicenummer
    client.logout()
    assert not client.is_authenticated
    assert len(client.session.cookies) == 0
    with pytest.raises(NotAuthenticated) as err:
        client.get_config()
    assert err.value.code == "not-authenticated"
    assert err.value.is_permanent


def test_invalid_credentials_is_typed_with_request_id(server: Any) -> None:
    client = _client(server.url)
    with pytest.raises(NotAuthenticated) as err:
        client.login("demo", "wrong-password")
    exc = err.value
    assert (exc.status, exc.code) == (401, "invalid-credentials")
    assert exc.title
    assert exc.request_id
    assert not client.is_authenticated


def test_session_expiry_clears_local_state(fresh_server: Any) -> None:
    client = _client(fresh_server.url)
    client.login("demo", "demo")
    fresh_server.expire_sessions()
    with pytest.raises(NotAuthenticated):
        client.get_config()
    assert not client.is_authenticated
    assert len(client.session.cookies) == 0


def test_config_is_revalidated_with_etag(server: Any) -> None:
    client = _client(server.url)
    client.login("demo", "demo")
    seen = _statuses(client)
    first = client.get_config()
    first["catalogs"] = "mutated by caller"
    second = client.get_config()
    assert seen == [200, 304]
    assert second["catalogs"] != "mutated by caller"
    assert "schadenart" in second["catalogs"]
    client.logout()


def test_not_found_for_unknown_referral(server: Any) -> None:
    client = _client(server.url)
    client.login("demo", "demo")
    with pytest.raises(NotFound) as err:
        client.get_referral(str(uuid.uuid4()))
    assert err.value.status == 404
    assert err.value.is_permanent
    client.logout()


def test_cookie_jar_is_memory_only(server: Any) -> None:
    client = _client(server.url)
    jar = client.session.cookies
    assert isinstance(jar, RequestsCookieJar)
    assert isinstance(jar, SessionOnlyCookieJar)
    assert not isinstance(jar, http.cookiejar.FileCookieJar)
    client.login("demo", "demo")
    cookies: list[http.cookiejar.Cookie] = list(jar)  # type: ignore[arg-type]
    assert cookies
    assert all(c.expires is None and c.discard for c in cookies)
    client.logout()
    assert len(jar) == 0


def test_persistent_set_cookie_is_downgraded_to_session_cookie() -> None:
    jar = SessionOnlyCookieJar()
    jar.set("gv_session", "token", domain="127.0.0.1", path="/api", expires=4_102_444_800)
    cookies: list[http.cookiejar.Cookie] = list(jar)  # type: ignore[arg-type]
    (cookie,) = cookies
    assert cookie.expires is None
    assert cookie.discard


def _scan(root: Path, needle: bytes) -> list[Path]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and needle in path.read_bytes():
            hits.append(path)
    return hits


def test_no_cookie_reaches_the_disk(server: Any) -> None:
    client = _client(server.url)
    client.login("demo", "demo")
    token = next(iter(client.session.cookies)).value
    assert token
    client.get_config()
    roots = [data_dir(), config_dir()]
    for root in roots:
        if root.exists():
            assert _scan(root, token.encode()) == []
    client.logout()
    for root in roots:
        if root.exists():
            assert _scan(root, token.encode()) == []
