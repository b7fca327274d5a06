"""High-level Extranet API client (Qt-free), one method per endpoint of API.md."""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from desktop.api.errors import ApiError, NotAuthenticated
from desktop.api.server_url import server_url_problem
from desktop.api.transport import BackoffPolicy, SessionOnlyCookieJar, Transport
from desktop.privacy.photo_review import REVIEW_HEADER

__all__ = ["ExtranetClient", "LoginInfo", "Page"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LoginInfo:
    """Who is logged in.

    Attributes:
        login: Login name.
        display_name: Name to show in the UI.
        role: ``"broker"`` or ``"staff"``.
        servicenummer: The broker's service number.
        idle_timeout_s: Server-side idle timeout of the session, if announced.
    """

    login: str
    display_name: str
    role: str
    servicenummer: str
    idle_timeout_s: int | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a cursor-paged list.

    Attributes:
        items: The objects of this page.
        next_cursor: Opaque cursor to pass as ``since`` next time.
        has_more: True when another page follows immediately.
    """

    items: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: str | None = None
    has_more: bool = False


def _seg(value: str) -> str:
    """Quote one path segment (ids come from the server or are UUIDs; be safe anyway)."""
    return quote(str(value), safe="")


class ExtranetClient:
    """Client for ``/api/v1`` of the broker Extranet.

    Safe to share between threads for independent calls (the transport's connection pool and
    cookie jar are thread-safe; the config cache is guarded by a lock).

    Args:
        base_url: Server root URL, e.g. ``"http://127.0.0.1:8765"``.
        timeout: Timeout in seconds of every call.
        retries: Extra attempts for retry-safe calls (0 disables retries).
        backoff_base: Base of the full-jitter backoff in seconds.
        backoff_cap: Cap of one backoff delay and longest honoured ``Retry-After``.
        sleep: Injectable sleep (tests pass a recorder).

    Raises:
        ValueError: ``base_url`` is unusable, e.g. plain http to a host that is not loopback
            (see :func:`desktop.api.server_url.server_url_problem`).
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 10.0,
        retries: int = 3,
        backoff_base: float = 1.0,
        backoff_cap: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        problem = server_url_problem(base_url)
        if problem is not None:
            raise ValueError(f"unusable server URL ({problem})")
        self.base_url = base_url.rstrip("/")
        self._t = Transport(
            self.base_url,
            timeout=timeout,
            retries=retries,
            backoff=BackoffPolicy(base=backoff_base, cap=backoff_cap),
            sleep=sleep,
        )
        self._user: LoginInfo | None = None
        self._config: dict[str, Any] | None = None
        self._config_etag: str | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ session
    @property
    def cookies(self) -> SessionOnlyCookieJar:
        """The session's cookie jar (in memory only)."""
        return self._t.cookies

    @property
    def transport(self) -> Transport:
        """The transport (timeouts, retries)."""
        return self._t

    @property
    def is_authenticated(self) -> bool:
        """True after a successful login until logout or a 401."""
        return self._user is not None

    @property
    def user(self) -> LoginInfo | None:
        """The logged-in user, if any."""
        return self._user

    def login(self, login: str, password: str) -> LoginInfo:
        """Open a session (``POST /session``); never retried (no idempotency key).

        Raises:
            NotAuthenticated: ``invalid-credentials``.
            RateLimited: ``too-many-attempts`` (see ``retry_after``).
        """
        self._t.cookies.clear()
        body = self._t.request("POST", "/session", json={"login": login, "password": password})
        data = body.body or {}
        user = data.get("user") or {}
        timeout = data.get("idle_timeout_s")
        self._user = LoginInfo(
            login=str(user.get("login", login)),
            display_name=str(user.get("display_name", "")),
            role=str(user.get("role", "")),
            servicenummer=str(data.get("servicenummer", "")),
            idle_timeout_s=int(timeout) if isinstance(timeout, int | float) else None,
        )
        return self._user

    def logout(self) -> None:
        """End the session on the server (best effort) and drop every cookie."""
        try:
            if self._t.cookies:
                self._t.request("DELETE", "/session")
        except NotAuthenticated:
            pass
        finally:
            self._forget_session()

    def end_session(self, timeout: float = 2.0) -> None:
        """Log out at quit: one short attempt, never raises; the session is dropped locally."""
        try:
            if self._t.cookies:
                self._t.request("DELETE", "/session", timeout=timeout, retry=False)
        except ApiError as exc:
            _log.info("session not ended on the server at quit: %s", exc.code)
        finally:
            self._forget_session()

    def close(self) -> None:
        """Drop the session locally and close pooled connections (no network)."""
        self._forget_session()
        self._t.close()

    def _forget_session(self) -> None:
        self._user = None
        self._t.cookies.clear()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        """Request and return the JSON body; a 401 ends the local session state."""
        try:
            return self._t.request(method, path, **kwargs).body
        except NotAuthenticated:
            self._forget_session()
            raise

    # ------------------------------------------------------------------ config
    def get_config(self) -> dict[str, Any]:
        """Return the server configuration, revalidated with ``If-None-Match`` (304 → cache)."""
        with self._lock:
            etag, cached = self._config_etag, self._config
        headers = {"If-None-Match": etag} if etag and cached is not None else None
        try:
            resp = self._t.request("GET", "/config", headers=headers, ok=(304,))
        except NotAuthenticated:
            self._forget_session()
            raise
        if resp.status == 304 and cached is not None:
            return copy.deepcopy(cached)
        config = resp.body if isinstance(resp.body, dict) else {}
        with self._lock:
            self._config = config
            self._config_etag = resp.headers.get("ETag")
        return copy.deepcopy(config)

    # ------------------------------------------------------------------ referrals
    def create_referral(self, payload: dict[str, Any], *, idempotency_key: str) -> dict[str, Any]:
        """``POST /referrals``; safe to retry with the same key (the server replays)."""
        return dict(
            self._call(
                "POST", "/referrals", json=payload, headers={"Idempotency-Key": idempotency_key}
            )
        )

    def get_referral(self, referral_id: str) -> dict[str, Any]:
        """``GET /referrals/{id}`` (someone else's → :class:`NotFound`)."""
        return dict(self._call("GET", f"/referrals/{_seg(referral_id)}"))

    def list_referrals(
        self, *, since: str | None = None, limit: int = 100, client_ref: str | None = None
    ) -> Page:
        """``GET /referrals`` page (expired cursor → :class:`CursorExpired`)."""
        body = self._call(
            "GET",
            "/referrals",
            params={"since": since, "limit": limit, "client_ref": client_ref},
        )
        return Page(
            items=list(body.get("items") or []),
            next_cursor=body.get("next_cursor"),
            has_more=bool(body.get("has_more")),
        )

    def set_referral_status(self, referral_id: str, status: str) -> dict[str, Any]:
        """Staff only: ``PATCH /referrals/{id}`` ``{"status"}``."""
        return dict(self._call("PATCH", f"/referrals/{_seg(referral_id)}", json={"status": status}))

    # ------------------------------------------------------------------ images
    def put_image(
        self, referral_id: str, image_id: str, data: bytes, media_type: str, *, review: str = "none"
    ) -> None:
        """``PUT /referrals/{id}/images/{image_id}`` (idempotent, retried).

        ``review`` declares the agent's decision about the photo's flags in the
        ``Photo-Review`` header: ``none`` (nothing flagged), ``blurred`` or ``confirmed``.
        """
        self._call(
            "PUT",
            f"/referrals/{_seg(referral_id)}/images/{_seg(image_id)}",
            data=data,
            headers={"Content-Type": media_type, REVIEW_HEADER: review},
        )

    def list_images(self, referral_id: str) -> list[dict[str, Any]]:
        """``GET /referrals/{id}/images``."""
        return list(self._call("GET", f"/referrals/{_seg(referral_id)}/images") or [])

    # ------------------------------------------------------------------ postbox
    def postbox_changes(self, *, since: str | None, limit: int = 500) -> dict[str, Any]:
        """``GET /postbox/changes`` (expired cursor → :class:`CursorExpired`)."""
        return dict(self._call("GET", "/postbox/changes", params={"since": since, "limit": limit}))

    def create_ticket(
        self,
        *,
        subject: str,
        body: str,
        referral_id: str | None = None,
        client_ref: str,
        idempotency_key: str,
        owner: str | None = None,
    ) -> dict[str, Any]:
        """``POST /postbox/tickets``; ``owner`` is the staff-only seeding extension."""
        payload: dict[str, Any] = {"client_ref": client_ref, "subject": subject, "body": body}
        if referral_id is not None:
            payload["referral_id"] = referral_id
        if owner is not None:
            payload["owner"] = owner
        return dict(
            self._call(
                "POST",
                "/postbox/tickets",
                json=payload,
                headers={"Idempotency-Key": idempotency_key},
            )
        )

    def post_message(
        self, ticket_id: str, *, body: str, client_ref: str, idempotency_key: str
    ) -> dict[str, Any]:
        """``POST /postbox/tickets/{id}/messages``."""
        return dict(
            self._call(
                "POST",
                f"/postbox/tickets/{_seg(ticket_id)}/messages",
                json={"client_ref": client_ref, "body": body},
                headers={"Idempotency-Key": idempotency_key},
            )
        )

    def mark_read(self, ticket_id: str, last_read_message_id: str) -> None:
        """``PUT /postbox/tickets/{id}/read``; the server keeps the maximum."""
        self._call(
            "PUT",
            f"/postbox/tickets/{_seg(ticket_id)}/read",
            json={"last_read_message_id": last_read_message_id},
        )

    def set_ticket_status(self, ticket_id: str, status: str, *, etag: str) -> dict[str, Any]:
        """``PATCH /postbox/tickets/{id}`` with ``If-Match`` (stale → PreconditionFailed)."""
        if not etag.startswith(('"', "W/")):
            etag = f'"{etag}"'
        return dict(
            self._call(
                "PATCH",
                f"/postbox/tickets/{_seg(ticket_id)}",
                json={"status": status},
                headers={"If-Match": etag},
            )
        )

    def delete_ticket(self, ticket_id: str) -> None:
        """Staff extension: ``DELETE /postbox/tickets/{id}`` (becomes a tombstone)."""
        self._call("DELETE", f"/postbox/tickets/{_seg(ticket_id)}")
