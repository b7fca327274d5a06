"""Mein Postkorb: tickets, messages, read pointers, status with ETag, change feed."""

from __future__ import annotations

import json
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from extranet import postbox_store as store
from extranet.cursors import clamp_limit, decode_cursor, encode_cursor
from extranet.db import get_meta
from extranet.deps import IdemKeyDep, StateDep, User, UserDep
from extranet.idempotency import fingerprint, run_idempotent
from extranet.limits import MAX_SQL_INT, body_limit
from extranet.problems import ApiProblem, field_error
from extranet.recheck import privacy_errors
from extranet.referral_store import get_referral
from extranet.state import ServerState

router = APIRouter(prefix="/postbox")
CURSOR_KIND = "postbox"
MAX_SUBJECT = 200
MAX_BODY = 5000
# Subject and body at their schema limits, every character escaped as a JSON surrogate pair.
_TEXT_BODY_BYTES = 192 * 1024
# Ids are SQLite integers: anything outside their range is a 422, never an overflow.
TicketId = Annotated[int, Path(ge=1, le=MAX_SQL_INT)]


def _not_found() -> ApiProblem:
    return ApiProblem(404, "not-found", "Vorgang nicht gefunden.")


def _check_texts(*items: tuple[str, str, str, int]) -> None:
    errors = []
    for pointer, _field, text, limit in items:
        if not text.strip():
            errors.append(field_error(pointer, "required", "Pflichtfeld."))
        elif len(text) > limit:
            errors.append(field_error(pointer, "too-long", f"Höchstens {limit} Zeichen."))
    if errors:
        raise ApiProblem(422, "validation-failed", "Bitte Eingaben prüfen.", errors=errors)
    found = privacy_errors((p, f, t) for p, f, t, _ in items)
    if found:
        raise ApiProblem(
            422,
            "privacy-violation",
            "Der Text enthält Angaben, die nicht übermittelt werden dürfen.",
            errors=found,
        )


class TicketIn(BaseModel):
    """New ticket with its first message."""

    client_ref: str | None = Field(default=None, max_length=64)
    referral_id: str | None = Field(default=None, max_length=64)
    subject: str = Field(default="", max_length=2 * MAX_SUBJECT)
    body: str = Field(default="", max_length=2 * MAX_BODY)
    owner: str | None = Field(default=None, max_length=100)


class MessageIn(BaseModel):
    """Reply in a ticket."""

    client_ref: str | None = Field(default=None, max_length=64)
    body: str = Field(default="", max_length=2 * MAX_BODY)


class ReadIn(BaseModel):
    """Read pointer."""

    last_read_message_id: int = Field(ge=0, le=MAX_SQL_INT)


class TicketStatusIn(BaseModel):
    """New ticket status."""

    status: str


def _ticket_response(row: Any, status: int = 200, location: str | None = None) -> JSONResponse:
    body = store.ticket_json(row)
    headers = {"ETag": body["etag"]}
    if location:
        headers["Location"] = location
    return JSONResponse(body, status_code=status, headers=headers)


def _resolve_owner(state: Any, user: User, body: TicketIn) -> int:
    if not user.is_staff:
        return user.id
    if not body.owner:
        raise ApiProblem(
            422,
            "validation-failed",
            "Vermittler angeben.",
            errors=[field_error("/owner", "required")],
        )
    with state.db.tx() as conn:
        row = conn.execute(
            "SELECT id FROM users WHERE login = ? AND role = 'broker'", (body.owner,)
        ).fetchone()
    if row is None:
        raise ApiProblem(
            422,
            "validation-failed",
            "Unbekannter Vermittler.",
            errors=[field_error("/owner", "unknown")],
        )
    return int(row[0])


@router.post("/tickets", status_code=201, **body_limit(_TEXT_BODY_BYTES))
def create_ticket(body: TicketIn, user: UserDep, key: IdemKeyDep, state: StateDep) -> JSONResponse:
    """Open a ticket (staff: for ``owner``) with its first message; idempotent."""

    def work() -> Any:
        owner_id = _resolve_owner(state, user, body)
        _check_texts(
            ("/subject", "betreff", body.subject, MAX_SUBJECT),
            ("/body", "beschreibung", body.body, MAX_BODY),
        )
        if body.referral_id is not None:
            with state.db.tx() as conn:
                if get_referral(conn, body.referral_id, owner_id) is None:
                    raise ApiProblem(
                        422,
                        "validation-failed",
                        "Unbekannte Vermittlung.",
                        errors=[field_error("/referral_id", "not-found")],
                    )

        def commit(conn: Any) -> tuple[int, dict[str, Any], str]:
            ticket_id = store.insert_ticket(
                conn, owner_id, body.subject.strip(), body.client_ref, body.referral_id
            )
            store.insert_message(
                conn,
                ticket_id,
                owner_id,
                user.display_name,
                user.is_staff,
                body.body,
                body.client_ref,
                touch_ticket=False,
            )
            row = store.get_ticket(conn, ticket_id, None)
            assert row is not None
            return 201, store.ticket_json(row), f"/api/v1/postbox/tickets/{ticket_id}"

        return commit

    result = run_idempotent(
        state.db, user.id, "tickets", key, fingerprint(body.model_dump(mode="json")), work
    )
    headers = {"ETag": str(result.body.get("etag", ""))}
    if result.location:
        headers["Location"] = result.location
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(result.body, status_code=result.status, headers=headers)


def _visible_ticket(conn: Any, ticket_id: int, user: User) -> Any:
    row = store.get_ticket(conn, ticket_id, None if user.is_staff else user.id)
    if row is None:
        raise _not_found()
    return row


@router.get("/tickets/{ticket_id}")
def get_ticket(ticket_id: TicketId, user: UserDep, state: StateDep) -> JSONResponse:
    """One ticket with its ``ETag`` (extension)."""
    with state.db.tx() as conn:
        return _ticket_response(_visible_ticket(conn, ticket_id, user))


@router.post("/tickets/{ticket_id}/messages", status_code=201, **body_limit(_TEXT_BODY_BYTES))
def post_message(
    ticket_id: TicketId, body: MessageIn, user: UserDep, key: IdemKeyDep, state: StateDep
) -> JSONResponse:
    """Reply in a ticket (staff replies carry ``from_staff: true``); idempotent."""
    with state.db.tx() as conn:
        owner_id = int(_visible_ticket(conn, ticket_id, user)["owner_id"])
    payload = {"ticket_id": ticket_id, **body.model_dump(mode="json")}

    def work() -> Any:
        _check_texts(("/body", "beschreibung", body.body, MAX_BODY))

        def commit(conn: Any) -> tuple[int, dict[str, Any], str]:
            if store.get_ticket(conn, ticket_id, None) is None:
                raise _not_found()
            message_id = store.insert_message(
                conn,
                ticket_id,
                owner_id,
                user.display_name,
                user.is_staff,
                body.body,
                body.client_ref,
            )
            row = store.get_message(conn, message_id)
            assert row is not None
            return 201, store.message_json(row), f"/api/v1/postbox/tickets/{ticket_id}"

        return commit

    result = run_idempotent(state.db, user.id, "messages", key, fingerprint(payload), work)
    headers = {"Idempotent-Replayed": "true"} if result.replayed else {}
    return JSONResponse(result.body, status_code=result.status, headers=headers)


@router.put("/tickets/{ticket_id}/read", status_code=204)
def put_read(ticket_id: TicketId, body: ReadIn, user: UserDep, state: StateDep) -> Response:
    """Move the caller's read pointer forward; the server keeps the maximum."""
    with state.db.tx() as conn:
        _visible_ticket(conn, ticket_id, user)
        if body.last_read_message_id:
            message = store.get_message(conn, body.last_read_message_id)
            if message is None or int(message["ticket_id"]) != ticket_id:
                raise ApiProblem(
                    422,
                    "validation-failed",
                    "Unbekannte Nachricht.",
                    errors=[field_error("/last_read_message_id", "not-found")],
                )
            store.mark_read(conn, ticket_id, user.id, body.last_read_message_id)
    return Response(status_code=204)


def _etag_matches(header: str, etag: str) -> bool:
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag in tags


@router.patch("/tickets/{ticket_id}")
def patch_ticket(
    ticket_id: TicketId, body: TicketStatusIn, request: Request, user: UserDep, state: StateDep
) -> JSONResponse:
    """Open/close a ticket; needs ``If-Match`` with the current ETag (else 428/412)."""
    if body.status not in ("open", "closed"):
        raise ApiProblem(
            422,
            "validation-failed",
            "Status open oder closed.",
            errors=[field_error("/status", "invalid")],
        )
    if_match = request.headers.get("if-match")
    with state.db.tx() as conn:
        row = _visible_ticket(conn, ticket_id, user)
        if not if_match:
            raise ApiProblem(428, "precondition-required", "Header If-Match fehlt.")
        current = store.ticket_etag(int(row["id"]), int(row["version"]))
        if not _etag_matches(if_match, current):
            raise ApiProblem(
                412,
                "precondition-failed",
                "Der Vorgang wurde inzwischen geändert.",
                headers={"ETag": current},
            )
        if row["status"] != body.status:
            store.set_ticket_status(conn, ticket_id, body.status)
            row = store.get_ticket(conn, ticket_id, None)
        return _ticket_response(row)


@router.delete("/tickets/{ticket_id}", status_code=204)
def delete_ticket(ticket_id: TicketId, user: UserDep, state: StateDep) -> Response:
    """Staff only: delete a ticket (brokers' clients receive a tombstone)."""
    if not user.is_staff:
        raise ApiProblem(403, "forbidden", "Nur der Kundenservice löscht Vorgänge.")
    with state.db.tx() as conn:
        row = _visible_ticket(conn, ticket_id, user)
        store.delete_ticket(conn, ticket_id, int(row["owner_id"]))
    return Response(status_code=204)


def _unread_total(state: ServerState, conn: sqlite3.Connection, user_id: int, staff: bool) -> int:
    """The user's unread total, recomputed only after a change (an initial sync pages through
    tens of pages; counting 50,000 messages for each of them dominated its time)."""
    seq = int(get_meta(conn, "seq"))
    cached = state.unread_cache.get((user_id, staff))
    if cached is not None and cached[0] == seq:
        return cached[1]
    total = store.unread_total(conn, user_id, staff)
    if len(state.unread_cache) > 10_000:
        state.unread_cache.clear()
    state.unread_cache[(user_id, staff)] = (seq, total)
    return total


@router.get("/changes")
def changes(
    user: UserDep,
    state: StateDep,
    since: str | None = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """Everything that changed in the caller's Postkorb after ``since``.

    Each page is self-contained: a message's ticket is included (current state) even when
    the ticket itself changed later in the feed.
    """
    size = clamp_limit(limit, 500, 5000)
    owner = None if user.is_staff else user.id
    with state.db.tx() as conn:
        epoch = int(get_meta(conn, "cursor_epoch"))
        position = decode_cursor(since, CURSOR_KIND, epoch)
        entries = store.changed_positions(conn, user.id, owner, position, size + 1)
        has_more = len(entries) > size
        entries = entries[:size]
        if entries:
            position = int(entries[-1]["seq"])
        by_kind: dict[str, list[int]] = {"ticket": [], "message": [], "tombstone": [], "read": []}
        for entry in entries:
            by_kind[str(entry["kind"])].append(int(entry["id"]))
        message_tickets, messages = store.messages_json_texts(conn, by_kind["message"])
        ticket_ids = list(dict.fromkeys(by_kind["ticket"] + message_tickets + by_kind["read"]))
        tickets = store.tickets_json_texts(conn, ticket_ids)
        reads = store.load_read_state(conn, user.id, by_kind["read"])
        unread = _unread_total(state, conn, user.id, user.is_staff)
    # Tickets and messages arrive as JSON texts from SQLite; the rest is small.
    rest = json.dumps(
        {
            "tombstones": [{"type": "ticket", "id": i} for i in by_kind["tombstone"]],
            "read_state": [dict(r) for r in reads],
            "unread_total": unread,
            "next_cursor": encode_cursor(CURSOR_KIND, epoch, position),
            "has_more": has_more,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    body = "".join(
        ('{"tickets":[', ",".join(tickets), '],"messages":[', ",".join(messages), "],", rest[1:])
    )
    return Response(body.encode("utf-8"), media_type="application/json")
