"""Login dialog with and without a keychain, settings dialog, message bar, log clean-up timer."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from desktop import secrets
from desktop.dialogs.login_dialog import LoginDialog
from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.logs import LOG_FILE, setup_logging
from desktop.services import Services
from desktop.settings import Settings
from desktop.widgets.message_bar import MessageBar
from tests.helpers.qt_fixtures import MemoryKeyring


@pytest.fixture
def services(qtbot, server, tmp_path: Path) -> Iterator[Services]:
    settings = Settings(tmp_path / "settings.ini")
    services = Services(data_dir=tmp_path / "data", settings=settings, server_url=server.url)
    with qtbot.waitSignal(services.ready, timeout=15_000):
        services.start_backend()
    try:
        yield services
    finally:
        services.shutdown()


def _dialog(qtbot, services: Services) -> LoginDialog:
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.keychain_checked, timeout=5000)
    return dialog


def _login(qtbot, dialog: LoginDialog, services: Services, password: str = "demo") -> None:
    dialog.login_edit.setText("demo")
    dialog.password_edit.setText(password)
    with qtbot.waitSignal(services.logged_in, timeout=15_000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def test_remember_login_uses_the_keychain_and_prefills(
    qtbot, memory_keyring: MemoryKeyring, services: Services
) -> None:
    assert not services.store.memory_only  # data key went to the keychain
    dialog = _dialog(qtbot, services)
    assert dialog.remember.isEnabled()
    assert dialog.keychain_note.isHidden()
    dialog.remember.setChecked(True)
    _login(qtbot, dialog, services)
    remembered = secrets.remembered_login(services.server_identity)
    assert remembered is not None
    assert (remembered.login, remembered.password) == ("demo", "demo")
    assert "demo" not in repr(remembered)
    assert services.settings.remember_login
    ini = services.settings.path.read_text(encoding="utf-8")
    assert "password" not in ini.lower()

    again = _dialog(qtbot, services)
    assert again.login_edit.text() == "demo"
    assert again.password_edit.text() == "demo"
    assert again.remember.isChecked()
    again.remember.setChecked(False)
    services.logout()
    _login(qtbot, again, services)
    assert secrets.remembered_login(services.server_identity) is None
    assert not services.settings.remember_login


def test_without_keychain_nothing_is_stored_anywhere(qtbot, no_keychain, services) -> None:
    assert services.store.memory_only
    dialog = _dialog(qtbot, services)
    assert not dialog.remember.isEnabled()
    assert "bei jeder Anmeldung abgefragt" in dialog.keychain_note.text()
    _login(qtbot, dialog, services)
    assert secrets.remembered_login(services.server_identity) is None
    with pytest.raises(secrets.KeychainUnavailableError):
        secrets.remember_login(services.server_identity, "demo", "demo")
    assert not services.settings.remember_login
    files = [*services.data_dir.rglob("*"), services.settings.path]
    for path in files:
        if path.is_file():
            assert b"demo" not in path.read_bytes() or path.name.startswith("embedded")


def test_empty_fields_are_refused_before_any_request(qtbot, no_keychain, services) -> None:
    dialog = _dialog(qtbot, services)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert dialog.error_label.text() == "Bitte Benutzername und Passwort eingeben."


def test_typing_before_the_keychain_answers_is_kept(qtbot, memory_keyring, services) -> None:
    secrets.remember_login(services.server_identity, "demo", "demo")
    services.settings.remember_login = True
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.login_edit.setText("someone")  # typed at once, before the pool thread answered
    qtbot.waitUntil(lambda: dialog.keychain_checked, timeout=5000)
    assert dialog.login_edit.text() == "someone"
    assert dialog.password_edit.text() == ""
    assert dialog.remember.isEnabled()


def test_a_login_submitted_before_the_server_is_up_waits_for_it(
    qtbot, tmp_path: Path, no_keychain
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    services = Services(data_dir=tmp_path / "data", settings=settings, server_url=None)
    dialog = LoginDialog(services)  # before the backend starts, as the app opens it
    qtbot.addWidget(dialog)
    try:
        assert services.embedded
        assert not services.is_ready
        dialog.login_edit.setText("demo")
        dialog.password_edit.setText("demo")
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        assert dialog.busy
        assert dialog.login_button.text() == "Demo-Server startet …"
        assert not dialog.login_edit.isEnabled()
        with qtbot.waitSignal(services.logged_in, timeout=120_000):
            services.start_backend()
        assert services.user is not None
        assert not dialog.isVisible()
        assert not dialog.busy
    finally:
        services.shutdown()


def test_a_waiting_login_ends_with_a_message_when_the_server_fails(
    qtbot, tmp_path: Path, no_keychain
) -> None:
    from desktop.services import EMBEDDED_DB

    data_dir = tmp_path / "data"
    (data_dir / EMBEDDED_DB).mkdir(parents=True)  # a folder where the database should be
    services = Services(data_dir=data_dir, settings=Settings(tmp_path / "s.ini"))
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    try:
        dialog.login_edit.setText("demo")
        dialog.password_edit.setText("demo")
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(services.backend_failed, timeout=120_000):
            services.start_backend()
        assert not dialog.busy
        assert dialog.login_edit.isEnabled()
        assert "konnte nicht gestartet werden" in dialog.error_label.text()
        assert services.user is None
    finally:
        services.shutdown()


def test_settings_dialog_validates_and_stores(qtbot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.server_url.setText("ftp://extranet.example.com")
    dialog.save()
    assert dialog.result() == 0
    assert "http://" in dialog.error_label.text()
    assert settings.server_url == ""
    dialog.server_url.setText("https://extranet.example.com/")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    assert dialog.changed
    assert settings.server_url == "https://extranet.example.com"
    assert settings.language == "en"
    assert Settings(tmp_path / "s.ini").server_url == "https://extranet.example.com"


def test_settings_dialog_shows_a_whole_address_and_its_placeholder(qtbot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.server_url
    metrics = field.fontMetrics()
    assert field.width() > metrics.horizontalAdvance(field.placeholderText())
    assert field.width() > metrics.horizontalAdvance("https://extranet.beispiel-versicherung.de")


def test_message_bar_actions_and_close(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    clicked: list[str] = []
    bar.show_message(
        "Offline", "warning", actions=[("Erneut versuchen", lambda: clicked.append("x"))]
    )
    assert bar.isVisible()
    assert bar.text == "Offline"
    qtbot.mouseClick(bar.buttons[0], Qt.MouseButton.LeftButton)
    assert clicked == ["x"]
    with qtbot.waitSignal(bar.closed):
        qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert bar.isHidden()
    assert bar.text == ""
    with pytest.raises(ValueError, match="kind"):
        bar.show_message("x", "fancy")


def test_log_setup_purges_at_start_and_daily(qapp, tmp_path: Path) -> None:
    directory = tmp_path / "logs"
    directory.mkdir()
    old = directory / f"{LOG_FILE}.2026-01-01"
    old.write_text("x", encoding="utf-8")
    past = time.time() - 8 * 86400
    os.utime(old, (past, past))
    logs = setup_logging(directory)
    try:
        assert not old.exists()
        assert logs._timer is not None
        assert logs._timer.isActive()
        assert logs._timer.interval() == 86_400_000
        logging.getLogger("tests.app").warning("Kunde %s", "Müller")
        active = directory / LOG_FILE
        assert "Müller" not in active.read_text(encoding="utf-8")
        assert "<text>" in active.read_text(encoding="utf-8")
        os.utime(active, (past, past))
        assert logs.purge() == 1
        assert not active.exists()
        logging.getLogger("tests.app").warning("wieder da")
        assert active.exists()
    finally:
        logs.close()
