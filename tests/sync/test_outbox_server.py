"""Outbox against the REAL reference server, with faults from a real loopback proxy.

Every scenario ends with exactly one referral per client_ref on the server and nothing lost.
"""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop.api import ExtranetClient
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox, PendingImage
from extranet.runner import EmbeddedServer
from tests.helpers.fault_proxy import FaultProxy

REFERRALS = "/api/v1/referrals"
SECRETS = (b"Zacharias", b"Quellmalz", b"5550123", b"QX 4711", b"VS99887766", b"Hinterhof")


def referral(config: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": config["servicenummer"],
        "nachname": "Quellmalz",
        "telefon": "+49 171 5550123",
        "kennzeichen": "HH-QX 4711",
        "versicherungsscheinnummer": "VS99887766",
        "repair_consent": True,
        "consent": {
            "granted": True,
            "text_version": config["consent"]["text_version"],
            "captured_at": "2026-11-25T06:00:00Z",
        },
        "voluntary": {"vorname": "Zacharias", "zusatzinfo": "Auto steht im Hinterhof"},
    }
    body.update(overrides)
    return body


def png(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (seed % 256, 80, 160)).save(out, format="PNG")
    return out.getvalue()


def on_server(client: ExtranetClient, client_ref: str) -> list[dict[str, Any]]:
    return list(client.list_referrals(client_ref=client_ref).items)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    store = LocalStore(tmp_path / "data", DataKey.generate())
    yield Outbox(store)
    store.close()


@pytest.fixture
def proxy(server: EmbeddedServer) -> Iterator[FaultProxy]:
    with FaultProxy(server.url) as running:
        yield running


def login(url: str, retries: int = 0) -> ExtranetClient:
    client = ExtranetClient(url, retries=retries, timeout=10)
    client.login("demo", "demo")
    return client


def test_dropped_answer_after_commit_is_retried_with_the_same_key(
    outbox: Outbox, proxy: FaultProxy
) -> None:
    client = login(proxy.url)
    body = referral(client.get_config())
    images = [PendingImage(str(uuid.uuid4()), png(i), "image/png") for i in range(2)]
    item_id = outbox.enqueue_referral(body, images)
    proxy.drop_after_forward_next(1, method="POST", path=REFERRALS)
    proxy.drop_after_forward_next(1, method="PUT", path=REFERRALS)

    first = outbox.drain(client)
    assert first.offline
    assert first.sent == []
    assert outbox.pending_count() == 1
    report = outbox.drain(client, max_wait=30)
    assert not report.offline
    assert report.pending == 0

    [created] = on_server(client, body["client_ref"])
    result = outbox.referral_result(item_id)
    assert result is not None
    assert result["id"] == created["id"]
    assert len(client.list_images(created["id"])) == 2
    assert [m for m, _p, a in proxy.log if m == "POST" and a != "forward"] == ["POST"]


def test_503_with_retry_after_then_success(outbox: Outbox, proxy: FaultProxy) -> None:
    client = login(proxy.url)
    body = referral(client.get_config())
    outbox.enqueue_referral(body)
    proxy.fail_next(2, status=503, retry_after="1", method="POST", path=REFERRALS)
    first = outbox.drain(client)
    assert first.error_code == "unavailable"
    assert first.retry_in is not None
    assert 0.5 <= first.retry_in <= 1.0  # Retry-After wins over the jitter
    report = outbox.drain(client, max_wait=30)
    assert report.pending == 0
    assert len(on_server(client, body["client_ref"])) == 1
    assert len(proxy.actions("status")) == 2


def test_session_expiry_mid_queue_pauses_and_resumes(
    outbox: Outbox, fresh_server: EmbeddedServer
) -> None:
    class ExpireAfterFirst(ExtranetClient):
        def create_referral(self, payload: dict[str, Any], *, idempotency_key: str) -> Any:
            answer = super().create_referral(payload, idempotency_key=idempotency_key)
            fresh_server.expire_sessions()
            return answer

    client = ExpireAfterFirst(fresh_server.url, retries=0)
    client.login("demo", "demo")
    config = client.get_config()
    bodies = [referral(config) for _ in range(3)]
    for body in bodies:
        outbox.enqueue_referral(body)

    report = outbox.drain(client)
    assert report.auth_required
    assert len(report.sent) == 1
    assert outbox.pending_count() == 2

    fresh = login(fresh_server.url)
    report = outbox.drain(fresh)
    assert report.pending == 0
    for body in bodies:
        assert len(on_server(fresh, body["client_ref"])) == 1


def test_permanent_failure_becomes_editable_dead_letter(
    outbox: Outbox, server: EmbeddedServer
) -> None:
    client = login(server.url)
    body = referral(client.get_config(), repair_consent=False)
    item_id = outbox.enqueue_referral(body)
    report = outbox.drain(client)
    assert [(i, c) for i, c, _d in report.dead] == [(item_id, "repair-consent-required")]
    [item] = outbox.items()
    assert (item.state, item.error_code) == ("dead", "repair-consent-required")
    assert on_server(client, body["client_ref"]) == []

    fixed = outbox.payload(item_id)
    assert fixed is not None
    outbox.update_payload(item_id, {**fixed, "repair_consent": True})
    report = outbox.drain(client)
    assert report.pending == 0
    assert len(on_server(client, body["client_ref"])) == 1


def test_stale_key_is_reconciled_by_client_ref(outbox: Outbox, proxy: FaultProxy) -> None:
    client = login(proxy.url)
    body = referral(client.get_config())
    item_id = outbox.enqueue_referral(body)
    proxy.drop_after_forward_next(1, method="POST", path=REFERRALS)
    assert outbox.drain(client).offline
    outbox.store.conn.execute(  # pretend the first attempt was two days ago
        "UPDATE outbox SET first_attempt_at=?, next_attempt_at=0 WHERE id=?",
        (time.time() - 2 * 86400, item_id),
    )
    report = outbox.drain(client)
    assert report.pending == 0
    assert len(on_server(client, body["client_ref"])) == 1
    assert len([e for e in proxy.log if e[0] == "POST" and e[1] == REFERRALS]) == 1


def test_nothing_personal_on_disk_after_drafting_and_sending(
    tmp_path: Path, server: EmbeddedServer
) -> None:
    data_dir = tmp_path / "app-data"
    store = LocalStore(data_dir, DataKey.generate())
    outbox = Outbox(store)
    client = login(server.url)
    body = referral(client.get_config())
    for i in range(10):  # autosave-like rewrites
        store.save_draft("d1", "quick", {**body, "rev": i})
    photo = PendingImage("i1", png(1), "image/png")
    item_id = outbox.enqueue_referral(body, [photo], draft_id="d1")
    assert outbox.drain(client).pending == 0
    result = outbox.referral_result(item_id)
    assert result is not None
    assert set(result) >= {"id", "client_ref", "status", "kennzeichen_masked"}
    assert outbox.payload(item_id) is None  # shrunk: no payload kept after the acknowledgement
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)
    blob = b"".join(p.read_bytes() for p in files)
    for secret in SECRETS:
        assert secret not in blob
        assert secret.decode().encode("utf-16-le") not in blob
    store.close()


def test_drain_order_is_referral_then_its_photos_then_postbox(
    outbox: Outbox, proxy: FaultProxy
) -> None:
    client = login(proxy.url)
    config = client.get_config()
    ticket = client.create_ticket(
        subject="Rückfrage zum Termin",
        body="Bitte um kurze Rückmeldung.",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    message_id = outbox.enqueue_message(str(ticket["id"]), "Termin passt.", str(uuid.uuid4()))
    first = outbox.enqueue_referral(
        referral(config), [PendingImage(str(uuid.uuid4()), png(i), "image/png") for i in (1, 2)]
    )
    second = outbox.enqueue_referral(referral(config))
    assert [i.item_id for i in outbox.items() if i.kind != "image"] == [first, second, message_id]
    proxy.log.clear()

    report = outbox.drain(client)
    assert report.pending == 0
    writes = [(m, p.rsplit("/", 1)[-1]) for m, p, _a in proxy.log if m in ("POST", "PUT")]
    assert [m for m, _ in writes] == ["POST", "PUT", "PUT", "POST", "POST"]
    assert writes[0][1] == writes[3][1] == "referrals"
    assert writes[4][1] == "messages"
    assert [kind for _i, kind, _r in report.sent] == [
        "referral",
        "image",
        "image",
        "referral",
        "message",
    ]


def test_acknowledged_referral_shrinks_and_its_bytes_leave_the_database(
    tmp_path: Path, server: EmbeddedServer
) -> None:
    data_dir = tmp_path / "shrink"
    store = LocalStore(data_dir, DataKey.generate())
    outbox = Outbox(store)
    client = login(server.url)
    body = referral(client.get_config())
    photo = png(77)
    item_id = outbox.enqueue_referral(body, [PendingImage(str(uuid.uuid4()), photo, "image/png")])
    sealed = [bytes(r[0]) for r in store.conn.execute("SELECT payload FROM outbox").fetchall()]
    assert len(sealed) == 2
    assert all(len(s) > 64 for s in sealed)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db_file = data_dir / "local.db"
    assert all(s in db_file.read_bytes() for s in sealed)  # encrypted copies on disk

    assert outbox.drain(client).pending == 0
    rows = store.conn.execute("SELECT kind, state, payload, result FROM outbox").fetchall()
    assert [(r["kind"], r["state"], r["payload"]) for r in rows] == [("referral", "sent", None)]
    result = outbox.referral_result(item_id)
    assert result is not None
    assert result["kennzeichen_masked"] == "HH-•• •••1"
    assert result["client_ref"] == body["client_ref"]
    assert result["status"] == "received"
    assert "Quellmalz" not in str(result)
    assert "5550123" not in str(result)
    store.close()  # checkpoint + close: the WAL is folded into the database file

    on_disk = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    for sealed_blob in sealed:  # payload and photo ciphertexts are overwritten (secure_delete)
        assert sealed_blob not in on_disk
        assert sealed_blob[20:80] not in on_disk
    assert photo[40:120] not in on_disk
    for secret in SECRETS:
        assert secret not in on_disk


def test_photo_review_decision_survives_a_restart_and_reaches_the_server(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    from desktop.privacy.image import scrub
    from tools.screenshots import synthetic_photo

    face = scrub(synthetic_photo()).data  # cleaned, the synthetic face still on it
    key = DataKey.generate()
    store = LocalStore(tmp_path / "data", key)
    client = login(server.url)
    body = referral(client.get_config())
    confirmed, undecided = str(uuid.uuid4()), str(uuid.uuid4())
    Outbox(store).enqueue_referral(
        body,
        [
            PendingImage(confirmed, face, "image/jpeg", "confirmed"),
            PendingImage(undecided, face, "image/jpeg", "none"),
        ],
    )
    store.close()  # the app is closed before the queue was sent
    reopened = Outbox(LocalStore(tmp_path / "data", key))
    report = reopened.drain(client, max_wait=30)
    [created] = on_server(client, body["client_ref"])
    assert [i["image_id"] for i in client.list_images(created["id"])] == [confirmed]
    assert [code for _item, code, _detail in report.dead] == ["photo-shows-person"]
    reopened.store.close()
