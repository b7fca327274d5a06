"""Messages go as soon as what they say is no longer true: the field message and the summary
line of a fixed error disappear without another "Senden"; the form does not jump."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.views.referral.wizard import QuickReferralView
from tests.gui.test_wizard_helpers import shown_view


@pytest.fixture
def quick(qtbot: Any, server: Any) -> Iterator[QuickReferralView]:
    with shown_view(qtbot, QuickReferralView, server.url, (900, 1200)) as view:
        yield view


def _fill_mandatory(view: QuickReferralView) -> None:
    view.inputs["nachname"].setText("Schulz")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("030 12345678")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("B-XY 42")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("HV 1234567890")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)


def test_free_text_wish_message_goes_once_the_box_is_ticked(
    qtbot: Any, quick: QuickReferralView
) -> None:
    _fill_mandatory(quick)
    quick.consent_gate.yes.click()
    quick.inputs["bemerkungen"].setPlainText("Bitte laut klingeln")  # type: ignore[attr-defined]
    quick.send()
    message = quick.messages["freetext_consent"]
    assert message.isVisible()
    assert "ausdrücklichen Wunsch" in message.text
    assert quick.error_summary.isVisible()
    bar = quick.scroll_area.verticalScrollBar()
    before = bar.value()
    quick.freetext_consent.setChecked(True)
    assert not message.isVisible()
    assert not quick.error_summary.isVisible()
    assert bar.value() == before  # nothing scrolled away under the agent


def test_summary_goes_after_answering_no(qtbot: Any, quick: QuickReferralView) -> None:
    _fill_mandatory(quick)
    quick.send()
    assert quick.error_summary.isVisible()
    assert quick.messages["consent"].isVisible()
    quick.consent_gate.no.click()
    assert not quick.error_summary.isVisible()
    assert not quick.messages["consent"].isVisible()


def test_summary_keeps_what_is_still_wrong(qtbot: Any, quick: QuickReferralView) -> None:
    quick.inputs["nachname"].setText("Schulz")  # type: ignore[attr-defined]
    quick.send()
    assert quick.messages["telefon"].isVisible()
    quick.consent_gate.no.click()
    assert quick.error_summary.isVisible()  # Telefon and others are still missing
    assert quick.messages["telefon"].isVisible()
    assert not quick.messages["consent"].isVisible()


def test_a_message_above_does_not_move_the_field_being_worked_on(
    qtbot: Any, quick: QuickReferralView
) -> None:
    quick.resize(900, 500)
    qtbot.wait(50)
    quick.consent_gate.yes.click()
    target = quick.inputs["bemerkungen"]
    target.setFocus()
    viewport = quick.scroll_area.viewport()
    qtbot.waitUntil(lambda: not target.visibleRegion().isEmpty(), timeout=2000)
    before = target.mapTo(viewport, target.rect().topLeft()).y()
    quick.messages["telefon"].show_text("Bitte prüfen.", "warning")  # far above
    qtbot.wait(50)
    assert target.mapTo(viewport, target.rect().topLeft()).y() == before
    quick.messages["telefon"].clear()
    qtbot.wait(50)
    assert target.mapTo(viewport, target.rect().topLeft()).y() == before
