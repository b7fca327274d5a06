"""ExtranetClient against the real reference server: session, typed errors, config cache."""

from __future__ import annotations

import email
import http.cookiejar
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.request import Request

import pytest

from desktop.api import (
    ExtranetClient,
    NotAuthenticated,
    NotFound,
    SessionOnlyCookieJar,
)
from desktop.paths import config_dir, data_dir
from tests.helpers.fault_proxy import FaultProxy


def _client(url: str, **kwargs: Any) -> ExtranetClient:
    kwargs.setdefault("sleep", lambda _s: None)
    return ExtranetClient(url, **kwargs)


@pytest.fixture
def proxy(server: Any) -> Iterator[FaultProxy]:
    """A pass-through proxy in front of the server that records every exchange."""
    with FaultProxy(server.url) as p:
        yield p


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
    assert len(client.cookies) == 0
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
    assert len(client.cookies) == 0


def test_config_is_revalidated_with_etag(proxy: FaultProxy) -> None:
    client = _client(proxy.url)
    client.login("demo", "demo")
    first = client.get_config()
    first["catalogs"] = "mutated by caller"
    second = client.get_config()
    configs = [e for e in proxy.exchanges if e.path == "/api/v1/config"]
    assert [e.status for e in configs] == [200, 304]
    assert "if-none-match" not in configs[0].headers
    assert configs[1].headers["if-none-match"]
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


def test_cookie_jar_is_memory_only(proxy: FaultProxy) -> None:
    client = _client(proxy.url)
    jar = client.cookies
    assert isinstance(jar, SessionOnlyCookieJar)
    assert not isinstance(jar, http.cookiejar.FileCookieJar)
    client.login("demo", "demo")
    cookies = list(jar)
    assert [c.name for c in cookies] == ["gv_session"]
    assert all(c.expires is None and c.discard for c in cookies)
    client.get_config()
    (config,) = [e for e in proxy.exchanges if e.path == "/api/v1/config"]
    assert config.headers["cookie"] == f"gv_session={cookies[0].value}"
    client.logout()
    assert len(jar) == 0
    client.close()


class _Answer:
    """The header part of an HTTP answer, as :meth:`CookieJar.extract_cookies` reads it."""

    def __init__(self, set_cookie: str) -> None:
        self._headers = email.message_from_string(f"Set-Cookie: {set_cookie}\n\n")

    def info(self) -> email.message.Message:
        return self._headers


@pytest.mark.parametrize(
    "set_cookie",
    [
        "gv_session=token; Path=/api; Max-Age=86400",
        "gv_session=token; Path=/api; Expires=Fri, 01 Jan 2100 00:00:00 GMT",
    ],
)
def test_persistent_set_cookie_is_downgraded_to_session_cookie(set_cookie: str) -> None:
    jar = SessionOnlyCookieJar()
    request = Request("http://127.0.0.1:8765/api/v1/session", method="POST")
    jar.extract_cookies(_Answer(set_cookie), request)  # type: ignore[arg-type]
    (cookie,) = list(jar)
    assert (cookie.name, cookie.value) == ("gv_session", "token")
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
    token = next(iter(client.cookies)).value
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
