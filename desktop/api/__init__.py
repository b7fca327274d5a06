"""Extranet API client (Qt-free): ``from desktop.api import ExtranetClient, ApiError``."""

from desktop.api.client import ExtranetClient, LoginInfo, Page
from desktop.api.errors import (
    ApiError,
    BadRequest,
    Conflict,
    CursorExpired,
    FieldError,
    Forbidden,
    NetworkError,
    NotAuthenticated,
    NotFound,
    PayloadTooLarge,
    PreconditionFailed,
    RateLimited,
    ServerUnavailable,
    UnsupportedMediaType,
    ValidationFailed,
)
from desktop.api.transport import BackoffPolicy, SessionOnlyCookieJar

__all__ = [
    "ApiError",
    "BackoffPolicy",
    "BadRequest",
    "Conflict",
    "CursorExpired",
    "ExtranetClient",
    "FieldError",
    "Forbidden",
    "LoginInfo",
    "NetworkError",
    "NotAuthenticated",
    "NotFound",
    "Page",
    "PayloadTooLarge",
    "PreconditionFailed",
    "RateLimited",
    "ServerUnavailable",
    "SessionOnlyCookieJar",
    "UnsupportedMediaType",
    "ValidationFailed",
]
