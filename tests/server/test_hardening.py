"""Hardening of the reference server: body and image limits before parsing, 64-bit overflow,
login throttling, idempotency keys after a crash, loopback Host/Origin check."""

from __future__ import annotations

import base64
import json
import socket
import struct
import uuid
import zlib
from urllib.parse import urlsplit

import pytest
import requests

from extranet.catalogs import LIMITS
from extranet.limits import declared_limits
from extranet.routes import config, images, postbox, referrals, session
from extranet.runner import EmbeddedServer
from extranet.security import LoginThrottle
from tests.helpers.server_fixtures import API, CLIENT_HEADERS, api_session
from tests.server.util import create_referral, problem, referral_payload

TOO_BIG = 2**63


def _raw_request(url: str, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send ``head`` (request line and headers) plus ``body`` on a raw socket; status, body."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(head.encode("latin-1") + b"\r\n" + body)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        header, _, rest = received.partition(b"\r\n\r\n")
        length = 0
        for line in header.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
    return int(header.split(b" ")[1]), rest


# ---------------------------------------------------------------- body size before parsing


def test_oversized_body_is_refused_from_its_declared_length(server: EmbeddedServer) -> None:
    """A 100 MB body announced by Content-Length is refused before a byte of it is read."""
    host = urlsplit(server.url).netloc
    head = (
        f"POST {API}/referrals HTTP/1.1\r\nHost: {host}\r\nX-Client: glasvermittler\r\n"
        "Content-Type: application/json\r\nContent-Length: 100000000\r\n"
    )
    status, body = _raw_request(server.url, head, b'{"nachname": "')
    assert status == 413
    assert json.loads(body)["code"] == "payload-too-large"


def test_oversized_chunked_body_is_stopped_at_the_limit(server: EmbeddedServer) -> None:
    def chunks():  # no Content-Length: the server has to count
        yield b'{"login": "'
        for _ in range(64):
            yield b"x" * 1024
        yield b'", "password": "x"}'

    response = requests.post(
        f"{server.url}{API}/session",
        data=chunks(),
        headers={**CLIENT_HEADERS, "Content-Type": "application/json"},
        timeout=10,
    )
    problem(response, 413, "payload-too-large")


def test_body_limits_are_documented_per_route(server: EmbeddedServer) -> None:
    spec = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    post = spec["paths"][f"{API}/referrals"]["post"]
    assert post["x-max-body-bytes"] == 64 * 1024
    assert "payload-too-large" in post["responses"]["413"]["description"]
    image = spec["paths"][f"{API}/referrals/{{referral_id}}/images/{{image_id}}"]["put"]
    assert image["x-max-body-bytes"] == LIMITS["max_image_bytes"]
    assert "image-too-large" in image["responses"]["413"]["description"]


def test_enforced_body_limits_are_exactly_the_documented_ones(server: EmbeddedServer) -> None:
    spec = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    documented = {
        (path, method.upper(), operation["x-max-body-bytes"], operation["x-too-large-code"])
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if "x-max-body-bytes" in operation
    }
    routers = [module.router for module in (session, config, referrals, images, postbox)]
    enforced = {
        (limit.path, limit.method, limit.limit, limit.code)
        for limit in declared_limits(routers, API)
    }
    assert len(documented) == 6
    assert enforced == documented


def test_normal_requests_pass_the_limit(server: EmbeddedServer) -> None:
    session = api_session(server.url, "demo", "demo")
    payload = referral_payload(
        voluntary={"bemerkungen": "ü" * 900}, consent={"granted": False}
    )  # 900 umlauts escaped as \\u00fc: well under the limit
    response = session.post(
        f"{server.url}{API}/referrals",
        json=payload,
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    problem(response, 422, "consent-required")


# ---------------------------------------------------------------- image dimensions


def _png_bomb(width: int, height: int) -> bytes:
    """A valid grey PNG of ``width`` × ``height`` that compresses to a few hundred kB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * width
    parts = [compressor.compress(row) for _ in range(height)]
    parts.append(compressor.flush())
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", b"".join(parts))
        + chunk(b"IEND", b"")
    )


def test_decompression_bomb_is_refused_from_its_header(server: EmbeddedServer) -> None:
    session = api_session(server.url, "demo", "demo")
    referral = create_referral(session, server.url)
    # Declared 13000 × 13000 px (169 MP) in a few bytes of IDAT: only the header is read.
    header_only = _png_bomb(13000, 1)
    header_only = header_only[:16] + struct.pack(">II", 13000, 13000) + header_only[24:]
    response = session.put(
        f"{server.url}{API}/referrals/{referral['id']}/images/{uuid.uuid4()}",
        data=header_only,
        headers={"Content-Type": "image/png", "Photo-Review": "none"},
        timeout=30,
    )
    problem(response, 422, "image-too-many-pixels")
    listed = session.get(f"{server.url}{API}/referrals/{referral['id']}/images", timeout=10)
    assert listed.json() == []


def test_pixel_limit_is_published_in_config(server: EmbeddedServer) -> None:
    from desktop.privacy.image import DEFAULT_MAX_PIXELS

    session = api_session(server.url, "demo", "demo")
    limits = session.get(f"{server.url}{API}/config", timeout=10).json()["limits"]
    assert limits["max_image_pixels"] == DEFAULT_MAX_PIXELS  # what the client pipeline accepts


# ---------------------------------------------------------------- 64-bit overflow → 4xx


def _raw_cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/postbox/tickets/{n}"),
        ("PATCH", "/postbox/tickets/{n}"),
        ("DELETE", "/postbox/tickets/{n}"),
        ("PUT", "/postbox/tickets/{n}/read"),
        ("POST", "/postbox/tickets/{n}/messages"),
    ],
)
@pytest.mark.parametrize("number", [TOO_BIG, 2**64, -(2**63) - 1, 10**30])
def test_huge_ids_in_paths_are_4xx(
    server: EmbeddedServer, method: str, path: str, number: int
) -> None:
    session = api_session(server.url, "demo", "demo")
    response = session.request(
        method,
        f"{server.url}{API}{path.format(n=number)}",
        json={"status": "closed", "last_read_message_id": 1, "body": "Hallo"},
        headers={"Idempotency-Key": str(uuid.uuid4()), "If-Match": '"t1.1"'},
        timeout=10,
    )
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("value", [TOO_BIG, 2**64, 10**30])
def test_huge_read_pointer_is_4xx(server: EmbeddedServer, value: int) -> None:
    session = api_session(server.url, "demo", "demo")
    feed = session.get(f"{server.url}{API}/postbox/changes", timeout=10).json()
    ticket = feed["tickets"][0]["id"]
    response = session.put(
        f"{server.url}{API}/postbox/tickets/{ticket}/read",
        json={"last_read_message_id": value},
        timeout=10,
    )
    problem(response, 422, "validation-failed")


@pytest.mark.parametrize("route", ["/referrals", "/postbox/changes"])
@pytest.mark.parametrize(
    "text",
    [
        '{"k":"{kind}","e":1,"s":1e400}',
        '{"k":"{kind}","e":1,"s":Infinity}',
        '{"k":"{kind}","e":1,"s":-Infinity}',
        '{"k":"{kind}","e":1,"s":NaN}',
        '{"k":"{kind}","e":1e400,"s":1}',
        '{"k":"{kind}","e":1,"s":' + str(TOO_BIG) + "}",
        '{"k":"{kind}","e":' + str(TOO_BIG) + ',"s":1}',
        '{"k":"{kind}","e":1,"s":1.5}',
        '{"k":"{kind}","e":1,"s":true}',
        "[" * 5000 + "]" * 5000,
    ],
)
def test_garbled_cursors_are_400(server: EmbeddedServer, route: str, text: str) -> None:
    kind = "referrals" if route == "/referrals" else "postbox"
    cursor = _raw_cursor(text.replace("{kind}", kind))
    session = api_session(server.url, "demo", "demo")
    response = session.get(f"{server.url}{API}{route}", params={"since": cursor}, timeout=10)
    problem(response, 400, "cursor-invalid")


def test_huge_limit_is_clamped(server: EmbeddedServer) -> None:
    session = api_session(server.url, "demo", "demo")
    response = session.get(f"{server.url}{API}/referrals", params={"limit": 10**30}, timeout=10)
    assert response.status_code == 200


# ---------------------------------------------------------------- login throttle


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_junk_login_flood_does_not_reset_an_accounts_counter() -> None:
    clock = _Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(4):
        throttle.failed("demo", "192.0.2.1", known_account=True)
    for n in range(12_000):  # junk names from many addresses
        throttle.failed(f"junk{n}", f"198.51.{n // 250}.{n % 250}", known_account=False)
    throttle.failed("demo", "192.0.2.1", known_account=True)
    assert throttle.retry_after("demo", "203.0.113.9") is not None
    accounts, _addresses = throttle.tracked()
    assert accounts == 1  # unknown names are not kept per name


def test_account_stays_usable_for_its_owner_under_attack() -> None:
    clock = _Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(500):  # an attacker hammering the account from many addresses
        throttle.failed("demo", f"198.51.100.{clock.now % 200:.0f}", known_account=True)
        clock.now += 1
    wait = throttle.retry_after("demo", "203.0.113.7")  # the owner, from their own address
    assert wait is not None
    assert wait <= throttle.account.max_delay_s  # a delay, never a lock-out
    clock.now += wait
    assert throttle.retry_after("demo", "203.0.113.7") is None


def test_counters_expire_by_age() -> None:
    clock = _Clock()
    throttle = LoginThrottle(clock=clock, window_s=60)
    for _ in range(8):
        throttle.failed("demo", "192.0.2.1", known_account=True)
    clock.now += 61 + throttle.address.max_delay_s
    assert throttle.retry_after("demo", "192.0.2.1") is None
    assert throttle.tracked() == (0, 0)


def test_one_address_spraying_many_names_is_throttled(fresh_server: EmbeddedServer) -> None:
    url = f"{fresh_server.url}{API}/session"
    codes = []
    for n in range(12):
        response = requests.post(
            url,
            json={"login": f"niemand{n}", "password": "nope"},
            headers=CLIENT_HEADERS,
            timeout=10,
        )
        codes.append(response.status_code)
    assert codes[:10] == [401] * 10
    assert codes[-1] == 429
    problem(response, 429, "too-many-attempts")
    assert int(response.headers["Retry-After"]) > 0


# ---------------------------------------------------------------- loopback Host / Origin


@pytest.mark.parametrize(
    "host", ["evil.example:{port}", "10.0.0.5:{port}", "localhost.evil.example", ""]
)
def test_foreign_host_names_are_refused(server: EmbeddedServer, host: str) -> None:
    port = urlsplit(server.url).port
    head = f"GET /openapi.json HTTP/1.1\r\nHost: {host.format(port=port)}\r\n"
    status, body = _raw_request(server.url, head)
    assert status == 403
    assert json.loads(body)["code"] == "host-not-allowed"


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "127.0.0.1"])
def test_loopback_host_names_are_served(server: EmbeddedServer, host: str) -> None:
    port = urlsplit(server.url).port
    head = f"GET /openapi.json HTTP/1.1\r\nHost: {host.format(port=port)}\r\n"
    status, _ = _raw_request(server.url, head)
    assert status == 200


def test_foreign_origin_is_refused(server: EmbeddedServer) -> None:
    response = requests.post(
        f"{server.url}{API}/session",
        json={"login": "demo", "password": "demo"},
        headers={**CLIENT_HEADERS, "Origin": "http://evil.example"},
        timeout=10,
    )
    problem(response, 403, "host-not-allowed")
