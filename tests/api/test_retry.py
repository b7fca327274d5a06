"""Retries, Retry-After and lost answers — through a real fault-injecting proxy on loopback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.api import ExtranetClient, NetworkError, ServerUnavailable
from desktop.api.errors import parse_retry_after
from desktop.api.transport import BackoffPolicy
from tests.helpers.fault_proxy import FaultProxy


@pytest.fixture
def proxy(server: Any) -> Iterator[FaultProxy]:
    with FaultProxy(server.url) as p:
        yield p


@pytest.fixture
def fresh_proxy(fresh_server: Any) -> Iterator[FaultProxy]:
    with FaultProxy(fresh_server.url) as p:
        yield p


def _client(url: str, sleeps: list[float], **kwargs: Any) -> ExtranetClient:
    return ExtranetClient(url, sleep=sleeps.append, **kwargs)


def test_get_retries_503_honouring_retry_after(proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(proxy.url, sleeps, backoff_cap=30.0)
    client.login("demo", "demo")
    proxy.fail_next(2, status=503, retry_after="2", path="/api/v1/config")
    config = client.get_config()
    assert "catalogs" in config
    assert sleeps == [2.0, 2.0]
    assert [a for _m, p, a in proxy.actions() if p == "/api/v1/config"] == [
        "status",
        "status",
        "forward",
    ]
    client.logout()


def test_post_without_idempotency_key_is_never_retried(proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(proxy.url, sleeps)
    proxy.fail_next(1, status=503, retry_after="1", path="/api/v1/session")
    with pytest.raises(ServerUnavailable) as err:
        client.login("demo", "demo")
    assert err.value.retry_after == 1.0
    assert err.value.status == 503
    assert not err.value.is_permanent
    assert sleeps == []
    assert len(proxy.actions()) == 1
    assert client.login("demo", "demo").login == "demo"  # the next attempt goes through
    client.logout()


def test_retry_after_longer_than_cap_is_left_to_the_caller(proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(proxy.url, sleeps, backoff_cap=5.0)
    client.login("demo", "demo")
    proxy.fail_next(1, status=503, retry_after="120", path="/api/v1/config")
    with pytest.raises(ServerUnavailable) as err:
        client.get_config()
    assert err.value.retry_after == 120.0
    assert sleeps == []
    client.logout()


def test_retries_zero_disables_retry(proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(proxy.url, sleeps, retries=0)
    client.login("demo", "demo")
    proxy.fail_next(1, status=503, retry_after="1", path="/api/v1/config")
    with pytest.raises(ServerUnavailable):
        client.get_config()
    assert sleeps == []
    client.logout()


def test_backoff_without_retry_after_is_full_jitter(proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(proxy.url, sleeps, retries=3, backoff_base=1.0, backoff_cap=3.0)
    client.login("demo", "demo")
    proxy.fail_next(3, status=502, retry_after=None, path="/api/v1/config")
    client.get_config()
    assert len(sleeps) == 3
    for attempt, delay in enumerate(sleeps):
        assert 0.0 <= delay <= min(3.0, 2.0**attempt)
    client.logout()


def test_exhausted_retries_raise_the_last_error(proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(proxy.url, sleeps, retries=2)
    client.login("demo", "demo")
    proxy.fail_next(5, status=503, retry_after="0", path="/api/v1/config")
    with pytest.raises(ServerUnavailable):
        client.get_config()
    assert sleeps == [0.0, 0.0]
    client.logout()


def test_connection_refused_is_not_committed() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sleeps: list[float] = []
    client = _client(f"http://127.0.0.1:{port}", sleeps, retries=1)
    with pytest.raises(NetworkError) as err:
        client.login("demo", "demo")
    assert not err.value.maybe_committed
    assert sleeps == []  # login is a POST without key: not retried even when refused


def test_read_timeout_is_maybe_committed() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts at TCP level, never answers
        port = listener.getsockname()[1]
        sleeps: list[float] = []
        client = _client(f"http://127.0.0.1:{port}", sleeps, timeout=0.3, retries=0)
        with pytest.raises(NetworkError) as err:
            client.get_config()
        assert err.value.maybe_committed
        client.close()


def test_retry_after_parsing() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0


def test_backoff_policy_bounds() -> None:
    policy = BackoffPolicy(base=1.0, cap=30.0)
    assert policy.delay(0, lambda: 0.999) < 1.0
    assert policy.delay(10, lambda: 1.0) == 30.0
    assert policy.delay(3, lambda: 0.5) == 4.0
