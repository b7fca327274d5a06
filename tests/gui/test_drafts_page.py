"""Entwürfe: model (qtmodeltester), masking, open/delete, memory-only banner, retention."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from desktop.i18n import install_translators
from desktop.models.drafts_model import DraftRole, DraftsModel
from desktop.store import DataKey, LocalStore
from desktop.views.drafts_page import DraftsPage
from desktop.workers.autosave import DraftAutosaver
from desktop.workers.retention import RetentionTimer

PAYLOAD = {"nachname": "Quellmalz", "kennzeichen": "HH-QX 4711", "telefon": "0171 5550123"}


@pytest.fixture(autouse=True)
def german(qapp: QApplication) -> None:
    """The app's default language, as installed at start (German plural forms included)."""
    install_translators(qapp, "de")


def age(store: LocalStore, draft_id: str, *, days: float) -> None:
    """Pretend the draft was last changed ``days`` ago."""
    stamp = time.time() - days * 86400
    store.conn.execute("UPDATE drafts SET updated_at=? WHERE id=?", (stamp, draft_id))


def texts(model: DraftsModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_model_shows_only_masked_values(tmp_path: Path, qtmodeltester: ModelTester) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    model = DraftsModel(store)
    qtmodeltester.check(model)
    store.save_draft("d1", "complete", PAYLOAD)
    store.save_draft("d2", "quick", {"nachname": "Özdemir"})
    model.refresh()
    rows = texts(model)
    assert [r[:3] for r in rows] == [
        ["Ö.", "Schnellvermittlung", ""],
        ["Q.", "Komplettvermittlung", "HH-•• •••1"],
    ]
    assert rows[0][4] == "in 7 Tagen"
    flat = " ".join(str(v) for row in rows for v in row)
    assert "Quellmalz" not in flat
    assert "QX" not in flat
    assert "5550123" not in flat
    store.delete_draft("d2")
    model.refresh()
    assert model.rowCount() == 1


def test_page_opens_and_deletes(tmp_path: Path, qtbot: QtBot) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    store.save_draft("d1", "complete", PAYLOAD)
    saver = DraftAutosaver(store)
    page = DraftsPage(store, autosaver=saver)
    qtbot.addWidget(page)
    page.show()
    assert page.findChild(type(page.table), "drafts_table") is page.table
    assert page.selected_draft_id() == "d1"
    with qtbot.waitSignal(page.open_draft) as blocker:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["d1", "complete"]

    saver.schedule("d2", "quick", lambda: {"nachname": "Neu"})
    saver.flush()  # the page follows autosaves
    assert page.model.rowCount() == 2
    assert {page.model.index(r, 0).data(DraftRole.DRAFT_ID) for r in range(2)} == {"d1", "d2"}

    page.table.selectRow(1)
    victim = page.selected_draft_id()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert store.load_draft(str(victim)) is None
    assert page.model.rowCount() == 1


def test_memory_only_banner(tmp_path: Path, qtbot: QtBot) -> None:
    page = DraftsPage(LocalStore(tmp_path, None))
    qtbot.addWidget(page)
    assert page.findChild(QWidget, "memory_only_banner") is not None
    with_key = DraftsPage(LocalStore(tmp_path, DataKey.generate()))
    qtbot.addWidget(with_key)
    assert with_key.findChild(QWidget, "memory_only_banner") is None


def test_old_draft_is_gone_after_start(tmp_path: Path, qtbot: QtBot) -> None:
    key = DataKey.generate()
    store = LocalStore(tmp_path, key)
    store.save_draft("old", "quick", PAYLOAD)
    store.save_draft("fresh", "quick", PAYLOAD)
    store.conn.execute("UPDATE drafts SET updated_at=? WHERE id='old'", (time.time() - 8 * 86400,))
    store.close()

    restarted = LocalStore(tmp_path, key)  # next app start
    retention = RetentionTimer(restarted)
    assert retention.start() == 1
    assert [d.draft_id for d in restarted.list_drafts()] == ["fresh"]
    restarted.save_draft("shorter", "quick", PAYLOAD)
    restarted.conn.execute(
        "UPDATE drafts SET updated_at=? WHERE id='shorter'", (time.time() - 3 * 86400,)
    )
    with qtbot.waitSignal(retention.purged) as blocker:
        retention.apply_config({"draft_retention_days": 2})
    assert blocker.args == [1]
    assert restarted.retention_days == 2
    retention.stop()


def test_after_a_crash_the_draft_is_offered_back(tmp_path: Path, qtbot: QtBot) -> None:
    key = DataKey.generate()
    crashed = LocalStore(tmp_path, key)
    crashed.save_draft("older", "quick", PAYLOAD)
    crashed.save_draft("typing", "complete", {**PAYLOAD, "consent": True})
    crashed.conn.execute("UPDATE drafts SET updated_at = updated_at - 60 WHERE id = 'older'")
    crashed.conn.close()  # killed: close() never ran

    store = LocalStore(tmp_path, key)  # next start
    page = DraftsPage(store)
    qtbot.addWidget(page)
    banner = page.findChild(QWidget, "recovery_banner")
    assert banner is not None
    texts = " ".join(label.text() for label in banner.findChildren(QLabel))
    assert "nicht regulär beendet" in texts
    assert "(1 Entwurf" in texts  # only the draft typed in the crashed run
    [button] = [
        b for b in banner.findChildren(QPushButton) if b.objectName() == "message_bar_action"
    ]
    with qtbot.waitSignal(page.open_draft) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["typing", "complete"]
    assert store.recovered_drafts() == []
    assert store.load_draft("typing") == {**PAYLOAD, "consent": True}
    store.close()

    clean = LocalStore(tmp_path, key)
    calm = DraftsPage(clean)
    qtbot.addWidget(calm)
    assert calm.findChild(QWidget, "recovery_banner") is None


def test_retention_runs_again_on_its_timer_and_page_shows_remaining_days(
    tmp_path: Path, qtbot: QtBot
) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    retention = RetentionTimer(store, interval_ms=50)  # "hourly", shortened
    assert retention.start() == 0
    page = DraftsPage(store, retention)
    qtbot.addWidget(page)
    store.save_draft("aging", "quick", PAYLOAD)
    store.retention_days = 5
    store.conn.execute(
        "UPDATE drafts SET updated_at=? WHERE id='aging'", (time.time() - 3 * 86400,)
    )
    page.refresh()
    assert page.model.index(0, 4).data() == "in 2 Tagen"
    assert " 5 Tage nach " in page.findChild(QLabel, "retention_hint").text()

    store.conn.execute(
        "UPDATE drafts SET updated_at=? WHERE id='aging'", (time.time() - 6 * 86400,)
    )
    with qtbot.waitSignal(retention.purged, check_params_cb=lambda n: n == 1, timeout=5000):
        pass  # the timer fires without anybody calling run_once
    assert page.model.rowCount() == 0  # the page followed the purge
    retention.stop()
