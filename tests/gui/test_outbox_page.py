"""Postausgang: model (qtmodeltester), dead letter with the server's reason, edit/retry/delete."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit

from desktop.api import ExtranetClient
from desktop.models.outbox_model import OutboxModel
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox, PendingImage
from desktop.views.outbox_page import OutboxEditDialog, OutboxPage
from extranet.runner import EmbeddedServer


def referral(config: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    body = {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": config["servicenummer"],
        "nachname": "Quellmalz",
        "telefon": "+49 171 5550123",
        "kennzeichen": "HH-QX 4711",
        "versicherungsscheinnummer": "VS99887766",
        "repair_consent": False,
        "consent": {"granted": False, "text_version": config["consent"]["text_version"]},
        "voluntary": {},
    }
    body.update(overrides)
    return body


def test_model_folds_photos_into_their_referral(tmp_path: Path, qtmodeltester: ModelTester) -> None:
    outbox = Outbox(LocalStore(tmp_path, DataKey.generate()))
    model = OutboxModel(outbox)
    qtmodeltester.check(model)
    outbox.enqueue_referral({"nachname": "Quellmalz"}, [PendingImage("i", b"x", "image/png")])
    outbox.enqueue_message("ticket-1", "Hallo")
    model.refresh()
    kinds = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert kinds == ["Vermittlung", "Postkorb-Nachricht"]
    assert model.index(0, 1).data() == "Q."
    assert model.index(0, 2).data() == "Wartet auf Versand"


def test_dead_letter_shows_reason_and_can_be_edited(
    tmp_path: Path, qtbot: QtBot, server: EmbeddedServer
) -> None:
    client = ExtranetClient(server.url, retries=0)
    client.login("demo", "demo")
    outbox = Outbox(LocalStore(tmp_path, DataKey.generate()))
    body = referral(client.get_config())
    item_id = outbox.enqueue_referral(body)
    outbox.enqueue_referral(referral(client.get_config()))
    assert len(outbox.drain(client).dead) == 2

    page = OutboxPage(outbox, None)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 2
    assert page.model.index(0, 2).data() == "Fehlgeschlagen"
    page.table.selectRow(0)
    assert "Einverständnis zur Reparatur fehlt" in page.reason.text()
    assert page.edit_button.isEnabled()
    key_before = outbox.store.conn.execute(
        "SELECT idempotency_key FROM outbox WHERE id=?", (item_id,)
    ).fetchone()[0]
    with qtbot.waitSignal(page.edit_item) as blocker:
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [item_id, "referral"]
    dialog = page.findChild(OutboxEditDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert "Einverständnis zur Reparatur fehlt" in dialog.findChild(QLabel, "edit_reason").text()
    assert list(dialog.editors) == ["/repair_consent"]  # exactly what the server refused
    consent = dialog.findChild(QCheckBox, "repair_consent")
    assert not consent.isChecked()
    consent.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    key_after = outbox.store.conn.execute(
        "SELECT idempotency_key FROM outbox WHERE id=?", (item_id,)
    ).fetchone()[0]
    assert key_after != key_before  # edited → new idempotency key

    page.refresh()
    assert page.model.index(0, 2).data() == "Wartet auf Versand"
    assert page.send_now_button.isEnabled()
    assert outbox.drain(client).pending == 0
    [created] = client.list_referrals(client_ref=body["client_ref"]).items
    assert created["id"]

    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert page.findChild(type(page.reason), "outbox_state").text() == "Der Postausgang ist leer."


def test_edit_dialog_checks_fields_before_queueing_again(
    tmp_path: Path, qtbot: QtBot, server: EmbeddedServer
) -> None:
    client = ExtranetClient(server.url, retries=0)
    client.login("demo", "demo")
    config = client.get_config()
    outbox = Outbox(LocalStore(tmp_path, DataKey.generate()))
    granted = {
        "granted": True,
        "text_version": config["consent"]["text_version"],
        "captured_at": "2026-11-25T06:00:00Z",
    }
    bad_phone = referral(config, repair_consent=True, telefon="12")
    health = referral(
        config,
        repair_consent=True,
        consent=granted,
        voluntary={"zusatzinfo": "Kunde ist Diabetiker"},
    )
    ids = [outbox.enqueue_referral(bad_phone), outbox.enqueue_referral(health)]
    codes = [code for _i, code, _d in outbox.drain(client).dead]
    assert codes == ["validation-failed", "privacy-violation"]

    page = OutboxPage(outbox, None)
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)
    dialog = page.edit_selected()
    assert dialog is not None
    phone = dialog.findChild(QLineEdit, "telefon")
    assert phone.text() == "12"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused locally: still too short
    assert dialog.problem.text()
    phone.setText("+49 171 5550123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    page.table.selectRow(1)
    dialog = page.edit_selected()
    assert dialog is not None
    text = dialog.findChild(QPlainTextEdit, "zusatzinfo")
    assert text.toPlainText() == "Kunde ist Diabetiker"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # the privacy engine blocks health data here already
    text.setPlainText("Bitte vormittags anrufen.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert outbox.drain(client).pending == 0
    for body, item_id in zip((bad_phone, health), ids, strict=True):
        [created] = client.list_referrals(client_ref=body["client_ref"]).items
        result = outbox.referral_result(item_id)
        assert result is not None
        assert result["id"] == created["id"]
