"""OutboxWorker drives the real outbox against the real server from the Qt event loop."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QWidget

from desktop.api import ExtranetClient
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox
from desktop.tasks import TaskRunner
from desktop.views.outbox.page import OutboxStatus
from desktop.workers.outbox_worker import OutboxWorker
from extranet.runner import EmbeddedServer
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.referrals import quick_referral


def referral(config: dict[str, Any]) -> dict[str, Any]:
    return quick_referral(config)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    store = LocalStore(tmp_path, DataKey.generate())
    yield Outbox(store)
    store.close()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def test_worker_sends_and_reports(
    qtbot: QtBot, outbox: Outbox, server: EmbeddedServer, runner: TaskRunner
) -> None:
    client = ExtranetClient(server.url)
    client.login("demo", "demo")
    config = client.get_config()
    worker = OutboxWorker(outbox, client, runner)
    sent: list[tuple[str, dict[str, Any]]] = []
    worker.item_sent.connect(lambda item_id, result: sent.append((item_id, result)))
    ids = [outbox.enqueue_referral(referral(config)) for _ in range(2)]
    with qtbot.waitSignal(worker.drained, timeout=20000):
        worker.notify_enqueued()
    qtbot.waitUntil(lambda: len(sent) == 2, timeout=20000)
    assert [item_id for item_id, _ in sent] == ids
    assert all(result["id"] for _, result in sent)
    assert worker.pending == 0
    assert worker.status_text() == ""
    worker.stop()


def test_worker_pauses_for_login_and_shows_offline(
    qtbot: QtBot, outbox: Outbox, server: EmbeddedServer, runner: TaskRunner
) -> None:
    with FaultProxy(server.url) as proxy:
        client = ExtranetClient(proxy.url, retries=0)
        client.login("demo", "demo")
        config = client.get_config()
        client.logout()
        worker = OutboxWorker(outbox, client, runner, poll_ms=60000)
        texts: list[str] = []
        worker.status_text_changed.connect(texts.append)
        outbox.enqueue_referral(referral(config))
        with qtbot.waitSignal(worker.auth_required, timeout=5000):
            worker.notify_enqueued()
        assert texts[-1] == "Anmeldung nötig – 1 im Postausgang"

        client.login("demo", "demo")
        proxy.drop_before_forward_next(1, method="POST")
        with qtbot.waitSignal(worker.drained, timeout=20000):
            worker.resume()
        assert texts[-1] == "Offline – 1 im Postausgang"
        assert not worker.online

        with qtbot.waitSignal(worker.item_sent, timeout=20000):
            worker.flush_now()
        qtbot.waitUntil(lambda: worker.pending == 0 and worker.online, timeout=5000)
        assert texts[-1] == ""
        worker.stop()


def test_status_bar_piece_offline_then_jetzt_senden(
    qtbot: QtBot, outbox: Outbox, server: EmbeddedServer, runner: TaskRunner
) -> None:
    with FaultProxy(server.url) as proxy:
        client = ExtranetClient(proxy.url, retries=0)
        client.login("demo", "demo")
        config = client.get_config()
        worker = OutboxWorker(outbox, client, runner, poll_ms=60000)
        host = QWidget()  # the status bar
        qtbot.addWidget(host)
        status = OutboxStatus(worker, host)
        host.show()
        assert status.isHidden()  # nothing waits
        proxy.drop_before_forward_next(2, method="POST")
        for _ in range(2):
            outbox.enqueue_referral(referral(config))
        with qtbot.waitSignal(worker.drained, timeout=20000):
            worker.notify_enqueued()
        assert status.text_button.text() == "Offline – 2 im Postausgang"
        assert status.isVisible()
        assert status.send_button.text() == "Jetzt senden"

        with qtbot.waitSignal(worker.drained, timeout=20000):  # still offline: nothing lost
            status.send_button.click()
        assert worker.pending == 2
        status.send_button.click()
        qtbot.waitUntil(lambda: worker.pending == 0, timeout=20000)
        assert status.isHidden()
        assert len(proxy.actions("drop-before")) == 2
        worker.stop()


def test_stop_reaches_a_drain_that_has_not_sent_yet(
    qtbot: QtBot, outbox: Outbox, server: EmbeddedServer, runner: TaskRunner
) -> None:
    client = ExtranetClient(server.url)
    client.login("demo", "demo")
    config = client.get_config()
    worker = OutboxWorker(outbox, client, runner)
    reports: list[Any] = []
    worker.drained.connect(reports.append)
    for _ in range(3):
        outbox.enqueue_referral(referral(config))
    gate = threading.Event()
    runner.run(gate.wait, 10.0, pool="sync")  # the drain queues behind this
    worker.notify_enqueued()
    worker.stop()  # quit while the drain waits for its thread
    gate.set()
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=10000)
    assert reports[0].sent == []
    assert worker.pending == outbox.pending_count() == 3  # kept for the next start
    client.close()


def test_status_bar_piece_shows_a_refused_referral_without_send_button(
    qtbot: QtBot, outbox: Outbox, server: EmbeddedServer, runner: TaskRunner
) -> None:
    client = ExtranetClient(server.url, retries=0)
    client.login("demo", "demo")
    config = client.get_config()
    worker = OutboxWorker(outbox, client, runner, poll_ms=60000)
    host = QWidget()
    qtbot.addWidget(host)
    status = OutboxStatus(worker, host)
    host.show()
    outbox.enqueue_referral(dict(referral(config), repair_consent=False))  # refused: 422
    with qtbot.waitSignal(worker.item_failed, timeout=20000):
        worker.notify_enqueued()
    assert worker.pending == 0
    assert worker.dead == 1
    assert status.text_button.text() == "1 fehlgeschlagen – bitte prüfen"
    assert status.isVisible()
    assert status.send_button.isHidden()  # nothing waits to be sent
    worker.stop()
    client.close()
