"""Encrypted drafts: round trip, masking, memory-only mode, retention, crypto-shredding."""

from __future__ import annotations

import time
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from desktop.store import DataKey, DecryptionError, LocalStore
from desktop.store.crypto import KEY_NAME
from tests.store.file_keyring import FileTestKeyring, file_keyring  # noqa: F401

SERVICE = "Glasvermittler-test"
PAYLOAD = {
    "nachname": "Schwarzkopf",
    "telefon": "+49 171 5550123",
    "kennzeichen": "HH-QX 4711",
    "versicherungsscheinnummer": "VS-99887766",
    "voluntary": {"zusatzinfo": "Kunde ruft abends zurück"},
    "consent": {"granted": True},
    "dismissed": ["rule-1"],
}


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in directory.rglob("*") if p.is_file())


def test_draft_round_trip_with_masked_listing(
    tmp_path: Path,
    file_keyring: FileTestKeyring,  # noqa: F811
) -> None:
    key = DataKey.load_or_create(SERVICE)
    assert key is not None
    store = LocalStore(tmp_path, key)
    assert not store.memory_only
    store.save_draft("d1", "complete", PAYLOAD)
    store.save_draft_blob("d1", "img1", b"\xff\xd8photo", "image/jpeg")
    [info] = store.list_drafts()
    assert (info.draft_id, info.kind, info.surname_initial) == ("d1", "complete", "S.")
    assert info.plate_masked == "HH-•• •••1"
    assert info.remaining_days == 7
    store.close()

    again = LocalStore(tmp_path, DataKey.load_or_create(SERVICE))
    assert again.load_draft("d1") == PAYLOAD
    assert again.load_draft_blobs("d1") == {"img1": (b"\xff\xd8photo", "image/jpeg")}
    again.delete_draft("d1")
    assert again.load_draft("d1") is None
    assert again.load_draft_blobs("d1") == {}


def test_no_plaintext_in_data_dir(tmp_path: Path, file_keyring: FileTestKeyring) -> None:  # noqa: F811
    store = LocalStore(tmp_path, DataKey.load_or_create(SERVICE))
    for i in range(30):  # many writes so that the WAL holds several versions
        store.save_draft("d1", "complete", {**PAYLOAD, "rev": i})
    blob = all_bytes(tmp_path)
    assert (tmp_path / "local.db-wal").exists()
    for secret in ("Schwarzkopf", "5550123", "QX 4711", "99887766", "abends"):
        assert secret.encode() not in blob
    store.close()


def test_ciphertext_is_bound_to_its_row(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    store.save_draft("a", "quick", PAYLOAD)
    store.save_draft("b", "quick", {"nachname": "X"})
    store.conn.execute(
        "UPDATE drafts SET payload = (SELECT payload FROM drafts WHERE id='a') WHERE id='b'"
    )
    with pytest.raises(DecryptionError):
        store.load_draft("b")


def test_without_keychain_drafts_stay_in_memory(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        key = DataKey.load_or_create(SERVICE)
    finally:
        keyring.set_keyring(previous)
    assert key is None
    store = LocalStore(tmp_path, key)
    assert store.memory_only
    store.save_draft("d1", "quick", PAYLOAD)
    assert store.load_draft("d1") == PAYLOAD
    assert list(tmp_path.iterdir()) == []


def test_retention_purges_old_drafts(tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    store.retention_days = 3
    store.save_draft("old", "quick", PAYLOAD)
    store.save_draft("new", "quick", PAYLOAD)
    age = {"old": 3.5 * 86400, "new": 1.5 * 86400}
    for draft_id, seconds in age.items():
        store.conn.execute(
            "UPDATE drafts SET updated_at = ? WHERE id = ?", (time.time() - seconds, draft_id)
        )
    assert {d.draft_id: d.remaining_days for d in store.list_drafts()} == {"new": 2, "old": 0}
    assert store.purge_expired() == 1
    assert [d.draft_id for d in store.list_drafts()] == ["new"]


def test_wipe_all_shreds_key_and_files(tmp_path: Path, file_keyring: FileTestKeyring) -> None:  # noqa: F811
    key = DataKey.load_or_create(SERVICE)
    assert key is not None
    old_key_text = file_keyring.get_password(SERVICE, KEY_NAME)
    store = LocalStore(tmp_path, key)
    store.save_draft("d1", "quick", PAYLOAD)
    cipher = bytes(store.conn.execute("SELECT payload FROM drafts").fetchone()[0])
    assert cipher in all_bytes(tmp_path)
    store.wipe_all()
    assert store.list_drafts() == []
    assert file_keyring.get_password(SERVICE, KEY_NAME) != old_key_text
    assert cipher not in all_bytes(tmp_path)
    assert b"Schwarzkopf" not in all_bytes(tmp_path)


def test_draft_restores_exactly_with_photos_in_sync(tmp_path: Path) -> None:
    key = DataKey.generate()
    store = LocalStore(tmp_path, key)
    state = {
        **PAYLOAD,
        "consent": True,
        "freetext_consent": False,
        "dismissed": {"zusatzinfo": [["person.other", "Quellmalz"]]},
        "step": 2,
        "thumb": b"\x00\x01binary",
    }
    photos = {"a": (b"\xff\xd8one", "image/jpeg"), "b": (b"\x89PNGtwo", "image/png")}
    store.save_draft("d1", "complete", state, photos)
    rowids = dict(store.conn.execute("SELECT blob_id, rowid FROM draft_blobs").fetchall())
    store.save_draft("d1", "complete", state, photos)  # keystroke: photos are not rewritten
    assert dict(store.conn.execute("SELECT blob_id, rowid FROM draft_blobs").fetchall()) == rowids
    store.save_draft("d1", "complete", state, {"b": photos["b"], "c": (b"three", "image/png")})
    store.close()

    again = LocalStore(tmp_path, key)
    assert again.load_draft("d1") == state
    assert again.load_draft_blobs("d1") == {"b": photos["b"], "c": (b"three", "image/png")}
    store_bytes = all_bytes(tmp_path)
    assert b"\xff\xd8one" not in store_bytes
    assert b"three" not in store_bytes


def test_crash_is_detected_and_drafts_are_offered_back(tmp_path: Path) -> None:
    key = DataKey.generate()
    first = LocalStore(tmp_path, key)
    first.save_draft("old", "quick", PAYLOAD)
    first.close()  # clean shutdown
    second = LocalStore(tmp_path, key)
    assert not second.unclean_shutdown
    assert second.recovered_drafts() == []
    second.save_draft("typed", "complete", PAYLOAD)
    second.conn.close()  # no close(): the process died

    third = LocalStore(tmp_path, key)
    assert third.unclean_shutdown
    assert [d.draft_id for d in third.recovered_drafts()] == ["typed"]
    third.dismiss_recovery()
    assert third.recovered_drafts() == []
    third.close()
    assert not LocalStore(tmp_path, key).unclean_shutdown


def test_retention_days_survive_a_restart(tmp_path: Path) -> None:
    key = DataKey.generate()
    store = LocalStore(tmp_path, key)
    assert store.retention_days == 7
    store.retention_days = 3  # from the server config
    store.close()
    again = LocalStore(tmp_path, key)  # next start, before login: purge with the known value
    assert again.retention_days == 3
    with pytest.raises(ValueError, match="at least one day"):
        again.retention_days = 0
