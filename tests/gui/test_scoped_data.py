"""Local data belongs to one server and account; the server configuration is cached for
offline use (the real app on real reference servers on 127.0.0.1, stopped and started again
at the same port and database)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.app import create_main_window
from desktop.store import DataKey, LocalStore
from desktop.store.scope import server_identity
from desktop.sync.outbox import Outbox
from desktop.views.drafts.page import DraftsPage
from desktop.views.outbox.page import OutboxPage
from desktop.views.postbox.page import PostboxPage
from desktop.views.referral.wizard import CompleteReferralView, QuickReferralView, ReferralView
from extranet import catalogs
from extranet.runner import EmbeddedServer
from tests.gui.test_wizard_helpers import services_for
from tests.helpers.qt_fixtures import MemoryKeyring, app_threads, close_window, log_in
from tests.helpers.server_fixtures import api_session


def _fill(view: ReferralView) -> None:
    view.inputs["nachname"].setText("Krüger")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("040 1234567")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("HH-AB 12")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("P-1234")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)


def _on_server(url: str, client_ref: str, login: str = "demo") -> list[dict[str, Any]]:
    session = api_session(url, login, login)
    try:
        response = session.get(
            f"{url}/api/v1/referrals", params={"client_ref": client_ref}, timeout=10
        )
        assert response.status_code == 200
        items: list[dict[str, Any]] = response.json()["items"]
        return items
    finally:
        session.close()


def _close(qtbot: Any, window: Any, before: set[threading.Thread]) -> None:
    """Close the app; the in-process servers' own request threads are not the app's."""
    servers = {t for t in app_threads() if t.name.startswith(("AnyIO", "extranet-server"))}
    close_window(qtbot, window, before | servers)


def _rows(window: Any, key: str) -> int:
    """Rows of the list page ``key`` (Entwürfe, Postausgang, Postkorb)."""
    page = window.page(key)
    assert isinstance(page, DraftsPage | OutboxPage | PostboxPage)
    return page.model.rowCount()


def _outbox_page(window: Any) -> OutboxPage:
    page = window.page("outbox")
    assert isinstance(page, OutboxPage)
    return page


def _quick(window: Any) -> QuickReferralView:
    view = window.page("quick")
    assert isinstance(view, QuickReferralView)
    return view


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[EmbeddedServer]]:
    """Servers a test starts (each stopped at the end if still running)."""
    started: list[EmbeddedServer] = []
    try:
        yield started
    finally:
        for server in started:
            server.stop()


def _start(servers: list[EmbeddedServer], db: Path, port: int = 0) -> EmbeddedServer:
    server = EmbeddedServer(db, port=port, demo=True)
    server.start()
    servers.append(server)
    return server


def test_offline_start_with_cached_config_sends_once_with_its_consent_version(
    qtbot: Any, tmp_path: Path, memory_keyring: MemoryKeyring, servers: list[EmbeddedServer]
) -> None:
    data_dir = tmp_path / "app"
    server = _start(servers, tmp_path / "extranet.sqlite")
    url, port = server.url, server.port
    before = app_threads()
    window = create_main_window(data_dir=data_dir, server_url=url)
    try:
        log_in(qtbot, window)
        fresh = window.services.config
        assert fresh is not None
    finally:
        _close(qtbot, window, before)
    server.stop()  # the next start is offline

    window = create_main_window(data_dir=data_dir, server_url=url)
    try:
        services = window.services
        view = _quick(window)
        gate = view.consent_gate
        assert gate.yes.isEnabled()  # the consent text is known from the cache
        assert gate.text_label.text() == fresh["consent"]["text"]
        assert gate.text_version == fresh["consent"]["text_version"]
        assert not gate.age_label.isHidden()
        assert gate.age_label.text() == "Stand: vor weniger als einer Stunde"
        assert view.servicenummer.text() == fresh["servicenummer"]
        _fill(view)
        gate.yes.click()
        damage = view.inputs["schadenart"]
        assert damage.count() > 1  # type: ignore[attr-defined]  # catalogue from the cache
        damage.setCurrentIndex(2)  # type: ignore[attr-defined]
        client_ref = view.form.client_ref
        view.send()
        qtbot.waitUntil(lambda: services.outbox_worker.pending == 1, timeout=10_000)
        assert not view.referral_number.isVisible()

        _start(servers, tmp_path / "extranet.sqlite", port)  # the server is back
        log_in(qtbot, window)
        qtbot.waitUntil(lambda: services.outbox.pending_count() == 0, timeout=20_000)
        assert services.outbox.dead_count() == 0
        items = _on_server(url, client_ref)
        assert len(items) == 1
        assert items[0]["consent"]["text_version"] == fresh["consent"]["text_version"]
        assert set(items[0]["voluntary"]) == {"schadenart"}
    finally:
        _close(qtbot, window, before)


def test_another_server_shows_and_receives_nothing_of_the_first(
    qtbot: Any, tmp_path: Path, memory_keyring: MemoryKeyring, servers: list[EmbeddedServer]
) -> None:
    data_dir = tmp_path / "app"
    server_a = _start(servers, tmp_path / "a.sqlite")
    server_b = _start(servers, tmp_path / "b.sqlite")
    before = app_threads()
    window = create_main_window(data_dir=data_dir, server_url=server_a.url)
    try:
        dialog = window.controller.login_dialog
        qtbot.waitUntil(lambda: dialog.keychain_checked, timeout=5000)
        dialog.remember.setChecked(True)
        log_in(qtbot, window)
        services = window.services
        qtbot.waitUntil(lambda: _rows(window, "postbox") > 0, timeout=15_000)
        complete = window.page("complete")
        assert isinstance(complete, CompleteReferralView)
        complete.inputs["nachname"].setText("Zwischenahn")  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: len(services.store.list_drafts()) == 1, timeout=10_000)
        server_a.stop()  # A is unreachable: the referral waits for it
        quick = _quick(window)
        _fill(quick)
        quick.consent_gate.no.click()
        client_ref = quick.form.client_ref
        quick.send()
        qtbot.waitUntil(lambda: services.outbox.pending_count() == 1, timeout=20_000)
        outbox = _outbox_page(window)
        outbox.refresh()
        assert outbox.model.rowCount() == 1
        waits_for = (
            outbox.model.headerData(5, Qt.Orientation.Horizontal),
            outbox.model.index(0, 5).data(),
        )
    finally:
        _close(qtbot, window, before)

    window = create_main_window(data_dir=data_dir, server_url=server_b.url)
    try:
        services = window.services
        dialog = window.controller.login_dialog
        qtbot.waitUntil(lambda: dialog.keychain_checked, timeout=5000)
        assert dialog.login_edit.text() == ""  # A's remembered login is not prefilled
        assert dialog.password_edit.text() == ""
        assert _rows(window, "drafts") == 0
        assert _rows(window, "outbox") == 0
        assert services.outbox_worker.pending == 0
        qtbot.wait(500)  # the Postkorb page has read its cache
        assert _rows(window, "postbox") == 0
        log_in(qtbot, window)
        qtbot.waitUntil(lambda: _rows(window, "postbox") > 0, timeout=15_000)
        services.outbox_worker.flush_now()
        qtbot.wait(500)
        assert _on_server(server_b.url, client_ref) == []  # A's referral never went to B
        assert services.outbox.items() == []
    finally:
        _close(qtbot, window, before)

    store = LocalStore(data_dir, DataKey.load_or_create(), server_identity(server_a.url))
    try:
        assert Outbox(store).pending_count() == 1  # still waiting for A
        assert [d.surname_initial for d in store.list_drafts()] == ["Z."]
    finally:
        store.close()
    assert waits_for == ("Wartet auf", server_identity(server_a.url))  # the list says for whom


def test_a_new_consent_text_version_asks_again_once(
    qtbot: Any, fresh_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with services_for(fresh_server.url) as services:
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        view.show()
        _fill(view)
        view.consent_gate.yes.click()
        assert view.form.consent_text_version == catalogs.CONSENT_TEXT_VERSION
        message = view.findChild(QWidget, "consent_message")
        monkeypatch.setattr(catalogs, "CONSENT_TEXT_VERSION", "2099-01")
        monkeypatch.setattr(catalogs, "CONSENT_TEXT", catalogs.CONSENT_TEXT + " (neu)")
        with qtbot.waitSignal(services.config_loaded, timeout=10_000):
            services.load_config()
        assert view.consent_gate.answer is None  # asked again
        assert view.form.consent is None
        assert not view.voluntary_box.isEnabled()
        assert "neuen Einwilligungstext" in message.text()
        assert view.consent_gate.text_label.text().endswith("(neu)")

        view.consent_gate.yes.click()  # read out and agreed again
        assert message.text() == ""
        with qtbot.waitSignal(services.config_loaded, timeout=10_000):
            services.load_config()  # the same version again: no second question
        assert view.consent_gate.answer is True
        assert view.form.consent_text_version == "2099-01"
        assert message.text() == ""
        view.send()
        qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=15_000)
        [item] = services.client.list_referrals(client_ref=view.form.client_ref).items
        assert item["consent"]["text_version"] == "2099-01"


def test_another_account_sees_and_sends_nothing_of_the_previous_one(
    qtbot: Any, logged_in_window: Any
) -> None:
    window = logged_in_window
    services = window.services
    complete = window.page("complete")
    assert isinstance(complete, CompleteReferralView)
    complete.inputs["nachname"].setText("Zwischenahn")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(services.store.list_drafts()) == 1, timeout=10_000)
    services.logout()  # demo leaves; a referral typed now waits for demo's next login
    quick = _quick(window)
    _fill(quick)
    quick.consent_gate.no.click()
    client_ref = quick.form.client_ref
    quick.send()
    qtbot.waitUntil(lambda: services.outbox.pending_count() == 1, timeout=10_000)
    complete.inputs["nachname"].setText("Zwischenahner")  # type: ignore[attr-defined]

    window.controller.ask_login()
    with qtbot.waitSignal(services.scope_changed, timeout=15_000):
        log_in(qtbot, window, "demo2", "demo2")
    assert services.scope.account == "demo2"
    assert complete.inputs["nachname"].text() == ""  # type: ignore[attr-defined]
    assert "anderer Benutzer" in window.message_bar.text
    assert _rows(window, "drafts") == 0
    assert _rows(window, "outbox") == 0
    assert services.outbox_worker.pending == 0
    services.outbox_worker.flush_now()
    qtbot.wait(300)
    assert _on_server(services.server_url, client_ref, "demo2") == []  # not sent as demo2

    services.logout()
    window.controller.ask_login()
    with qtbot.waitSignal(services.outbox_worker.item_sent, timeout=20_000):
        log_in(qtbot, window)  # demo is back: its referral goes out, once
    assert len(_on_server(services.server_url, client_ref)) == 1
    qtbot.waitUntil(lambda: _rows(window, "drafts") == 1, timeout=5000)
    [draft] = services.store.list_drafts()
    assert draft.surname_initial == "Z."


def test_the_consent_text_says_how_old_it_is(qapp: Any) -> None:
    from desktop.views.referral.consent import config_age_text

    now = 1_800_000_000.0
    assert config_age_text(None, now) == ""
    assert config_age_text(now - 59 * 60, now) == "Stand: vor weniger als einer Stunde"
    assert config_age_text(now - 3600, now) == "Stand: vor 1 Stunde"
    assert config_age_text(now - 5 * 3600, now) == "Stand: vor 5 Stunden"
    assert config_age_text(now - 86400, now) == "Stand: vor 1 Tag"
    assert config_age_text(now - 3 * 86400 - 60, now) == "Stand: vor 3 Tagen"
