"""A refused referral reopened in its wizard is held there until the correction is sent or
the wizard lets it go: quitting with changed, unsent corrections asks first (no draft keeps
them), the Postausgang offers neither "Erneut senden" nor "Löschen" for it (the old version
would go out beside the corrected one), and a correction whose failed item left the
Postausgang meanwhile is not sent silently as a second referral."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.gui.test_quit_memory_only import FakeSessionManager, _answer_later
from tests.helpers.qt_fixtures import MemoryKeyring, app_threads, close_window, log_in
from tests.helpers.referrals import quick_referral


@pytest.fixture
def keychain_window(qtbot: Any, tmp_path: Path, memory_keyring: MemoryKeyring) -> Iterator[Any]:
    """The main window with a working keychain (data on disk), logged in as demo/demo."""
    from desktop.app import create_main_window

    before = app_threads()
    window = create_main_window(data_dir=tmp_path / "app-data")
    try:
        log_in(qtbot, window)
        assert not window.services.store.memory_only
        yield window
    finally:
        close_window(qtbot, window, before)


def _refused(qtbot: Any, window: Any, surname: str = "Quellmalz") -> tuple[str, dict[str, Any]]:
    """A quick referral queued without a Servicenummer: the server refuses it."""
    services = window.services
    dead = services.outbox.dead_count()
    body = quick_referral(nachname=surname)
    item_id = services.outbox.enqueue_referral(body)
    services.outbox_worker.notify_enqueued()
    qtbot.waitUntil(lambda: services.outbox.dead_count() == dead + 1, timeout=15_000)
    return item_id, body


def _select(page: Any, item_id: str) -> None:
    page.refresh()
    for row in range(page.model.rowCount()):
        item = page.model.item_at(row)
        if item is not None and item.item_id == item_id:
            page.table.selectRow(row)
    selected = page.selected_item()
    assert selected is not None
    assert selected.item_id == item_id


def _reopen(qtbot: Any, window: Any, item_id: str, surname: str = "Quellmalz") -> Any:
    """ "Bearbeiten" on the failed item: it opens in the Schnellvermittlung."""
    window.show_page("outbox")
    page = window.page("outbox")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5_000)
    _select(page, item_id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    quick = window.page("quick")
    qtbot.waitUntil(
        lambda: (
            quick.inputs["nachname"].text() == surname
            or _shown_box(window, "reopen_confirm") is not None
        ),
        timeout=5_000,
    )
    box = _shown_box(window, "reopen_confirm")
    if box is not None:  # the wizard corrects another one: open this one instead
        box.findChild(QPushButton, "reopen_confirm_open").click()
    qtbot.waitUntil(lambda: quick.inputs["nachname"].text() == surname, timeout=5_000)
    assert quick.holds_refused(item_id)
    return quick


def _shown_box(window: Any, name: str) -> QMessageBox | None:
    shown = [b for b in window.findChildren(QMessageBox, name) if b.isVisible()]
    return shown[0] if shown else None


def test_quit_with_changed_corrections_asks_and_cancel_keeps_them(
    qtbot: Any, keychain_window: Any
) -> None:
    window = keychain_window
    services = window.services
    window.show()
    item_id, _body = _refused(qtbot, window)
    quick = _reopen(qtbot, window, item_id)
    quick.inputs["telefon"].setText("+49 171 5550124")  # a correction

    window.close()  # "Beenden" in the menu and the window's close button do this
    box = _shown_box(window, "quit_confirm")
    assert box is not None
    assert "Schnellvermittlung" in box.text()
    assert "Korrekturen" in box.text()
    assert "Schlüsselbund" not in box.text()  # the keychain works: nothing else is lost
    assert box.defaultButton() is box.escapeButton()  # Enter/Escape never lose data
    box.escapeButton().click()
    assert window.isVisible()
    assert not services.tasks.closed
    assert quick.inputs["telefon"].text() == "+49 171 5550124"
    assert quick.holds_refused(item_id)
    stored, _photos = services.outbox.refused_referral(item_id)
    assert stored["telefon"] == "+49 171 5550123"  # the failed item is unchanged
    assert services.store.list_drafts() == []  # and no second copy as a draft

    kept = FakeSessionManager(interaction=True)  # the desktop session ends: the same question
    _answer_later(window, None)
    window.commit_session_data(kept)
    assert kept.cancelled
    assert window.isVisible()

    window.close()
    box = _shown_box(window, "quit_confirm")
    assert box is not None
    box.findChild(QPushButton, "quit_confirm_quit").click()
    assert not window.isVisible()
    assert services.tasks.closed


def test_quit_after_reopening_without_edits_asks_nothing(qtbot: Any, keychain_window: Any) -> None:
    window = keychain_window
    services = window.services
    window.show()
    item_id, _body = _refused(qtbot, window)
    quick = _reopen(qtbot, window, item_id)
    qtbot.wait(300)  # the review and any late updates of the reopened form
    unchanged = FakeSessionManager(interaction=True)
    window.commit_session_data(unchanged)  # opened, not changed: nothing would be lost
    assert not unchanged.cancelled
    assert _shown_box(window, "quit_confirm") is None

    quick.inputs["telefon"].setText("+49 171 5550124")
    changed = FakeSessionManager(interaction=True)
    _answer_later(window, None)
    window.commit_session_data(changed)  # a correction now: asked, "Abbrechen"
    assert changed.cancelled

    quick.inputs["telefon"].setText("+49 171 5550123")  # changed back: nothing to lose

    window.close()
    assert _shown_box(window, "quit_confirm") is None
    assert not window.isVisible()
    assert services.tasks.closed


def test_the_postausgang_holds_back_retry_and_delete_while_a_wizard_corrects_the_item(
    qtbot: Any, keychain_window: Any
) -> None:
    window = keychain_window
    services = window.services
    window.show()
    first, _body = _refused(qtbot, window, "Quellmalz")
    second, body = _refused(qtbot, window, "Ott")
    page = window.page("outbox")
    quick = _reopen(qtbot, window, first)

    window.show_page("outbox")
    _select(page, first)
    assert page.edit_button.isEnabled()  # goes back to the open correction
    assert not page.retry_button.isEnabled()
    assert not page.delete_button.isEnabled()
    assert page.held_note.isVisible()
    assert "Schnellvermittlung korrigiert" in page.held_note.text()
    assert "Schnellvermittlung korrigiert" in page.retry_button.toolTip()
    page.retry_selected()  # not even by a shortcut
    page.delete_selected()
    assert services.outbox.item(first).state == "dead"
    _select(page, second)  # the other failed item is not held
    assert page.retry_button.isEnabled()
    assert page.delete_button.isEnabled()
    assert not page.held_note.isVisible()

    quick.inputs["telefon"].setText("+49 171 5550124")
    _reopen(qtbot, window, second, "Ott")  # the wizard lets the first one go
    window.show_page("outbox")
    _select(page, first)
    assert page.retry_button.isEnabled()
    assert page.delete_button.isEnabled()
    assert not page.held_note.isVisible()
    _select(page, second)
    assert not page.retry_button.isEnabled()

    window.show_page("quick")
    qtbot.mouseClick(quick.send_button, Qt.MouseButton.LeftButton)  # corrected and sent
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=15_000)
    assert services.outbox.item(second) is None  # replaced
    assert len(services.client.list_referrals(client_ref=body["client_ref"]).items) == 1
    assert not quick.holds_refused(second)
    window.show_page("outbox")
    _select(page, first)
    assert page.retry_button.isEnabled()
    assert not page.held_note.isVisible()


def test_the_postausgang_lets_the_wizard_discard_a_correction_it_holds(
    qtbot: Any, keychain_window: Any
) -> None:
    window = keychain_window
    services = window.services
    window.show()
    item_id, _body = _refused(qtbot, window)
    page = window.page("outbox")
    quick = _reopen(qtbot, window, item_id)
    quick.inputs["telefon"].setText("+49 171 5550124")

    window.show_page("outbox")
    _select(page, item_id)
    assert page.release_button.isVisible()
    page.release_button.click()
    box = _shown_box(window, "discard_confirm")
    assert box is not None  # changed: asked first
    assert "Schnellvermittlung" in box.text()
    assert box.defaultButton() is box.escapeButton()
    box.escapeButton().click()
    assert quick.holds_refused(item_id)
    assert not page.retry_button.isEnabled()

    page.release_button.click()
    box = _shown_box(window, "discard_confirm")
    assert box is not None
    box.findChild(QPushButton, "discard_confirm_discard").click()
    assert not quick.holds_refused(item_id)
    assert quick.inputs["nachname"].text() == ""
    assert page.retry_button.isEnabled()
    assert page.delete_button.isEnabled()
    assert not page.release_button.isVisible()
    stored, _photos = services.outbox.refused_referral(item_id)
    assert stored["telefon"] == "+49 171 5550123"  # the failed item as it was
    qtbot.wait(1_200)  # longer than the autosave's longest delay
    assert services.store.list_drafts() == []  # the discarded correction left no draft

    window.close()  # nothing left to lose
    assert _shown_box(window, "quit_confirm") is None
    assert services.tasks.closed


def test_a_correction_whose_failed_item_was_deleted_is_not_sent_silently(
    qtbot: Any, keychain_window: Any
) -> None:
    window = keychain_window
    services = window.services
    window.show()
    item_id, body = _refused(qtbot, window)
    quick = _reopen(qtbot, window, item_id)
    quick.inputs["telefon"].setText("+49 171 5550124")
    services.outbox.delete(item_id)  # gone behind the wizard's back

    quick.send()
    qtbot.waitUntil(lambda: _shown_box(window, "replaced_gone") is not None, timeout=5_000)
    box = _shown_box(window, "replaced_gone")
    assert box is not None
    assert "gelöscht" in box.text()
    assert box.defaultButton() is box.escapeButton()
    assert services.outbox.items() == []  # nothing was stored
    box.escapeButton().click()
    assert quick.inputs["telefon"].text() == "+49 171 5550124"  # the form stays
    qtbot.waitUntil(lambda: len(services.store.list_drafts()) == 1, timeout=5_000)  # kept

    quick.send()  # now an ordinary referral of its own
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=15_000)
    assert services.client.list_referrals(client_ref=body["client_ref"]).items == []
    [created] = services.client.list_referrals(client_ref=quick.form.client_ref).items
    assert created["telefon"] == "+491715550124"


def test_a_correction_whose_failed_item_was_sent_meanwhile_asks_before_a_second_referral(
    qtbot: Any, keychain_window: Any
) -> None:
    window = keychain_window
    services = window.services
    window.show()
    item_id, body = _refused(qtbot, window)
    quick = _reopen(qtbot, window, item_id)
    quick.inputs["telefon"].setText("+49 171 5550124")
    # the old version went out meanwhile (e.g. a Servicenummer the server now accepts)
    original = services.outbox.payload(item_id)
    original["servicenummer"] = services.config["servicenummer"]
    services.outbox.update_payload(item_id, original)
    services.outbox_worker.notify_enqueued()
    qtbot.waitUntil(lambda: services.outbox.item(item_id).state == "sent", timeout=15_000)

    quick.send()
    qtbot.waitUntil(lambda: _shown_box(window, "replaced_gone") is not None, timeout=5_000)
    box = _shown_box(window, "replaced_gone")
    assert box is not None
    assert "gesendet" in box.text()
    box.findChild(QPushButton, "replaced_gone_send").click()  # the broker wants both
    qtbot.waitUntil(lambda: quick.referral_number.isVisible(), timeout=15_000)
    assert len(services.client.list_referrals(client_ref=body["client_ref"]).items) == 1
    [created] = services.client.list_referrals(client_ref=quick.form.client_ref).items
    assert created["telefon"] == "+491715550124"
