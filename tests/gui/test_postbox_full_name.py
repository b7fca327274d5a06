"""A customer's full name in a Postkorb subject is warned about (notice §1.4) with its own
sentence; the surname alone stays quiet; a warning never blocks sending."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.views.postbox.compose import NewTicketDialog

WAIT = 5_000


def test_full_name_in_subject_warns_and_surname_alone_does_not(qtbot: Any) -> None:
    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.body.setPlainText("Wann kommt die Rechnung?")
    dialog.subject.setPlainText("Rückruf Kundin Sabine Kröger")
    qtbot.waitUntil(
        lambda: [f.rule_id for f in dialog.subject.findings()] == ["identifier.full_name"],
        timeout=WAIT,
    )
    finding = dialog.subject.findings()[0]
    assert "Rückruf Kundin Sabine Kröger"[finding.start : finding.end] == "Sabine Kröger"
    message = dialog.findChild(QLabel, "betreff_message")
    assert message is not None
    qtbot.waitUntil(lambda: "Nachname allein genügt" in message.text(), timeout=WAIT)
    assert not dialog.subject.blocking
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=WAIT)
    dialog.subject.setPlainText("Rückruf Kundin Kröger")
    qtbot.waitUntil(lambda: dialog.subject.findings() == [], timeout=WAIT)
