"""Both referral views pass the shared keyboard/screen-reader checks (Tab walk, names,
mnemonic buddies), before and after consent enables the voluntary sections."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from desktop.views.referral.wizard import CompleteReferralView, QuickReferralView
from tests.gui.test_accessibility import check_page, tab_walk
from tests.gui.test_wizard_helpers import services_for


@pytest.mark.parametrize("view_class", [QuickReferralView, CompleteReferralView])
def test_view_is_keyboard_accessible(qtbot: Any, server: Any, view_class: type) -> None:
    with services_for(server.url) as services:
        view = view_class(services)
        qtbot.addWidget(view)
        view.resize(900, 900)
        view.show()
        qtbot.waitExposed(view)
        assert check_page(qtbot, view) == []
        view.consent_gate.yes.click()
        reached = {w.objectName() for w in tab_walk(qtbot, view)}
        assert {"nachname", "consent_yes", "schadenart", "send_button"} <= reached
        assert "servicenummer" not in reached
        assert check_page(qtbot, view) == []
        undescribed = [name for name, w in view.inputs.items() if not w.accessibleDescription()]
        assert undescribed == []
        view.close()


@pytest.mark.parametrize("view_class", [QuickReferralView, CompleteReferralView])
def test_servicenummer_looks_and_reads_as_a_display(
    qtbot: Any, server: Any, view_class: type
) -> None:
    with services_for(server.url) as services:
        view = view_class(services)
        qtbot.addWidget(view)
        field = view.servicenummer
        qtbot.waitUntil(lambda: bool(field.text()), timeout=5000)
        assert field.isReadOnly()
        assert not field.hasFrame()  # no input box around it
        palette = field.palette()
        assert palette.color(QPalette.ColorRole.Base) == palette.color(QPalette.ColorRole.Window)
        assert field.focusPolicy() == Qt.FocusPolicy.NoFocus  # outside the tab chain
        assert "vom Server vorbelegt" in field.accessibleDescription()
        assert field.accessibleName() == "Servicenummer"
