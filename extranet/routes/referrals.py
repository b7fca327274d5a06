"""``/referrals``: create (idempotent), read, sync by change cursor, staff status change."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from extranet import referral_store as store
from extranet.cursors import clamp_limit, decode_cursor, encode_cursor
from extranet.deps import IdemKeyDep, StateDep, UserDep
from extranet.idempotency import fingerprint, run_idempotent
from extranet.limits import body_limit
from extranet.problems import ApiProblem, field_error
from extranet.referral_rules import STATUSES, ReferralIn, validate_referral

router = APIRouter()
CURSOR_KIND = "referrals"


def _not_found() -> ApiProblem:
    return ApiProblem(404, "not-found", "Vermittlung nicht gefunden.")


@router.post("/referrals", status_code=201, **body_limit(64 * 1024))
def create_referral(
    body: ReferralIn, user: UserDep, key: IdemKeyDep, state: StateDep
) -> JSONResponse:
    """Create a referral once per ``Idempotency-Key``."""
    if user.is_staff:
        raise ApiProblem(403, "forbidden", "Nur Vermittler können vermitteln.")

    def work() -> Any:
        data = validate_referral(body, user.servicenummer)

        def commit(conn: Any) -> tuple[int, dict[str, Any], str]:
            referral_id = store.insert_referral(conn, user.id, data)
            row = store.get_referral(conn, referral_id, user.id)
            assert row is not None
            return 201, store.to_json(row, with_owner=False), f"/api/v1/referrals/{referral_id}"

        return commit

    result = run_idempotent(
        state.db, user.id, "referrals", key, fingerprint(body.model_dump(mode="json")), work
    )
    headers = {"Location": result.location} if result.location else {}
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(result.body, status_code=result.status, headers=headers)


@router.get("/referrals")
def list_referrals(
    user: UserDep,
    state: StateDep,
    since: str | None = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    client_ref: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    """The caller's referrals changed after ``since`` (staff: all), in change order."""
    size = clamp_limit(limit, 100, 500)
    owner = None if user.is_staff else user.id
    with state.db.tx() as conn:
        epoch = int(conn.execute("SELECT value FROM meta WHERE key='cursor_epoch'").fetchone()[0])
        position = decode_cursor(since, CURSOR_KIND, epoch)
        rows = store.list_changed(conn, owner, position, size + 1, client_ref)
    has_more = len(rows) > size
    rows = rows[:size]
    if rows:
        position = int(rows[-1]["seq"])
    return {
        "items": [store.to_json(r, with_owner=user.is_staff) for r in rows],
        "next_cursor": encode_cursor(CURSOR_KIND, epoch, position),
        "has_more": has_more,
    }


@router.get("/referrals/{referral_id}")
def get_referral(referral_id: str, user: UserDep, state: StateDep) -> dict[str, Any]:
    """One referral; someone else's is 404."""
    with state.db.tx() as conn:
        row = store.get_referral(conn, referral_id, None if user.is_staff else user.id)
    if row is None:
        raise _not_found()
    return store.to_json(row, with_owner=user.is_staff)


class StatusIn(BaseModel):
    """New referral status."""

    status: str


@router.patch("/referrals/{referral_id}", **body_limit(4096))
def patch_referral(
    referral_id: str, body: StatusIn, user: UserDep, state: StateDep
) -> dict[str, Any]:
    """Staff only: set the status; the change appears in the owner's sync."""
    if not user.is_staff:
        raise ApiProblem(403, "forbidden", "Nur der Kundenservice ändert den Status.")
    if body.status not in STATUSES:
        raise ApiProblem(
            422,
            "validation-failed",
            "Unbekannter Status.",
            errors=[field_error("/status", "invalid")],
        )
    with state.db.tx() as conn:
        row = store.get_referral(conn, referral_id, None)
        if row is None:
            raise _not_found()
        if row["status"] != body.status:
            store.set_status(conn, referral_id, body.status)
            row = store.get_referral(conn, referral_id, None)
        assert row is not None
        return store.to_json(row, with_owner=True)
