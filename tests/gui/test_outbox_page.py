"""Postausgang: model (qtmodeltester), dead letter with the server's reason; "Bearbeiten" (or
Enter) asks for its wizard, "Löschen" removes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.api import ExtranetClient
from desktop.models.outbox_model import OutboxModel
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox, PendingImage
from desktop.views.outbox.page import OutboxPage
from extranet.runner import EmbeddedServer
from tests.helpers.referrals import quick_referral


def referral(config: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    return quick_referral(config, **{"repair_consent": False, **overrides})


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


def test_dead_letter_shows_reason_and_asks_for_its_wizard(
    tmp_path: Path, qtbot: QtBot, server: EmbeddedServer
) -> None:
    client = ExtranetClient(server.url, retries=0)
    client.login("demo", "demo")
    outbox = Outbox(LocalStore(tmp_path, DataKey.generate()))
    body = referral(client.get_config())
    item_id = outbox.enqueue_referral(body)
    assert len(outbox.drain(client).dead) == 1
    outbox.enqueue_message("ticket-1", "Hallo")  # waits; never opens a wizard

    page = OutboxPage(outbox, None)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 2
    assert page.model.index(0, 2).data() == "Fehlgeschlagen"
    assert page.findChild(QDialog) is None  # no correction dialog of its own
    page.table.selectRow(0)
    assert "Einverständnis zur Reparatur fehlt" in page.reason.text()
    assert page.edit_button.isEnabled()
    with qtbot.waitSignal(page.edit_item) as blocker:
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [item_id, "referral"]
    page.table.setFocus()
    with qtbot.waitSignal(page.edit_item) as blocker:  # Enter on the failed row
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [item_id, "referral"]
    assert page.findChild(QDialog) is None

    page.table.selectRow(1)  # the waiting Postkorb message: nothing to correct
    assert not page.edit_button.isEnabled()
    with qtbot.assertNotEmitted(page.edit_item):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)

    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert outbox.item(item_id) is None


def test_a_referral_given_up_after_transient_failures_is_retried_not_edited(
    tmp_path: Path, qtbot: QtBot
) -> None:
    outbox = Outbox(LocalStore(tmp_path, DataKey.generate()))
    item_id = outbox.enqueue_referral({"nachname": "Quellmalz"})
    # the first attempt may have landed: only "Erneut senden" (same key) is safe
    outbox.dead_letter(item_id, "server-unavailable", {"fields": [], "transient": True})
    page = OutboxPage(outbox, None)
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)
    assert page.model.index(0, 2).data() == "Fehlgeschlagen"
    assert page.retry_button.isEnabled()
    assert not page.edit_button.isEnabled()
    with qtbot.assertNotEmitted(page.edit_item):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert outbox.refused_referral(item_id) is None
