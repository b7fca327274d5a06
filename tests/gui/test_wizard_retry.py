"""A lost answer during send followed by the outbox's retry yields exactly one referral."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.views.referral.wizard import QuickReferralView
from tests.gui.test_wizard_helpers import services_for
from tests.helpers.fault_proxy import FaultProxy


def test_lost_answer_then_retry_makes_one_referral(qtbot: Any, server: Any) -> None:
    with FaultProxy(server.url) as proxy, services_for(proxy.url) as services:
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        view.show()
        view.inputs["nachname"].setText("Wagner")  # type: ignore[attr-defined]
        view.inputs["telefon"].setText("0711 2345678")  # type: ignore[attr-defined]
        view.inputs["kennzeichen"].setText("S-GV 77")  # type: ignore[attr-defined]
        view.inputs["versicherungsscheinnummer"].setText("A-998877")  # type: ignore[attr-defined]
        view.repair_consent.setChecked(True)
        view.consent_gate.no.click()
        proxy.drop_after_forward_next(1, method="POST", path="/api/v1/referrals")
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
        assert not view.send_button.isEnabled()  # stored: no double send
        # the answer is lost, the outbox sends again with the same idempotency key
        qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=20000)
        assert proxy.actions("drop-after")  # the server did get (and commit) the first POST
        items = services.client.list_referrals(client_ref=view.form.client_ref).items
        assert len(items) == 1
        assert items[0]["number"] == view.referral_number.text()
        view.close()
