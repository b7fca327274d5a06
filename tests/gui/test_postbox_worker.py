"""PostboxWorker scheduling (one sync at a time, offline backoff, 401) and page reactions to
a stale ETag and to blocked text, against the REAL server behind the fault proxy."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.api import ExtranetClient
from desktop.store import DataKey, LocalStore
from desktop.tasks import TaskRunner
from desktop.views.postbox.page import PostboxPage
from desktop.workers.postbox_worker import BACKOFF_BASE_MS, INTERVAL_MS, PostboxWorker
from tests.helpers.fault_proxy import FaultProxy

WAIT = 20_000
CHANGES = "/api/v1/postbox/changes"
SLACK = 1.1  # Qt's coarse timers may fire up to 5 % late; remainingTime() reflects that


class Rig:
    def __init__(self, qtbot: Any, server: Any, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.server = server
        self.proxy = FaultProxy(server.url)
        self.proxy.start()
        self.client = ExtranetClient(self.proxy.url, retries=0, sleep=lambda _s: None)
        self.client.login("demo", "demo")
        self.store = LocalStore(tmp_path / "store", DataKey.generate())
        self.runner = TaskRunner()
        self.worker = PostboxWorker(
            self.client, lambda: self.store.conn, key=lambda: self.store.key, runner=self.runner
        )
        self.page = PostboxPage(self.worker)
        qtbot.addWidget(self.page)

    def syncs(self) -> int:
        return sum(1 for m, p, _a in self.proxy.actions() if m == "GET" and p == CHANGES)

    def close(self) -> None:
        self.worker.stop()
        self.runner.shutdown(10_000)
        self.proxy.stop()
        self.client.close()
        self.store.close()


@pytest.fixture
def rig(qtbot: Any, fresh_server: Any, tmp_path: Path) -> Iterator[Rig]:
    r = Rig(qtbot, fresh_server, tmp_path)
    yield r
    r.close()


def test_requests_while_syncing_are_coalesced_into_one_more_sync(rig: Rig) -> None:
    done: list[Any] = []
    rig.worker.synced.connect(done.append)
    rig.worker.start()
    assert rig.worker.busy
    rig.worker.sync_now()
    rig.worker.sync_now()
    rig.worker.sync_now()
    rig.qtbot.waitUntil(lambda: len(done) == 2 and not rig.worker.busy, timeout=WAIT)
    rig.qtbot.wait(200)
    assert len(done) == 2
    assert rig.syncs() == 2
    assert 0 < rig.worker.next_sync_ms() <= INTERVAL_MS * SLACK  # back on the regular timer


def test_offline_backs_off_further_each_time_and_recovers(rig: Rig) -> None:
    states: list[str] = []
    rig.worker.state_changed.connect(states.append)
    rig.proxy.drop_before_forward_next(1000, path=CHANGES)
    rig.worker.start()
    rig.qtbot.waitUntil(lambda: rig.worker.state == "offline", timeout=WAIT)
    first = rig.worker.next_sync_ms()
    assert BACKOFF_BASE_MS // 2 - 500 <= first <= BACKOFF_BASE_MS * SLACK
    rig.worker.sync_now()  # e.g. "Aktualisieren" while still offline
    rig.qtbot.waitUntil(lambda: rig.syncs() == 2 and not rig.worker.busy, timeout=WAIT)
    second = rig.worker.next_sync_ms()
    assert BACKOFF_BASE_MS - 500 <= second <= 2 * BACKOFF_BASE_MS * SLACK
    assert "Offline" in rig.page.status.text()

    rig.proxy.clear_faults()
    with rig.qtbot.waitSignal(rig.worker.synced, timeout=WAIT):
        rig.worker.sync_now()
    assert rig.worker.state == "online"
    assert rig.worker.next_sync_ms() > 2 * BACKOFF_BASE_MS * SLACK  # regular interval again
    assert rig.page.status.text() == ""
    assert states[-1] == "online"


def test_expired_session_asks_for_login_and_stops_the_timer(rig: Rig) -> None:
    with rig.qtbot.waitSignal(rig.worker.synced, timeout=WAIT):
        rig.worker.start()
    rig.qtbot.waitUntil(lambda: rig.page.model.rowCount() > 0, timeout=WAIT)  # list read
    rig.server.expire_sessions()
    with rig.qtbot.waitSignal(rig.worker.auth_required, timeout=WAIT):
        rig.worker.sync_now()
    rig.qtbot.waitUntil(lambda: not rig.worker.busy, timeout=WAIT)
    assert rig.worker.next_sync_ms() == -1
    assert rig.page.model.rowCount() > 0  # the last state stays visible


def test_stale_etag_reports_the_change_and_shows_the_current_state(rig: Rig) -> None:
    ticket = rig.client.create_ticket(
        subject="Termin",
        body="Passt Dienstag?",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    tid = str(ticket["id"])
    with rig.qtbot.waitSignal(rig.worker.synced, timeout=WAIT):
        rig.worker.sync_now()
    rig.qtbot.waitUntil(lambda: rig.page.model.row_of(tid) >= 0, timeout=WAIT)
    rig.page.select_ticket(tid)
    assert rig.page.status_button.text() == "Anfrage schließen"
    other = ExtranetClient(rig.server.url)  # another device closes it meanwhile
    other.login("demo", "demo")
    other.set_ticket_status(tid, "closed", etag=str(ticket["etag"]))
    other.close()
    with rig.qtbot.waitSignal(rig.worker.operation_failed, timeout=WAIT) as failed:
        rig.page.status_button.click()  # still believes the ticket is open
    assert failed.args[0] == "precondition-failed"
    assert "inzwischen geändert" in rig.page.status.text()
    rig.qtbot.waitUntil(lambda: rig.page.ticket_status.text() == "Geschlossen", timeout=WAIT)
    assert rig.page.status_button.text() == "Wieder öffnen"
    assert not rig.page.reply.isEnabled()


def test_reply_with_special_category_data_cannot_be_sent(rig: Rig) -> None:
    ticket = rig.client.create_ticket(
        subject="Termin",
        body="Passt Mittwoch?",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    tid = str(ticket["id"])
    with rig.qtbot.waitSignal(rig.worker.synced, timeout=WAIT):
        rig.worker.sync_now()
    rig.qtbot.waitUntil(lambda: rig.page.model.row_of(tid) >= 0, timeout=WAIT)
    rig.page.select_ticket(tid)
    editor = rig.page.reply.editor
    editor.setPlainText("Der Kunde ist schwanger und kann erst später kommen.")
    rig.qtbot.waitUntil(lambda: editor.blocking, timeout=WAIT)
    assert not rig.page.reply.send_button.isEnabled()
    editor.setPlainText("Der Kunde kann erst später kommen.")
    rig.qtbot.waitUntil(rig.page.reply.send_button.isEnabled, timeout=WAIT)
