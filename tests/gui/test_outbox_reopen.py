"""A referral the server refused opens from the Postausgang in its wizard — every field as
stored, the photos in their tiles, the server's problems at the fields — is corrected there,
sent, and arrives once; the failed item is gone."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from tests.helpers.photos import contract_photo

ENGLISH_SERVER_WORDS = ("required", "unknown-version", "text_version", "Pflichtfeld", "/")


def _failed_row(qtbot: Any, window: Any) -> Any:
    """The Postausgang page with the failed referral selected."""
    window.show_page("outbox")
    page = window.page("outbox")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.dead_count() == 1, timeout=5_000)
    for row in range(page.model.rowCount()):
        item = page.model.item_at(row)
        if item is not None and item.state == "dead":
            page.table.selectRow(row)
    assert page.edit_button.isEnabled()
    return page


def _reopen_box(window: Any) -> QMessageBox | None:
    shown = [b for b in window.findChildren(QMessageBox, "reopen_confirm") if b.isVisible()]
    return shown[0] if shown else None


def test_a_referral_queued_without_servicenummer_and_consent_text_is_corrected_in_its_wizard(
    qtbot: Any, logged_in_window: Any
) -> None:
    window = logged_in_window
    services = window.services
    window.show()
    config = services.config
    code = config["catalogs"]["schadenart"][0]["code"]
    # queued offline before the server's config was known: no Servicenummer, and a "Ja" to
    # a consent text whose version was not known yet
    body = {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": "",
        "nachname": "Quellmalz",
        "telefon": "+49 171 5550123",
        "kennzeichen": "HH-QX 4711",
        "versicherungsscheinnummer": "VS99887766",
        "repair_consent": True,
        "consent": {"granted": True, "text_version": None, "captured_at": "2026-11-25T06:00:00Z"},
        "voluntary": {"schadenart": code, "bemerkungen": "Bitte vormittags anrufen."},
    }
    item_id = services.outbox.enqueue_referral(body)
    services.outbox_worker.notify_enqueued()
    qtbot.waitUntil(lambda: services.outbox.dead_count() == 1, timeout=15_000)

    quick = window.page("quick")
    window.show_page("quick")
    quick.inputs["nachname"].setText("Begonnen")  # another call is being taken meanwhile
    page = _failed_row(qtbot, window)

    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _reopen_box(window) is not None, timeout=5_000)
    box = _reopen_box(window)
    assert box is not None
    assert "Schnellvermittlung" in box.text()
    assert "Entwürfe" in box.text()
    assert box.defaultButton() is box.escapeButton()  # Enter/Escape keep the begun form
    box.escapeButton().click()
    assert quick.inputs["nachname"].text() == "Begonnen"
    assert window.current_key() == "outbox"

    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _reopen_box(window) is not None, timeout=5_000)
    box = _reopen_box(window)
    assert box is not None
    box.findChild(QPushButton, "reopen_confirm_open").click()
    qtbot.waitUntil(lambda: quick.inputs["nachname"].text() == "Quellmalz", timeout=5_000)
    assert window.current_key() == "quick"
    # the begun referral was kept as a draft; the reopened one makes none
    qtbot.wait(1_200)  # longer than the autosave's longest delay
    drafts = services.store.list_drafts()
    assert len(drafts) == 1
    assert services.store.load_draft(drafts[0].draft_id)["mandatory"]["nachname"] == "Begonnen"

    # every field as stored
    assert quick.inputs["telefon"].text() == "+49 171 5550123"
    assert quick.inputs["kennzeichen"].text() == "HH-QX 4711"
    assert quick.inputs["versicherungsscheinnummer"].text() == "VS99887766"
    assert quick.repair_consent.isChecked()
    assert quick.inputs["schadenart"].currentData() == code
    assert quick.inputs["bemerkungen"].text() == "Bitte vormittags anrufen."
    assert quick.freetext_consent.isChecked()
    assert quick.servicenummer.text() == config["servicenummer"]
    # the consent was given to an unknown text: asked again, the values wait for the answer
    assert quick.consent_gate.answer is None
    assert not quick.voluntary_box.isEnabled()
    # the server's problems, as after a fresh send, in the app's German words
    assert quick.error_summary.isVisible()
    names = [name for name, _text in quick.error_summary.entries]
    assert set(names) == {"servicenummer", "consent"}
    texts = [text for _name, text in quick.error_summary.entries]
    assert all(not any(w in t for w in ENGLISH_SERVER_WORDS) for t in texts), texts
    message = quick.findChild(QWidget, "consent_message")
    assert "Einwilligungstext wurde geändert" in message.text()
    assert window.windowTitle().startswith("Fehler: ")
    assert quick.send_button.isEnabled()

    quick.inputs["telefon"].setText("+49 171 5550124")  # a correction
    window.show_page("outbox")  # "Bearbeiten" again: the open correction is kept, no question
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_key() == "quick", timeout=5_000)
    assert _reopen_box(window) is None
    assert quick.inputs["telefon"].text() == "+49 171 5550124"

    quick.consent_gate.yes.click()  # asked again with the current text
    qtbot.mouseClick(quick.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=15_000)

    [created] = services.client.list_referrals(client_ref=body["client_ref"]).items
    assert created["number"] == quick.referral_number.text()
    assert created["servicenummer"] == config["servicenummer"]
    assert created["consent"]["text_version"] == config["consent"]["text_version"]
    assert created["voluntary"]["schadenart"] == code
    assert created["voluntary"]["bemerkungen"] == "Bitte vormittags anrufen."
    assert created["telefon"] == "+491715550124"  # the corrected number
    assert services.outbox.item(item_id) is None  # the failed item was replaced
    assert services.outbox.dead_count() == 0
    page.refresh()
    assert page.model.dead_count() == 0


def test_a_refused_complete_referral_reopens_with_its_photo_by_double_click(
    qtbot: Any, logged_in_window: Any, tmp_path: Path
) -> None:
    window = logged_in_window
    services = window.services
    window.show()
    view = window.page("complete")
    window.show_page("complete")
    view.inputs["nachname"].setText("Ott")
    view.inputs["telefon"].setText("0221 1234567")
    view.inputs["kennzeichen"].setText("K-O 1")
    view.inputs["versicherungsscheinnummer"].setText("123456789")
    view.repair_consent.setChecked(True)
    view.consent_gate.text_version = "2019-01"  # read out from an outdated text
    view.consent_gate.yes.click()
    view.inputs["fahrzeug_modell"].setText("Golf")
    view.photos.add_files([str(contract_photo(tmp_path / "vertrag.jpg"))])
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=30_000)
    [tile] = view.photos.tiles
    tile.confirm.setChecked(True)  # a false alarm: no document of the customer
    assert tile.review == "confirmed"
    client_ref = view.form.client_ref
    view.send()
    qtbot.waitUntil(lambda: services.outbox.dead_count() == 1, timeout=15_000)
    qtbot.waitUntil(lambda: view.error_summary.isVisible(), timeout=5_000)
    view.reset()  # the agent took the next call; the refused one waits in the Postausgang
    view.consent_gate.text_version = services.config["consent"]["text_version"]  # the current
    assert view.photos.count() == 0

    page = _failed_row(qtbot, window)
    row = page.table.selectionModel().selectedRows()[0].row()
    cell = page.table.visualRect(page.model.index(row, 0)).center()
    # QTest's double click is only the second click of one: the first press comes before
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: view.inputs["nachname"].text() == "Ott", timeout=5_000)
    assert _reopen_box(window) is None  # the form was empty: nothing to ask
    assert window.current_key() == "complete"
    assert view.inputs["fahrzeug_modell"].text() == "Golf"
    assert view.form.client_ref == client_ref
    qtbot.waitUntil(lambda: view.photos.count() == 1 and not view.photos.busy(), timeout=30_000)
    [restored] = view.photos.tiles
    assert restored.confirmed  # the decision as stored
    assert restored.confirm.isChecked()
    assert [box.kind for box in restored.result.documents] == ["document"]
    assert restored.review == "confirmed"
    assert [name for name, _text in view.error_summary.entries] == ["consent"]
    assert view.consent_gate.answer is None
    assert not view.has_unsent_correction()  # the photo's late preview is not a correction
    assert "Komplettvermittlung" not in window.quit_loss().corrections

    view.consent_gate.yes.click()
    assert view.has_unsent_correction()  # no draft keeps this: quitting would ask
    assert window.quit_loss().corrections == ("Komplettvermittlung",)
    view.send()
    qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=15_000)
    [created] = services.client.list_referrals(client_ref=client_ref).items
    assert created["voluntary"]["fahrzeug_modell"] == "Golf"
    qtbot.waitUntil(lambda: len(services.client.list_images(created["id"])) == 1, timeout=30_000)
    [image] = services.client.list_images(created["id"])
    assert image["image_id"] == restored.image_id
    assert services.outbox.dead_count() == 0
    page.refresh()
    assert page.model.dead_count() == 0
