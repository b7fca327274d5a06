"""Input is never rewritten silently: the policy number's sent form is shown at the field and
in the review; a plate is never split where the agent did not type it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.views.referral.wizard import QuickReferralView
from tests.gui.test_wizard_helpers import shown_view


@pytest.fixture
def quick(qtbot: Any, server: Any) -> Iterator[QuickReferralView]:
    with shown_view(qtbot, QuickReferralView, server.url, (900, 1200), active=True) as view:
        yield view


def test_policy_number_shows_the_form_that_is_sent(qtbot: Any, quick: QuickReferralView) -> None:
    field = quick.inputs["versicherungsscheinnummer"]
    field.setFocus()
    qtbot.keyClicks(field, "VS-2024-778899")
    quick.inputs["nachname"].setFocus()  # leave the field
    assert field.text() == "VS-2024-778899"  # type: ignore[attr-defined]  # as typed
    message = quick.messages["versicherungsscheinnummer"]
    assert message.isVisible()
    assert "VS2024778899" in message.text
    assert "VS2024778899" in field.accessibleDescription()
    quick.update_review()
    assert "VS2024778899" in quick.review.toPlainText()
    assert (
        json.loads(quick.review_json.toPlainText())["versicherungsscheinnummer"] == "VS2024778899"
    )


def test_plate_is_never_split_by_guess(qtbot: Any, quick: QuickReferralView) -> None:
    field = quick.inputs["kennzeichen"]
    field.setFocus()
    qtbot.keyClicks(field, "qqqqq 1")
    assert field.text() == "QQQQQ 1"  # type: ignore[attr-defined]
    quick.inputs["nachname"].setFocus()
    assert field.text() == "QQQQQ 1"  # type: ignore[attr-defined]  # no "QQQ-QQ 1"
    message = quick.messages["kennzeichen"]
    assert "Bindestrich" in message.text  # a hint as soon as the field is left
    quick.send()
    assert message.isVisible()
    assert "Bindestrich" in message.text
    field.setFocus()
    field.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "QQQ-QQ 1")  # the agent types the split: accepted as typed
    quick.inputs["nachname"].setFocus()
    assert field.text() == "QQQ-QQ 1"  # type: ignore[attr-defined]
    quick.update_review()
    assert json.loads(quick.review_json.toPlainText())["kennzeichen"] == "QQQ-QQ 1"
