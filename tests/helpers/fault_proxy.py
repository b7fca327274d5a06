"""A tiny real HTTP proxy on loopback that injects faults in front of the real server.

Not a mock: requests that are not faulted are forwarded byte-for-byte to the real reference
server and its real answers come back. Faults are queued and consumed by matching requests::

    with FaultProxy(server.url) as proxy:
        proxy.fail_next(2, status=503, retry_after="1")    # answer 503 + Retry-After, no forward
        proxy.drop_after_forward_next(1, method="POST")     # server commits, client gets nothing
        proxy.drop_before_forward_next(1)                   # connection closed, server sees nothing
        client = ExtranetClient(proxy.url)

Every connection carries exactly one request (``Connection: close``), which keeps the proxy
small. ``proxy.log`` records ``(method, path, action)`` for each request, and
``proxy.exchanges`` what went over the wire: each request's headers and the status answered.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import socketserver
import threading
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlsplit

__all__ = ["Exchange", "FaultProxy"]

_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "content-length",
}


@dataclass
class _Fault:
    action: str  # "status" | "drop-after" | "drop-before"
    remaining: int
    method: str | None
    path_prefix: str | None
    status: int = 503
    retry_after: str | None = None

    def matches(self, method: str, path: str) -> bool:
        if self.remaining <= 0:
            return False
        if self.method and self.method != method:
            return False
        return not (self.path_prefix and not path.startswith(self.path_prefix))


@dataclass(frozen=True)
class Exchange:
    """One request as the proxy received it (header names in lower case) and the status it
    answered (``None``: none)."""

    method: str
    path: str
    headers: dict[str, str]
    status: int | None


@dataclass
class _Request:
    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes


def _read_request(sock: socket.socket) -> _Request | None:
    """Read one HTTP/1.1 request (Content-Length bodies only)."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head, rest = buf.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip(), value.strip()))
    length = next((int(v) for k, v in headers if k.lower() == "content-length"), 0)
    body = rest
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return _Request(method, target, headers, body[:length])


class FaultProxy:
    """Fault-injecting HTTP proxy in a daemon thread on 127.0.0.1.

    Args:
        upstream: Base URL of the real server, e.g. ``server.url``.
    """

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self._up_host = parts.hostname or "127.0.0.1"
        self._up_port = parts.port or 80
        self._faults: list[_Fault] = []
        self._lock = threading.Lock()
        self.log: list[tuple[str, str, str]] = []
        self.exchanges: list[Exchange] = []
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread: threading.Thread | None = None
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    # ------------------------------------------------------------------ control
    def start(self) -> str:
        """Start serving; returns the proxy's base URL."""
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self.url

    def stop(self) -> None:
        """Stop serving and join the thread."""
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _add(self, fault: _Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def fail_next(
        self,
        n: int,
        *,
        status: int = 503,
        retry_after: str | None = "1",
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Answer the next ``n`` matching requests with ``status`` (problem+json), not forwarded."""
        self._add(_Fault("status", n, method, path, status, retry_after))

    def drop_after_forward_next(
        self, n: int, *, method: str | None = None, path: str | None = None
    ) -> None:
        """Forward the next ``n`` matching requests, then close without answering."""
        self._add(_Fault("drop-after", n, method, path))

    def drop_before_forward_next(
        self, n: int, *, method: str | None = None, path: str | None = None
    ) -> None:
        """Close the next ``n`` matching connections without forwarding anything."""
        self._add(_Fault("drop-before", n, method, path))

    def clear_faults(self) -> None:
        """Forget every queued fault (the "network is back")."""
        with self._lock:
            self._faults.clear()

    def actions(self, action: str | None = None) -> list[tuple[str, str, str]]:
        """Logged requests, optionally only those that got ``action``."""
        with self._lock:
            return [e for e in self.log if action is None or e[2] == action]

    # ------------------------------------------------------------------ serving
    def _take_fault(self, method: str, path: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.remaining -= 1
                    return fault
        return None

    def _handle(self, sock: socket.socket) -> None:
        req = _read_request(sock)
        if req is None:
            return
        path = urlsplit(req.target).path
        fault = self._take_fault(req.method, path)
        action = fault.action if fault else "forward"
        with self._lock:
            self.log.append((req.method, path, action))
        answer: bytes | None = None  # None: the connection is closed without an answer
        if fault is None:
            answer = self._forward(req)
        elif fault.action == "status":
            answer = _problem(fault.status, fault.retry_after)
        elif fault.action == "drop-after":
            self._forward(req)
        status = None if answer is None else int(answer.split(b" ", 2)[1])
        headers = {name.lower(): value for name, value in req.headers}
        with self._lock:  # recorded before the client can see the answer
            self.exchanges.append(Exchange(req.method, path, headers, status))
        if answer is None:
            _abort(sock)
        else:
            sock.sendall(answer)

    def _forward(self, req: _Request) -> bytes:
        """Send ``req`` to the real server and return its complete raw answer."""
        conn = http.client.HTTPConnection(self._up_host, self._up_port, timeout=30)
        try:
            headers = {k: v for k, v in req.headers if k.lower() not in _HOP_BY_HOP}
            headers["Connection"] = "close"
            conn.request(req.method, req.target, body=req.body or None, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
            lines = [f"HTTP/1.1 {resp.status} {resp.reason}"]
            lines += [f"{k}: {v}" for k, v in resp.getheaders() if k.lower() not in _HOP_BY_HOP]
            lines += [f"Content-Length: {len(body)}", "Connection: close"]
            return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        finally:
            conn.close()


def _problem(status: int, retry_after: str | None) -> bytes:
    body = json.dumps(
        {"type": "about:blank", "title": "Injected fault", "status": status, "code": "unavailable"}
    ).encode()
    lines = [f"HTTP/1.1 {status} Injected", "Content-Type: application/problem+json"]
    if retry_after is not None:
        lines.append(f"Retry-After: {retry_after}")
    lines += [f"Content-Length: {len(body)}", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _abort(sock: socket.socket) -> None:
    """Close the connection without an answer."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
