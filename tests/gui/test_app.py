"""The app shell against the embedded reference server: window, login, Demo badge, quit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from desktop.tasks import POOLS
from desktop.views.main_window import NAV_KEYS, PAGE_KEYS
from tests.helpers.qt_fixtures import log_in
from tests.helpers.referrals import quick_referral


def test_window_shows_navigation_demo_badge_and_login_dialog(main_window) -> None:
    window = main_window
    assert window.isVisible()
    names = {b.objectName() for b in window.findChildren(QAbstractButton)}
    assert {f"nav_{key}" for key in PAGE_KEYS} <= names
    badge = window.findChild(QLabel, "demo_badge")
    assert badge is not None
    assert badge.isVisible()
    assert badge.text() == "Demo"
    assert window.services.embedded
    assert window.services.server is not None
    assert window.services.server.running
    dialog = window.controller.login_dialog
    assert dialog.isVisible()
    assert dialog.findChild(QLineEdit, "login") is not None
    assert dialog.findChild(QLineEdit, "password").echoMode() == QLineEdit.EchoMode.Password
    assert window.findChild(QLabel, "connection_state").text() == "Nicht angemeldet"


def test_every_page_is_installed_and_reachable(main_window, qtbot) -> None:
    window = main_window
    assert set(window.controller.page_results) == set(NAV_KEYS)
    assert all(result == "ok" for result in window.controller.page_results.values())
    for key in NAV_KEYS:
        qtbot.mouseClick(window.nav_button(key), Qt.MouseButton.LeftButton)
        assert window.current_key() == key
        assert window.page(key).isVisible()
        assert not window.page(key).objectName().startswith("placeholder_")


def test_login_with_demo_account(main_window, qtbot) -> None:
    window = main_window
    services = window.services
    with qtbot.waitSignal(services.config_loaded, timeout=15_000):
        log_in(qtbot, window)
    assert services.user is not None
    assert services.user.login == "demo"
    assert services.client.is_authenticated
    assert "catalogs" in services.config
    assert not window.controller.login_dialog.isVisible()
    assert window.findChild(QLabel, "connection_state").text() == "Verbunden"
    assert "demo" in window.findChild(QLabel, "user_label").text().lower() or (
        services.user.display_name in window.findChild(QLabel, "user_label").text()
    )


def test_wrong_password_is_refused_with_a_message(main_window, qtbot) -> None:
    dialog = main_window.controller.login_dialog
    dialog.login_edit.setText("demo")
    dialog.password_edit.setText("falsch")
    with qtbot.waitSignal(main_window.services.login_failed, timeout=15_000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Benutzername oder Passwort ist falsch."
    assert "falsch" not in dialog.error_label.text().replace("ist falsch", "")
    assert main_window.services.user is None


def test_no_keychain_means_no_remember_and_memory_only_banner(main_window) -> None:
    dialog = main_window.controller.login_dialog
    assert not dialog.remember.isEnabled()
    assert "jeder Anmeldung" in dialog.keychain_note.text()
    assert main_window.services.store.memory_only
    assert "Arbeitsspeicher" in main_window.message_bar.text


def test_no_keychain_note_shows_once_on_the_drafts_page(main_window, qtbot) -> None:
    window = main_window
    window.show()
    qtbot.waitExposed(window)
    window.show_page("drafts")
    page = window.page("drafts")
    qtbot.waitUntil(page.isVisible, timeout=3000)
    banner = page.findChild(QWidget, "memory_only_banner")
    assert banner is not None
    assert "Arbeitsspeicher" in window.message_bar.text  # said once, by the window
    assert banner.isHidden()
    window.message_bar.clear()  # the agent closes the window's banner
    assert not banner.isHidden()  # the page still tells why drafts are not kept
    assert "Arbeitsspeicher" in banner.findChild(QLabel).text()
    banner.findChild(QAbstractButton, "message_bar_close").click()  # closed here as well
    window.show_page("quick")
    window.show_page("drafts")
    assert banner.isHidden()  # stays closed, never an empty bar


def test_logout_returns_to_the_login_dialog(logged_in_window, qtbot) -> None:
    window = logged_in_window
    with qtbot.waitSignal(window.services.logged_out, timeout=5000):
        window.logout_action.trigger()
    assert window.services.user is None
    qtbot.waitUntil(lambda: window.controller.login_dialog.isVisible(), timeout=5000)


def test_postbox_badge_goes_into_title(main_window) -> None:
    main_window.set_badge("postbox", 3)
    assert "3" in main_window.windowTitle()
    assert main_window.nav_button("postbox").text().endswith("(3)")
    main_window.set_badge("postbox", 0)
    assert main_window.windowTitle() == "Glasvermittler"


def test_quit_stops_server_and_threads(qtbot, tmp_path, no_keychain) -> None:
    from desktop.app import create_main_window
    from tests.helpers.qt_fixtures import app_threads

    before = app_threads()
    window = create_main_window(data_dir=tmp_path / "data")
    server = window.services.server
    assert server.running
    window.close()
    assert not server.running
    assert window.services.tasks.closed
    qtbot.waitUntil(lambda: not (app_threads() - before), timeout=10_000)
    window.deleteLater()
    QApplication.processEvents()


def test_expired_session_asks_for_login_again(logged_in_window, qtbot) -> None:
    window = logged_in_window
    services = window.services
    services.server.expire_sessions()
    with qtbot.waitSignal(services.auth_required, timeout=15_000):
        services.load_config()
    assert services.user is None
    qtbot.waitUntil(lambda: window.controller.login_dialog.isVisible(), timeout=5000)
    assert window.findChild(QLabel, "connection_state").text() == "Nicht angemeldet"
    log_in(qtbot, window)
    assert services.user is not None


def test_settings_reachable_from_login_dialog(main_window, qtbot) -> None:
    from desktop.dialogs.settings_dialog import SettingsDialog

    dialog = main_window.controller.login_dialog
    qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
    settings = dialog.findChild(SettingsDialog)
    assert settings is not None
    qtbot.waitUntil(settings.isVisible, timeout=3000)
    assert settings.server_url.text() == ""
    settings.reject()


def test_a_broken_page_shows_a_placeholder_instead_of_crashing(main_window, monkeypatch) -> None:
    from desktop.views import pages

    def boom(window, services):
        raise RuntimeError("broken feature module")

    monkeypatch.setattr(pages, "BUILDERS", {"drafts": boom})
    results = pages.install_pages(main_window, main_window.services)
    assert results == {"drafts": "RuntimeError"}
    page = main_window.page("drafts")
    assert page.objectName() == "placeholder_drafts"
    assert "konnte nicht geladen werden" in page.text()
    main_window.show_page("drafts")
    assert page.isVisible()


def test_unread_postbox_answer_shows_in_navigation_and_title(main_window, qtbot) -> None:
    import uuid

    from desktop.api import ExtranetClient

    staff = ExtranetClient(main_window.services.server.url, retries=0)
    try:
        staff.login("service", "service")
        staff.create_ticket(
            subject="Rückfrage zum Termin",
            body="Bitte Termin bestätigen.",
            client_ref=str(uuid.uuid4()),
            idempotency_key=str(uuid.uuid4()),
            owner="demo",
        )
    finally:
        staff.close()
    log_in(qtbot, main_window)
    qtbot.waitUntil(lambda: main_window.badge("postbox") > 0, timeout=15_000)
    count = main_window.badge("postbox")
    assert main_window.nav_button("postbox").text() == f"Postkorb ({count})"
    assert f"Postkorb: {count} ungelesen" in main_window.windowTitle()


def test_typing_then_quitting_keeps_the_draft(qtbot, tmp_path, memory_keyring) -> None:
    from desktop.app import create_main_window
    from desktop.store import DataKey, LocalStore
    from tests.helpers.qt_fixtures import app_threads

    before = app_threads()
    window = create_main_window(data_dir=tmp_path / "data")
    log_in(qtbot, window)
    assert not window.services.store.memory_only
    window.show_page("quick")
    surname = window.page("quick").findChild(QWidget, "nachname")
    assert surname is not None
    qtbot.keyClicks(surname, "Berger")
    window.close()  # right away: the debounced autosave must still reach the disk
    qtbot.waitUntil(lambda: not (app_threads() - before), timeout=10_000)
    window.deleteLater()
    store = LocalStore(tmp_path / "data", DataKey.load_or_create())
    try:
        drafts = store.list_drafts()
        assert len(drafts) == 1
        assert drafts[0].kind == "quick"
        payload = store.load_draft(drafts[0].draft_id)
        assert "Berger" in str(payload)
    finally:
        store.close()
    assert b"Berger" not in (tmp_path / "data" / "local.db").read_bytes()


def test_quit_during_a_long_retry_after_leaves_no_thread(
    qtbot, tmp_path, server, memory_keyring
) -> None:

    from desktop.app import create_main_window
    from tests.helpers.fault_proxy import FaultProxy

    with FaultProxy(server.url) as proxy:
        window = create_main_window(data_dir=tmp_path / "data", server_url=proxy.url)
        log_in(qtbot, window)
        services = window.services
        config = services.config
        assert config is not None
        services.outbox.enqueue_referral(quick_referral(config))
        # the server is "busy" for 25 s: the client's retry waits inside the pool thread
        proxy.fail_next(10, status=503, retry_after="25", method="POST", path="/api/v1/referrals")
        services.outbox_worker.notify_enqueued()
        qtbot.waitUntil(lambda: len(proxy.actions("status")) >= 1, timeout=10_000)
        runner = services.tasks
        attempts = len(proxy.actions("status"))
        window.close()
        # right after close every pool is idle: the backoff sleep ended with the app
        for name in POOLS:
            assert runner.pool(name).activeThreadCount() == 0, name
        assert len(proxy.actions("status")) == attempts  # and it did not retry on the way out
        window.deleteLater()
        QApplication.processEvents()
    from desktop.store import DataKey, LocalStore
    from desktop.store.scope import server_identity
    from desktop.sync.outbox import Outbox

    # the next start on the same server (the item is that server's and account's)
    store = LocalStore(tmp_path / "data", DataKey.load_or_create(), server_identity(proxy.url))
    try:
        assert Outbox(store).pending_count() == 1  # still queued for the next start
    finally:
        store.close()


def test_logs_of_a_whole_referral_carry_no_personal_data(qtbot, tmp_path, memory_keyring) -> None:
    import logging

    from desktop.app import create_main_window
    from desktop.logs import setup_logging
    from tests.helpers.qt_fixtures import app_threads, close_window

    data_dir = tmp_path / "data"
    root = logging.getLogger()
    level = root.level
    logs = setup_logging(data_dir / "logs", level=logging.DEBUG)
    root.setLevel(logging.DEBUG)  # strictest: every library's debug output goes to the file
    try:
        before = app_threads()
        window = create_main_window(data_dir=data_dir)
        log_in(qtbot, window)
        window.show_page("quick")
        view: Any = window.page("quick")
        values = {
            "nachname": "Quellmalz",
            "telefon": "0171 5550123",
            "kennzeichen": "HH-QX 4711",
            "versicherungsscheinnummer": "VS99887766",
        }
        for name, value in values.items():
            edit = view.findChild(QWidget, name)
            assert edit is not None, name
            edit.setText(value)
        view.repair_consent.setChecked(True)
        view.consent_gate.no.click()
        view.send()
        qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=20_000)
        close_window(qtbot, window, before)
    finally:
        root.setLevel(level)
        logs.close()
    files = [p for p in (data_dir / "logs").iterdir() if p.is_file()]
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    # the file really logged the session: method and API path, no query, no values
    assert "POST /api/v1/referrals" in text
    assert "since=" not in text
    for value in [*values.values(), "5550123", "4711", "demo"]:
        assert value not in text, value


def test_a_refused_sending_stays_visible_until_handled(logged_in_window, qtbot) -> None:
    import uuid

    window = logged_in_window
    services = window.services
    config = services.config
    refused = {  # no repair consent: the server refuses it for good (422)
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": config["servicenummer"],
        "nachname": "Quellmalz",
        "telefon": "+49 171 5550123",
        "kennzeichen": "HH-QX 4711",
        "versicherungsscheinnummer": "VS99887766",
        "repair_consent": False,
        "consent": {"granted": False, "text_version": config["consent"]["text_version"]},
        "voluntary": {},
    }
    services.outbox.enqueue_referral(refused)
    with qtbot.waitSignal(services.outbox_worker.item_failed, timeout=15_000):
        services.outbox_worker.notify_enqueued()
    qtbot.waitUntil(lambda: window.badge("outbox") == 1, timeout=5000)
    assert window.nav_button("outbox").text() == "Postausgang (1)"
    assert "1 fehlgeschlagen" in window.nav_button("outbox").accessibleName()
    assert window.outbox_button.isVisibleTo(window)
    assert window.outbox_button.text() == "1 fehlgeschlagen – bitte prüfen"

    window.outbox_button.click()
    assert window.current_key() == "outbox"
    page = window.page("outbox")
    page.table.selectRow(0)
    page.delete_selected()
    assert window.badge("outbox") == 0
    assert window.nav_button("outbox").text() == "Postausgang"
    assert not window.outbox_button.isVisibleTo(window)


def test_quit_while_an_autosave_is_in_flight_keeps_the_last_keystrokes(
    qtbot, tmp_path, memory_keyring
) -> None:
    from desktop.app import create_main_window
    from desktop.store import DataKey, LocalStore
    from desktop.workers.autosave import DraftAutosaver

    window = create_main_window(data_dir=tmp_path / "data")
    log_in(qtbot, window)
    window.show_page("quick")
    page = window.page("quick")
    surname = page.findChild(QWidget, "nachname")
    qtbot.keyClicks(surname, "Berger")
    [saver] = [s for s in window.findChildren(DraftAutosaver) if s.has_pending()]
    saver.flush()  # a write of "Berger" is now on the db pool
    qtbot.keyClicks(surname, "hausen")  # typed while it is in flight
    window.close()  # right away: its callback will never be delivered
    window.deleteLater()
    QApplication.processEvents()
    store = LocalStore(tmp_path / "data", DataKey.load_or_create())
    try:
        [draft] = store.list_drafts()
        assert "Bergerhausen" in str(store.load_draft(draft.draft_id))
    finally:
        store.close()
