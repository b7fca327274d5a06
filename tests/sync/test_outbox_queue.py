"""Outbox persistence (no network): durable enqueue, order, encryption, editing dead letters."""

from __future__ import annotations

import time
from pathlib import Path

from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox, PendingImage
from desktop.sync.outbox_schema import backoff_delay

PAYLOAD = {
    "kind": "quick",
    "nachname": "Schwarzkopf",
    "telefon": "+49 171 5550123",
    "kennzeichen": "HH-QX 4711",
    "versicherungsscheinnummer": "VS-99887766",
    "voluntary": {"zusatzinfo": "Kunde ruft abends zurück"},
}


def test_enqueue_survives_restart_with_stable_key(tmp_path: Path) -> None:
    key = DataKey.generate()
    store = LocalStore(tmp_path, key)
    outbox = Outbox(store)
    store.save_draft("d1", "quick", PAYLOAD)
    item_id = outbox.enqueue_referral(
        PAYLOAD, [PendingImage("img-1", b"\xff\xd8jpeg", "image/jpeg")], draft_id="d1"
    )
    outbox.enqueue_message("ticket-1", "Bitte Rückruf", "ref-1")
    key_before = store.conn.execute(
        "SELECT idempotency_key FROM outbox WHERE id=?", (item_id,)
    ).fetchone()[0]
    assert store.load_draft("d1") is None  # moved atomically into the outbox
    store.close()

    reopened = Outbox(LocalStore(tmp_path, key))
    items = reopened.items()
    assert [i.kind for i in items] == ["referral", "image", "message"]
    assert items[0].summary == "S. · HH-•• •••1"
    assert reopened.pending_count() == 2  # the photo counts with its referral
    payload = reopened.payload(item_id)
    assert payload is not None
    assert payload["nachname"] == "Schwarzkopf"
    assert payload["client_ref"]
    key_after = reopened.store.conn.execute(
        "SELECT idempotency_key FROM outbox WHERE id=?", (item_id,)
    ).fetchone()[0]
    assert key_after == key_before


def test_outbox_is_encrypted_at_rest(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    Outbox(store).enqueue_referral(PAYLOAD, [PendingImage("i", b"RAWPHOTOBYTES", "image/png")])
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    for secret in (b"Schwarzkopf", b"5550123", b"QX 4711", b"99887766", b"abends", b"RAWPHOTO"):
        assert secret not in data


def test_editing_a_dead_letter_gives_a_new_key(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    outbox = Outbox(store)
    item_id = outbox.enqueue_referral(PAYLOAD)
    store.conn.execute(
        "UPDATE outbox SET state='dead', error_code='validation-failed' WHERE id=?", (item_id,)
    )
    old = store.conn.execute("SELECT idempotency_key FROM outbox").fetchone()[0]
    outbox.update_payload(item_id, {**PAYLOAD, "nachname": "Weiß"})
    row = store.conn.execute("SELECT idempotency_key, state FROM outbox").fetchone()
    assert row[0] != old
    assert row[1] == "pending"
    assert outbox.items()[0].summary.startswith("W.")
    payload = outbox.payload(item_id)
    assert payload is not None
    assert payload["nachname"] == "Weiß"


def test_a_refused_referral_is_read_back_with_its_photos_for_its_wizard(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    outbox = Outbox(store)
    meta = {"image_id": "img-1", "blob": "img-1", "confirmed": True, "warnings": ["document"]}
    photos = [
        PendingImage("img-1", b"\xff\xd8one", "image/jpeg", "confirmed", meta),
        PendingImage("img-2", b"\x89PNGtwo", "image/png"),
    ]
    item_id = outbox.enqueue_referral(PAYLOAD, photos)
    assert outbox.refused_referral(item_id) is None  # waiting, not refused
    outbox.dead_letter(item_id, "validation-failed", {"fields": [["/telefon", "too-short"]]})

    found = outbox.refused_referral(item_id)
    assert found is not None
    payload, images = found
    assert payload["nachname"] == "Schwarzkopf"
    assert images == photos  # in upload order, with the decision and the tile description
    [photo] = [i for i in outbox.items() if i.kind == "image"][:1]
    assert outbox.refused_referral(photo.item_id) is None  # a photo is no referral
    outbox.delete(item_id)
    assert outbox.refused_referral(item_id) is None


def test_backoff_is_full_jitter_and_honours_retry_after() -> None:
    delays = [backoff_delay(3) for _ in range(200)]
    assert all(0.0 <= d <= 8.0 for d in delays)
    assert max(delays) > 4.0 > min(delays)
    assert all(0 <= backoff_delay(30) <= 60.0 for _ in range(50))
    assert backoff_delay(0, retry_after=7.0) == 7.0


def test_flush_now_makes_items_due(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    outbox = Outbox(store)
    outbox.enqueue_message("t", "x")
    store.conn.execute("UPDATE outbox SET next_attempt_at=?", (time.time() + 999,))
    outbox.flush_now()
    assert store.conn.execute("SELECT next_attempt_at FROM outbox").fetchone()[0] == 0


def test_acknowledged_referrals_are_forgotten_after_the_retention_period(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    outbox = Outbox(store)
    old, recent, waiting = (outbox.enqueue_referral(PAYLOAD) for _ in range(3))
    store.conn.execute(
        "UPDATE outbox SET state='sent', payload=NULL, result='{}', updated_at=? WHERE id=?",
        (time.time() - 8 * 86400, old),
    )
    store.conn.execute(
        "UPDATE outbox SET state='sent', payload=NULL, result='{}' WHERE id=?", (recent,)
    )
    store.conn.execute(
        "UPDATE outbox SET updated_at=? WHERE id=?", (time.time() - 30 * 86400, waiting)
    )
    store.purge_expired()
    remaining = {i.item_id for i in outbox.items(include_sent=True)}
    assert remaining == {recent, waiting}  # unsent items are never purged
