"""Every free-text field of the wizards is checked live by the privacy engine, with the field
profile the server uses too (``desktop.validation.free_text``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.referral_form import fields_for
from desktop.validation.free_text import FREE_TEXT_FIELDS
from desktop.views.referral.wizard import CompleteReferralView, QuickReferralView
from desktop.widgets.checked_text import CheckedTextEdit
from tests.gui.test_wizard_helpers import services_for

HEALTH = "Dialysepatient"


@pytest.fixture(params=[CompleteReferralView, QuickReferralView])
def wizard(request: Any, qtbot: Any, server: Any) -> Iterator[Any]:
    with services_for(server.url) as services:
        view = request.param(services)
        qtbot.addWidget(view)
        view.show()
        yield view
        view.close()


def test_every_free_text_field_blocks_health_data(wizard: Any) -> None:
    wizard.consent_gate.yes.click()
    names = [n for n in ("nachname", *fields_for(wizard.kind)) if n in FREE_TEXT_FIELDS]
    assert names
    for name in names:
        editor = wizard.findChild(CheckedTextEdit, name)
        assert editor is not None, name
        rule = FREE_TEXT_FIELDS[name]
        assert editor.engine_field == rule.engine_field, name
        editor.setText(HEALTH)
        assert editor.blocking, name
        editor.setText("")
