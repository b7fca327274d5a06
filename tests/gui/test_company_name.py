"""One name for the glass company, from the server's ``GET /config``, in every text that
names it: the consent check box, the review, the server's consent text, the Datenschutz page
and its "Warum?" popup (German and English UI); before a configuration is known one neutral
wording, never a second name."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.views.privacy.page import PrivacyPage
from desktop.views.privacy.why_popup import WhyPopup
from desktop.views.referral.wizard import CompleteReferralView, QuickReferralView
from extranet import catalogs
from tests.gui.test_wizard_helpers import config_of, services_for
from tests.helpers.i18n_fixtures import MissRecorder

NAME = "Scheibenwerk Nord"  # not the shipped name: proves the client shows the server's
FALLBACK = {"de": "das Glasreparatur-Unternehmen", "en": "the glass repair company"}
# Every other way the app ever named the company.
OTHER_NAMES = re.compile(r"carglass|glasunternehmen", re.IGNORECASE)
TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


@pytest.fixture
def named_server(server: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The session's reference server configured with the company name :data:`NAME`."""
    monkeypatch.setattr(catalogs, "COMPANY_NAME", NAME, raising=False)
    return server


def _texts(root: QWidget) -> list[str]:
    """Every text a user can see or hear in ``root`` and its children."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QPlainTextEdit):
            found.append(widget.placeholderText())
    return [text for text in found if text]


def _assert_one_name(texts: list[str], name: str, fallback: str) -> None:
    others = [t for t in texts if OTHER_NAMES.search(t.replace(name, "")) or fallback in t]
    assert not others, others


def test_the_servers_name_in_form_review_and_datenschutz(qtbot: Any, named_server: Any) -> None:
    with services_for(named_server.url) as services:
        assert config_of(services)["company_name"] == NAME
        page = PrivacyPage(services.store, services.tasks, services.config)
        popup = WhyPopup("consent", lambda: None, company=page.company)
        for widget in (page, popup):
            qtbot.addWidget(widget)
        for view_type in (QuickReferralView, CompleteReferralView):
            view = view_type(services)
            qtbot.addWidget(view)
            assert NAME in view.repair_consent.text()
            assert NAME in view.repair_consent.accessibleName()
            assert NAME in view.fields.review_box.recipient.text()
            assert NAME in view.review.accessibleDescription()
            assert NAME in view.consent_gate.text_label.text()  # the server's consent text
            _assert_one_name(_texts(view), NAME, FALLBACK["de"])
        page_texts = _texts(page)
        for needle in ("Datenschutzhinweise für die Vermittlung an", "Was %1 über"):
            assert any(needle.replace("%1", NAME) in t and NAME in t for t in page_texts)
        assert sum(NAME in t for t in page_texts) >= 5  # intro, heading, contents, paragraphs
        _assert_one_name(page_texts, NAME, FALLBACK["de"])
        assert any(NAME in t for t in _texts(popup))
        _assert_one_name(_texts(popup), NAME, FALLBACK["de"])


def test_english_ui_names_the_same_company(
    qtbot: Any, named_server: Any, english: MissRecorder
) -> None:
    with services_for(named_server.url) as services:
        view = QuickReferralView(services)
        page = PrivacyPage(services.store, services.tasks, services.config)
        for widget in (view, page):
            qtbot.addWidget(widget)
        assert view.repair_consent.text().endswith(f"by {NAME} *")
        assert f"sent to {NAME}" in view.fields.review_box.recipient.text()
        assert any(f"What {NAME} stores" in t for t in _texts(page))
        _assert_one_name(_texts(view) + _texts(page), NAME, FALLBACK["en"])


def test_before_a_config_one_neutral_wording_then_the_servers_name(
    qtbot: Any, named_server: Any
) -> None:
    with services_for(named_server.url) as services:
        config = dict(config_of(services))
        page = PrivacyPage(services.store, services.tasks, None)  # first start, offline
        view = QuickReferralView(services)
        for widget in (view, page):
            qtbot.addWidget(widget)
        view.apply_config({})
        fallback = FALLBACK["de"]
        for texts in (_texts(view), _texts(page)):
            assert any(fallback in t for t in texts)
            assert not [t for t in texts if OTHER_NAMES.search(t) or NAME in t]
        page.apply_config(config)  # the server answered: its name everywhere, no leftovers
        view.apply_config(config)
        for texts in (_texts(view), _texts(page)):
            assert any(NAME in t for t in texts)
            _assert_one_name(texts, NAME, fallback)


def test_no_other_company_name_in_the_translation_sources() -> None:
    files = sorted(TS_DIR.glob("*.ts"))
    assert files
    hits = [
        f"{path.name}: {line.strip()}"
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if OTHER_NAMES.search(line)
    ]
    assert not hits, hits
