"""Komplettvermittlung: one label column for every group (fields start at one x), and a field
reached by its Alt+letter scrolls into view."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.views.referral.wizard import CompleteReferralView
from tests.gui.test_wizard_helpers import shown_view


@pytest.fixture
def complete(qtbot: Any, server: Any) -> Iterator[CompleteReferralView]:
    with shown_view(qtbot, CompleteReferralView, server.url, (900, 500), active=True) as view:
        yield view


def _labelled(view: CompleteReferralView) -> dict[QWidget, QLabel]:
    labels = {
        label.buddy(): label for label in view.findChildren(QLabel) if label.buddy() is not None
    }
    return {w: labels[w] for w in view.inputs.values() if w in labels}


def test_fields_of_every_group_start_at_one_x(complete: CompleteReferralView) -> None:
    content = complete.scroll_area.widget()
    assert content is not None
    starts = {w.mapTo(content, QPoint(0, 0)).x() for w in _labelled(complete)}
    assert len(_labelled(complete)) > 10
    assert len(starts) == 1, starts


def test_alt_letter_scrolls_the_field_into_view(qtbot: Any, complete: CompleteReferralView) -> None:
    complete.consent_gate.yes.click()
    labelled = _labelled(complete)
    letters = Counter(
        label.text()[label.text().index("&") + 1].lower() for label in labelled.values()
    )
    content = complete.scroll_area.widget()
    assert content is not None
    target = max(
        (
            w
            for w, label in labelled.items()
            if letters[label.text()[label.text().index("&") + 1].lower()] == 1
        ),
        key=lambda w: w.mapTo(content, QPoint(0, 0)).y(),
    )
    label = labelled[target]
    letter = label.text()[label.text().index("&") + 1]
    nachname = complete.inputs["nachname"]
    nachname.setFocus()
    complete.scroll_area.verticalScrollBar().setValue(0)
    assert target.visibleRegion().isEmpty()  # far below: the test is meaningful
    qtbot.keyClick(nachname, letter.lower(), Qt.KeyboardModifier.AltModifier)
    focus = QApplication.focusWidget()
    assert focus is not None
    assert focus is target or target.isAncestorOf(focus)
    qtbot.waitUntil(lambda: not target.visibleRegion().isEmpty(), timeout=2000)
