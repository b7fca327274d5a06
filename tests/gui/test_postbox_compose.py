"""Writing in the Postkorb: the same live privacy warnings as the wizard's free-text fields,
and the permanent Art. 15 hint (no server needed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.privacy.text import Finding, check
from desktop.views.postbox.compose import NewTicketDialog, ReplyBox
from desktop.widgets.checked_text import CheckedTextEdit

WAIT = 5_000
HEALTH = "Der Kunde ist schwanger und kann erst später kommen."
PHONE = "Bitte Herrn Müller unter 0171 2345678 anrufen."


def _key(findings: list[Finding]) -> list[tuple[str, str, int, int, str]]:
    return [(f.severity, f.category, f.start, f.end, f.rule_id) for f in findings]


def _settle(qtbot: Any, editor: Any, text: str) -> None:
    """Type ``text`` and wait for the debounced live check (no explicit check call) to
    show exactly the engine's findings for it."""
    editor.setPlainText(text)
    expected = _key(check(text, editor.engine_field))
    if expected:
        qtbot.waitUntil(lambda: _key(editor.findings()) == expected, timeout=WAIT)
    else:  # nothing to wait for: let the debounce run out
        qtbot.wait(400)
        assert editor.findings() == []


def test_reply_box_warns_exactly_like_the_wizard_field(qtbot: Any) -> None:
    reply = ReplyBox()
    qtbot.addWidget(reply)
    wizard = CheckedTextEdit("beschreibung")  # the wizard's free-text widget
    qtbot.addWidget(wizard)
    reply.show()
    for text in (HEALTH, PHONE):
        _settle(qtbot, reply.editor, text)
        _settle(qtbot, wizard, text)
        assert _key(reply.editor.findings()) == _key(wizard.findings())
        assert _key(reply.editor.findings()) == _key(check(text, "beschreibung"))
        assert reply.editor.findings()
        assert reply.editor.message.text  # the inline German message is shown
    _settle(qtbot, reply.editor, HEALTH)
    assert reply.editor.blocking
    assert not reply.send_button.isEnabled()
    _settle(qtbot, reply.editor, PHONE)  # a warning only: sending stays possible
    assert not reply.editor.blocking
    assert reply.send_button.isEnabled()


def test_new_ticket_checks_subject_and_description_live(qtbot: Any) -> None:
    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot, dialog.body, "Wann kommt die Rechnung?")
    _settle(qtbot, dialog.subject, "Kunde schwanger")
    assert dialog.subject.blocking
    assert dialog.findChild(QLabel, "betreff_message").isVisibleTo(dialog)
    assert not dialog.send_button.isEnabled()
    _settle(qtbot, dialog.subject, "Rückfrage Termin")
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=WAIT)
    _settle(qtbot, dialog.body, PHONE)
    assert _key(dialog.body.findings()) == _key(check(PHONE, "beschreibung"))
    assert dialog.body.message.text
    assert dialog.send_button.isEnabled()  # a warning does not block


def test_art15_hint_is_permanent_plain_and_calm(qtbot: Any) -> None:
    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.findChild(QLabel, "postbox_hint")
    assert hint is not None
    assert hint.isVisible()
    assert hint.textFormat() == Qt.TextFormat.PlainText
    assert "Art. 15" in hint.text()
    assert hint.accessibleName() == hint.text()
    _settle(qtbot, dialog.subject, "Kunde schwanger")
    assert hint.isVisible()  # stays while findings come and go
    assert "!" not in hint.text()  # calm: no alarm wording


def _show_active(qtbot: Any, widget: Any) -> None:
    """Shortcuts only fire in the active window."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT)


def test_ctrl_enter_sends_a_reply_and_enter_alone_never_does(qtbot: Any) -> None:
    reply = ReplyBox()
    qtbot.addWidget(reply)
    _show_active(qtbot, reply)
    reply.editor.setFocus()
    qtbot.waitUntil(reply.editor.hasFocus)
    sent: list[str] = []
    reply.send_requested.connect(sent.append)
    qtbot.keyClicks(reply.editor, "Termin passt")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(reply.editor, key)
    assert sent == []
    assert reply.editor.text().count("\n") == 2  # Enter is a line break
    qtbot.keyClick(reply.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sent == ["Termin passt"]
    qtbot.keyClicks(reply.editor, "Danke")
    qtbot.keyClick(
        reply.editor,
        Qt.Key.Key_Enter,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier,
    )
    assert sent == ["Termin passt", "Danke"]


def test_new_ticket_sends_with_ctrl_enter_never_with_enter(qtbot: Any) -> None:
    dialog = NewTicketDialog([("r1", "GV-2026-000001 · B-AB 123 · 01.12.2026")])
    qtbot.addWidget(dialog)
    _show_active(qtbot, dialog)
    _settle(qtbot, dialog.subject, "Rückfrage Termin")
    _settle(qtbot, dialog.body, "Wann kommt die Rechnung?")
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=WAIT)
    dialog.referral.setFocus()
    qtbot.waitUntil(dialog.referral.hasFocus)
    qtbot.keyClick(dialog.referral, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result() == 0
    dialog.body.setFocus()
    qtbot.waitUntil(dialog.body.hasFocus)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_postbox_findings_speak_of_the_postbox_not_the_referral(qtbot: Any) -> None:
    reply = ReplyBox()
    qtbot.addWidget(reply)
    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    wizard = CheckedTextEdit("beschreibung")
    qtbot.addWidget(wizard)
    for editor in (reply.editor, dialog.body, dialog.subject, wizard):
        _settle(qtbot, editor, HEALTH)
        assert editor.message.text
    for editor in (reply.editor, dialog.body, dialog.subject):
        assert "Vermittlung" not in editor.message.text
        assert "Postkorb" in editor.message.text or "Anfrage" in editor.message.text
        assert "Postkorb" in editor.accessibleDescription()
    assert "gehören nicht in die Vermittlung" in wizard.message.text


def test_every_postbox_finding_text_fits_the_postbox() -> None:
    from desktop.widgets.finding_texts import CATEGORIES, finding_text

    rules = [
        "identifier.iban",
        "identifier.credit_card",
        "identifier.email",
        "identifier.phone",
        "identifier.birth_date",
        "identifier.address",
        "identifier.id_document",
        "identifier.tax_id",
        "judgement.positive",
        "unknown.rule",
    ]
    texts = [finding_text(c, "", "postbox") for c in [*CATEGORIES, "unknown"]]
    texts += [finding_text(r.split(".")[0], r, "postbox") for r in rules]
    for text in texts:
        for wrong in ("in die Vermittlung", "für die Vermittlung", "Feld Telefon", "Einsatzort"):
            assert wrong not in text, text
    assert "Postkorb" not in finding_text("identifier", "identifier.full_name", "referral")
