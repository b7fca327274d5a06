"""Mein Postkorb: tickets, replies, change feed with tombstones, read pointers, ETags."""

from __future__ import annotations

import uuid
from typing import Any

import requests

from extranet.runner import EmbeddedServer
from tests.helpers.server_fixtures import api_session
from tests.server.util import API, create_referral, problem


def _ticket(
    session: requests.Session, url: str, key: str | None = None, **fields: Any
) -> requests.Response:
    body = {
        "client_ref": str(uuid.uuid4()),
        "subject": "Frage zum Termin",
        "body": "Kann der Termin verschoben werden?",
        **fields,
    }
    return session.post(
        f"{url}{API}/postbox/tickets",
        json=body,
        headers={"Idempotency-Key": key or str(uuid.uuid4())},
        timeout=10,
    )


def _reply(
    session: requests.Session, url: str, ticket_id: int, text: str, key: str | None = None
) -> requests.Response:
    return session.post(
        f"{url}{API}/postbox/tickets/{ticket_id}/messages",
        json={"client_ref": str(uuid.uuid4()), "body": text},
        headers={"Idempotency-Key": key or str(uuid.uuid4())},
        timeout=10,
    )


def _changes(
    session: requests.Session, url: str, since: str | None = None, limit: int = 500
) -> dict[str, Any]:
    params: dict[str, Any] = {"limit": limit}
    if since:
        params["since"] = since
    response = session.get(f"{url}{API}/postbox/changes", params=params, timeout=10)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _drain(
    session: requests.Session, url: str, since: str | None, limit: int
) -> tuple[list[dict[str, Any]], str]:
    pages: list[dict[str, Any]] = []
    while True:
        page = _changes(session, url, since, limit)
        pages.append(page)
        since = page["next_cursor"]
        if not page["has_more"]:
            return pages, since or ""


def test_create_ticket_and_idempotent_replay(server: EmbeddedServer) -> None:
    demo = api_session(server.url, "demo", "demo")
    key = str(uuid.uuid4())
    body = {"client_ref": str(uuid.uuid4()), "subject": "Rückfrage", "body": "Bitte anrufen."}
    first = demo.post(
        f"{server.url}{API}/postbox/tickets",
        json=body,
        headers={"Idempotency-Key": key},
        timeout=10,
    )
    again = demo.post(
        f"{server.url}{API}/postbox/tickets",
        json=body,
        headers={"Idempotency-Key": key},
        timeout=10,
    )
    assert first.status_code == again.status_code == 201
    ticket = first.json()
    assert again.json()["id"] == ticket["id"]
    assert {"id", "subject", "status", "referral_id", "created_at", "updated_at"} <= set(ticket)
    assert ticket["status"] == "open"
    assert first.headers["ETag"] == ticket["etag"]
    other = demo.post(
        f"{server.url}{API}/postbox/tickets",
        json={**body, "body": "Anders."},
        headers={"Idempotency-Key": key},
        timeout=10,
    )
    problem(other, 422, "idempotency-key-reused")
    problem(
        demo.post(f"{server.url}{API}/postbox/tickets", json=body, timeout=10),
        400,
        "idempotency-key-missing",
    )


def test_message_replay_and_validation(server: EmbeddedServer) -> None:
    demo = api_session(server.url, "demo", "demo")
    ticket = _ticket(demo, server.url).json()
    key = str(uuid.uuid4())
    body = {"client_ref": str(uuid.uuid4()), "body": "Noch eine Frage."}
    url = f"{server.url}{API}/postbox/tickets/{ticket['id']}/messages"
    first = demo.post(url, json=body, headers={"Idempotency-Key": key}, timeout=10)
    again = demo.post(url, json=body, headers={"Idempotency-Key": key}, timeout=10)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    message = first.json()
    assert message["ticket_id"] == ticket["id"]
    assert message["from_staff"] is False
    assert {"id", "author", "body", "created_at"} <= set(message)
    empty = _reply(demo, server.url, ticket["id"], "   ")
    assert problem(empty, 422, "validation-failed")["errors"][0]["pointer"] == "/body"


def test_privacy_check_on_subject_and_body(server: EmbeddedServer) -> None:
    demo = api_session(server.url, "demo", "demo")
    response = _ticket(demo, server.url, subject="Kunde schwerhörig")
    body = problem(response, 422, "privacy-violation")
    assert body["errors"][0]["pointer"] == "/subject"
    assert "schwerh" not in response.text
    ticket = _ticket(demo, server.url).json()
    reply = _reply(demo, server.url, ticket["id"], "Er ist schwerhörig.")
    assert problem(reply, 422, "privacy-violation")["errors"][0]["pointer"] == "/body"


def test_isolation_between_brokers(server: EmbeddedServer) -> None:
    demo = api_session(server.url, "demo", "demo")
    demo2 = api_session(server.url, "demo2", "demo2")
    ticket = _ticket(demo, server.url).json()
    base = f"{server.url}{API}/postbox/tickets/{ticket['id']}"
    problem(demo2.get(base, timeout=10), 404, "not-found")
    problem(_reply(demo2, server.url, ticket["id"], "Hallo"), 404, "not-found")
    problem(
        demo2.put(f"{base}/read", json={"last_read_message_id": 1}, timeout=10), 404, "not-found"
    )
    problem(
        demo2.patch(
            base, json={"status": "closed"}, headers={"If-Match": ticket["etag"]}, timeout=10
        ),
        404,
        "not-found",
    )
    seen = _changes(demo2, server.url)
    assert ticket["id"] not in {t["id"] for t in seen["tickets"]}
    # a ticket may only reference one's own referral
    referral = create_referral(demo, server.url)
    foreign = _ticket(demo2, server.url, referral_id=referral["id"])
    assert problem(foreign, 422, "validation-failed")["errors"][0]["pointer"] == "/referral_id"
    own = _ticket(demo, server.url, referral_id=referral["id"])
    assert own.json()["referral_id"] == referral["id"]


def test_staff_reply_read_pointers_and_unread_total(fresh_server: EmbeddedServer) -> None:
    url = fresh_server.url
    demo = api_session(url, "demo", "demo")
    staff = api_session(url, "service", "service")
    _, cursor = _drain(demo, url, None, 500)
    unread_before = _changes(demo, url, cursor)["unread_total"]
    ticket = _ticket(demo, url).json()
    replies = [_reply(staff, url, ticket["id"], f"Antwort {i}").json() for i in range(3)]
    assert all(r["from_staff"] for r in replies)
    page = _changes(demo, url, cursor)
    assert [m["id"] for m in page["messages"] if m["from_staff"]] == [r["id"] for r in replies]
    assert page["unread_total"] == unread_before + 3
    read_url = f"{url}{API}/postbox/tickets/{ticket['id']}/read"
    assert (
        demo.put(read_url, json={"last_read_message_id": replies[1]["id"]}, timeout=10).status_code
        == 204
    )
    # an older pointer does not move it back
    assert (
        demo.put(read_url, json={"last_read_message_id": replies[0]["id"]}, timeout=10).status_code
        == 204
    )
    page = _changes(demo, url, page["next_cursor"])
    assert page["read_state"] == [
        {"ticket_id": ticket["id"], "last_read_message_id": replies[1]["id"]}
    ]
    assert page["unread_total"] == unread_before + 1
    problem(
        demo.put(read_url, json={"last_read_message_id": 999999}, timeout=10),
        422,
        "validation-failed",
    )
    # the staff side counts broker messages
    staff_page = _changes(staff, url)
    assert staff_page["unread_total"] >= 1


def test_status_patch_with_etag(server: EmbeddedServer) -> None:
    demo = api_session(server.url, "demo", "demo")
    ticket = _ticket(demo, server.url).json()
    base = f"{server.url}{API}/postbox/tickets/{ticket['id']}"
    problem(demo.patch(base, json={"status": "closed"}, timeout=10), 428, "precondition-required")
    closed = demo.patch(
        base, json={"status": "closed"}, headers={"If-Match": ticket["etag"]}, timeout=10
    )
    assert closed.status_code == 200
    assert closed.json()["status"] == "closed"
    assert closed.headers["ETag"] != ticket["etag"]
    stale = demo.patch(
        base, json={"status": "open"}, headers={"If-Match": ticket["etag"]}, timeout=10
    )
    problem(stale, 412, "precondition-failed")
    assert stale.headers["ETag"] == closed.headers["ETag"]
    reopened = demo.patch(
        base, json={"status": "open"}, headers={"If-Match": closed.headers["ETag"]}, timeout=10
    )
    assert reopened.json()["status"] == "open"
    got = demo.get(base, timeout=10)
    assert got.headers["ETag"] == reopened.headers["ETag"]


def test_feed_paging_and_tombstones(fresh_server: EmbeddedServer) -> None:
    url = fresh_server.url
    demo = api_session(url, "demo", "demo")
    staff = api_session(url, "service", "service")
    pages, cursor = _drain(demo, url, None, 3)
    assert len(pages) > 2
    assert all(
        len(p["tickets"]) + len(p["messages"]) + len(p["read_state"]) <= 3 + 3 for p in pages
    )
    messages = [m for p in pages for m in p["messages"]]
    tickets = {t["id"] for p in pages for t in p["tickets"]}
    assert {m["ticket_id"] for m in messages} <= tickets  # pages are self-contained
    assert len({m["id"] for m in messages}) == len(messages)
    # staff opens a ticket for demo, then deletes another one
    opened = _ticket(staff, url, owner="demo", subject="Rückfrage Kundenservice")
    assert opened.status_code == 201
    victim = next(iter(tickets))
    assert demo.delete(f"{url}{API}/postbox/tickets/{victim}", timeout=10).status_code == 403
    assert staff.delete(f"{url}{API}/postbox/tickets/{victim}", timeout=10).status_code == 204
    page = _changes(demo, url, cursor)
    assert page["tombstones"] == [{"type": "ticket", "id": victim}]
    assert [t["id"] for t in page["tickets"]] == [opened.json()["id"]]
    assert page["messages"][0]["from_staff"] is True
    problem(demo.get(f"{url}{API}/postbox/tickets/{victim}", timeout=10), 404, "not-found")
    # demo2 sees neither
    other = _changes(api_session(url, "demo2", "demo2"), url)
    assert opened.json()["id"] not in {t["id"] for t in other["tickets"]}
    assert other["tombstones"] == []


def test_staff_ticket_needs_owner(server: EmbeddedServer) -> None:
    staff = api_session(server.url, "service", "service")
    body = problem(_ticket(staff, server.url), 422, "validation-failed")
    assert body["errors"][0]["pointer"] == "/owner"
    body = problem(_ticket(staff, server.url, owner="service"), 422, "validation-failed")
    assert body["errors"][0]["pointer"] == "/owner"


def test_postbox_cursor_expiry(fresh_server: EmbeddedServer) -> None:
    demo = api_session(fresh_server.url, "demo", "demo")
    cursor = _changes(demo, fresh_server.url)["next_cursor"]
    fresh_server.expire_cursors()
    stale = demo.get(
        f"{fresh_server.url}{API}/postbox/changes", params={"since": cursor}, timeout=10
    )
    problem(stale, 410, "cursor-expired")
    # a referral cursor is not a postbox cursor
    ref_cursor = demo.get(f"{fresh_server.url}{API}/referrals", timeout=10).json()
    problem(
        demo.get(
            f"{fresh_server.url}{API}/postbox/changes",
            params={"since": ref_cursor["next_cursor"]},
            timeout=10,
        ),
        400,
        "cursor-invalid",
    )


def test_feed_objects_equal_the_single_resources(fresh_server: EmbeddedServer) -> None:
    """The feed builds its JSON in SQLite; it must say exactly what the API's single-resource
    answers say (types, booleans, null, quotes, control characters, non-ASCII, RTL marks)."""
    url = fresh_server.url
    demo = api_session(url, "demo", "demo")
    staff = api_session(url, "service", "service")
    _, cursor = _drain(demo, url, None, 500)
    tricky = 'Zitat "x" \\ Pfad\ttab\nneue Zeile ü € 😀 \u202eRTL\u202c </script>'
    ticket = _ticket(demo, url, subject='Betreff "mit" \\ Zeichen ü').json()
    own = _reply(demo, url, ticket["id"], tricky).json()
    theirs = _reply(staff, url, ticket["id"], "Antwort vom Team").json()
    current = demo.get(f"{url}{API}/postbox/tickets/{ticket['id']}", timeout=10)
    assert current.status_code == 200
    page = _changes(demo, url, cursor)
    assert page["tickets"] == [current.json()]
    by_id = {m["id"]: m for m in page["messages"]}
    assert by_id[own["id"]] == own
    assert by_id[theirs["id"]] == theirs
    assert by_id[own["id"]]["body"] == tricky
    assert by_id[own["id"]]["from_staff"] is False
    assert by_id[theirs["id"]]["from_staff"] is True
    assert page["tickets"][0]["referral_id"] is None
    assert isinstance(page["tickets"][0]["id"], int)
