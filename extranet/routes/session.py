"""``/session``: log in (session cookie) and log out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from extranet.deps import COOKIE_NAME, StateDep
from extranet.limits import body_limit
from extranet.problems import ApiProblem
from extranet.security import burn_password_time, verify_password

router = APIRouter()


class LoginBody(BaseModel):
    """Credentials."""

    login: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)


@router.post("/session", **body_limit(4096))
def login(body: LoginBody, request: Request, response: Response, state: StateDep) -> dict[str, Any]:
    """Check the credentials and start a session (session cookie, no Expires/Max-Age)."""
    address = request.client.host if request.client else ""
    wait = state.throttle.retry_after(body.login, address)
    if wait is not None:
        raise ApiProblem(
            429, "too-many-attempts", "Zu viele Fehlversuche.", headers={"Retry-After": str(wait)}
        )
    with state.db.tx() as conn:
        row = conn.execute("SELECT * FROM users WHERE login = ?", (body.login,)).fetchone()
    if row is None:
        burn_password_time(body.password)
        ok = False
    else:
        ok = verify_password(body.password, row["pw_salt"], row["pw_hash"])
    if not ok or row is None:
        state.throttle.failed(body.login, address, known_account=row is not None)
        raise ApiProblem(401, "invalid-credentials", "Anmeldename oder Passwort falsch.")
    state.throttle.succeeded(body.login)
    state.sessions.delete(request.cookies.get(COOKIE_NAME))
    token = state.sessions.create(int(row["id"]))
    response.set_cookie(
        COOKIE_NAME,
        token,
        path="/api",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return {
        "user": {
            "login": row["login"],
            "display_name": row["display_name"],
            "role": row["role"],
        },
        "servicenummer": row["servicenummer"],
        "idle_timeout_s": int(state.sessions.idle_timeout_s),
    }


@router.delete("/session", status_code=204)
def logout(request: Request, state: StateDep) -> Response:
    """End the session on the server."""
    token = request.cookies.get(COOKIE_NAME)
    if state.sessions.lookup(token) is None:
        raise ApiProblem(401, "not-authenticated", "Bitte melden Sie sich an.")
    state.sessions.delete(token)
    response = Response(status_code=204)
    response.delete_cookie(COOKIE_NAME, path="/api", httponly=True, samesite="strict")
    return response
