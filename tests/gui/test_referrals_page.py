"""Meine Vermittlungen: cursor sync against the real server, German status, filter and search."""

from __future__ import annotations

import uuid
from typing import Any

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.api import ExtranetClient
from desktop.tasks import TaskRunner
from desktop.views.referrals.page import ReferralsPage
from extranet.runner import EmbeddedServer
from tests.helpers.referrals import quick_referral
from tests.helpers.server_fixtures import api_session


def create(client: ExtranetClient, config: dict[str, Any], surname: str) -> dict[str, Any]:
    body = quick_referral(config, nachname=surname)
    return client.create_referral(body, idempotency_key=str(uuid.uuid4()))


def visible(page: ReferralsPage, column: int) -> list[str]:
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def test_sync_filter_search_and_cursor_expiry(
    qtbot: QtBot, qtmodeltester: ModelTester, fresh_server: EmbeddedServer, tasks: TaskRunner
) -> None:
    client = ExtranetClient(fresh_server.url)
    client.login("demo", "demo")
    config = client.get_config()
    before = len(client.list_referrals(limit=100).items)
    created = [create(client, config, name) for name in ("Quellmalz", "Abendroth", "Zimmer")]
    staff = api_session(fresh_server.url, "service", "service")
    answer = staff.patch(
        f"{fresh_server.url}/api/v1/referrals/{created[1]['id']}",
        json={"status": "done"},
        timeout=10,
    )
    assert answer.status_code == 200

    page = ReferralsPage(client, tasks)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    page.sync()
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 3, timeout=10000)
    assert "Erledigt" in visible(page, 5)

    page.search.setText("abendr")
    assert visible(page, 3) == ["Abendroth"]
    assert visible(page, 5) == ["Erledigt"]
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData("done"))
    assert "Abendroth" in visible(page, 3)
    assert "Quellmalz" not in visible(page, 3)
    assert set(visible(page, 5)) == {"Erledigt"}
    page.status_filter.setCurrentIndex(0)

    create(client, config, "Neumann")
    page.sync()
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 4, timeout=10000)

    fresh_server.expire_cursors()
    staff.patch(
        f"{fresh_server.url}/api/v1/referrals/{created[0]['id']}",
        json={"status": "appointment_set"},
        timeout=10,
    )
    page.sync()
    qtbot.waitUntil(lambda: "Termin vereinbart" in visible(page, 5), timeout=10000)
    assert page.model.rowCount() == before + 4
    page.clear()
    assert page.model.rowCount() == 0


def test_footer_counts_the_filtered_rows_and_enter_opens_the_referral(
    qtbot: QtBot, fresh_server: EmbeddedServer, tasks: TaskRunner
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    client = ExtranetClient(fresh_server.url)
    client.login("demo", "demo")
    config = client.get_config()
    created = create(client, config, "Quellmalz")
    total = len(client.list_referrals(limit=500).items)
    assert total > 1
    page = ReferralsPage(client, tasks)
    qtbot.addWidget(page)
    page.show()
    page.sync()
    qtbot.waitUntil(lambda: page.model.rowCount() == total, timeout=10000)
    qtbot.waitUntil(lambda: page.state.text() == f"{total} Vermittlungen", timeout=10000)
    page.search.setText("Quellmalz")
    assert page.proxy.rowCount() == 1
    assert page.state.text() == f"1 von {total} Vermittlungen"
    page.search.clear()
    assert page.state.text() == f"{total} Vermittlungen"

    page.search.setText("Quellmalz")
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.detail
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert created["number"] in texts
    assert "Quellmalz" in texts
    assert "HH-QX 4711" in texts
    assert "Kfz-Kennzeichen" in texts
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in dialog.findChildren(QLabel)
        if label.buddy() is None
    )
    dialog.reject()
    qtbot.waitUntil(lambda: page.detail is None)
    rect = page.table.visualRect(page.proxy.index(0, 3))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.isVisible())
    page.detail.reject()
