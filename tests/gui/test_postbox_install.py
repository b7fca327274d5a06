"""install_postbox with the app's pieces (TaskRunner, LocalStore, Outbox, OutboxWorker) against
the REAL server behind a fault proxy: badge, tray-note decision, and an offline reply that is
shown as pending and delivered exactly once, even when the first answer is lost."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.api import ExtranetClient
from desktop.backend import connect_postbox_to_outbox
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox
from desktop.tasks import TaskRunner
from desktop.views.postbox_install import install_postbox
from desktop.views.postbox_page import PostboxPage
from desktop.workers.outbox_worker import OutboxWorker
from desktop.workers.postbox_worker import PostboxWorker
from tests.helpers.fault_proxy import FaultProxy

WAIT = 20_000
REPLY = "Der Kunde hat den Termin am Montag bestätigt."


class Services(QObject):
    """The Postkorb's collaborators, built and connected as ``desktop.services`` does."""

    logged_in = Signal()
    logged_out = Signal()

    def __init__(self, client: ExtranetClient, store: LocalStore, runner: TaskRunner) -> None:
        super().__init__()
        self.client = client
        self.tasks = runner
        self.store = store
        self.outbox = Outbox(store)
        self.outbox_worker = OutboxWorker(self.outbox, client, runner, parent=self)
        self.logged_in.connect(self.outbox_worker.resume)  # as desktop.services does
        self.postbox_worker = PostboxWorker(
            client,
            lambda: store.conn,
            key=lambda: store.key,
            outbox=self.outbox,
            runner=runner,
            parent=self,
        )
        connect_postbox_to_outbox(self.postbox_worker, self.outbox_worker)
        self.logged_in.connect(self.postbox_worker.start)
        self.postbox_worker.start()  # the client is logged in already


class Window(QWidget):
    """A main window stand-in: pages and badges as the shell offers them."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[str, QWidget] = {}
        self.badges: list[tuple[str, int]] = []

    def set_page(self, key: str, widget: QWidget) -> None:
        self.pages[key] = widget

    def set_badge(self, key: str, count: int) -> None:
        self.badges.append((key, count))

    def show_status(self, text: str) -> None:
        self.status = text


class App:
    def __init__(self, qtbot: Any, server: Any, tmp_path: Path, key: DataKey | None = None) -> None:
        self.qtbot = qtbot
        self.key = key or DataKey.generate()
        self.proxy = FaultProxy(server.url)
        self.proxy.start()
        self.client = ExtranetClient(self.proxy.url, retries=0, sleep=lambda _s: None)
        self.client.login("demo", "demo")
        self.staff = ExtranetClient(server.url, sleep=lambda _s: None)
        self.staff.login("service", "service")
        self.store = LocalStore(tmp_path / "store", self.key)  # same dir + key = restart
        self.runner = TaskRunner()
        self.services = Services(self.client, self.store, self.runner)
        self.window = Window()
        qtbot.addWidget(self.window)
        self.page: PostboxPage = install_postbox(self.window, self.services.postbox_worker)
        self.worker = self.page.worker

    def synced(self) -> Any:
        """A sync that starts now (waits for one already running to finish first)."""
        self.qtbot.waitUntil(lambda: not self.worker.busy, timeout=WAIT)
        with self.qtbot.waitSignal(self.worker.synced, timeout=WAIT) as blocker:
            self.worker.sync_now()
        return blocker.args[0]

    def close(self) -> None:
        self.worker.stop()
        self.services.outbox_worker.stop()
        self.runner.shutdown(10_000)
        self.proxy.stop()
        self.client.close()
        self.staff.close()
        self.store.close()


@pytest.fixture
def app(qtbot: Any, fresh_server: Any, tmp_path: Path) -> Iterator[App]:
    a = App(qtbot, fresh_server, tmp_path)
    yield a
    a.close()


def _server_bodies(staff: ExtranetClient, ticket_id: str) -> list[str]:
    page = staff.postbox_changes(since=None, limit=1000)
    return [m["body"] for m in page["messages"] if str(m["ticket_id"]) == ticket_id]


class FakeTray:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def showMessage(self, title: str, text: str, *_args: Any) -> None:
        self.shown.append((title, text))


def test_page_and_badge_follow_the_server(app: App) -> None:
    first = app.synced()
    assert app.window.pages["postbox"] is app.page
    total = app.client.postbox_changes(since=None)["unread_total"]
    assert first.unread_total == total
    app.qtbot.waitUntil(lambda: app.window.badges[-1] == ("postbox", total), timeout=WAIT)


def test_staff_reply_raises_one_note_and_the_badge(app: App) -> None:
    from desktop.views.postbox_notify import PostboxNotifier

    tray = FakeTray()
    notifier = PostboxNotifier(tray, available=lambda: True)
    app.worker.new_staff_messages.connect(notifier.on_new_staff_messages)
    before = app.synced().unread_total
    assert tray.shown == []  # the first sync brings old replies: no note for them
    ticket = app.client.create_ticket(
        subject="Rückfrage Termin",
        body="Passt Montag?",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    app.staff.post_message(
        ticket["id"],
        body="Ja, Montag passt.",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    assert app.synced().unread_total == before + 1
    app.qtbot.waitUntil(lambda: app.window.badges[-1] == ("postbox", before + 1), timeout=WAIT)
    assert tray.shown == [("Postkorb", "Neue Antwort vom Kundenservice im Postkorb")]
    app.synced()
    assert len(tray.shown) == 1
    # Offscreen there is no system tray: the installed notifier decides not to show anything.
    assert app.page.notifier is not None
    assert app.page.notifier.decide(["999"]) is None  # type: ignore[attr-defined]


def test_offline_reply_is_pending_then_delivered_once_despite_a_lost_answer(app: App) -> None:
    ticket = app.client.create_ticket(
        subject="Frage zum Auftrag",
        body="Bitte kurz melden.",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    tid = str(ticket["id"])
    app.synced()
    app.qtbot.waitUntil(lambda: app.page.model.row_of(tid) >= 0, timeout=WAIT)
    with app.qtbot.waitSignal(app.worker.conversation_loaded, timeout=WAIT):
        app.page.select_ticket(tid)

    app.proxy.drop_before_forward_next(100_000)  # the network is gone
    with app.qtbot.waitSignal(
        app.worker.state_changed, timeout=WAIT, check_params_cb=lambda s: s == "offline"
    ):
        app.worker.sync_now()
    app.page.reply.editor.setPlainText(REPLY)
    app.qtbot.waitUntil(app.page.reply.send_button.isEnabled, timeout=WAIT)
    app.page.reply.send_button.click()
    app.qtbot.waitUntil(
        lambda: "Wartet auf Versand" in app.page.conversation.toPlainText(), timeout=WAIT
    )
    messages_path = f"/api/v1/postbox/tickets/{tid}/messages"
    app.qtbot.waitUntil(
        lambda: ("POST", messages_path, "drop-before") in app.proxy.actions(), timeout=WAIT
    )
    assert app.services.outbox.pending_count() == 1
    assert _server_bodies(app.staff, tid).count(REPLY) == 0

    # The network returns, but the answer to the first delivery is lost (server committed).
    app.proxy.clear_faults()
    app.proxy.drop_after_forward_next(1, method="POST", path=messages_path)
    app.worker.sync_now()  # back online -> the outbox is flushed at once
    app.qtbot.waitUntil(
        lambda: ("POST", messages_path, "drop-after") in app.proxy.actions(), timeout=WAIT
    )
    app.services.outbox_worker.flush_now()
    app.qtbot.waitUntil(lambda: app.services.outbox.pending_count() == 0, timeout=WAIT)
    app.qtbot.waitUntil(
        lambda: (
            "Wartet auf Versand" not in app.page.conversation.toPlainText()
            and REPLY in app.page.conversation.toPlainText()
        ),
        timeout=WAIT,
    )
    assert app.page.conversation.toPlainText().count(REPLY) == 1
    assert _server_bodies(app.staff, tid).count(REPLY) == 1
    assert [m.body for m in app.worker.reader.messages(tid)].count(REPLY) == 1


@pytest.mark.parametrize("committed", [True, False], ids=["answer-lost", "never-arrived"])
def test_reply_written_before_a_restart_is_delivered_and_shown_exactly_once(
    qtbot: Any, fresh_server: Any, tmp_path: Path, committed: bool
) -> None:
    first = App(qtbot, fresh_server, tmp_path)
    ticket = first.client.create_ticket(
        subject="Frage zum Auftrag",
        body="Bitte kurz melden.",
        client_ref=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
    )
    tid = str(ticket["id"])
    messages_path = f"/api/v1/postbox/tickets/{tid}/messages"
    try:
        first.synced()
        first.qtbot.waitUntil(lambda: first.page.model.row_of(tid) >= 0, timeout=WAIT)
        with first.qtbot.waitSignal(first.worker.conversation_loaded, timeout=WAIT):
            first.page.select_ticket(tid)
        # Either the server commits the reply but its answer is lost, or nothing arrives;
        # then the network is gone.
        if committed:
            first.proxy.drop_after_forward_next(1, method="POST", path=messages_path)
        first.proxy.drop_before_forward_next(100_000)
        action = "drop-after" if committed else "drop-before"
        first.page.reply.editor.setPlainText(REPLY)
        first.qtbot.waitUntil(first.page.reply.send_button.isEnabled, timeout=WAIT)
        first.page.reply.send_button.click()
        first.qtbot.waitUntil(
            lambda: ("POST", messages_path, action) in first.proxy.actions(), timeout=WAIT
        )
        first.qtbot.waitUntil(
            lambda: "Wartet auf Versand" in first.page.conversation.toPlainText(), timeout=WAIT
        )
        assert first.services.outbox.pending_count() == 1
    finally:
        first.close()  # the app quits with the reply still in the outbox

    second = App(qtbot, fresh_server, tmp_path, key=first.key)  # the app starts again
    try:
        assert second.services.outbox.pending_count() == 1
        assert _server_bodies(second.staff, tid).count(REPLY) == int(committed)
        # A committed reply arrives through the sync before the outbox learns it: shown
        # once, not additionally as "Wartet auf Versand"; otherwise it is shown as waiting.
        second.synced()
        second.qtbot.waitUntil(lambda: second.page.model.row_of(tid) >= 0, timeout=WAIT)
        with second.qtbot.waitSignal(second.worker.conversation_loaded, timeout=WAIT):
            second.page.select_ticket(tid)
        text = second.page.conversation.toPlainText()
        assert text.count(REPLY) == 1
        assert ("Wartet auf Versand" in text) is not committed
        second.services.logged_in.emit()  # the session is back: the outbox resumes
        second.qtbot.waitUntil(lambda: second.services.outbox.pending_count() == 0, timeout=WAIT)
        second.synced()
        assert _server_bodies(second.staff, tid).count(REPLY) == 1
        assert [m.body for m in second.worker.reader.messages(tid)].count(REPLY) == 1
        with second.qtbot.waitSignal(second.worker.conversation_loaded, timeout=WAIT):
            second.worker.load_conversation(tid)
        assert second.page.conversation.toPlainText().count(REPLY) == 1
    finally:
        second.close()
