"""Request dependencies: the state, the logged-in user, role checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from extranet.problems import ApiProblem
from extranet.state import ServerState

COOKIE_NAME = "gv_session"


@dataclass(frozen=True)
class User:
    """The caller."""

    id: int
    login: str
    display_name: str
    role: str
    servicenummer: str

    @property
    def is_staff(self) -> bool:
        """True for service staff."""
        return self.role == "staff"


def get_state(request: Request) -> ServerState:
    """The app's :class:`ServerState`."""
    state: ServerState = request.app.state.server
    return state


def load_user(state: ServerState, user_id: int) -> User | None:
    """Read one user by id (cached: accounts do not change while the server runs)."""
    cached = state.user_cache.get(user_id)
    if isinstance(cached, User):
        return cached
    with state.db.tx() as conn:
        row = conn.execute(
            "SELECT id, login, display_name, role, servicenummer FROM users WHERE id = ?",
            (user_id,),
        ).fetchone()
    if row is None:
        return None
    user = User(**dict(row))
    if len(state.user_cache) > 1000:
        state.user_cache.clear()
    state.user_cache[user_id] = user
    return user


def current_user(request: Request, state: Annotated[ServerState, Depends(get_state)]) -> User:
    """The logged-in user, else 401 ``not-authenticated``."""
    user_id = state.sessions.lookup(request.cookies.get(COOKIE_NAME))
    user = load_user(state, user_id) if user_id is not None else None
    if user is None:
        raise ApiProblem(401, "not-authenticated", "Bitte melden Sie sich an.")
    return user


def require_idempotency_key(request: Request) -> str:
    """The ``Idempotency-Key`` header, else 400 ``idempotency-key-missing``."""
    key = request.headers.get("idempotency-key", "").strip()
    if not key:
        raise ApiProblem(400, "idempotency-key-missing", "Header Idempotency-Key fehlt.")
    if len(key) > 200:
        raise ApiProblem(400, "idempotency-key-invalid", "Idempotency-Key ist zu lang.")
    return key


StateDep = Annotated[ServerState, Depends(get_state)]
UserDep = Annotated[User, Depends(current_user)]
IdemKeyDep = Annotated[str, Depends(require_idempotency_key)]
