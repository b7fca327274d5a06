"""The consent question cannot be answered "Ja" while no consent text is known."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.views.referral.wizard import QuickReferralView
from desktop.widgets.consent_gate import ConsentGate
from extranet.runner import EmbeddedServer
from tests.gui.test_wizard_helpers import services_for


def test_ja_waits_for_the_consent_text_and_says_why(qtbot: Any) -> None:
    gate = ConsentGate()
    qtbot.addWidget(gate)
    gate.show()
    assert not gate.yes.isEnabled()
    assert gate.missing_label.isVisible()
    assert "Einwilligungstext" in gate.missing_label.text()
    assert gate.missing_label.text() in gate.yes.accessibleDescription()
    qtbot.mouseClick(gate.yes, Qt.MouseButton.LeftButton)
    assert gate.answer is None
    gate.no.click()  # "Nein" needs no text
    assert gate.answer is False

    gate.set_consent_text("Der Kunde willigt ein …", "v1")
    assert gate.yes.isEnabled()
    assert not gate.missing_label.isVisible()
    qtbot.mouseClick(gate.yes, Qt.MouseButton.LeftButton)
    assert gate.answer is True

    gate.set_consent_text("", None)  # the text is gone again (no server config)
    assert not gate.yes.isEnabled()
    assert gate.missing_label.isVisible()


def test_the_servers_consent_text_enables_ja(qtbot: Any, fresh_server: EmbeddedServer) -> None:
    with services_for(fresh_server.url) as services:
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        view.show()
        gate = view.consent_gate
        qtbot.waitUntil(gate.yes.isEnabled, timeout=10_000)
        assert gate.text_label.text().strip()
        assert gate.text_version
        assert not gate.missing_label.isVisible()
        view.close()
