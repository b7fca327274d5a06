# ruff: noqa: N818  -- exception names are fixed by the team interface (INTERFACES.md)
"""Typed errors of the Extranet API client (Qt-free).

Every problem+json answer (RFC 9457) becomes one subclass of :class:`ApiError` chosen by the
HTTP status; the stable machine-readable ``code`` is kept so the GUI can map it to German text.
Transport failures become :class:`NetworkError` (status 0, code ``"network"``).

Privacy: ``detail`` comes from the server, which promises no personal data in error bodies; we
still never put request payloads into exception messages.
"""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ApiError",
    "BadRequest",
    "Conflict",
    "CursorExpired",
    "FieldError",
    "Forbidden",
    "NetworkError",
    "NotAuthenticated",
    "NotFound",
    "PayloadTooLarge",
    "PreconditionFailed",
    "RateLimited",
    "ServerUnavailable",
    "UnsupportedMediaType",
    "ValidationFailed",
    "error_from_response",
    "parse_retry_after",
]

#: 4xx statuses that are worth retrying later (everything else in 4xx is permanent).
TRANSIENT_4XX = frozenset({408, 409, 425, 429})


@dataclass(frozen=True, slots=True)
class FieldError:
    """One entry of a problem's ``errors[]`` list.

    Attributes:
        pointer: JSON pointer to the offending field, e.g. ``"/kennzeichen"``.
        code: Stable machine-readable code, e.g. ``"invalid"``.
        detail: Human-readable detail from the server (may be empty).
    """

    pointer: str
    code: str
    detail: str = ""


class ApiError(Exception):
    """Base class of every error raised by :class:`desktop.api.ExtranetClient`.

    Attributes:
        status: HTTP status (0 for transport errors).
        code: Stable problem code (e.g. ``"consent-required"``, ``"network"``).
        title: Short problem title.
        detail: Problem detail text.
        errors: Field-level errors (``errors[]``).
        retry_after: Seconds the server asked us to wait (``Retry-After``), if any.
        request_id: The server's ``X-Request-Id`` for support, if any.
    """

    def __init__(
        self,
        status: int,
        code: str,
        title: str = "",
        detail: str = "",
        errors: list[FieldError] | None = None,
        retry_after: float | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(f"{status} {code}" + (f": {title}" if title else ""))
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors: list[FieldError] = list(errors or [])
        self.retry_after = retry_after
        self.request_id = request_id

    @property
    def is_permanent(self) -> bool:
        """True when repeating the same request cannot succeed (4xx except 408/409/425/429)."""
        return 400 <= self.status < 500 and self.status not in TRANSIENT_4XX

    def field_codes(self) -> dict[str, str]:
        """Map each field pointer to its error code (handy for the forms)."""
        return {e.pointer: e.code for e in self.errors}


class BadRequest(ApiError):
    """400, e.g. ``idempotency-key-missing``."""


class NotAuthenticated(ApiError):
    """401: no or expired session (or ``invalid-credentials`` at login)."""


class Forbidden(ApiError):
    """403."""


class NotFound(ApiError):
    """404 (also someone else's object: the server never leaks existence)."""


class Conflict(ApiError):
    """409, e.g. the same idempotency key is still in flight."""


class CursorExpired(ApiError):
    """410 ``cursor-expired``: the caller must resync from scratch."""


class PreconditionFailed(ApiError):
    """412: stale ``If-Match`` ETag."""


class PayloadTooLarge(ApiError):
    """413."""


class UnsupportedMediaType(ApiError):
    """415."""


class ValidationFailed(ApiError):
    """422 with any code (validation-failed, consent-required, privacy-violation, ...)."""


class RateLimited(ApiError):
    """429 (``retry_after`` tells how long to wait)."""


class ServerUnavailable(ApiError):
    """Any 5xx."""


class NetworkError(ApiError):
    """Transport failure: refused, reset, timed out, or the answer got lost.

    Attributes:
        maybe_committed: True when the request may have reached the server (so it may have
            taken effect); False only when the connection was never established.
    """

    def __init__(self, detail: str, *, maybe_committed: bool) -> None:
        super().__init__(0, "network", "Netzwerkfehler", detail)
        self.maybe_committed = maybe_committed

    @property
    def is_permanent(self) -> bool:
        """Transport errors are never permanent."""
        return False


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: NotAuthenticated,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: CursorExpired,
    412: PreconditionFailed,
    413: PayloadTooLarge,
    415: UnsupportedMediaType,
    422: ValidationFailed,
    429: RateLimited,
}


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Parse a ``Retry-After`` header (delta seconds or HTTP date) into seconds (>= 0)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _class_for(status: int) -> type[ApiError]:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerUnavailable
    return ApiError


def _parse_errors(raw: Any) -> list[FieldError]:
    result: list[FieldError] = []
    if not isinstance(raw, list):
        return result
    for item in raw:
        if isinstance(item, dict):
            result.append(
                FieldError(
                    pointer=str(item.get("pointer", "")),
                    code=str(item.get("code", "")),
                    detail=str(item.get("detail", "")),
                )
            )
    return result


def error_from_response(
    status: int, body: Any, headers: dict[str, str] | Any, *, default_code: str | None = None
) -> ApiError:
    """Build the typed error for an HTTP error answer.

    Args:
        status: HTTP status code.
        body: Decoded JSON body (a problem object) or anything else (ignored).
        headers: Response headers (case-insensitive mapping).
        default_code: Code to use when the body carries none.

    Returns:
        An instance of the :class:`ApiError` subclass matching ``status``.
    """
    problem = body if isinstance(body, dict) else {}
    code = str(problem.get("code") or default_code or f"http-{status}")
    return _class_for(status)(
        status,
        code,
        title=str(problem.get("title") or ""),
        detail=str(problem.get("detail") or ""),
        errors=_parse_errors(problem.get("errors")),
        retry_after=parse_retry_after(headers.get("Retry-After")),
        request_id=headers.get("X-Request-Id"),
    )
