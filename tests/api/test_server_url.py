"""Password and customer data never cross the network unencrypted: plain http only to
loopback, https elsewhere with the certificate verified."""

from __future__ import annotations

import http.server
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.api import ExtranetClient, NetworkError
from desktop.api.server_url import server_url_problem
from desktop.settings import validate_server_url
from tests.helpers.tls import self_signed_certificate


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5:8080",
        "http://extranet.example.com",
        "http://192.168.1.20",
        "http://[fe80::1]:8765",
        "http://localhost.example.com:8765",
        "http://127.0.0.1.nip.io:8765",
    ],
)
def test_plain_http_to_another_host_is_refused(url: str) -> None:
    assert server_url_problem(url) == "insecure"
    assert validate_server_url(url) == "insecure"
    with pytest.raises(ValueError, match="insecure"):
        ExtranetClient(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765",
        "http://localhost:8765",
        "http://[::1]:8765",
        "http://127.0.0.2",
        "https://extranet.example.com",
        "https://10.0.0.5:8443",
    ],
)
def test_loopback_http_and_any_https_are_accepted(url: str) -> None:
    assert server_url_problem(url) is None
    ExtranetClient(url).close()


@pytest.fixture
def untrusted_https(tmp_path: Path) -> Iterator[str]:
    """An https server on loopback whose certificate no CA signed."""
    cert, key = self_signed_certificate(tmp_path)
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_an_untrusted_certificate_is_refused(untrusted_https: str) -> None:
    client = ExtranetClient(untrusted_https, retries=0, timeout=5)
    with pytest.raises(NetworkError):
        client.login("demo", "demo")
    client.close()
