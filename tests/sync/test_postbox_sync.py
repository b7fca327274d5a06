"""Postkorb sync against the REAL reference server (broker demo/demo, staff service/service)."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.api import ExtranetClient
from desktop.store import DataKey, LocalStore
from desktop.store.db import open_database
from desktop.sync.outbox import Outbox
from desktop.sync.postbox import PostboxSync
from desktop.sync.postbox_store import PostboxReader

HOSTILE = (
    '<img src=x onerror="alert(1)"> <a href="http://example.invalid">klick</a> <b>wichtig</b>'
    " \u202eRTL-Override\u202c \u200fמרק\u200e & &amp; %s {0} \\n"
)


def _ids(x: Any) -> str:
    return str(x)


@pytest.fixture
def broker(fresh_server: Any) -> Iterator[ExtranetClient]:
    client = ExtranetClient(fresh_server.url, sleep=lambda _s: None)
    client.login("demo", "demo")
    yield client
    client.close()


@pytest.fixture
def staff(fresh_server: Any) -> Iterator[ExtranetClient]:
    client = ExtranetClient(fresh_server.url, sleep=lambda _s: None)
    client.login("service", "service")
    yield client
    client.close()


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = open_database(tmp_path / "postbox.db")
    yield connection
    connection.close()


def _sync(conn: sqlite3.Connection, client: ExtranetClient, **kwargs: Any) -> PostboxSync:
    return PostboxSync(lambda: conn, client, key=DataKey.generate(), **kwargs)


def _new_ticket(client: ExtranetClient, subject: str = "Rückfrage Termin") -> dict[str, Any]:
    return client.create_ticket(
        subject=subject,
        body="Bitte um Rückruf wegen des Termins.",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )


def _staff_reply(staff: ExtranetClient, ticket_id: str, body: str) -> dict[str, Any]:
    return staff.post_message(
        ticket_id, body=body, client_ref=str(uuid.uuid4()), idempotency_key=str(uuid.uuid4())
    )


def test_initial_sync_takes_demo_tickets_and_server_unread(
    conn: sqlite3.Connection, broker: ExtranetClient
) -> None:
    sync = _sync(conn, broker)
    result = sync.sync_once()
    reader = PostboxReader(conn, sync.codec)
    tickets = reader.tickets()
    assert result.full_resync
    assert tickets
    assert result.changed_ticket_ids == {t.id for t in tickets}
    server_unread = broker.postbox_changes(since=None, limit=500)["unread_total"]
    assert result.unread_total == server_unread == reader.unread_total()
    assert any(m.from_staff for t in tickets for m in reader.messages(t.id))
    assert sync.cursor()
    again = sync.sync_once()
    assert not again.full_resync
    assert again.changed_ticket_ids == set()
    assert again.new_staff_message_ids == []


def test_staff_reply_arrives_and_unread_comes_from_server(
    conn: sqlite3.Connection, broker: ExtranetClient, staff: ExtranetClient
) -> None:
    sync = _sync(conn, broker)
    ticket = _new_ticket(broker)
    before = sync.sync_once().unread_total
    reply = _staff_reply(staff, ticket["id"], "Termin ist am Freitag möglich.")
    result = sync.sync_once()
    tid = _ids(ticket["id"])
    assert result.new_staff_message_ids == [_ids(reply["id"])]
    assert tid in result.changed_ticket_ids
    assert result.unread_total == before + 1
    reader = PostboxReader(conn, sync.codec)
    bodies = [m.body for m in reader.messages(tid)]
    assert bodies[-1] == "Termin ist am Freitag möglich."
    row = reader.ticket(tid)
    assert row is not None
    assert row.unread_count == 1
    assert row.last_message_id == _ids(reply["id"])


def test_read_pointer_round_trips_from_another_device(
    conn: sqlite3.Connection, fresh_server: Any, broker: ExtranetClient, staff: ExtranetClient
) -> None:
    sync = _sync(conn, broker)
    ticket = _new_ticket(broker)
    reply = _staff_reply(staff, ticket["id"], "Bitte Fotos nachreichen.")
    unread_before = sync.sync_once().unread_total
    other = ExtranetClient(fresh_server.url)
    other.login("demo", "demo")
    other.mark_read(ticket["id"], reply["id"])
    result = sync.sync_once()
    tid = _ids(ticket["id"])
    assert tid in result.changed_ticket_ids
    assert result.unread_total == unread_before - 1
    reader = PostboxReader(conn, sync.codec)
    assert reader.last_read_message_id(tid) == _ids(reply["id"])
    row = reader.ticket(tid)
    assert row is not None
    assert row.unread_count == 0
    other.close()


def test_tombstone_removes_ticket_and_messages(
    conn: sqlite3.Connection, broker: ExtranetClient, staff: ExtranetClient
) -> None:
    sync = _sync(conn, broker)
    ticket = _new_ticket(broker)
    _staff_reply(staff, ticket["id"], "Erledigt.")
    sync.sync_once()
    tid = _ids(ticket["id"])
    reader = PostboxReader(conn, sync.codec)
    assert reader.ticket(tid) is not None
    staff.delete_ticket(ticket["id"])
    result = sync.sync_once()
    assert tid in result.changed_ticket_ids
    assert reader.ticket(tid) is None
    assert reader.messages(tid) == []


def test_status_change_with_etag_is_synced(
    conn: sqlite3.Connection, broker: ExtranetClient
) -> None:
    sync = _sync(conn, broker)
    ticket = _new_ticket(broker)
    sync.sync_once()
    reader = PostboxReader(conn, sync.codec)
    row = reader.ticket(_ids(ticket["id"]))
    assert row is not None
    assert row.etag
    broker.set_ticket_status(row.id, "closed", etag=row.etag)
    sync.sync_once()
    closed = reader.ticket(row.id)
    assert closed is not None
    assert closed.status == "closed"


def _three_answered_tickets(broker: ExtranetClient, staff: ExtranetClient) -> None:
    for i in range(3):
        t = _new_ticket(broker, f"Anfrage {i}")
        _staff_reply(staff, t["id"], f"Antwort {i}")


def test_paging_applies_every_page(
    conn: sqlite3.Connection, broker: ExtranetClient, staff: ExtranetClient
) -> None:
    _three_answered_tickets(broker, staff)
    sync = _sync(conn, broker, page_limit=2)
    result = sync.sync_once()
    assert result.pages > 2
    full = broker.postbox_changes(since=None, limit=500)
    reader = PostboxReader(conn, sync.codec)
    assert {t.id for t in reader.tickets()} == {_ids(t["id"]) for t in full["tickets"]}
    assert result.unread_total == full["unread_total"]


def _index_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_first_sync_builds_the_deferred_message_index_once_at_the_end(
    conn: sqlite3.Connection, broker: ExtranetClient, staff: ExtranetClient
) -> None:
    import threading

    _three_answered_tickets(broker, staff)
    sync = _sync(conn, broker, page_limit=2)
    assert "postbox_messages_cover" in _index_names(conn)
    sync.sync_once()  # a first sync into an empty cache
    assert "postbox_messages_cover" in _index_names(conn)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # Stopped after its first page: the index is there all the same.
    other = open_database(None)
    stopped = PostboxSync(lambda: other, broker, page_limit=2)
    stop = threading.Event()
    stop.set()
    assert stopped.sync_once(stop).pages == 1
    assert "postbox_messages_cover" in _index_names(other)

    # Cut off (process killed) without it: the next sync builds it before anything else.
    other.execute("DROP INDEX postbox_messages_cover")
    stopped.sync_once()
    assert "postbox_messages_cover" in _index_names(other)
    reader = PostboxReader(other, stopped.codec)
    assert len(reader.tickets()) == len(PostboxReader(conn, sync.codec).tickets())
    other.close()


def test_expired_cursor_resyncs_cleanly_and_keeps_unsent_replies(
    tmp_path: Path, fresh_server: Any, broker: ExtranetClient, staff: ExtranetClient
) -> None:
    store = LocalStore(tmp_path / "store", DataKey.generate())
    outbox = Outbox(store)
    sync = PostboxSync(lambda: store.conn, broker, key=lambda: store.key)
    ticket = _new_ticket(broker)
    tid = _ids(ticket["id"])
    sync.sync_once()
    reader = PostboxReader(sync)
    expected = {t.id: (t.subject, t.message_count) for t in reader.tickets()}
    # A row the server no longer knows (deleted while we were away, tombstone pruned).
    store.conn.execute(
        "INSERT INTO postbox_tickets(id, subject, status, generation) VALUES ('ghost', x'', "
        "'open', 0)"
    )
    ref = str(uuid.uuid4())
    outbox.enqueue_message(tid, "Antwort, offline geschrieben.", ref)
    fresh_server.expire_cursors()
    reply = _staff_reply(staff, ticket["id"], "Neue Nachricht während der Pause.")

    result = sync.sync_once()
    assert result.cursor_expired
    assert result.full_resync
    assert reader.ticket("ghost") is None
    assert outbox.pending_count() == 1
    got = {t.id: (t.subject, t.message_count) for t in reader.tickets()}
    assert got[tid] == (expected[tid][0], expected[tid][1] + 1)
    assert _ids(reply["id"]) in result.new_staff_message_ids
    assert result.unread_total == broker.postbox_changes(since=None)["unread_total"]

    outbox.drain(broker)
    outbox.drain(broker)
    sync.sync_once()
    mine = [m for m in reader.messages(tid) if m.client_ref == ref]
    assert len(mine) == 1
    assert mine[0].body == "Antwort, offline geschrieben."
    assert outbox.pending_count() == 0


def test_hostile_text_is_stored_verbatim_and_sealed(
    conn: sqlite3.Connection, broker: ExtranetClient, staff: ExtranetClient
) -> None:
    ticket = _new_ticket(broker)
    long_line = "x" * 5000  # the server caps bodies at 5000 characters
    _staff_reply(staff, ticket["id"], HOSTILE)
    _staff_reply(staff, ticket["id"], long_line)
    sync = _sync(conn, broker)
    sync.sync_once()
    reader = PostboxReader(conn, sync.codec)
    bodies = [m.body for m in reader.messages(_ids(ticket["id"]))]
    assert HOSTILE in bodies
    assert long_line in bodies
    raw = b"".join(bytes(r[0]) for r in conn.execute("SELECT body FROM postbox_messages"))
    assert b"onerror" not in raw
    assert b"Termins" not in raw


def test_clear_forgets_everything(conn: sqlite3.Connection, broker: ExtranetClient) -> None:
    sync = _sync(conn, broker)
    sync.sync_once()
    sync.clear()
    reader = PostboxReader(conn, sync.codec)
    assert reader.tickets() == []
    assert reader.unread_total() == 0
    assert sync.cursor() is None
    assert sync.sync_once().full_resync
    assert reader.tickets()


def test_store_wipe_gives_a_clean_cache_with_the_new_key(
    tmp_path: Path, broker: ExtranetClient
) -> None:
    store = LocalStore(tmp_path / "store", DataKey.generate())
    sync = PostboxSync(lambda: store.conn, broker, key=lambda: store.key)
    reader = PostboxReader(sync)
    sync.sync_once()
    count = len(reader.tickets())
    assert count
    store.wipe_all()
    assert reader.tickets() == []
    assert sync.cursor() is None
    assert sync.sync_once().full_resync
    assert len(reader.tickets()) == count


def test_known_client_refs_finds_what_the_server_sent_back(
    conn: sqlite3.Connection, broker: ExtranetClient
) -> None:
    ticket_ref, message_ref = str(uuid.uuid4()), str(uuid.uuid4())
    ticket = broker.create_ticket(
        subject="Termin", body="Passt Freitag?", client_ref=ticket_ref, idempotency_key=ticket_ref
    )
    broker.post_message(
        ticket["id"], body="Oder Montag?", client_ref=message_ref, idempotency_key=message_ref
    )
    sync = _sync(conn, broker)
    sync.sync_once()
    reader = PostboxReader(sync)
    unknown = str(uuid.uuid4())
    assert reader.known_client_refs([ticket_ref, unknown], kind="ticket") == {ticket_ref}
    assert reader.known_client_refs([message_ref, unknown]) == {message_ref}
    assert reader.known_client_refs([]) == set()


def test_seal_many_uses_fresh_nonces_and_opens_back() -> None:
    from desktop.sync.postbox_schema import Codec

    codec = Codec(DataKey.generate())
    blobs = codec.seal_many([("gleich", "message:1"), ("gleich", "message:1"), ("", "t:2")])
    assert len({bytes(b) for b in blobs}) == 3
    assert b"gleich" not in b"".join(blobs)
    assert [
        codec.open(b, aad) for b, aad in zip(blobs, ["message:1"] * 2 + ["t:2"], strict=True)
    ] == [
        "gleich",
        "gleich",
        "",
    ]
    assert Codec(None).seal_many([("klar", "x")]) == [b"klar"]


def test_cache_of_the_first_schema_is_migrated_and_kept(tmp_path: Path) -> None:
    from desktop.store.db import apply_migrations, schema_version
    from desktop.sync.postbox import COMPONENT
    from desktop.sync.postbox_schema import MIGRATIONS

    conn = open_database(tmp_path / "old.db")
    apply_migrations(conn, COMPONENT, MIGRATIONS[:1])  # a cache written by the first release
    conn.execute(
        "INSERT INTO postbox_tickets(id, subject, status, updated_at, generation) "
        "VALUES ('7', 'Termin', 'open', '2026-11-01T08:00:00Z', 1)"
    )
    conn.execute(
        "INSERT INTO postbox_messages(id, ticket_id, from_staff, body, order_key, generation) "
        "VALUES ('70', '7', 1, '0:Hallo', 'k', 1)"
    )
    sync = PostboxSync(lambda: conn, _NoNetwork())  # opening migrates
    assert schema_version(conn, COMPONENT) == len(MIGRATIONS)
    reader = PostboxReader(conn, sync.codec)
    assert [(t.id, t.subject, t.unread_count) for t in reader.tickets()] == [("7", "Termin", 1)]
    assert [m.body for m in reader.messages("7")] == ["Hallo"]
    conn.close()


class _NoNetwork:
    def postbox_changes(self, *, since: str | None, limit: int = 500) -> dict[str, Any]:
        raise AssertionError("not used")
