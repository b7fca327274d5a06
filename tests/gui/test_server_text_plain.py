"""Text from the server is never markup: a hostile or intercepted server plants links and
local-file images in every string it sends (display name, consent text, login error, send
error, referral number, refusal reasons) and the app shows them literally."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from desktop.api import ExtranetClient
from desktop.dialogs.login_dialog import login_error_text
from desktop.models.outbox_model import OutboxModel, reason_text
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox
from desktop.views.outbox.page import OutboxPage
from desktop.views.referral.problems import problem_text
from desktop.views.referral.wizard import QuickReferralView
from extranet import catalogs, problems
from extranet.problems import ApiProblem, field_error
from extranet.runner import EmbeddedServer
from tests.gui.test_wizard_helpers import shown_view
from tests.helpers.qt_fixtures import app_threads, log_in
from tests.helpers.referrals import quick_referral

MARKUP = (
    '<a href="https://evil.example/login">Passwort erneut eingeben</a>'
    '<img src="file:///etc/passwd">'
)


def shown(text: str, text_format: Qt.TextFormat) -> str:
    """What a user reads for ``text`` in a label (or tooltip) of ``text_format``."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def assert_literal(label: QLabel) -> None:
    assert MARKUP in label.text(), label.objectName()
    assert MARKUP in shown(label.text(), label.textFormat()), label.objectName()


def labels_showing_markup(root: QWidget) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if MARKUP in label.text()]


@pytest.fixture
def hostile_server(fresh_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The reference server with markup in the demo user's name, the consent text and the
    number of the next referral."""
    assert fresh_server.state is not None
    sql_markup = MARKUP.replace("'", "''")
    with fresh_server.state.db.tx() as conn:
        conn.execute("UPDATE users SET display_name = ? WHERE login = 'demo'", (MARKUP,))
        conn.execute(
            "CREATE TRIGGER plant_number AFTER INSERT ON referrals BEGIN"
            f" UPDATE referrals SET number = '{sql_markup}' WHERE id = NEW.id; END"
        )
    fresh_server.state.user_cache.clear()
    monkeypatch.setattr(catalogs, "CONSENT_TEXT", MARKUP)
    return fresh_server


@pytest.fixture
def quick(qtbot: Any, hostile_server: EmbeddedServer) -> Iterator[QuickReferralView]:
    with shown_view(qtbot, QuickReferralView, hostile_server.url) as view:
        yield view


def _fill_mandatory(view: QuickReferralView) -> None:
    view.inputs["nachname"].setText("Schulz")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("030 12345678")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("B-XY 42")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("HV 1234567890")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)
    view.consent_gate.no.click()


def test_consent_text_send_error_number_and_banner_are_literal(
    qtbot: Any, quick: QuickReferralView, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_literal(quick.consent_gate.text_label)
    _fill_mandatory(quick)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise ApiProblem(422, "x-planted", MARKUP)

    with monkeypatch.context() as patch:  # an error the client has no text of its own for
        patch.setattr("extranet.routes.referrals.validate_referral", refuse)
        patch.setitem(problems._TITLES, 422, MARKUP)
        quick.send()
        qtbot.waitUntil(lambda: quick.send_status.text() == problem_text("x"), timeout=10_000)
    assert MARKUP not in quick.send_status.text()  # the server's own text is never shown

    quick.send()
    qtbot.waitUntil(quick.referral_number.isVisible, timeout=10_000)
    assert_literal(quick.referral_number)
    shown_labels = labels_showing_markup(quick)
    assert len(shown_labels) >= 3  # consent text, number, success banner
    for label in shown_labels:
        assert_literal(label)


def test_login_error_and_logged_in_name_are_literal(
    qtbot: Any,
    hostile_server: EmbeddedServer,
    tmp_path: Path,
    no_keychain: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.app import create_main_window

    before = app_threads()
    window = create_main_window(data_dir=tmp_path / "data", server_url=hostile_server.url)
    dialog = window.controller.login_dialog
    qtbot.waitUntil(lambda: window.controller.login_dialog is not None, timeout=15_000)
    dialog = window.controller.login_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=15_000)

    def refuse(*_args: Any) -> bool:
        raise ApiProblem(403, MARKUP)

    with monkeypatch.context() as patch:
        patch.setattr("extranet.routes.session.verify_password", refuse)
        dialog.login_edit.setText("demo")
        dialog.password_edit.setText("demo")
        dialog.submit()
        failed = login_error_text(RuntimeError())
        qtbot.waitUntil(lambda: dialog.error_label.text() == failed, timeout=15_000)
    assert MARKUP not in dialog.error_label.text()  # neither the server's code nor its text

    log_in(qtbot, window)
    assert_literal(window.user_label)
    window.close()
    qtbot.waitUntil(
        lambda: not {t for t in app_threads() - before if not t.name.startswith("AnyIO")},
        timeout=10_000,
    )
    window.deleteLater()


def test_outbox_reason_shows_neither_the_servers_text_nor_its_codes(
    qtbot: Any, tmp_path: Path, hostile_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = ExtranetClient(hostile_server.url, retries=0)
    client.login("demo", "demo")
    config = client.get_config()

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise ApiProblem(
            422,
            "validation-failed",
            MARKUP,
            errors=[field_error("/nachname", MARKUP, MARKUP)],
        )

    monkeypatch.setattr("extranet.routes.referrals.validate_referral", refuse)
    outbox = Outbox(LocalStore(tmp_path, DataKey.generate()))
    outbox.enqueue_referral(quick_referral(config, consent={"granted": False}))
    assert len(outbox.drain(client).dead) == 1

    page = OutboxPage(outbox, None)
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)
    assert page.reason.text().endswith(reason_text("validation-failed"))
    assert MARKUP not in page.reason.text()
    model: OutboxModel = page.model
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            assert MARKUP not in str(model.index(0, column).data(role))
    client.close()
