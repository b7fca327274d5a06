"""After a referral is sent the view is ready for the next call at once: the success and
"Neue Vermittlung" at the top, the sent data no longer editable, Ctrl+N for a fresh form
scrolled to the top with the cursor in Nachname."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.views.referral.wizard import QuickReferralView
from tests.gui.test_wizard_helpers import shown_view


@pytest.fixture
def quick(qtbot: Any, server: Any) -> Iterator[QuickReferralView]:
    # small: the form scrolls
    with shown_view(qtbot, QuickReferralView, server.url, (700, 500), active=True) as view:
        yield view


def _send(qtbot: Any, view: QuickReferralView) -> None:
    view.inputs["nachname"].setText("Schulz")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("030 12345678")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("B-XY 42")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("HV 1234567890")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)
    view.consent_gate.no.click()
    view.send_button.setFocus()
    view.send()
    qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=10000)


def test_sent_referral_is_locked_and_new_referral_is_at_the_top(
    qtbot: Any, quick: QuickReferralView
) -> None:
    _send(qtbot, quick)
    bar = quick.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0  # the test is meaningful: the form scrolls
    assert bar.value() == 0  # the success and "Neue Vermittlung" are in view
    assert quick.new_button.isVisible()
    top = quick.new_button.mapTo(quick, quick.new_button.rect().topLeft()).y()
    assert top < quick.scroll_area.mapTo(quick, quick.scroll_area.rect().topLeft()).y()
    assert "Strg+N" in quick.new_button.toolTip()
    assert "Strg+N" in quick.new_button.accessibleDescription()
    assert QApplication.focusWidget() is quick.new_button
    # The sent data can neither be edited nor sent again.
    assert not quick.inputs["nachname"].isEnabled()
    assert not quick.consent_gate.yes.isEnabled()
    assert not quick.send_button.isEnabled()
    bar.setValue(bar.maximum())
    qtbot.keyClick(quick.new_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert quick.inputs["nachname"].text() == ""  # type: ignore[attr-defined]
    assert quick.inputs["nachname"].isEnabled()
    assert quick.consent_gate.yes.isEnabled()
    assert not quick.new_button.isVisible()
    assert bar.value() == 0
    assert QApplication.focusWidget() is quick.inputs["nachname"]


def test_ctrl_n_never_empties_an_unsent_form(qtbot: Any, quick: QuickReferralView) -> None:
    quick.inputs["nachname"].setFocus()
    quick.inputs["nachname"].setText("Schulz")  # type: ignore[attr-defined]
    qtbot.keyClick(quick.inputs["nachname"], Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert quick.inputs["nachname"].text() == "Schulz"  # type: ignore[attr-defined]
