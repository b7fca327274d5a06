"""Request size limits enforced before anything is parsed, and the integer range SQLite stores.

Each route declares its body limit with :func:`body_limit` (it lands in the OpenAPI document as
``x-max-body-bytes`` with a documented 413 answer); :func:`declared_limits` reads the same
declarations from the routers and :class:`BodyLimitMiddleware` refuses a
larger ``Content-Length`` before reading a byte and stops a chunked body as soon as it passes
the limit, so no route ever buffers or parses more than it allows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from fastapi import APIRouter
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from extranet.problems import problem_response

MAX_SQL_INT = 2**63 - 1
"""Largest integer SQLite stores; ids, read pointers and cursor positions must fit."""

DEFAULT_BODY_BYTES = 8 * 1024
"""Limit of routes that declare none (GET, DELETE, ...): no legitimate body is larger."""

LIMIT_KEY = "x-max-body-bytes"
CODE_KEY = "x-too-large-code"


def body_limit(max_bytes: int, code: str = "payload-too-large") -> dict[str, Any]:
    """Route keyword arguments declaring a body limit (and its 413 answer) in the OpenAPI."""
    return {
        "openapi_extra": {LIMIT_KEY: max_bytes, CODE_KEY: code},
        "responses": {
            413: {
                "description": (
                    f"`{code}` (application/problem+json): the body is larger than "
                    f"{max_bytes} bytes; refused before it is read."
                )
            }
        },
    }


class _TooLarge(HTTPException):
    """Raised from ``receive`` once a streamed body passes the limit (rendered as a problem)."""

    def __init__(self, code: str) -> None:
        super().__init__(status_code=413, headers={"Connection": "close"})
        self.problem_code = code


class DeclaredLimit(NamedTuple):
    """The body limit one route declares with :func:`body_limit`."""

    path: str
    pattern: re.Pattern[str]
    method: str
    limit: int
    code: str


def declared_limits(routers: Iterable[APIRouter], prefix: str = "") -> list[DeclaredLimit]:
    """The limit of every route of ``routers`` (included under ``prefix``) that declares one.

    Read from the routes' ``openapi_extra``, which FastAPI copies into the OpenAPI operation,
    without generating the OpenAPI document (that costs about 0.1 s and no login needs it).
    """
    table: list[DeclaredLimit] = []
    for router in routers:
        for route in router.routes:
            extra = route.openapi_extra if isinstance(route, APIRoute) else None
            if isinstance(route, APIRoute) and extra and LIMIT_KEY in extra:
                path = prefix + route.path
                limit, code = int(extra[LIMIT_KEY]), str(extra[CODE_KEY])
                pattern = compile_path(path)[0]
                table.extend(
                    DeclaredLimit(path, pattern, m, limit, code) for m in route.methods or ()
                )
    return table


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimitMiddleware:
    """Refuse request bodies above the route's limit with 413 problem+json.

    ``limits``: the routes' declarations (:func:`declared_limits`), the same ones the OpenAPI
    document shows as ``x-max-body-bytes``, so what is documented is exactly what is enforced.
    """

    def __init__(self, app: ASGIApp, limits: Sequence[DeclaredLimit]) -> None:
        self.app = app
        self._table = limits

    def _limit(self, scope: Scope) -> tuple[int, str]:
        path, method = str(scope["path"]), str(scope["method"])
        for _path, pattern, route_method, limit, code in self._table:
            if route_method == method and pattern.match(path):
                return limit, code
        return DEFAULT_BODY_BYTES, "payload-too-large"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, code = self._limit(scope)
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            await self._refuse(code, limit, scope, receive, send)
            return
        total = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal total
            message = await receive()
            if message["type"] == "http.request":
                total += len(message.get("body", b""))
                if total > limit:
                    raise _TooLarge(code)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if started:
                raise
            await self._refuse(code, limit, scope, receive, send)

    @staticmethod
    async def _refuse(code: str, limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            413,
            code,
            f"Die Anfrage ist größer als {limit} Bytes.",
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)
