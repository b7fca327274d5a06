"""HTTP transport of the API client: session, timeouts, safe retries (Qt-free).

* Cookies live only in memory (:class:`SessionOnlyCookieJar`); a persistent ``Set-Cookie`` is
  downgraded to a session cookie, and nothing is ever written to disk.
* Every call has a timeout; every call sends ``X-Client: glasvermittler``.
* Retries only where repeating cannot create a duplicate: GET/HEAD/PUT/DELETE and POST carrying
  an ``Idempotency-Key``. Backoff is "full jitter" (``rand(0, min(cap, base * 2**n))``) and a
  server's ``Retry-After`` wins on 429/503 (if it is longer than the cap we give up and let the
  caller reschedule).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.cookiejar import Cookie
from typing import Any

import requests
from requests.cookies import RequestsCookieJar
from urllib3.exceptions import MaxRetryError, NewConnectionError

from desktop import __version__
from desktop.api.errors import ApiError, NetworkError, error_from_response

__all__ = ["BackoffPolicy", "Response", "SessionOnlyCookieJar", "Transport"]

_log = logging.getLogger(__name__)

CLIENT_HEADER = "glasvermittler"
_SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class SessionOnlyCookieJar(RequestsCookieJar):
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
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff or BackoffPolicy()
        self._sleep = sleep
        self._rng = rng
        self.session = requests.Session()
        self.session.cookies = SessionOnlyCookieJar()
        self.session.trust_env = False  # no proxies/.netrc from the environment
        self.session.verify = True  # https: the server's certificate is always verified
        self.session.headers.update(
            {
                "X-Client": CLIENT_HEADER,
                "Accept": "application/json, application/problem+json",
                "User-Agent": f"Glasvermittler/{__version__}",
            }
        )

    def close(self) -> None:
        """Drop cookies and pooled connections."""
        self.session.cookies.clear()
        self.session.close()

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
        try:
            resp = self.session.request(
                method,
                self.api_url + path,
                json=json,
                data=data,
                params=params or None,
                headers=headers or None,
                timeout=self.timeout if timeout is None else timeout,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            raise _network_error(exc) from exc
        body = _decode(resp)
        if resp.status_code < 300 or resp.status_code in ok:
            return Response(resp.status_code, resp.headers, body)
        err = error_from_response(resp.status_code, body, resp.headers)
        _log.info(
            "%s %s -> %d %s (request %s)",
            method,
            _path_template(path),
            err.status,
            err.code,
            err.request_id,
        )
        raise err


def _decode(resp: requests.Response) -> Any:
    """Decode a JSON/problem+json body; anything else is ``None``."""
    if not resp.content:
        return None
    ctype = resp.headers.get("Content-Type", "")
    if "json" not in ctype:
        return None
    try:
        return resp.json()
    except ValueError:
        return None


def _network_error(exc: requests.RequestException) -> NetworkError:
    """Classify a transport failure; only a failed connect proves nothing was sent."""
    never_sent = isinstance(exc, requests.exceptions.ConnectTimeout)
    if isinstance(exc, requests.ConnectionError) and exc.args:
        inner = exc.args[0]
        if isinstance(inner, MaxRetryError) and isinstance(inner.reason, NewConnectionError):
            never_sent = True
    return NetworkError(type(exc).__name__, maybe_committed=not never_sent)


def _path_template(path: str) -> str:
    """Path with ids replaced, for logs (ids are not personal, but keep logs terse)."""
    parts = []
    for part in path.split("?")[0].split("/"):
        parts.append("{id}" if len(part) >= 16 or part.isdigit() else part)
    return "/".join(parts)
