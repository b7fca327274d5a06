"""RFC 9457 problem details: the one exception type the routes raise, and the handlers.

Every error the server sends is ``application/problem+json`` with a stable ``code``. Nothing
from the request (values, free text) and nothing from the inside (SQL, stack traces) is echoed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("extranet")

PROBLEM_JSON = "application/problem+json"

_TITLES: dict[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    410: "Gone",
    412: "Precondition Failed",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    428: "Precondition Required",
    429: "Too Many Requests",
    500: "Internal Server Error",
}


class ApiProblem(Exception):  # noqa: N818 - it is a problem-details answer
    """An error answer with a stable ``code`` (and optional field ``errors``)."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str = "",
        *,
        errors: Sequence[Mapping[str, str]] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = [dict(e) for e in errors]
        self.headers = dict(headers or {})


def field_error(pointer: str, code: str, detail: str = "") -> dict[str, str]:
    """One ``errors[]`` entry (JSON pointer into the request body)."""
    return {"pointer": pointer, "code": code, "detail": detail}


def problem_body(
    status: int, code: str, detail: str = "", errors: Sequence[Mapping[str, str]] = ()
) -> dict[str, Any]:
    """The JSON body of a problem answer."""
    body: dict[str, Any] = {
        "type": f"https://glasvermittler.example.org/problems/{code}",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors:
        body["errors"] = [dict(e) for e in errors]
    return body


def problem_response(
    status: int,
    code: str,
    detail: str = "",
    *,
    errors: Sequence[Mapping[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A ready ``application/problem+json`` response."""
    return JSONResponse(
        problem_body(status, code, detail, errors),
        status_code=status,
        headers=dict(headers or {}),
        media_type=PROBLEM_JSON,
    )


_HTTP_CODES = {
    400: "bad-request",
    401: "not-authenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "payload-too-large",
    415: "unsupported-media-type",
}


async def api_problem_handler(request: Request, exc: Exception) -> Response:
    """Render an :class:`ApiProblem`."""
    assert isinstance(exc, ApiProblem)
    return problem_response(
        exc.status, exc.code, exc.detail, errors=exc.errors, headers=exc.headers
    )


async def http_exception_handler(request: Request, exc: Exception) -> Response:
    """Render Starlette's own HTTP errors (unknown route, wrong method, ...) as problems."""
    status = int(getattr(exc, "status_code", 500))
    headers = getattr(exc, "headers", None) or {}
    code = getattr(exc, "problem_code", None) or _HTTP_CODES.get(status, "http-error")
    return problem_response(status, code, "", headers=headers)


def _pointer(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header"}:
        parts = parts[1:]
    return "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


async def validation_exception_handler(request: Request, exc: Exception) -> Response:
    """Render FastAPI's request validation errors without echoing the input."""
    raw: list[dict[str, Any]] = list(getattr(exc, "errors", list)())
    errors = []
    for err in raw:
        kind = str(err.get("type", "invalid"))
        code = "required" if kind == "missing" else "invalid"
        errors.append(field_error(_pointer(err.get("loc", ())), code, kind))
    return problem_response(
        422, "validation-failed", "Die Anfrage ist unvollständig.", errors=errors
    )


class RequestIdMiddleware:
    """Give every response an ``X-Request-Id``; turn unhandled errors into a generic 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            tb = exc.__traceback__
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else "?"
            log.error("unhandled %s at %s (request %s)", type(exc).__name__, where, request_id)
            if started:
                raise
            response = problem_response(500, "internal-error", "Interner Fehler.")
            await response(scope, receive, send_with_id)
