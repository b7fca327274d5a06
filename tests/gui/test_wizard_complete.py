"""Komplettvermittlung: every catalogue section, consent gating, photos, send."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.referral_form import fields_for
from desktop.views.referral.wizard import CompleteReferralView
from tests.gui.test_wizard_helpers import config_of, shown_view


@pytest.fixture
def complete(qtbot: Any, server: Any) -> Iterator[CompleteReferralView]:
    with shown_view(qtbot, CompleteReferralView, server.url) as view:
        yield view


def test_every_field_has_its_api_name_and_label(complete: CompleteReferralView) -> None:
    for name in (
        *fields_for("complete"),
        "nachname",
        "telefon",
        "kennzeichen",
        "versicherungsscheinnummer",
        "servicenummer",
        "repair_consent",
        "consent",
        "freetext_consent",
    ):
        widget = complete.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    catalogs = config_of(complete.services)["catalogs"]
    for name in ("schadenart", "scheibe", "versicherer", "deckung", "service_wunsch"):
        combo = complete.findChild(QComboBox, name)
        assert combo is not None
        assert combo.count() == len(catalogs[name]) + 1  # + "bitte wählen"


def test_voluntary_disabled_until_consent(complete: CompleteReferralView) -> None:
    assert not complete.voluntary_box.isEnabled()
    complete.consent_gate.yes.click()
    assert complete.voluntary_box.isEnabled()


def test_complete_referral_with_sections_arrives(
    qtbot: Any, complete: CompleteReferralView
) -> None:
    view = complete
    view.inputs["nachname"].setText("Yılmaz")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("+49 89 12345678")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("MÜ-XY 123E")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("KV 2024 00017")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)
    view.consent_gate.yes.click()
    view.inputs["versicherer"].setCurrentIndex(view.inputs["versicherer"].findData("huk_coburg"))  # type: ignore[attr-defined]
    view.inputs["scheibe"].setCurrentIndex(1)  # type: ignore[attr-defined]
    view.inputs["hsn"].setText("0603")  # type: ignore[attr-defined]
    view.inputs["assistenzsysteme"].boxes["frontkamera"].setChecked(True)  # type: ignore[attr-defined]
    view.inputs["nicht_am_arbeitsplatz"].setChecked(True)  # type: ignore[attr-defined]
    view.freetext_consent.setChecked(True)
    view.inputs["zusatzinfo"].setText("Stellplatz im Hinterhof, Tor links.")  # type: ignore[attr-defined]
    view.send()
    qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=10000)
    stored = view.services.client.list_referrals(client_ref=view.form.client_ref).items[0]
    assert stored["kind"] == "complete"
    assert stored["kennzeichen"] == "MÜ-XY 123E"
    assert stored["voluntary"] == {
        "versicherer": "huk_coburg",
        "scheibe": config_of(view.services)["catalogs"]["scheibe"][0]["code"],
        "hsn": "0603",
        "assistenzsysteme": ["frontkamera"],
        "nicht_am_arbeitsplatz": True,
        "zusatzinfo": "Stellplatz im Hinterhof, Tor links.",
    }


def test_bad_hsn_hint_on_leaving_then_blocks_with_summary(
    qtbot: Any, complete: CompleteReferralView
) -> None:
    complete.activateWindow()
    qtbot.waitUntil(complete.isActiveWindow, timeout=3000)
    complete.consent_gate.yes.click()
    hsn = complete.inputs["hsn"]
    message = complete.findChild(QWidget, "hsn_message")
    hsn.setFocus()
    qtbot.keyClicks(hsn, "12")
    assert not message.isVisible()  # nothing while typing
    qtbot.keyClick(hsn, Qt.Key.Key_Tab)
    assert message.isVisible()
    assert "4 Ziffern" in message.text()
    assert message.property("kind") == "warning"
    complete.send()
    entries = dict(complete.error_summary.entries)
    assert "4 Ziffern" in entries["hsn"]
    assert message.property("kind") == "error"


def test_photo_is_scrubbed_and_uploaded(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path
) -> None:
    from PIL import Image

    path = tmp_path / "damage.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (90, 120, 160)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    view = complete
    assert view.photos is not None
    view.consent_gate.yes.click()
    view.photos.add_files([str(path)])
    qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 1, timeout=10000)
    view.inputs["nachname"].setText("Ott")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("0221 1234567")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("K-O 1")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("123456789")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)
    view.send()
    qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=15000)
    referral = view.services.client.list_referrals(client_ref=view.form.client_ref).items[0]
    assert len(view.services.client.list_images(referral["id"])) == 1


def test_dates_hint_as_soon_as_they_are_picked(complete: CompleteReferralView) -> None:
    from PySide6.QtCore import QDate

    view = complete
    view.consent_gate.yes.click()
    damage, wish = view.inputs["schadendatum"], view.inputs["wunschtermin"]
    today = QDate.currentDate()
    damage.setDate(today.addDays(1))  # type: ignore[attr-defined]
    assert view.messages["schadendatum"].text == "Das Schadendatum liegt in der Zukunft."
    damage.setDate(today.addDays(-40))  # type: ignore[attr-defined]
    assert "älter als 4 Wochen" in view.messages["schadendatum"].text
    view.inputs["nachname"].setText("Ott")  # type: ignore[attr-defined]
    assert "älter als 4 Wochen" in view.messages["schadendatum"].text  # other fields: stays
    view.send()  # blocked (mandatory fields missing): the warning stays
    assert "älter als 4 Wochen" in view.messages["schadendatum"].text
    damage.setDate(today)  # type: ignore[attr-defined]
    assert view.messages["schadendatum"].text == ""
    wish.setDate(today.addDays(-1))  # type: ignore[attr-defined]
    assert view.messages["wunschtermin"].text == "Der Wunschtermin liegt in der Vergangenheit."
    wish.setDate(today.addDays(3))  # type: ignore[attr-defined]
    assert view.messages["wunschtermin"].text == ""


def test_einsatzort_is_checked_like_free_text_but_may_hold_the_address(
    complete: CompleteReferralView,
) -> None:
    view = complete
    view.consent_gate.yes.click()
    place = view.inputs["einsatzort"]
    place.setText("Musterstraße 5, 50667 Köln, Tiefgarage Ebene 2")  # type: ignore[attr-defined]
    assert view.messages["einsatzort"].text == ""  # an address is what the field is for
    place.setText("Hauptstr. 3, Kunde ist schwerhörig")  # type: ignore[attr-defined]
    assert "Nicht zulässig" in view.messages["einsatzort"].text
    assert place.accessibleDescription().startswith("Nicht zulässig")
    view.send()
    assert "einsatzort" in [name for name, _ in view.error_summary.entries]
