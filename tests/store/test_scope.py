"""Every local datum belongs to one server and account (desktop.store.scope), without a GUI:
drafts, outbox items, the cached server configuration, the Postkorb cache's owner, the
remembered login; and the migration of a database written before data was scoped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop import secrets
from desktop.api import ExtranetClient
from desktop.store import DataKey, LocalStore, serialize
from desktop.store.db import apply_migrations, open_database
from desktop.store.local import DB_FILENAME, MIGRATIONS
from desktop.store.scope import EMBEDDED_SERVER, Scope, server_identity
from desktop.sync import outbox_schema
from desktop.sync.outbox import Outbox
from extranet.runner import EmbeddedServer
from tests.helpers.qt_fixtures import MemoryKeyring
from tests.helpers.referrals import quick_referral

SERVER_A = "https://extranet-a.example.de"
SERVER_B = "https://extranet-b.example.de"
DRAFT = {"mandatory": {"nachname": "Quellmalz", "kennzeichen": "HH-QX 4711"}}


def _referral(config: dict[str, Any]) -> dict[str, Any]:
    return quick_referral(config, consent={"granted": False})


def test_server_identity_is_one_per_server_and_fixed_for_the_demo() -> None:
    assert server_identity(None) == server_identity("") == EMBEDDED_SERVER
    assert server_identity("HTTPS://Extranet-A.Example.de:443/") == SERVER_A
    assert server_identity("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    assert server_identity("http://127.0.0.1:8765") != server_identity("http://127.0.0.1:8766")
    assert Scope.of("", "demo") == Scope(EMBEDDED_SERVER, "demo")
    assert Scope.of(None).embedded


def test_drafts_belong_to_their_server_and_account(tmp_path: Path) -> None:
    key = DataKey.generate()
    store = LocalStore(tmp_path, key, server_identity(SERVER_A))
    store.set_account("alice")
    store.save_draft("d-alice", "quick", DRAFT)
    store.close()

    other_server = LocalStore(tmp_path, key, server_identity(SERVER_B))
    assert other_server.scope == Scope(SERVER_B, "")
    assert other_server.list_drafts() == []
    assert other_server.load_draft("d-alice") is None
    assert other_server.draft_kind("d-alice") is None
    other_server.close()

    again = LocalStore(tmp_path, key, server_identity(SERVER_A))
    assert again.scope == Scope(SERVER_A, "alice")  # the last account there, before any login
    assert [d.draft_id for d in again.list_drafts()] == ["d-alice"]
    assert again.set_account("bob")  # another account logs in on the same server
    assert again.list_drafts() == []
    assert again.load_draft("d-alice") is None
    assert not again.set_account("bob")
    again.close()
    assert LocalStore(tmp_path, key, SERVER_A).scope.account == "bob"


def test_a_draft_begun_by_one_account_stays_its_own_when_saved_later(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate(), SERVER_A)
    store.set_account("alice")
    begun = store.scope  # the first keystroke; the debounced write lands after bob's login
    store.set_account("bob")
    store.save_draft("d-late", "quick", DRAFT, owner=begun)
    assert store.list_drafts() == []
    store.save_draft("d-late", "quick", DRAFT)  # a later save never moves it
    store.set_account("alice")
    assert [d.draft_id for d in store.list_drafts()] == ["d-late"]


def test_data_written_before_any_login_goes_to_the_first_account(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate(), SERVER_A)
    outbox = Outbox(store)
    store.save_draft("d-offline", "quick", DRAFT)
    outbox.enqueue_referral({"nachname": "Quellmalz"})
    store.set_account("alice")
    assert [d.draft_id for d in store.list_drafts()] == ["d-offline"]
    assert outbox.pending_count() == 1
    store.set_account("bob")
    assert store.list_drafts() == []
    assert outbox.pending_count() == 0
    assert outbox.items() == []


def test_outbox_lists_counts_and_flushes_only_its_scope(tmp_path: Path) -> None:
    key = DataKey.generate()
    store = LocalStore(tmp_path, key, SERVER_A)
    store.set_account("alice")
    outbox = Outbox(store)
    item_id = outbox.enqueue_referral({"nachname": "Quellmalz"})
    assert [(i.item_id, i.server) for i in outbox.items()] == [(item_id, SERVER_A)]
    store.close()

    store_b = LocalStore(tmp_path, key, SERVER_B)
    outbox_b = Outbox(store_b)
    assert outbox_b.items() == []
    assert outbox_b.pending_count() == 0
    assert outbox_b.next_row() is None
    store_b.close()


def test_cached_config_is_per_scope_sealed_and_replaced(tmp_path: Path) -> None:
    key = DataKey.generate()
    store = LocalStore(tmp_path, key, SERVER_A)
    store.set_account("alice")
    assert store.cached_config() is None
    store.save_config({"consent": {"text": "Einwilligungstext Alpha", "text_version": "1"}}, 100.0)
    store.save_config({"consent": {"text": "Einwilligungstext Beta", "text_version": "2"}}, 200.0)
    cached = store.cached_config()
    assert cached is not None
    assert cached.fetched_at == 200.0
    assert cached.config["consent"]["text_version"] == "2"
    store.close()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"Einwilligungstext" not in data  # sealed at rest

    again = LocalStore(tmp_path, key, SERVER_A)  # next start, offline
    loaded = again.cached_config()
    assert loaded is not None
    assert loaded.config["consent"]["text_version"] == "2"
    again.set_account("bob")
    assert again.cached_config() is None  # another account's configuration is not used
    again.close()
    assert LocalStore(tmp_path, key, SERVER_B).cached_config() is None


def test_postbox_cache_is_cleared_for_another_scope(tmp_path: Path) -> None:
    from desktop.backend import POSTBOX_OWNER, own_postbox_cache
    from desktop.sync.postbox import PostboxSync

    class Offline:
        def postbox_changes(self, *, since: str | None, limit: int = 500) -> dict[str, Any]:
            raise AssertionError("no network in this test")

    key = DataKey.generate()
    store = LocalStore(tmp_path, key, SERVER_A)
    store.set_account("alice")
    sync = PostboxSync(lambda: store.conn, Offline(), key=lambda: store.key)
    own_postbox_cache(store, sync)
    store.conn.execute(
        "INSERT INTO postbox_tickets(id, subject, status, generation)"
        " VALUES ('t1', NULL, 'open', 0)"
    )
    own_postbox_cache(store, sync)  # same scope: kept
    assert store.conn.execute("SELECT COUNT(*) FROM postbox_tickets").fetchone()[0] == 1
    store.close()

    store_b = LocalStore(tmp_path, key, SERVER_B)
    sync_b = PostboxSync(lambda: store_b.conn, Offline(), key=lambda: store_b.key)
    own_postbox_cache(store_b, sync_b)
    assert store_b.conn.execute("SELECT COUNT(*) FROM postbox_tickets").fetchone()[0] == 0
    assert store_b.cache_owner(POSTBOX_OWNER) == Scope(SERVER_B, "")
    store_b.close()


def test_a_database_from_before_scoping_keeps_its_rows(tmp_path: Path) -> None:
    """Rows written before the change belong to the server configured at the first start
    after it, and to the first account that logs in there."""
    key = DataKey.generate()
    conn = open_database(tmp_path / DB_FILENAME)
    apply_migrations(conn, "store", MIGRATIONS[:2])
    apply_migrations(conn, "outbox", outbox_schema.MIGRATIONS[:1])
    sealed = key.encrypt(serialize.dumps(DRAFT), b"draft:d-old:quick")
    conn.execute(
        "INSERT INTO drafts(id, kind, created_at, updated_at, payload)"
        " VALUES ('d-old', 'quick', 1e12, 1e12, ?)",
        (sealed,),
    )
    body = key.encrypt(serialize.dumps({"nachname": "Quellmalz"}), b"outbox:o-old:referral")
    conn.execute(
        "INSERT INTO outbox(id, seq, priority, kind, client_ref, idempotency_key, created_at,"
        " updated_at, payload) VALUES ('o-old', 1, 0, 'referral', 'r', 'k', 1, 1, ?)",
        (body,),
    )
    conn.close()

    store = LocalStore(tmp_path, key, SERVER_A)
    outbox = Outbox(store)
    assert [d.draft_id for d in store.list_drafts()] == ["d-old"]
    assert store.load_draft("d-old") == DRAFT
    assert [i.item_id for i in outbox.items()] == ["o-old"]
    store.set_account("alice")
    assert [d.draft_id for d in store.list_drafts()] == ["d-old"]
    assert outbox.pending_count() == 1
    store.close()
    elsewhere = LocalStore(tmp_path, key, SERVER_B)
    assert elsewhere.list_drafts() == []
    assert Outbox(elsewhere).items() == []
    elsewhere.close()


def test_remembered_login_is_per_server(memory_keyring: MemoryKeyring) -> None:
    secrets.remember_login(EMBEDDED_SERVER, "demo", "demo")
    assert secrets.remembered_login(SERVER_A) is None
    remembered = secrets.remembered_login(EMBEDDED_SERVER)
    assert remembered is not None
    assert remembered.login == "demo"
    secrets.remember_login(SERVER_A, "alice", "geheim-a")
    again = secrets.remembered_login(EMBEDDED_SERVER)
    assert again is not None
    assert again.password == "demo"
    secrets.forget_login(EMBEDDED_SERVER)
    assert secrets.remembered_login(EMBEDDED_SERVER) is None
    kept = secrets.remembered_login(SERVER_A)
    assert kept is not None
    assert kept.password == "geheim-a"


def test_a_login_remembered_for_no_particular_server_is_never_prefilled(
    memory_keyring: MemoryKeyring,
) -> None:
    secrets.set_secret("__last_login__", "demo", service=secrets.LOGIN_SERVICE)
    secrets.set_secret("demo", "demo", service=secrets.LOGIN_SERVICE)
    assert secrets.remembered_login(SERVER_A) is None
    assert secrets.remembered_login(EMBEDDED_SERVER) is None
    assert memory_keyring.entries == {}  # the old entry is gone, not left behind


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[tuple[EmbeddedServer, EmbeddedServer]]:
    first = EmbeddedServer(tmp_path / "a.sqlite", demo=True)
    second = EmbeddedServer(tmp_path / "b.sqlite", demo=True)
    first.start()
    try:
        second.start()
        try:
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


def test_drain_never_sends_another_servers_or_accounts_items(
    tmp_path: Path, two_servers: tuple[EmbeddedServer, EmbeddedServer]
) -> None:
    server_a, server_b = two_servers
    key = DataKey.generate()
    client_a = ExtranetClient(server_a.url)
    client_b = ExtranetClient(server_b.url)
    try:
        client_a.login("demo", "demo")
        config = client_a.get_config()
        store = LocalStore(tmp_path / "data", key, server_identity(server_a.url))
        store.set_account("demo")
        body = _referral(config)
        Outbox(store).enqueue_referral(body)  # queued for A while A was unreachable
        store.close()

        store_b = LocalStore(tmp_path / "data", key, server_identity(server_b.url))
        client_b.login("demo", "demo")
        store_b.set_account("demo")
        report = Outbox(store_b).drain(client_b)
        assert report.sent == []
        assert report.pending == 0
        assert list(client_b.list_referrals(client_ref=body["client_ref"]).items) == []
        store_b.close()

        store_a = LocalStore(tmp_path / "data", key, server_identity(server_a.url))
        store_a.set_account("broker2")  # another account of server A is in the scope now
        outbox_a = Outbox(store_a)
        assert outbox_a.drain(client_a).sent == []  # the session is demo's: nothing sent
        store_a.set_account("demo")
        report = outbox_a.drain(client_a)
        assert [kind for _id, kind, _r in report.sent] == ["referral"]
        assert len(list(client_a.list_referrals(client_ref=body["client_ref"]).items)) == 1
        store_a.close()
    finally:
        client_a.close()
        client_b.close()
