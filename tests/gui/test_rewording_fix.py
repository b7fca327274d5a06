"""The one-click rewording in the Schnellvermittlung against the real reference server
(offscreen): typing a flagged sentence, choosing the fix and checking the whole text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.privacy.text import check
from desktop.views.referral.wizard import QuickReferralView
from desktop.widgets.checked_text import CheckedTextEdit
from tests.gui.test_wizard_helpers import press, shown_view, type_text


@pytest.fixture
def quick(qtbot: Any, server: Any) -> Iterator[QuickReferralView]:
    with shown_view(qtbot, QuickReferralView, server.url, (900, 1200), active=True) as view:
        yield view


def _editor(view: QuickReferralView, name: str) -> CheckedTextEdit:
    editor = view.inputs[name]
    assert isinstance(editor, CheckedTextEdit)
    return editor


def _type_flagged(qtbot: Any, editor: CheckedTextEdit, text: str) -> QPushButton:
    """Type ``text`` and wait for the finding's fix button."""
    editor.setFocus()
    type_text(editor, text)
    assert editor.text().endswith(text)
    fix = editor.message.fix_button
    assert fix.objectName() == f"{editor.field}_fix"
    qtbot.waitUntil(fix.isVisible, timeout=3000)
    assert editor.blocking
    return fix


def _fill_mandatory(view: QuickReferralView) -> None:
    view.inputs["telefon"].setText("030 12345678")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("B-XY 42")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("HV 1234567890")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)
    view.consent_gate.yes.click()
    view.freetext_consent.setChecked(True)


def test_female_subject_gets_the_need_in_female_form_and_the_server_takes_it(
    qtbot: Any, quick: QuickReferralView
) -> None:
    _fill_mandatory(quick)
    _editor(quick, "nachname").setText("Schulz")
    bemerkungen = _editor(quick, "bemerkungen")
    fix = _type_flagged(qtbot, bemerkungen, "Die Kundin ist Rollstuhlfahrerin, Hoftor links.")
    wording = "Kundin braucht etwas länger, um die Tür zu öffnen"
    assert fix.text() == f"Ersetzen durch „{wording}“"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert bemerkungen.text() == f"{wording}, Hoftor links."
    assert check(bemerkungen.text(), "bemerkungen") == []
    assert bemerkungen.findings() == []
    assert not bemerkungen.message.label.isVisible()
    assert bemerkungen.hasFocus()
    quick.send()
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=10000)
    page = quick.services.client.list_referrals(client_ref=quick.form.client_ref)
    stored = quick.services.client.get_referral(page.items[0]["id"])
    assert stored["voluntary"]["bemerkungen"] == f"{wording}, Hoftor links."


def test_request_already_there_so_the_clause_is_deleted_as_one_undo_step(
    qtbot: Any, quick: QuickReferralView
) -> None:
    bemerkungen = _editor(quick, "bemerkungen")
    _fill_mandatory(quick)
    typed = "Kunde ist schwerhörig, bitte laut klingeln"
    fix = _type_flagged(qtbot, bemerkungen, typed)
    assert fix.text() == "Satzteil entfernen"
    assert fix.toolTip() == "Danach: „Bitte laut klingeln“"  # what stays, before the click
    assert fix.accessibleDescription() == fix.toolTip()
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert bemerkungen.text() == "Bitte laut klingeln"
    assert not bemerkungen.blocking
    bemerkungen.undo()  # one step back to exactly what was typed
    assert bemerkungen.text() == typed
    bemerkungen.redo()
    assert bemerkungen.text() == "Bitte laut klingeln"


def test_fix_by_keyboard_replaces_the_whole_clause(qtbot: Any, quick: QuickReferralView) -> None:
    _fill_mandatory(quick)
    bemerkungen = _editor(quick, "bemerkungen")
    fix = _type_flagged(qtbot, bemerkungen, "Bitte vorher anrufen, Kunde ist schwerhörig.")
    assert fix.text() == "Ersetzen durch „Bitte laut und deutlich klingeln“"
    assert fix.focusPolicy() & Qt.FocusPolicy.TabFocus
    fix.setFocus()
    assert QApplication.focusWidget() is fix
    press(fix, Qt.Key.Key_Space)
    assert bemerkungen.text() == "Bitte vorher anrufen, bitte laut und deutlich klingeln."
    assert check(bemerkungen.text(), "bemerkungen") == []
    assert "Kunde ist Bitte" not in bemerkungen.text()


def test_name_field_misuse_leaves_the_name_alone(qtbot: Any, quick: QuickReferralView) -> None:
    nachname = _editor(quick, "nachname")
    fix = _type_flagged(qtbot, nachname, "Meier (schwerhörig)")
    assert fix.text() == "Ersetzen durch „Meier“"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert nachname.text() == "Meier"
    assert check("Meier", "nachname") == []
    assert nachname.findings() == []
    assert not nachname.message.label.isVisible()


def test_fix_right_after_typing_rewords_the_text_as_it_is_now(
    qtbot: Any, quick: QuickReferralView
) -> None:
    _fill_mandatory(quick)
    bemerkungen = _editor(quick, "bemerkungen")
    fix = _type_flagged(qtbot, bemerkungen, "Kunde ist schwerhörig")
    bemerkungen.moveCursor(QTextCursor.MoveOperation.Start)
    type_text(bemerkungen, "Hoftor links, Einfahrt hinten, ")  # shown offsets now stale
    assert bemerkungen.check_pending
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert bemerkungen.text() == "Hoftor links, Einfahrt hinten, bitte laut und deutlich klingeln"
    assert check(bemerkungen.text(), "bemerkungen") == []


def test_a_judgement_alone_empties_the_field_and_says_so(
    qtbot: Any, quick: QuickReferralView
) -> None:
    _fill_mandatory(quick)
    bemerkungen = _editor(quick, "bemerkungen")
    fix = _type_flagged(qtbot, bemerkungen, "Kundin ist ein Choleriker")
    assert fix.text() == "Satzteil entfernen"
    assert fix.toolTip() == "Danach ist das Feld leer."
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert bemerkungen.text() == ""
    assert not bemerkungen.blocking


def test_postbox_subject_and_description_are_reworded_whole(qtbot: Any) -> None:
    from desktop.views.postbox.compose import NewTicketDialog

    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    subject = dialog.subject
    fix = _type_flagged(qtbot, subject, "Termin verschieben – Kundin schwanger")
    wording = "Termin bitte kurzfristig mit der Kundin abstimmen"
    assert fix.text() == f"Ersetzen durch „{wording}“"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert subject.text() == f"Termin verschieben – {wording}"
    assert "\n" not in subject.text()
    body = dialog.body
    body.setFocus()
    for line in ("Bitte neuen Termin.", "Der Kunde ist ein Querulant."):
        type_text(body, line)
        press(body, Qt.Key.Key_Return)
    fix = _type_flagged(qtbot, body, "Danke")
    assert body.text() == "Bitte neuen Termin.\nDer Kunde ist ein Querulant.\nDanke"
    assert fix.text() == "Satzteil entfernen"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert body.text() == "Bitte neuen Termin.\nDanke"
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=3000)
