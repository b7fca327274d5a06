"""The FastAPI application of the reference Extranet server."""

from __future__ import annotations

import ipaddress

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from extranet.limits import BodyLimitMiddleware, declared_limits
from extranet.problems import (
    ApiProblem,
    RequestIdMiddleware,
    api_problem_handler,
    http_exception_handler,
    problem_response,
    validation_exception_handler,
)
from extranet.routes import config, images, postbox, referrals, session
from extranet.state import ServerState

API_PREFIX = "/api/v1"
CLIENT_HEADER_VALUE = "glasvermittler"
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class ClientHeaderMiddleware:
    """Refuse state-changing API requests without ``X-Client: glasvermittler`` (CSRF guard)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] not in _SAFE_METHODS
            and str(scope["path"]).startswith("/api/")
        ):
            value = dict(scope["headers"]).get(b"x-client", b"").decode("latin-1").strip()
            if value != CLIENT_HEADER_VALUE:
                response = problem_response(
                    403, "client-header-missing", "Header X-Client fehlt oder ist falsch."
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def is_loopback_name(host: str) -> bool:
    """True for a ``Host`` naming loopback: ``localhost``, ``127.x.x.x``, ``[::1]`` (any port)."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1 : name.find("]")] if "]" in name else ""
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _origin_host(origin: str) -> str | None:
    scheme, sep, rest = origin.partition("://")
    if not sep or scheme not in ("http", "https"):
        return None
    return rest.split("/", 1)[0]


class LoopbackHostMiddleware:
    """On a loopback-bound server accept only loopback ``Host`` and ``Origin`` names.

    A web page cannot reach the server by DNS rebinding (its requests carry the page's own
    host name) nor by a cross-origin request from a non-loopback origin.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            host = headers.get(b"host", b"").decode("latin-1")
            origin = headers.get(b"origin")
            allowed = is_loopback_name(host)
            if allowed and origin is not None:
                origin_host = _origin_host(origin.decode("latin-1").strip().lower())
                allowed = origin_host is not None and is_loopback_name(origin_host)
            if not allowed:
                response = problem_response(
                    403, "host-not-allowed", "Dieser Server antwortet nur lokal (Loopback)."
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(state: ServerState, *, loopback_only: bool = False) -> FastAPI:
    """Build the app around ``state``; ``loopback_only`` adds the loopback Host/Origin check."""
    app = FastAPI(
        title="Glasvermittler Extranet (Referenzserver)",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.server = state
    app.add_exception_handler(ApiProblem, api_problem_handler)
    app.add_exception_handler(StarletteHTTPException, http_exception_handler)
    app.add_exception_handler(RequestValidationError, validation_exception_handler)
    routers = [module.router for module in (session, config, referrals, images, postbox)]
    for router in routers:
        app.include_router(router, prefix=API_PREFIX)
    app.add_middleware(BodyLimitMiddleware, limits=declared_limits(routers, API_PREFIX))
    app.add_middleware(ClientHeaderMiddleware)
    if loopback_only:
        app.add_middleware(LoopbackHostMiddleware)
    app.add_middleware(RequestIdMiddleware)
    return app
