"""Postkorb page + worker against the REAL reference server (offscreen Qt)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from desktop.api import ExtranetClient
from desktop.models.postbox_tickets import COL_REFERRAL, COL_SUBJECT, ID_ROLE
from desktop.store import DataKey, LocalStore
from desktop.store.db import DB_LOCK
from desktop.sync.outbox import Outbox
from desktop.sync.postbox_schema import order_key, pack_message
from desktop.tasks import TaskRunner
from desktop.views.postbox.conversation import SEGMENT
from desktop.views.postbox.page import PostboxPage
from desktop.workers.postbox_worker import PostboxWorker
from tests.helpers.fault_proxy import FaultProxy

HOSTILE = (
    '<img src=x onerror="alert(1)"> <a href="http://example.invalid">hier</a> <b>wichtig</b> '
    "\u202eRTL\u202c \u200f"
)
WAIT = 15_000


class Env:
    """One broker UI wired to the real server through a (normally transparent) proxy."""

    def __init__(self, qtbot: Any, server: Any, tmp_path: Path) -> None:
        self.server = server
        self.proxy = FaultProxy(server.url)
        self.proxy.start()
        self.client = ExtranetClient(self.proxy.url, retries=0, sleep=lambda _s: None)
        self.client.login("demo", "demo")
        self.staff = ExtranetClient(server.url, sleep=lambda _s: None)
        self.staff.login("service", "service")
        self.store = LocalStore(tmp_path / "store", DataKey.generate())
        self.outbox = Outbox(self.store)
        self.runner = TaskRunner()
        self.worker = PostboxWorker(
            self.client,
            lambda: self.store.conn,
            key=lambda: self.store.key,
            outbox=self.outbox,
            runner=self.runner,
        )
        self.page = PostboxPage(self.worker)
        qtbot.addWidget(self.page)
        self.page.resize(1000, 700)
        self.page.show()
        self.qtbot = qtbot

    def sync(self) -> Any:
        with self.qtbot.waitSignal(self.worker.synced, timeout=WAIT) as blocker:
            self.worker.sync_now()
        with self.qtbot.waitSignal(self.worker.tickets_loaded, timeout=WAIT):
            pass
        return blocker.args[0]

    def open_ticket(self, ticket_id: str) -> None:
        with self.qtbot.waitSignal(self.worker.conversation_loaded, timeout=WAIT):
            self.page.select_ticket(ticket_id)
        assert self.page.current_id == ticket_id

    def new_ticket(self, subject: str = "Rückfrage zum Termin") -> str:
        ticket = self.client.create_ticket(
            subject=subject,
            body="Bitte um Rückruf.",
            client_ref=str(uuid.uuid4()),
            idempotency_key=str(uuid.uuid4()),
        )
        return str(ticket["id"])

    def staff_reply(self, ticket_id: str, body: str) -> str:
        msg = self.staff.post_message(
            ticket_id, body=body, client_ref=str(uuid.uuid4()), idempotency_key=str(uuid.uuid4())
        )
        return str(msg["id"])

    def close(self) -> None:
        self.worker.stop()
        self.runner.shutdown(10_000)
        self.proxy.stop()
        self.client.close()
        self.staff.close()
        self.store.close()


@pytest.fixture
def env(qtbot: Any, fresh_server: Any, tmp_path: Path) -> Iterator[Env]:
    e = Env(qtbot, fresh_server, tmp_path)
    yield e
    e.close()


def test_sync_fills_table_and_reports_server_unread(env: Env) -> None:
    hint = env.page.findChild(type(env.page.subject), "postbox_hint")
    assert hint is not None
    assert hint.isVisible()  # the permanent Art. 15 hint above the inbox
    assert hint.textFormat() == Qt.TextFormat.PlainText
    assert "Art. 15" in hint.text()
    with env.qtbot.waitSignal(env.worker.unread_changed, timeout=WAIT) as unread:
        env.sync()
    server_total = env.client.postbox_changes(since=None)["unread_total"]
    assert unread.args == [server_total]
    assert env.page.model.rowCount() == len(env.page.worker.reader.tickets()) > 0
    hint = env.page.findChild(type(env.page.subject), "postbox_hint")
    assert hint is not None
    assert hint.text().startswith("Die betroffene Person kann Auskunft")


def test_hostile_reply_shown_literally_and_marked_read_on_server(env: Env) -> None:
    tid = env.new_ticket(subject=HOSTILE)
    env.staff_reply(tid, HOSTILE)
    before = env.sync().unread_total
    with env.qtbot.waitSignal(env.worker.unread_changed, timeout=WAIT) as unread:
        env.open_ticket(tid)
    assert HOSTILE in env.page.conversation.toPlainText()
    assert env.page.subject.text() == HOSTILE
    assert env.page.subject.textFormat() == Qt.TextFormat.PlainText
    row = env.page.model.row_of(tid)
    assert env.page.model.data(env.page.model.index(row, COL_SUBJECT)) == HOSTILE
    assert unread.args == [before - 1]
    assert env.client.postbox_changes(since=None)["unread_total"] == before - 1


def test_close_and_reopen(env: Env) -> None:
    tid = env.new_ticket()
    env.sync()
    env.open_ticket(tid)
    assert env.page.reply.isEnabled()
    env.page.status_button.click()
    env.qtbot.waitUntil(lambda: env.page.ticket_status.text() == "Geschlossen", timeout=WAIT)
    assert not env.page.reply.isEnabled()
    assert env.page.status_button.text() == "Wieder öffnen"
    env.page.status_button.click()
    env.qtbot.waitUntil(lambda: env.page.ticket_status.text() == "Offen", timeout=WAIT)
    assert env.page.reply.isEnabled()


def test_offline_reply_is_pending_then_delivered_exactly_once(env: Env) -> None:
    tid = env.new_ticket()
    env.sync()
    env.open_ticket(tid)
    env.proxy.drop_before_forward_next(1000)  # the network is gone
    env.page.reply.editor.setPlainText("Die Scheibe ist beim Kunden bereits getauscht.")
    env.qtbot.waitUntil(env.page.reply.send_button.isEnabled, timeout=WAIT)
    with env.qtbot.waitSignal(env.worker.conversation_loaded, timeout=WAIT):
        env.page.reply.send_button.click()
    assert env.outbox.pending_count() == 1
    assert "Wartet auf Versand" in env.page.conversation.toPlainText()
    report = env.outbox.drain(env.client)
    assert not report.sent
    assert env.outbox.pending_count() == 1

    env.proxy.clear_faults()  # the network is back
    env.outbox.flush_now()
    env.outbox.drain(env.client)
    assert env.outbox.pending_count() == 0
    env.sync()
    with env.qtbot.waitSignal(env.worker.conversation_loaded, timeout=WAIT):
        env.worker.load_conversation(tid)
    text = env.page.conversation.toPlainText()
    assert text.count("Die Scheibe ist beim Kunden bereits getauscht.") == 1
    assert "Wartet auf Versand" not in text
    bodies = [m.body for m in env.worker.reader.messages(tid)]
    assert bodies.count("Die Scheibe ist beim Kunden bereits getauscht.") == 1


def test_new_ticket_dialog_goes_through_outbox(env: Env, qtbot: Any) -> None:
    env.sync()
    dialog = env.page.open_new_ticket()
    assert not dialog.send_button.isEnabled()
    dialog.subject.setPlainText("Frage zur Rechnung")
    dialog.body.setPlainText("Wann kommt die Rechnung für den Auftrag?")
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=WAIT)
    assert dialog.findChild(type(env.page.subject), "postbox_hint") is not None
    dialog.send_button.click()
    qtbot.waitUntil(lambda: env.outbox.pending_count() == 1, timeout=WAIT)
    note = env.page.pending_note
    qtbot.waitUntil(lambda: "Neue Anfragen im Postausgang: 1" in note.text(), timeout=WAIT)
    assert note.isVisible()
    env.outbox.drain(env.client)
    env.sync()
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=WAIT)
    subjects = [
        env.page.model.data(env.page.model.index(r, COL_SUBJECT))
        for r in range(env.page.model.rowCount())
    ]
    assert subjects.count("Frage zur Rechnung") == 1


def test_megabyte_body_is_shown_in_bounded_lines(env: Env) -> None:
    tid = env.new_ticket()
    env.sync()
    body = "\u202e" + "A" * 1_000_000
    sync = env.worker.sync
    with DB_LOCK:
        env.store.conn.execute(
            "INSERT INTO postbox_messages(id, ticket_id, author, from_staff, body, client_ref, "
            "created_at, order_key, generation) VALUES (?,?,?,?,?,?,?,?,0)",
            (
                "big",
                tid,
                None,
                1,
                sync.codec.seal(pack_message("Team", body), "message:big"),
                None,
                "2099-01-01T00:00:00Z",
                order_key("2099-01-01T00:00:00Z", "big"),
            ),
        )
    env.open_ticket(tid)
    doc = env.page.conversation.document()
    assert doc.characterCount() > 1_000_000
    longest = max(len(doc.findBlockByNumber(i).text()) for i in range(doc.blockCount()))
    assert longest <= SEGMENT
    text = env.page.conversation.toPlainText()
    assert text.replace("\n", "").count("A") == 1_000_000


def test_ticket_selection_follows_proxy_sorting(env: Env) -> None:
    env.sync()
    proxy = env.page.proxy
    ids = [str(proxy.data(proxy.index(r, 0), ID_ROLE)) for r in range(proxy.rowCount())]
    env.open_ticket(ids[-1])
    assert env.page.current_index().row() == proxy.rowCount() - 1


def test_new_ticket_links_one_of_the_brokers_referrals(env: Env, qtbot: Any) -> None:
    env.sync()
    referrals = env.client.list_referrals(limit=500).items
    assert referrals  # the demo broker has referrals
    dialog = env.page.open_new_ticket()
    qtbot.waitUntil(lambda: dialog.referral.count() == len(referrals) + 1, timeout=WAIT)
    labels = [dialog.referral.itemText(i) for i in range(dialog.referral.count())]
    assert labels[0] == "Kein Bezug"
    assert all(label.startswith("GV-") for label in labels[1:])
    newest_first = sorted(referrals, key=lambda r: (r["created_at"], r["number"]), reverse=True)
    assert [dialog.referral.itemData(i) for i in range(1, dialog.referral.count())] == [
        r["id"] for r in newest_first
    ]
    for label, r in zip(labels[1:], newest_first, strict=True):  # number, plate, date
        assert label.startswith(f"{r['number']} · {r['kennzeichen']} · ")
        assert re.search(r"\d{2}\.\d{2}\.\d{4}$", label)
    pick = str(dialog.referral.itemData(2))
    dialog.referral.setCurrentIndex(2)
    dialog.subject.setPlainText("Rückfrage zur Vermittlung")
    dialog.body.setPlainText("Ist der Termin schon vereinbart?")
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=WAIT)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: env.outbox.pending_count() == 1, timeout=WAIT)
    env.outbox.drain(env.client)
    env.sync()
    linked = [t for t in env.worker.reader.tickets() if t.subject == "Rückfrage zur Vermittlung"]
    assert [t.referral_id for t in linked] == [pick]


def test_new_ticket_can_start_with_a_referral_selected(env: Env, qtbot: Any) -> None:
    referral_id = str(env.client.list_referrals(limit=500).items[0]["id"])
    dialog = env.page.open_new_ticket(referral_id=referral_id)
    assert dialog.values()[2] == referral_id
    qtbot.waitUntil(lambda: dialog.referral.count() > 2, timeout=WAIT)
    assert dialog.values()[2] == referral_id  # still selected after the list arrived
    dialog.reject()


def test_new_ticket_button_opens_without_a_preselected_link(env: Env, qtbot: Any) -> None:
    env.page.new_button.click()
    dialog = env.page._dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.referral.count() > 2, timeout=WAIT)
    labels = [dialog.referral.itemText(i) for i in range(dialog.referral.count())]
    assert "False" not in labels
    assert dialog.referral.currentIndex() == 0
    assert dialog.values()[2] is None
    dialog.reject()


def test_models_stay_consistent_through_live_changes(env: Env) -> None:
    """QAbstractItemModelTester on the page's three models while real changes arrive
    (pytest-qt turns every tester complaint into a test failure)."""
    from PySide6.QtTest import QAbstractItemModelTester

    mode = QAbstractItemModelTester.FailureReportingMode.Warning
    testers = [QAbstractItemModelTester(m, mode) for m in (env.page.model, env.page.proxy)]
    testers.append(QAbstractItemModelTester(env.page.messages, mode))
    tid = env.new_ticket("Modelltest")
    env.sync()
    env.open_ticket(tid)
    env.staff_reply(tid, "Antwort eins")
    env.sync()
    env.page.search.setText("modell")  # filtered after a short typing pause
    env.qtbot.waitUntil(lambda: env.page.proxy.rowCount() == 1, timeout=WAIT)
    env.page.state_filter.setCurrentIndex(env.page.state_filter.findData("closed"))
    assert env.page.proxy.rowCount() == 0
    env.page.state_filter.setCurrentIndex(env.page.state_filter.findData("all"))
    env.page.search.clear()
    env.staff.delete_ticket(tid)  # tombstone: the open ticket disappears
    env.sync()
    env.qtbot.waitUntil(lambda: env.page.model.row_of(tid) < 0, timeout=WAIT)
    assert env.page.current_id is None
    assert env.page.messages.rowCount() == 0
    assert len(testers) == 3


def test_megabyte_subject_and_author_are_cut_and_isolated(env: Env) -> None:
    env.sync()
    subject = "<b>" + "\u202e" + "S" * 1_000_000
    author = "\u202eEvil<i>" * 10_000
    codec = env.worker.sync.codec
    with DB_LOCK:
        env.store.conn.execute(
            "INSERT INTO postbox_tickets(id, subject, status, created_at, updated_at, etag, "
            "generation) VALUES ('huge', ?, 'open', '2099-01-01T00:00:00Z', "
            "'2099-01-01T00:00:00Z', '\"e\"', 0)",
            (codec.seal(subject, "ticket:huge"),),
        )
        env.store.conn.execute(
            "INSERT INTO postbox_messages(id, ticket_id, author, from_staff, body, client_ref, "
            "created_at, order_key, generation) VALUES ('hm', 'huge', NULL, 1, ?, NULL, ?, ?, 0)",
            (
                codec.seal(pack_message(author, "<a href='x'>Hallo</a>"), "message:hm"),
                "2099-01-01T00:00:00Z",
                order_key("2099-01-01T00:00:00Z", "hm"),
            ),
        )
    with env.qtbot.waitSignal(env.worker.tickets_loaded, timeout=WAIT):
        env.page.reload()
    env.open_ticket("huge")
    row = env.page.model.row_of("huge")
    cell = env.page.model.data(env.page.model.index(row, COL_SUBJECT))
    assert cell.startswith("<b>\u202eSSS")
    assert cell.endswith("…")
    assert len(cell) <= 301
    assert env.page.subject.text() == cell
    assert env.page.subject.textFormat() == Qt.TextFormat.PlainText
    text = env.page.conversation.toPlainText()
    assert "<a href='x'>Hallo</a>" in text
    header = text.split("\n", 1)[0]
    assert header.startswith("Kundenservice (\u2068\u202eEvil<i>")
    assert "\u2069) · " in header
    assert len(header) < 200


def test_new_ticket_committed_with_a_lost_answer_is_not_shown_as_waiting(
    env: Env, qtbot: Any
) -> None:
    env.sync()
    env.proxy.drop_after_forward_next(1, method="POST", path="/api/v1/postbox/tickets")
    dialog = env.page.open_new_ticket()
    dialog.subject.setPlainText("Frage zum Zahlungsziel")
    dialog.body.setPlainText("Bis wann muss die Rechnung bezahlt sein?")
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=WAIT)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: env.outbox.pending_count() == 1, timeout=WAIT)
    note = env.page.pending_note
    qtbot.waitUntil(lambda: "Neue Anfragen im Postausgang: 1" in note.text(), timeout=WAIT)
    env.outbox.drain(env.client)  # the server commits, the answer is lost
    assert ("POST", "/api/v1/postbox/tickets", "drop-after") in env.proxy.actions()
    assert env.outbox.pending_count() == 1
    env.sync()  # the ticket arrives through the feed: shown once, no longer "waiting"
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=WAIT)
    subjects = [t.subject for t in env.worker.reader.tickets()]
    assert subjects.count("Frage zum Zahlungsziel") == 1
    env.outbox.flush_now()
    env.outbox.drain(env.client)  # the retry is answered from the server's idempotency
    assert env.outbox.pending_count() == 0
    with qtbot.waitSignal(env.worker.synced, timeout=WAIT):
        env.worker.sync_now()
    assert [t.subject for t in env.worker.reader.tickets()].count("Frage zum Zahlungsziel") == 1


def test_reply_text_stays_with_its_ticket(env: Env) -> None:
    first, second = env.new_ticket("Termin A"), env.new_ticket("Termin B")
    env.sync()
    env.open_ticket(first)
    editor = env.page.reply.editor
    editor.setPlainText("Antwort nur für Ticket A")
    env.open_ticket(second)  # the reply for A must not be sendable into B
    assert editor.text() == ""
    assert not env.page.reply.send_button.isEnabled()
    env.open_ticket(first)
    assert editor.text() == "Antwort nur für Ticket A"
    env.staff.delete_ticket(first)  # A disappears: its unsent text is forgotten
    env.sync()
    env.qtbot.waitUntil(lambda: env.page.current_id is None, timeout=WAIT)
    assert editor.text() == ""
    env.open_ticket(second)
    assert editor.text() == ""


def test_ticket_list_shows_whole_dates_and_readable_subjects(env: Env) -> None:
    from desktop.models.postbox_tickets import COL_SUBJECT, COL_UPDATED

    env.qtbot.waitExposed(env.page)
    table = env.page.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    env.qtbot.waitUntil(lambda: table.width() > 0.4 * env.page.width())  # not a sliver
    assert header.sectionSize(COL_UPDATED) > metrics.horizontalAdvance("06.12.2026 23:21")
    assert header.sectionSize(COL_SUBJECT) > metrics.horizontalAdvance("Terminänderung")
    assert table.horizontalScrollBar().maximum() == 0  # no sideways scrolling in the list


def test_ticket_shows_its_referral_number_and_plate(env: Env) -> None:
    env.sync()
    referrals = {str(r["id"]): r for r in env.client.list_referrals(limit=500).items}
    linked = [t for t in env.worker.reader.tickets() if t.referral_id in referrals]
    assert linked  # the demo data links tickets to referrals
    ticket = linked[0]
    ref = referrals[str(ticket.referral_id)]
    expected = f"{ref['number']} · {ref['kennzeichen']}"
    model = env.page.model
    column = model.index(model.row_of(ticket.id), COL_REFERRAL)
    env.qtbot.waitUntil(lambda: model.data(column) == ref["number"], timeout=WAIT)
    assert model.data(column, Qt.ItemDataRole.AccessibleTextRole) == expected
    assert model.headerData(COL_REFERRAL, Qt.Orientation.Horizontal) == "Vermittlung"
    env.open_ticket(ticket.id)
    label = env.page.ticket_referral
    assert label.isVisible()
    assert label.text() == f"Vermittlung: {expected}"
    unlinked = [t for t in env.worker.reader.tickets() if not t.referral_id]
    if unlinked:
        env.open_ticket(unlinked[0].id)
        assert not label.isVisible()


def test_subjects_are_whole_when_the_page_has_room(env: Env) -> None:
    subject = "Fotos nachgereicht zur Vermittlung von gestern"
    env.new_ticket(subject=subject)
    env.page.resize(1500, 800)
    env.sync()
    table = env.page.table
    model = env.page.model
    header = table.horizontalHeader()
    font = table.font()
    font.setBold(True)
    needed = QFontMetrics(font).horizontalAdvance(subject)
    env.qtbot.waitUntil(lambda: header.sectionSize(COL_SUBJECT) > needed, timeout=WAIT)
    for column in range(model.columnCount()):  # every other column whole as well
        assert header.sectionSize(column) > 0
    assert table.horizontalScrollBar().maximum() == 0
    assert env.page.conversation.width() > 300  # the conversation keeps its room
