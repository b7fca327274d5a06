"""The FastAPI application of the reference Extranet server."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from extranet.problems import (
    ApiProblem,
    RequestIdMiddleware,
    api_problem_handler,
    http_exception_handler,
    problem_response,
    validation_exception_handler,
)
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


def create_app(state: ServerState) -> FastAPI:
    """Build the app around ``state``."""
    from extranet.routes import config, images, postbox, referrals, session

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
    for module in (session, config, referrals, images, postbox):
        app.include_router(module.router, prefix=API_PREFIX)
    app.add_middleware(ClientHeaderMiddleware)
    app.add_middleware(RequestIdMiddleware)
    return app
