"""ExtranetClient against the real server: referrals and Postkorb endpoints, lost answers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.api import (
    ApiError,
    CursorExpired,
    ExtranetClient,
    NetworkError,
    PreconditionFailed,
)
from tests.helpers.fault_proxy import FaultProxy


def _client(url: str, sleeps: list[float] | None = None, **kwargs: Any) -> ExtranetClient:
    return ExtranetClient(
        url, sleep=(sleeps.append if sleeps is not None else lambda _s: None), **kwargs
    )


@pytest.fixture
def fresh_proxy(fresh_server: Any) -> Iterator[FaultProxy]:
    with FaultProxy(fresh_server.url) as p:
        yield p


def test_stale_ticket_etag_is_precondition_failed(fresh_server: Any) -> None:
    client = _client(fresh_server.url)
    client.login("demo", "demo")
    ticket = client.create_ticket(
        subject="Termin verschieben",
        body="Bitte Termin auf Freitag legen.",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    closed = client.set_ticket_status(ticket["id"], "closed", etag=ticket["etag"])
    assert closed["status"] == "closed"
    with pytest.raises(PreconditionFailed) as err:
        client.set_ticket_status(ticket["id"], "open", etag=ticket["etag"])
    assert err.value.status == 412
    reopened = client.set_ticket_status(ticket["id"], "open", etag=closed["etag"])
    assert reopened["status"] == "open"
    client.logout()


def test_expired_cursor_is_cursor_expired(fresh_server: Any) -> None:
    client = _client(fresh_server.url)
    client.login("demo", "demo")
    cursor = client.postbox_changes(since=None)["next_cursor"]
    fresh_server.expire_cursors()
    with pytest.raises(CursorExpired) as err:
        client.postbox_changes(since=cursor)
    assert err.value.code == "cursor-expired"
    assert isinstance(err.value, ApiError)
    client.logout()


def test_headers_sent_on_every_call(fresh_proxy: FaultProxy) -> None:
    client = _client(fresh_proxy.url)
    client.login("demo", "demo")
    key = str(uuid.uuid4())
    client.create_ticket(
        subject="Kurze Frage",
        body="Ist der Auftrag angekommen?",
        client_ref=str(uuid.uuid4()),
        idempotency_key=key,
    )
    client.logout()
    sent = fresh_proxy.exchanges
    assert [e.path.rsplit("/", 1)[-1] for e in sent] == ["session", "tickets", "session"]
    assert all(e.headers["x-client"] == "glasvermittler" for e in sent)
    keyed = [e for e in sent if e.path.endswith("/postbox/tickets")]
    assert [e.headers["idempotency-key"] for e in keyed] == [key]
    assert "idempotency-key" not in next(e for e in sent if e.path.endswith("/session")).headers


def test_lost_answer_is_maybe_committed_and_same_key_yields_one_ticket(
    fresh_proxy: FaultProxy,
) -> None:
    sleeps: list[float] = []
    client = _client(fresh_proxy.url, sleeps, retries=0)
    client.login("demo", "demo")
    before = len(client.postbox_changes(since=None, limit=500)["tickets"])
    key, ref = str(uuid.uuid4()), str(uuid.uuid4())
    fresh_proxy.drop_after_forward_next(1, method="POST", path="/api/v1/postbox/tickets")
    with pytest.raises(NetworkError) as err:
        client.create_ticket(
            subject="Rückfrage", body="Bitte zurückrufen.", client_ref=ref, idempotency_key=key
        )
    assert err.value.maybe_committed
    assert err.value.code == "network"
    assert err.value.status == 0
    assert len(client.postbox_changes(since=None, limit=500)["tickets"]) == before + 1
    first = client.create_ticket(
        subject="Rückfrage", body="Bitte zurückrufen.", client_ref=ref, idempotency_key=key
    )
    second = client.create_ticket(
        subject="Rückfrage", body="Bitte zurückrufen.", client_ref=ref, idempotency_key=key
    )
    assert first["id"] == second["id"]
    assert len(client.postbox_changes(since=None, limit=500)["tickets"]) == before + 1
    client.logout()


def test_lost_answer_on_keyed_post_is_retried_transparently(fresh_proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(fresh_proxy.url, sleeps, retries=2)
    client.login("demo", "demo")
    ticket = client.create_ticket(
        subject="Frage",
        body="Wann ist der Termin?",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    before = client.postbox_changes(since=None, limit=500)
    fresh_proxy.drop_after_forward_next(1, method="POST")
    msg = client.post_message(
        ticket["id"],
        body="Noch eine Frage.",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    assert len(sleeps) == 1
    after = client.postbox_changes(since=before["next_cursor"], limit=500)
    assert [m["id"] for m in after["messages"]] == [msg["id"]]
    client.logout()
