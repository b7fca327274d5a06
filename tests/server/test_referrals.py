"""Referrals: idempotency, validation, consent, privacy re-check, isolation, cursor sync."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

import pytest
import requests

from extranet.runner import EmbeddedServer
from tests.helpers.server_fixtures import api_session
from tests.server.util import API, create_referral, problem, referral_payload, with_consent


@pytest.fixture(scope="module")
def demo(server: EmbeddedServer) -> requests.Session:
    return api_session(server.url, "demo", "demo")


def _post(
    session: requests.Session, url: str, payload: dict[str, Any], key: str | None
) -> requests.Response:
    headers = {"Idempotency-Key": key} if key else {}
    return session.post(f"{url}{API}/referrals", json=payload, headers=headers, timeout=10)


def test_create_returns_201_with_location(server: EmbeddedServer, demo: requests.Session) -> None:
    payload = referral_payload()
    response = _post(demo, server.url, payload, str(uuid.uuid4()))
    assert response.status_code == 201
    body = response.json()
    assert body["client_ref"] == payload["client_ref"]
    assert body["kind"] == "quick"
    assert body["status"] == "received"
    assert body["created_at"].endswith("Z")
    assert response.headers["Location"].endswith(f"/referrals/{body['id']}")
    fetched = demo.get(f"{server.url}{API}/referrals/{body['id']}", timeout=10)
    assert fetched.status_code == 200
    assert fetched.json()["id"] == body["id"]


def test_missing_idempotency_key_is_400(server: EmbeddedServer, demo: requests.Session) -> None:
    problem(_post(demo, server.url, referral_payload(), None), 400, "idempotency-key-missing")


def test_same_key_same_body_replays(server: EmbeddedServer, demo: requests.Session) -> None:
    payload, key = referral_payload(), str(uuid.uuid4())
    first = _post(demo, server.url, payload, key)
    second = _post(demo, server.url, payload, key)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    listed = demo.get(
        f"{server.url}{API}/referrals", params={"client_ref": payload["client_ref"]}, timeout=10
    ).json()
    assert [item["id"] for item in listed["items"]] == [first.json()["id"]]


def test_same_key_other_body_is_422(server: EmbeddedServer, demo: requests.Session) -> None:
    key = str(uuid.uuid4())
    assert _post(demo, server.url, referral_payload(), key).status_code == 201
    problem(
        _post(demo, server.url, referral_payload(nachname="Anders"), key),
        422,
        "idempotency-key-reused",
    )


def test_key_in_flight_is_409(fresh_server: EmbeddedServer) -> None:
    session = api_session(fresh_server.url, "demo", "demo")
    key = str(uuid.uuid4())
    # simulate a first request that is still being processed
    with sqlite3.connect(fresh_server.db_path) as conn:
        user_id = conn.execute("SELECT id FROM users WHERE login='demo'").fetchone()[0]
        conn.execute(
            "INSERT INTO idempotency (user_id, scope, key, fingerprint, state, created_at)"
            " VALUES (?, 'referrals', ?, 'x', 'pending', '2999-01-01T00:00:00.000Z')",
            (user_id, key),
        )
    problem(_post(session, fresh_server.url, referral_payload(), key), 409, "idempotency-in-flight")


def test_keys_are_per_user(server: EmbeddedServer, demo: requests.Session) -> None:
    key = str(uuid.uuid4())
    other = api_session(server.url, "demo2", "demo2")
    assert _post(demo, server.url, referral_payload(), key).status_code == 201
    response = _post(other, server.url, referral_payload(servicenummer="SN-100871"), key)
    assert response.status_code == 201


def test_mandatory_fields_have_pointers(server: EmbeddedServer, demo: requests.Session) -> None:
    payload = referral_payload(
        nachname=" ", telefon="", kennzeichen="", versicherungsscheinnummer=""
    )
    body = problem(_post(demo, server.url, payload, str(uuid.uuid4())), 422, "validation-failed")
    pointers = {e["pointer"] for e in body["errors"]}
    assert pointers == {"/nachname", "/telefon", "/kennzeichen", "/versicherungsscheinnummer"}
    assert all(e["code"] for e in body["errors"])


def test_structure_errors_have_pointers(server: EmbeddedServer, demo: requests.Session) -> None:
    payload = referral_payload(client_ref="kein-uuid", kind="express", servicenummer="SN-1")
    payload["voluntary"] = {"schadenart": "weltuntergang", "unbekannt": "x"}
    body = problem(_post(demo, server.url, payload, str(uuid.uuid4())), 422, "validation-failed")
    pointers = {e["pointer"]: e["code"] for e in body["errors"]}
    assert pointers["/client_ref"] == "invalid"
    assert pointers["/kind"] == "invalid"
    assert pointers["/servicenummer"] == "mismatch"
    assert pointers["/voluntary/schadenart"] == "unknown-code"
    assert pointers["/voluntary/unbekannt"] == "unknown-field"
    wrong_type = referral_payload(telefon=12345)
    body = problem(_post(demo, server.url, wrong_type, str(uuid.uuid4())), 422, "validation-failed")
    assert body["errors"][0]["pointer"] == "/telefon"


def test_repair_consent_required(server: EmbeddedServer, demo: requests.Session) -> None:
    payload = referral_payload(repair_consent=False)
    problem(_post(demo, server.url, payload, str(uuid.uuid4())), 422, "repair-consent-required")


def test_voluntary_needs_consent(server: EmbeddedServer, demo: requests.Session) -> None:
    payload = referral_payload(voluntary={"schadenart": "riss"})
    body = problem(_post(demo, server.url, payload, str(uuid.uuid4())), 422, "consent-required")
    assert body["errors"][0]["pointer"] == "/voluntary/schadenart"
    # empty voluntary values do not need consent
    empty = referral_payload(voluntary={"schadenart": "", "bemerkungen": "  ", "zeitfenster": []})
    assert _post(demo, server.url, empty, str(uuid.uuid4())).status_code == 201
    granted = with_consent(referral_payload(), schadenart="riss", zeitfenster=["8_12"])
    created = _post(demo, server.url, granted, str(uuid.uuid4()))
    assert created.status_code == 201
    assert created.json()["voluntary"] == {"schadenart": "riss", "zeitfenster": ["8_12"]}


def test_privacy_violation_does_not_echo_text(
    server: EmbeddedServer, demo: requests.Session
) -> None:
    payload = with_consent(referral_payload(), bemerkungen="Kunde ist schwerhörig")
    response = _post(demo, server.url, payload, str(uuid.uuid4()))
    body = problem(response, 422, "privacy-violation")
    assert body["errors"][0]["pointer"] == "/voluntary/bemerkungen"
    assert "schwerh" not in response.text
    fixed = with_consent(referral_payload(), bemerkungen="Bitte laut und deutlich klingeln")
    assert _post(demo, server.url, fixed, str(uuid.uuid4())).status_code == 201


def test_privacy_violation_in_surname(server: EmbeddedServer, demo: requests.Session) -> None:
    payload = referral_payload(nachname="Meier schwerhörig")
    body = problem(_post(demo, server.url, payload, str(uuid.uuid4())), 422, "privacy-violation")
    assert body["errors"][0]["pointer"] == "/nachname"


def test_canonical_values_are_stored(server: EmbeddedServer, demo: requests.Session) -> None:
    from desktop.validation import MANDATORY_CHECKS

    payload = referral_payload(kennzeichen="b-xy 123", versicherungsscheinnummer="kv-12 34")
    created = create_referral(demo, server.url, payload)
    for name in ("kennzeichen", "versicherungsscheinnummer", "telefon", "nachname"):
        assert created[name] == MANDATORY_CHECKS[name](payload[name]).canonical


def test_isolation_other_broker_gets_404(server: EmbeddedServer, demo: requests.Session) -> None:
    created = create_referral(demo, server.url)
    other = api_session(server.url, "demo2", "demo2")
    response = other.get(f"{server.url}{API}/referrals/{created['id']}", timeout=10)
    problem(response, 404, "not-found")
    listed = other.get(f"{server.url}{API}/referrals", params={"limit": 500}, timeout=10)
    assert created["id"] not in {i["id"] for i in listed.json()["items"]}
    problem(
        other.get(f"{server.url}{API}/referrals/{created['id']}/images", timeout=10),
        404,
        "not-found",
    )


def _sync_all(
    session: requests.Session, url: str, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str, int]:
    items: list[dict[str, Any]] = []
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["since"] = cursor
        page = session.get(f"{url}{API}/referrals", params=params, timeout=10).json()
        pages += 1
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return items, cursor or "", pages


def test_cursor_sync_pages_and_status_changes(fresh_server: EmbeddedServer) -> None:
    url = fresh_server.url
    demo = api_session(url, "demo", "demo")
    items, cursor, pages = _sync_all(demo, url, None, 2)
    assert pages >= 3  # five demo referrals in pages of two
    assert len({i["id"] for i in items}) == len(items) == 5
    created = [create_referral(demo, url) for _ in range(3)]
    new_items, cursor, _ = _sync_all(demo, url, cursor, 2)
    assert [i["id"] for i in new_items] == [c["id"] for c in created]
    # nothing new → empty page, cursor still valid
    empty = demo.get(f"{url}{API}/referrals", params={"since": cursor}, timeout=10).json()
    assert empty["items"] == []
    assert empty["has_more"] is False
    # staff changes a status → appears in the owner's sync
    staff = api_session(url, "service", "service")
    patched = staff.patch(
        f"{url}{API}/referrals/{created[0]['id']}", json={"status": "appointment_set"}, timeout=10
    )
    assert patched.status_code == 200
    assert patched.json()["status"] == "appointment_set"
    changed, _, _ = _sync_all(demo, url, cursor, 10)
    assert [(i["id"], i["status"]) for i in changed] == [(created[0]["id"], "appointment_set")]


def test_status_change_is_staff_only(server: EmbeddedServer, demo: requests.Session) -> None:
    created = create_referral(demo, server.url)
    problem(
        demo.patch(
            f"{server.url}{API}/referrals/{created['id']}", json={"status": "done"}, timeout=10
        ),
        403,
        "forbidden",
    )
    staff = api_session(server.url, "service", "service")
    problem(
        staff.patch(
            f"{server.url}{API}/referrals/{created['id']}", json={"status": "verloren"}, timeout=10
        ),
        422,
        "validation-failed",
    )
    problem(
        staff.patch(
            f"{server.url}{API}/referrals/{uuid.uuid4()}", json={"status": "done"}, timeout=10
        ),
        404,
        "not-found",
    )


def test_expired_and_garbled_cursors(fresh_server: EmbeddedServer) -> None:
    demo = api_session(fresh_server.url, "demo", "demo")
    page = demo.get(f"{fresh_server.url}{API}/referrals", timeout=10).json()
    fresh_server.expire_cursors()
    stale = demo.get(
        f"{fresh_server.url}{API}/referrals", params={"since": page["next_cursor"]}, timeout=10
    )
    problem(stale, 410, "cursor-expired")
    problem(
        demo.get(f"{fresh_server.url}{API}/referrals", params={"since": "%%%"}, timeout=10),
        400,
        "cursor-invalid",
    )
    again = demo.get(f"{fresh_server.url}{API}/referrals", timeout=10).json()
    assert len(again["items"]) == 5


def test_concurrent_duplicates_create_one_referral(server: EmbeddedServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    payload, key = referral_payload(), str(uuid.uuid4())
    sessions = [api_session(server.url, "demo", "demo") for _ in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        responses = list(pool.map(lambda s: _post(s, server.url, payload, key), sessions))
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}
    assert 201 in statuses
    ids = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(ids) == 1
    listed = (
        sessions[0]
        .get(
            f"{server.url}{API}/referrals", params={"client_ref": payload["client_ref"]}, timeout=10
        )
        .json()
    )
    assert len(listed["items"]) == 1
