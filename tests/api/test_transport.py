"""The transport's connections: keep-alive reuse, a connection the server closed, TLS checks.

These need a server that closes connections or presents a certificate on cue, which the
reference server does not: a small HTTP/1.1 server on loopback stands in for the network.
"""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop.api import NetworkError
from desktop.api.transport import Transport
from tests.helpers.tls import self_signed_certificate


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    close_after_answer = False
    connections = 0

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _Handler)
        self.closed = threading.Semaphore(0)  # released once per socket the server closed

    def shutdown_request(self, request: object) -> None:
        super().shutdown_request(request)  # type: ignore[arg-type]
        self.closed.release()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive unless a side closes
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.connections += 1

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = json.dumps({"path": self.path}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        # closed without "Connection: close", as when a keep-alive timeout ends
        self.close_connection = self.server.close_after_answer


@pytest.fixture
def http_server() -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _url(server: _Server, scheme: str = "http") -> str:
    return f"{scheme}://127.0.0.1:{server.server_address[1]}"


def test_keep_alive_connection_is_reused(http_server: _Server) -> None:
    transport = Transport(_url(http_server), retries=0)
    bodies = [transport.request("POST", f"/n/{i}", json={}).body for i in range(3)]
    transport.close()
    assert bodies == [{"path": f"/api/v1/n/{i}"} for i in range(3)]
    assert http_server.connections == 1


def test_connection_closed_by_the_server_is_not_reused(http_server: _Server) -> None:
    """A POST is never retried: it succeeds only because the closed connection is dropped
    before it is used, not after the request was lost on it."""
    http_server.close_after_answer = True
    transport = Transport(_url(http_server), retries=0)
    for i in range(3):
        assert transport.request("POST", f"/n/{i}").status == 200
        # the next request starts once the server has closed this connection (without the
        # wait, it could start before the close reaches us: a race no client can avoid)
        assert http_server.closed.acquire(timeout=5)
    transport.close()
    assert http_server.connections == 3


def test_https_certificate_is_verified(http_server: _Server, tmp_path: Path) -> None:
    """A certificate no trusted authority signed is refused before anything is sent."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed_certificate(tmp_path))
    http_server.socket = context.wrap_socket(
        http_server.socket, server_side=True, do_handshake_on_connect=False
    )
    transport = Transport(_url(http_server, "https"), retries=0)
    with pytest.raises(NetworkError) as err:
        transport.request("POST", "/session", json={"login": "demo", "password": "demo"})
    transport.close()
    assert err.value.detail == "SSLError"
    assert http_server.connections <= 1  # the handshake failed: no request was read
