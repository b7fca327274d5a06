"""HTTP transport of the API client: session, timeouts, safe retries (Qt-free).

* Standard library only (:mod:`http.client`, :mod:`http.cookiejar`): ``requests`` with
  ``urllib3`` took about 65 ms more CPU to import, on the way to the first login.
* Cookies live only in memory (:class:`SessionOnlyCookieJar`); a persistent ``Set-Cookie`` is
  downgraded to a session cookie, and nothing is ever written to disk.
* Every call has a timeout (for the connect and for each read); every call sends
  ``X-Client: glasvermittler``. No proxy and no ``.netrc`` are taken from the environment, and
  redirects are not followed.
* https: the server's certificate and host name are verified against certifi's CA bundle
  (TLS 1.2 or newer). Idle keep-alive connections are reused; one the server has closed is
  dropped before it is used.
* Retries only where repeating cannot create a duplicate: GET/HEAD/PUT/DELETE and POST carrying
  an ``Idempotency-Key``. Backoff is "full jitter" (``rand(0, min(cap, base * 2**n))``) and a
  server's ``Retry-After`` wins on 429/503 (if it is longer than the cap we give up and let the
  caller reschedule). A request whose connection could not be opened is marked as never sent.
"""

from __future__ import annotations

import http.client
import json as jsonlib
import logging
import random
import select
import ssl
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from http.cookiejar import Cookie, CookieJar
from typing import Any
from urllib.parse import urlencode, urlsplit
from urllib.request import Request

from desktop import __version__
from desktop.api.errors import ApiError, NetworkError, error_from_response

__all__ = ["BackoffPolicy", "Response", "SessionOnlyCookieJar", "Transport"]

_log = logging.getLogger(__name__)

CLIENT_HEADER = "glasvermittler"
_SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_MAX_IDLE = 10
"""Idle keep-alive connections kept per transport."""


class SessionOnlyCookieJar(CookieJar):
    """In-memory cookie jar that never keeps a cookie beyond the process.

    A ``Set-Cookie`` with ``Expires``/``Max-Age`` is stored as a session cookie (``discard``),
    so even a misconfigured server cannot make us keep a long-lived credential.
    """

    def set_cookie(self, cookie: Cookie, *args: Any, **kwargs: Any) -> None:
        """Store ``cookie`` with its expiry removed."""
        cookie.expires = None
        cookie.discard = True
        super().set_cookie(cookie, *args, **kwargs)


@dataclass(frozen=True, slots=True)
class BackoffPolicy:
    """Full-jitter exponential backoff.

    Attributes:
        base: Base delay in seconds.
        cap: Upper bound of a single delay in seconds (also the longest ``Retry-After`` honoured).
    """

    base: float = 1.0
    cap: float = 30.0

    def delay(self, attempt: int, rng: Callable[[], float]) -> float:
        """Delay before retry number ``attempt`` (0-based): ``rng() * min(cap, base * 2**n)``."""
        return float(rng()) * min(self.cap, self.base * (2.0 ** min(attempt, 30)))


@dataclass(frozen=True, slots=True)
class Response:
    """A successful answer.

    Attributes:
        status: HTTP status (2xx or 304).
        headers: Response headers (case-insensitive).
        body: Decoded JSON body, or ``None`` for empty/non-JSON bodies.
    """

    status: int
    headers: Mapping[str, str]
    body: Any


class Transport:
    """Sends requests to ``<base_url>/api/v1`` with timeouts, safe retries and typed errors.

    Args:
        base_url: Server root, e.g. ``"http://127.0.0.1:8765"`` (``/api/v1`` is appended).
        timeout: Connect and read timeout in seconds for every call.
        retries: Additional attempts for retry-safe requests; 0 disables retries.
        backoff: Backoff policy.
        sleep: Sleep function (injectable for fast tests).
        rng: Uniform ``[0, 1)`` random source for the jitter.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 10.0,
        retries: int = 3,
        backoff: BackoffPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.api_url = base_url.rstrip("/") + "/api/v1"
        parts = urlsplit(self.api_url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port
        self._origin = f"{parts.scheme}://{parts.netloc}"
        self._prefix = parts.path
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff or BackoffPolicy()
        self._sleep = sleep
        self._rng = rng
        self.cookies = SessionOnlyCookieJar()
        self.headers = {
            "X-Client": CLIENT_HEADER,
            "Accept": "application/json, application/problem+json",
            "User-Agent": f"Glasvermittler/{__version__}",
        }
        self._idle: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._tls: ssl.SSLContext | None = None
        # a transport dropped without close() still closes its sockets
        weakref.finalize(self, _close_all, self._idle, self._lock)

    def close(self) -> None:
        """Drop cookies and the idle connections."""
        self.cookies.clear()
        _close_all(self._idle, self._lock)

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        data: bytes | None = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        ok: tuple[int, ...] = (),
        timeout: float | None = None,
        retry: bool = True,
    ) -> Response:
        """Send one logical request, retrying where safe.

        Args:
            method: HTTP method.
            path: Path below ``/api/v1`` (starting with ``/``).
            json: JSON body.
            data: Raw body (with a ``Content-Type`` in ``headers``).
            params: Query parameters (``None`` values are dropped).
            headers: Extra headers (``Idempotency-Key`` makes a POST retry-safe).
            ok: Extra non-2xx statuses to return instead of raising (e.g. ``(304,)``).
            timeout: This call's timeout in seconds instead of :attr:`timeout`.
            retry: False sends once, even when a retry would be safe.

        Raises:
            ApiError: A typed subclass for error answers; :class:`NetworkError` for transport.
        """
        method = method.upper()
        hdrs = dict(headers or {})
        retry_safe = retry and (method in _SAFE_METHODS or "Idempotency-Key" in hdrs)
        query = {k: v for k, v in (params or {}).items() if v is not None}
        attempt = 0
        while True:
            try:
                return self._send_once(method, path, json, data, query, hdrs, ok, timeout)
            except ApiError as exc:
                delay = self._retry_delay(exc, attempt, retry_safe)
                if delay is None:
                    raise
                _log.info(
                    "retrying %s %s after %s (attempt %d, %.2fs)",
                    method,
                    _path_template(path),
                    exc.code,
                    attempt + 1,
                    delay,
                )
                self._sleep(delay)
                attempt += 1

    def _retry_delay(self, exc: ApiError, attempt: int, retry_safe: bool) -> float | None:
        """Seconds to wait before retrying, or ``None`` to give up."""
        if not retry_safe or attempt >= self.retries:
            return None
        if not isinstance(exc, NetworkError) and exc.status not in _RETRY_STATUSES:
            return None
        if exc.retry_after is not None and exc.status in (429, 503):
            if exc.retry_after > self.backoff.cap:
                return None
            return exc.retry_after
        return self.backoff.delay(attempt, self._rng)

    def _send_once(
        self,
        method: str,
        path: str,
        json: Any,
        data: bytes | None,
        params: Mapping[str, Any],
        headers: Mapping[str, str],
        ok: tuple[int, ...],
        timeout: float | None = None,
    ) -> Response:
        target = self._prefix + path + (f"?{urlencode(params, doseq=True)}" if params else "")
        hdrs = {**self.headers, **headers}
        body = data
        if json is not None:
            body = jsonlib.dumps(json, allow_nan=False).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        cookie_request = Request(self._origin + target, method=method)
        self.cookies.add_cookie_header(cookie_request)
        cookie = cookie_request.get_header("Cookie")
        if cookie:
            hdrs["Cookie"] = cookie
        status, answer, content = self._exchange(
            method, target, body, hdrs, self.timeout if timeout is None else timeout
        )
        _log.debug("%s %s -> %d", method, self._prefix + path.split("?", 1)[0], status)
        self.cookies.extract_cookies(answer, cookie_request)
        resp_headers = _Headers(answer.getheaders())
        decoded = _decode(content, resp_headers)
        if status < 300 or status in ok:
            return Response(status, resp_headers, decoded)
        err = error_from_response(status, decoded, resp_headers)
        _log.info(
            "%s %s -> %d %s (request %s)",
            method,
            _path_template(path),
            err.status,
            err.code,
            err.request_id,
        )
        raise err

    def _exchange(
        self, method: str, target: str, body: bytes | None, headers: dict[str, str], timeout: float
    ) -> tuple[int, http.client.HTTPResponse, bytes]:
        """Send one request on a pooled or new connection; return status, answer and body.

        Raises:
            NetworkError: ``maybe_committed`` is False only when no connection could be
                opened (refused, unreachable, name not found, connect timed out).
        """
        conn = self._connection(timeout)
        try:
            conn.request(method, target, body=body, headers=headers)
            answer = conn.getresponse()
            content = answer.read()
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            name = "ReadTimeout" if isinstance(exc, TimeoutError) else _failure_name(exc)
            raise NetworkError(name, maybe_committed=True) from exc
        if answer.will_close:
            conn.close()
        else:
            self._release(conn)
        return answer.status, answer, content

    def _connection(self, timeout: float) -> http.client.HTTPConnection:
        """An idle keep-alive connection the server has not closed, else a new one."""
        while True:
            with self._lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None:
                break
            if conn.sock is not None and not _dropped(conn.sock):
                conn.timeout = timeout
                conn.sock.settimeout(timeout)
                return conn
            conn.close()
        conn = self._new_connection(timeout)
        try:
            conn.connect()
        except ssl.SSLError as exc:  # as ever: only a failed TCP connect counts as never sent
            conn.close()
            raise NetworkError("SSLError", maybe_committed=True) from exc
        except OSError as exc:
            conn.close()
            name = "ConnectTimeout" if isinstance(exc, TimeoutError) else "ConnectionError"
            raise NetworkError(name, maybe_committed=False) from exc
        return conn

    def _new_connection(self, timeout: float) -> http.client.HTTPConnection:
        if not self._https:
            return http.client.HTTPConnection(self._host, self._port, timeout=timeout)
        if self._tls is None:
            self._tls = _tls_context()
        return http.client.HTTPSConnection(
            self._host, self._port, timeout=timeout, context=self._tls
        )

    def _release(self, conn: http.client.HTTPConnection) -> None:
        """Keep ``conn`` for the next request (closed when enough are idle)."""
        with self._lock:
            if len(self._idle) < _MAX_IDLE:
                self._idle.append(conn)
                return
        conn.close()


class _Headers(Mapping[str, str]):
    """Response headers, looked up case-insensitively (repeated ones joined by ``", "``)."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self._items: dict[str, tuple[str, str]] = {}
        for name, value in items:
            key = name.lower()
            if key in self._items:
                value = f"{self._items[key][1]}, {value}"
            self._items[key] = (name, value)

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()][1]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _value in self._items.values())

    def __len__(self) -> int:
        return len(self._items)


def _close_all(idle: list[http.client.HTTPConnection], lock: threading.Lock) -> None:
    """Close and forget every connection in ``idle``."""
    with lock:
        conns = idle[:]
        idle.clear()
    for conn in conns:
        conn.close()


def _tls_context() -> ssl.SSLContext:
    """Certificate and host name verified against certifi's CA bundle, TLS 1.2 or newer."""
    # lazy import: the CA bundle is needed only for an https server
    import certifi

    context = ssl.create_default_context(cafile=certifi.where())
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def _dropped(sock: Any) -> bool:
    """True when an idle connection's socket is readable: the server closed it (or sent
    something unasked), so it must not carry another request."""
    try:
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(sock, select.POLLIN)
            return bool(poller.poll(0))
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):
        return True


def _failure_name(exc: BaseException) -> str:
    """Name of a failure after the connection was opened, as logged."""
    return "SSLError" if isinstance(exc, ssl.SSLError) else "ConnectionError"


def _decode(content: bytes, headers: Mapping[str, str]) -> Any:
    """Decode a JSON/problem+json body; anything else is ``None``."""
    if not content:
        return None
    if "json" not in headers.get("Content-Type", ""):
        return None
    try:
        return jsonlib.loads(content)
    except ValueError:
        return None


def _path_template(path: str) -> str:
    """Path with ids replaced, for logs (ids are not personal, but keep logs terse)."""
    parts = []
    for part in path.split("?")[0].split("/"):
        parts.append("{id}" if len(part) >= 16 or part.isdigit() else part)
    return "/".join(parts)
