"""Start-up of the app: why the backend did not start, the slow-start notice, gc.freeze()."""

from __future__ import annotations

import gc
import logging
from typing import Any

import pytest

from PySide6.QtWidgets import QApplication

from tests.helpers.qt_fixtures import app_threads


def test_a_server_that_raises_is_reported_with_its_exception_class(
    qtbot, tmp_path, no_keychain, caplog
) -> None:
    from desktop.app import BackendStartError, create_main_window
    from desktop.services import EMBEDDED_DB

    data_dir = tmp_path / "data"
    (data_dir / EMBEDDED_DB).mkdir(parents=True)  # a folder where the database should be
    before = app_threads()
    with (
        caplog.at_level(logging.ERROR, logger="desktop.app"),
        pytest.raises(BackendStartError) as raised,
    ):
        create_main_window(data_dir=data_dir)
    error = raised.value
    assert isinstance(error, RuntimeError)
    assert error.reason == "exception"
    assert error.exception_type == "OperationalError"
    assert "embedded server raised OperationalError" in str(error)
    assert str(error) in caplog.text
    assert str(tmp_path) not in str(error)  # class names only, no paths or values
    qtbot.waitUntil(lambda: not (app_threads() - before), timeout=10_000)


def test_giving_up_while_the_server_starts_says_timeout_and_leaves_nothing_running(
    qtbot, tmp_path, no_keychain, monkeypatch, caplog
) -> None:
    import desktop.app
    from desktop.app import BackendStartError, create_main_window

    monkeypatch.setattr(desktop.app, "READY_TIMEOUT_MS", 1)  # the server needs far longer
    before = app_threads()
    with (
        caplog.at_level(logging.ERROR, logger="desktop.app"),
        pytest.raises(BackendStartError) as raised,
    ):
        create_main_window(data_dir=tmp_path / "data")
    assert raised.value.reason == "timeout"
    assert raised.value.exception_type == ""
    assert "timeout, still starting after" in str(raised.value)
    assert "timeout" in caplog.text
    # the server that finished starting after the quit was stopped again (no thread left)
    qtbot.waitUntil(lambda: not (app_threads() - before), timeout=60_000)


def test_a_slow_start_says_so_and_the_notice_goes_once_ready(
    qtbot, tmp_path, no_keychain, monkeypatch
) -> None:
    import desktop.app
    from desktop.app import build, controller_of
    from tests.helpers.qt_fixtures import close_window

    monkeypatch.setattr(desktop.app, "SLOW_START_NOTICE_MS", 0)  # as if the PC were slow
    before = app_threads()
    window = build(data_dir=tmp_path / "data", server_url=None)
    try:
        controller_of(window).start()
        qtbot.waitUntil(lambda: "startet noch" in window.message_bar.text, timeout=10_000)
        assert window.message_bar.kind == "info"
        qtbot.waitUntil(lambda: window.services.is_ready, timeout=120_000)
        assert "startet noch" not in window.message_bar.text
    finally:
        close_window(qtbot, window, before)


def test_start_up_objects_are_frozen_for_the_gc_once_ready(main_window, qtbot) -> None:
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=10_000)
    assert QApplication.instance() is not None


def test_privacy_lexicons_are_loaded_off_the_gui_thread_at_start(
    qtbot, tmp_path, no_keychain, monkeypatch
) -> None:
    import threading

    import desktop.privacy.text.engine as engine
    from desktop.app import build, controller_of
    from tests.helpers.qt_fixtures import close_window

    monkeypatch.setattr(engine, "_ENGINE", None)  # as in a fresh process
    loaded_on: list[str] = []
    real_engine = engine.Engine

    def recording_engine(*args: Any) -> object:
        loaded_on.append(threading.current_thread().name)
        return real_engine(*args)

    monkeypatch.setattr(engine, "Engine", recording_engine)
    before = app_threads()
    window = build(data_dir=tmp_path / "data", server_url=None)
    try:
        controller_of(window).start()
        qtbot.waitUntil(lambda: engine._ENGINE is not None, timeout=120_000)
        assert len(loaded_on) == 1
        assert loaded_on[0] != threading.main_thread().name  # the first keystroke won't wait
    finally:
        close_window(qtbot, window, before)


def test_the_login_takes_input_before_the_server_is_up(qtbot, tmp_path, no_keychain) -> None:
    from desktop.app import build, controller_of
    from tests.helpers.qt_fixtures import close_window

    before = app_threads()
    window = build(data_dir=tmp_path / "data", server_url=None)
    try:
        controller_of(window).start()
        dialog = controller_of(window).login_dialog
        assert dialog is not None
        assert dialog.isVisible()
        assert not window.services.is_ready  # the server starts behind the dialog
        assert dialog.login_edit.isEnabled()
        assert dialog.password_edit.isEnabled()
        qtbot.keyClicks(dialog.login_edit, "demo")
        assert dialog.login_edit.text() == "demo"
        qtbot.waitUntil(lambda: controller_of(window).pages_ready, timeout=120_000)
        assert dialog.isVisible()
        assert dialog.login_edit.text() == "demo"
    finally:
        close_window(qtbot, window, before)
