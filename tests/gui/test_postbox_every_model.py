"""QAbstractItemModelTester (PySide6.QtTest) on EVERY item model under ``desktop/models``.

The inventory test fails when a new model class appears without a case here. Each case keeps
one tester per model attached while the model goes through real changes; pytest-qt turns every
tester complaint (category ``qt.modeltest``) into a test failure.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

import desktop.models
from desktop.api import ExtranetClient
from desktop.models.drafts_model import DraftsModel
from desktop.models.outbox_model import OutboxModel
from desktop.models.postbox_messages import MessageListModel, PendingMessage
from desktop.models.postbox_tickets import COL_SUBJECT, TicketFilterProxy, TicketTableModel
from desktop.models.referrals_model import ReferralsFilterModel, ReferralsModel, fetch_changes
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox, PendingImage
from desktop.sync.postbox import PostboxSync
from desktop.sync.postbox_store import MessageRow, PostboxReader

COVERED = {
    DraftsModel,
    OutboxModel,
    MessageListModel,
    TicketTableModel,
    TicketFilterProxy,
    ReferralsModel,
    ReferralsFilterModel,
}


def _testers(*models: QAbstractItemModel) -> list[QAbstractItemModelTester]:
    mode = QAbstractItemModelTester.FailureReportingMode.Warning
    return [QAbstractItemModelTester(m, mode) for m in models]


def _touch(model: QAbstractItemModel) -> None:
    """Read every cell in the roles views ask for (catches exceptions in data())."""
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
    ]
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for r in range(model.rowCount(root)):
        for c in range(columns):
            index = model.index(r, c, QModelIndex())
            for role in roles:
                model.data(index, role)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    s = LocalStore(tmp_path / "store", DataKey.generate())
    yield s
    s.close()


@pytest.fixture
def broker(server: Any) -> Iterator[ExtranetClient]:
    client = ExtranetClient(server.url, sleep=lambda _s: None)
    client.login("demo", "demo")
    yield client
    client.close()


def test_every_model_class_has_a_tester_case(qapp: Any) -> None:
    found = set()
    for info in pkgutil.iter_modules(desktop.models.__path__, "desktop.models."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractItemModel) and cls.__module__ == module.__name__:
                found.add(cls)
    assert found
    assert found <= COVERED, f"models without a tester case: {found - COVERED}"


def test_drafts_model(qapp: Any, store: LocalStore) -> None:
    model = DraftsModel(store)
    keep = _testers(model)
    store.save_draft("d1", "quick", {"nachname": "Beispiel"})
    store.save_draft("d2", "complete", {"nachname": "Muster", "kennzeichen": "HH-AB 12"})
    model.refresh()
    assert model.rowCount() == 2
    _touch(model)
    store.delete_draft("d1")
    model.refresh()
    assert model.rowCount() == 1
    _touch(model)
    assert keep


def test_outbox_model(qapp: Any, store: LocalStore) -> None:
    outbox = Outbox(store)
    model = OutboxModel(outbox)
    keep = _testers(model)
    item = outbox.enqueue_referral({"nachname": "Beispiel"}, [PendingImage("i", b"x", "image/png")])
    outbox.enqueue_message("1", "Hallo")
    model.refresh()
    assert model.rowCount() == 2
    _touch(model)
    outbox.delete(item)
    model.refresh()
    assert model.rowCount() == 1
    _touch(model)
    assert keep


def test_referrals_models_with_real_sync(qapp: Any, broker: ExtranetClient) -> None:
    model = ReferralsModel()
    proxy = ReferralsFilterModel()
    proxy.setSourceModel(model)
    keep = _testers(model, proxy)
    model.apply(fetch_changes(broker, None))
    assert model.rowCount() > 0
    _touch(model)
    proxy.setFilterFixedString("GV-")
    proxy.set_status("received")
    proxy.set_status(None)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    _touch(proxy)
    model.apply(fetch_changes(broker, model.cursor))  # no change: upsert path
    model.clear()
    assert model.rowCount() == 0
    assert keep


def test_postbox_models_with_real_sync(qapp: Any, broker: ExtranetClient) -> None:
    from desktop.store.db import open_database

    conn = open_database(None)
    sync = PostboxSync(lambda: conn, broker)
    sync.sync_once()
    reader = PostboxReader(sync)
    tickets = TicketTableModel()
    proxy = TicketFilterProxy()
    proxy.setSourceModel(tickets)
    messages = MessageListModel()
    keep = _testers(tickets, proxy, messages)
    rows = reader.tickets()
    tickets.set_tickets(rows)
    assert tickets.rowCount() == len(rows) > 0
    tickets.set_tickets(rows)  # same ids: dataChanged path
    proxy.sort(COL_SUBJECT, Qt.SortOrder.AscendingOrder)
    proxy.set_state("unread")
    proxy.set_search("a")
    _touch(proxy)
    proxy.set_state("all")
    proxy.set_search("")
    tickets.set_tickets(rows[1:])
    first = rows[0].id
    messages.set_messages(reader.messages(first), [PendingMessage("p", "offen")])
    _touch(messages)
    messages.set_messages([MessageRow("9", first, "", True, "x", "", None)])
    messages.set_messages([])
    tickets.set_tickets([])
    assert keep
    conn.close()
