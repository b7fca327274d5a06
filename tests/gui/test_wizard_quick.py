"""Schnellvermittlung end to end against the real reference server (offscreen)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QWidget

from desktop.views.referral.wizard import QuickReferralView
from tests.gui.test_wizard_helpers import config_of, services_for, shown_view, type_text


@pytest.fixture
def quick(qtbot: Any, server: Any) -> Iterator[QuickReferralView]:
    with shown_view(qtbot, QuickReferralView, server.url, (900, 1200), active=True) as view:
        yield view


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab(qtbot: Any) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_quick_by_keyboard_arrives_with_exactly_the_consented_fields(
    qtbot: Any, quick: QuickReferralView
) -> None:
    services = quick.services
    assert quick.servicenummer.text() == config_of(services)["servicenummer"]
    assert quick.servicenummer.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert quick.servicenummer.isReadOnly()
    assert quick.consent_gate.text_label.text() == config_of(services)["consent"]["text"]
    assert quick.consent_gate.answer is None  # no default
    assert not quick.voluntary_box.isEnabled()
    quick.inputs["nachname"].setFocus()
    type_text(focused(), "Müller")  # type: ignore[arg-type]
    tab(qtbot)
    assert focused() is quick.inputs["telefon"]
    qtbot.keyClicks(focused(), "0221 1234567")
    tab(qtbot)
    assert focused() is quick.inputs["kennzeichen"]
    qtbot.keyClicks(focused(), "k-ab 123")
    tab(qtbot)
    assert focused() is quick.inputs["versicherungsscheinnummer"]
    qtbot.keyClicks(focused(), "VS-4711/08")
    tab(qtbot)
    assert focused() is quick.repair_consent
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    tab(qtbot)
    assert focused() is quick.consent_gate.yes
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert quick.consent_gate.answer is True
    assert quick.voluntary_box.isEnabled()
    tab(qtbot)
    assert focused() is quick.inputs["schadenart"]
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # first real option
    tab(qtbot)
    assert focused() is quick.inputs["scheibe"]
    tab(qtbot)  # Scheibe left empty: not sent
    assert focused() is quick.freetext_consent
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # the customer explicitly wants the remark
    tab(qtbot)
    assert focused() is quick.inputs["bemerkungen"]
    qtbot.keyClicks(focused(), "Hinterhof, Tor links")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)
    number = quick.referral_number.text()
    assert number.startswith("GV-")
    page = services.client.list_referrals(client_ref=quick.form.client_ref)
    assert len(page.items) == 1
    stored = services.client.get_referral(page.items[0]["id"])
    assert stored["number"] == number
    assert stored["nachname"] == "Müller"
    assert stored["telefon"] == "+492211234567"
    assert stored["kennzeichen"] == "K-AB 123"
    assert stored["versicherungsscheinnummer"] == "VS471108"
    assert stored["voluntary"] == {
        "schadenart": config_of(services)["catalogs"]["schadenart"][0]["code"],
        "bemerkungen": "Hinterhof, Tor links",
    }
    # The review showed exactly what left the PC.
    reviewed = json.loads(quick.review_json.toPlainText())
    for key in ("nachname", "telefon", "kennzeichen", "versicherungsscheinnummer", "voluntary"):
        assert reviewed[key] == stored[key]
    assert reviewed["servicenummer"] == stored["servicenummer"]
    readable = quick.review.toPlainText()  # the same, in the broker's words
    label = config_of(services)["catalogs"]["schadenart"][0]["label"]
    for line in (
        f"Servicenummer: {stored['servicenummer']}",
        "Nachname: Müller",
        "Telefon: +492211234567",
        "Kfz-Kennzeichen: K-AB 123",
        "Versicherungsscheinnummer: VS471108",
        "Einverständnis mit Reparatur oder Austausch: ja",
        f"Schadenart: {label}",
        "Bemerkungen: Hinterhof, Tor links",
    ):
        assert f"    {line}\n" in readable + "\n", line
    assert "Scheibe" not in readable  # left empty: not sent, not shown
    assert reviewed["consent"] == stored["consent"]
    assert stored["consent"]["granted"] is True
    assert stored["consent"]["text_version"] == config_of(services)["consent"]["text_version"]
    assert stored["consent"]["captured_at"]  # when the customer agreed


def test_enter_in_text_field_does_not_send(qtbot: Any, quick: QuickReferralView) -> None:
    quick.inputs["nachname"].setFocus()
    qtbot.keyClicks(focused(), "Meier")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(quick.inputs["telefon"], Qt.Key.Key_Return)
    assert quick.error_summary.isHidden()
    assert not quick.referral_number.isVisible()


def test_send_with_missing_fields_shows_focused_error_summary(
    qtbot: Any, quick: QuickReferralView
) -> None:
    quick.inputs["kennzeichen"].setText("DES123")  # type: ignore[attr-defined]
    qtbot.mouseClick(quick.send_button, Qt.MouseButton.LeftButton)
    assert quick.error_summary.isVisible()
    assert quick.error_summary.hasFocus()
    fields = [name for name, _ in quick.error_summary.entries]
    assert fields[:4] == ["nachname", "telefon", "kennzeichen", "versicherungsscheinnummer"]
    assert "consent" in fields
    assert "repair_consent" in fields
    message = quick.findChild(QWidget, "kennzeichen_message")
    assert message is not None
    assert message.isVisible()
    assert "mehrdeutig" in message.text()  # type: ignore[attr-defined]
    quick.error_summary.field_activated.emit("kennzeichen")
    assert focused() is quick.inputs["kennzeichen"]


def test_hearing_remark_blocks_until_reworded(qtbot: Any, quick: QuickReferralView) -> None:
    _fill_mandatory(quick)
    quick.consent_gate.yes.click()
    quick.freetext_consent.setChecked(True)
    bemerkungen = quick.inputs["bemerkungen"]
    bemerkungen.setFocus()
    type_text(bemerkungen, "Kunde ist schwerhörig")
    message = quick.findChild(QWidget, "bemerkungen_message")
    qtbot.waitUntil(lambda: message.isVisible(), timeout=3000)
    quick.send()
    assert "bemerkungen" in [name for name, _ in quick.error_summary.entries]
    assert quick.send_button.isEnabled()
    fix = quick.findChild(QWidget, "bemerkungen_fix")
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert not message.isVisible()
    assert "schwerhörig" not in bemerkungen.text()  # type: ignore[attr-defined]
    quick.send()
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)


def test_unticking_consent_removes_voluntary_data_with_undo(
    qtbot: Any, quick: QuickReferralView
) -> None:
    _fill_mandatory(quick)
    quick.consent_gate.yes.click()
    quick.inputs["schadenart"].setCurrentIndex(1)  # type: ignore[attr-defined]
    quick.freetext_consent.setChecked(True)
    quick.inputs["bemerkungen"].setText("Hinterhof, Tor links")  # type: ignore[attr-defined]
    quick.update_review()
    assert '"schadenart"' in quick.review_json.toPlainText()
    label = config_of(quick.services)["catalogs"]["schadenart"][0]["label"]
    assert f"Schadenart: {label}" in quick.review.toPlainText()
    quick.consent_gate.no.click()
    quick.update_review()
    assert not quick.voluntary_box.isEnabled()
    assert quick.inputs["bemerkungen"].text() == ""  # type: ignore[attr-defined]
    review = quick.review_json.toPlainText()
    assert '"voluntary": {}' in review
    assert '"granted": false' in review
    readable = quick.review.toPlainText()
    assert "Einwilligung: nicht erteilt" in readable
    assert "Keine freiwilligen Angaben – die Einwilligung fehlt." in readable
    assert "Schadenart" not in readable
    assert "Bemerkungen" not in readable
    undo = next(
        b
        for b in quick.banner.findChildren(QPushButton)
        if b.text().replace("&", "") == "Rückgängig" and b.isVisible()
    )
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)  # the banner's undo action
    assert quick.consent_gate.answer is True
    assert quick.voluntary_box.isEnabled()
    assert quick.freetext_consent.isChecked()
    assert quick.inputs["bemerkungen"].text() == "Hinterhof, Tor links"  # type: ignore[attr-defined]
    quick.consent_gate.no.click()
    quick.send()
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)
    stored = quick.services.client.list_referrals(client_ref=quick.form.client_ref).items[0]
    assert stored["voluntary"] == {}
    assert stored["consent"] == {"granted": False}


def test_review_shows_the_servicenummer_as_soon_as_the_config_arrives(
    quick: QuickReferralView,
) -> None:
    config = dict(quick.services.config or {})
    config["servicenummer"] = "SN-424242"  # e.g. the login after the page was built
    quick.apply_config(config)
    assert json.loads(quick.review_json.toPlainText())["servicenummer"] == "SN-424242"
    assert "Servicenummer: SN-424242" in quick.review.toPlainText()


def test_new_referral_resets_without_restart(qtbot: Any, quick: QuickReferralView) -> None:
    _fill_mandatory(quick)
    quick.consent_gate.no.click()
    quick.send()
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)
    first_ref = quick.form.client_ref
    assert not quick.send_button.isEnabled()
    qtbot.mouseClick(quick.new_button, Qt.MouseButton.LeftButton)
    assert quick.inputs["nachname"].text() == ""  # type: ignore[attr-defined]
    assert quick.consent_gate.answer is None
    assert not quick.referral_number.isVisible()
    assert quick.form.client_ref != first_ref
    _fill_mandatory(quick)
    quick.consent_gate.no.click()
    quick.send()
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)


def test_escape_never_discards(qtbot: Any, quick: QuickReferralView) -> None:
    _fill_mandatory(quick)
    quick.consent_gate.yes.click()
    quick.freetext_consent.setChecked(True)
    quick.inputs["bemerkungen"].setText("Hinterhof, Tor links")  # type: ignore[attr-defined]
    for name in ("nachname", "telefon", "kennzeichen", "bemerkungen"):
        quick.inputs[name].setFocus()
        qtbot.keyClick(quick.inputs[name], Qt.Key.Key_Escape)
    qtbot.keyClick(quick.send_button, Qt.Key.Key_Escape)
    assert quick.inputs["nachname"].text() == "Schulz"  # type: ignore[attr-defined]
    assert quick.inputs["kennzeichen"].text() == "B-XY 42"  # type: ignore[attr-defined]
    assert quick.inputs["bemerkungen"].text() == "Hinterhof, Tor links"  # type: ignore[attr-defined]
    assert quick.consent_gate.answer is True
    assert quick.isVisible()


def test_format_hint_on_leaving_field_not_while_typing(
    qtbot: Any, quick: QuickReferralView
) -> None:
    plate = quick.inputs["kennzeichen"]
    message = quick.findChild(QWidget, "kennzeichen_message")
    plate.setFocus()
    qtbot.keyClicks(plate, "xq-ab 12")
    assert not message.isVisible()  # reward early: nothing while typing
    tab(qtbot)
    assert message.isVisible()
    assert "XQ" in message.text()  # unknown district: warning
    assert message.property("kind") == "warning"
    assert "XQ" in plate.accessibleDescription()
    qtbot.keyClick(plate, Qt.Key.Key_Backspace)  # editing clears the hint
    assert not message.isVisible()


def test_warnings_never_block_and_stay_visible_on_send(
    qtbot: Any, quick: QuickReferralView
) -> None:
    _fill_mandatory(quick)
    quick.inputs["kennzeichen"].setText("XQ-AB 12")  # type: ignore[attr-defined]
    quick.repair_consent.setChecked(False)
    quick.send()  # blocked by the missing agreement, not by the unknown district
    assert [name for name, _ in quick.error_summary.entries] == ["repair_consent", "consent"]
    message = quick.findChild(QWidget, "kennzeichen_message")
    assert message.isVisible()
    assert message.property("kind") == "warning"
    quick.repair_consent.setChecked(True)
    quick.consent_gate.no.click()
    quick.send()
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)
    stored = quick.services.client.list_referrals(client_ref=quick.form.client_ref).items[0]
    assert stored["kennzeichen"] == "XQ-AB 12"


def test_double_click_on_send_makes_one_referral(qtbot: Any, quick: QuickReferralView) -> None:
    _fill_mandatory(quick)
    quick.consent_gate.no.click()
    qtbot.mouseDClick(quick.send_button, Qt.MouseButton.LeftButton)
    quick.send()  # and Ctrl+Enter on top
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)
    quick.send()  # after success: nothing more is sent
    page = quick.services.client.list_referrals(client_ref=quick.form.client_ref)
    assert len(page.items) == 1


def test_server_may_add_district_codes(quick: QuickReferralView) -> None:
    from desktop.validation import check_plate, districts

    assert [i.code for i in check_plate("QX-AB 12").issues] == ["plate.unknown-district"]
    config = dict(config_of(quick.services))
    config["districts"] = [{"code": "QX", "label": "Neuer Kreis"}]
    try:
        quick.apply_config(config)
        assert check_plate("QX-AB 12").issues == ()
    finally:
        districts._extra.pop("QX", None)


def test_why_link_asks_for_the_privacy_page(qtbot: Any, server: Any) -> None:
    with services_for(server.url) as services:
        shell = QMainWindow()
        qtbot.addWidget(shell)
        view = QuickReferralView(services)
        shell.setCentralWidget(view)
        shell.show()
        view.consent_gate.yes.click()
        view.freetext_consent.setChecked(True)
        view.inputs["bemerkungen"].setText("Kunde ist schwerhörig")  # type: ignore[attr-defined]
        why = view.findChild(QWidget, "bemerkungen_why")
        assert why.isVisible()
        with qtbot.waitSignal(view.why_requested, timeout=1000):
            qtbot.mouseClick(why, Qt.MouseButton.LeftButton)
        shell.close()


def test_server_problem_appears_at_its_field(qtbot: Any, quick: QuickReferralView) -> None:
    _fill_mandatory(quick)
    quick.consent_gate.text_version = "veraltet"  # consent asked with an outdated text
    quick.consent_gate.yes.click()
    quick.inputs["schadenart"].setCurrentIndex(1)  # type: ignore[attr-defined]
    quick.send()
    qtbot.waitUntil(lambda: quick.error_summary.isVisible(), timeout=10000)
    assert [name for name, _ in quick.error_summary.entries] == ["consent"]
    message = quick.findChild(QWidget, "consent_message")
    assert message.isVisible()
    assert "Einwilligungstext wurde geändert" in message.text()
    assert quick.send_button.isEnabled()  # corrected, it can be sent again
    assert not quick.referral_number.isVisible()
    assert quick.services.client.list_referrals(client_ref=quick.form.client_ref).items == []


def _fill_mandatory(view: QuickReferralView) -> None:
    view.inputs["nachname"].setText("Schulz")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("030 12345678")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("B-XY 42")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("HV 1234567890")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)


def test_free_text_counter_and_art15_hint(quick: QuickReferralView) -> None:
    counter = quick.findChild(QWidget, "bemerkungen_counter")
    hint = quick.findChild(QWidget, "bemerkungen_hint")
    assert counter.text() == "0 von 1000 Zeichen"
    assert "Art. 15 DSGVO" in hint.text()
    assert hint.isVisible()
    quick.consent_gate.yes.click()
    bemerkungen = quick.inputs["bemerkungen"]
    bemerkungen.setFocus()
    type_text(bemerkungen, "Bitte laut klingeln")
    assert counter.text() == "19 von 1000 Zeichen"
    assert "Art. 15 DSGVO" in bemerkungen.accessibleDescription()


def test_ctrl_enter_in_bemerkungen_sends_without_a_line_break(
    qtbot: Any, quick: QuickReferralView
) -> None:
    _fill_mandatory(quick)
    quick.consent_gate.yes.click()
    quick.freetext_consent.setChecked(True)
    bemerkungen = quick.inputs["bemerkungen"]
    bemerkungen.setFocus()
    qtbot.waitUntil(lambda: focused() is bemerkungen, timeout=3000)
    type_text(bemerkungen, "Bitte laut klingeln")
    qtbot.keyClick(bemerkungen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)
    stored = quick.services.client.list_referrals(client_ref=quick.form.client_ref).items[0]
    assert stored["voluntary"]["bemerkungen"] == "Bitte laut klingeln"


def test_review_is_current_right_after_a_blocked_send(quick: QuickReferralView) -> None:
    quick.inputs["nachname"].setText("Schulz")  # type: ignore[attr-defined]
    quick.send()  # blocked: the other mandatory fields are missing
    assert json.loads(quick.review_json.toPlainText())["nachname"] == "Schulz"
    assert "Nachname: Schulz" in quick.review.toPlainText()


def test_readable_review_is_plain_text_grouped_and_reachable_by_tab(
    qtbot: Any, quick: QuickReferralView
) -> None:
    quick.inputs["nachname"].setText("<b>Schulz</b>")  # type: ignore[attr-defined]
    quick.consent_gate.yes.click()
    quick.freetext_consent.setChecked(True)
    quick.inputs["bemerkungen"].setText("<i>Tor</i>\nlinks")  # type: ignore[attr-defined]
    quick.update_review()
    text = quick.review.toPlainText()
    lines = text.splitlines()
    groups = ["Pflichtangaben", "Freiwillige Angaben (mit Einwilligung)"]
    assert [line for line in lines if line in groups] == groups
    assert "    Nachname: <b>Schulz</b>" in lines  # shown as typed, never as rich text
    assert "        <i>Tor</i>" in lines
    assert "        links" in lines
    assert lines[lines.index("    Bemerkungen:") + 1 :][:2] == [
        "        <i>Tor</i>",
        "        links",
    ]
    assert "    Einwilligung: erteilt am " in text
    assert "{" not in text
    assert "client_ref" not in text
    assert quick.review.accessibleName()
    assert quick.review.accessibleDescription()
    # By keyboard: from Bemerkungen, Tab reaches the review, then the JSON toggle, then Senden.
    quick.inputs["bemerkungen"].setFocus()
    tab(qtbot)
    assert focused() is quick.review
    tab(qtbot)
    assert focused() is quick.review_json_toggle
    assert not quick.review_json.isVisible()
    qtbot.keyClick(quick.review_json_toggle, Qt.Key.Key_Space)
    assert quick.review_json.isVisible()
    assert json.loads(quick.review_json.toPlainText())["nachname"] == "<b>Schulz</b>"
    tab(qtbot)
    assert focused() is quick.review_json
    tab(qtbot)
    assert focused() is quick.send_button
