"""A draft comes back exactly as it was: values, consent, dismissed findings and the cleaned
photos (only cleaned bytes, encrypted, ever reach the disk); a removed photo or withdrawn
consent leave the draft; sending uploads exactly the restored photo and deletes the draft."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.store import LocalStore
from desktop.store.local import DB_FILENAME
from desktop.views.drafts.page import DraftsPage
from desktop.views.referral.draft_state import draft_photos
from desktop.views.referral.wizard import CompleteReferralView, QuickReferralView
from desktop.widgets.photo_tile import preview_image
from tests.gui.test_wizard_helpers import services_for
from tests.helpers.server_fixtures import api_session

VALUES = {
    "nachname": "Quellmalz",
    "telefon": "0171 5550123",
    "kennzeichen": "HH-QX 4711",
    "versicherungsscheinnummer": "99887766",
}
NOTE = "Rückruf bitte unter 0176 4433221"  # a phone number in free text: a warning
NEW_NUMBER = "0152 7788990"


def _gps_jpeg(seed: int = 0) -> bytes:
    from PIL import Image

    picture = Image.new("RGB", (320, 240), (90 + seed, 120, 160))
    exif = Image.Exif()
    exif[0x010F] = "ACME"  # Make
    exif[0x8825] = {1: "N", 2: (50.0, 56.0, 0.0), 3: "E", 4: (6.0, 57.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def _all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in directory.rglob("*") if p.is_file())


def _as_if_killed(data_dir: Path) -> None:
    """The app ended without its clean close: the store's session is still marked open."""
    with contextlib.closing(sqlite3.connect(data_dir / DB_FILENAME)) as conn, conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'session_open'")


def _view(qtbot: Any, cls: type, services: Any) -> Any:
    view = cls(services)
    qtbot.addWidget(view)
    view.resize(900, 1000)
    view.show()
    return view


def _fill(view: Any) -> None:
    for name, value in VALUES.items():
        view.inputs[name].setText(value)
    view.repair_consent.setChecked(True)
    view.consent_gate.yes.click()
    view.freetext_consent.setChecked(True)


def _free_text(view: Any) -> Any:
    return view.checked.get("zusatzinfo") or view.checked["bemerkungen"]


def _dismiss(qtbot: Any, editor: Any) -> None:
    assert editor.message.dismiss_button.isVisible()
    qtbot.mouseClick(editor.message.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.message.confirm_button, Qt.MouseButton.LeftButton)
    assert editor.findings() == []


def _saved(qtbot: Any, store: LocalStore, draft_id: str, view: Any) -> None:
    """Flush the autosaver and wait until the store holds exactly the view's state."""
    view.drafts.autosaver.flush()
    payload, photos = view.drafts.payload(), draft_photos(view)
    qtbot.waitUntil(
        lambda: (
            not view.drafts.autosaver.has_pending()
            and store.load_draft(draft_id) == payload
            and store.load_draft_blobs(draft_id) == photos
        ),
        timeout=10000,
    )


def test_crashed_draft_comes_back_with_dismissal_and_cleaned_photo_and_sends_it(
    qtbot: Any, server: Any, tmp_path: Path, monkeypatch: Any, memory_keyring: Any
) -> None:
    from desktop.widgets import photo_restored

    data_dir, original = tmp_path / "data", _gps_jpeg()
    data_dir.mkdir()
    path = tmp_path / "schaden.jpg"
    path.write_bytes(original)
    with services_for(server.url, data_dir=data_dir, keychain=True) as services:
        store = services.store
        assert not store.memory_only
        view = _view(qtbot, CompleteReferralView, services)
        _fill(view)
        editor = _free_text(view)
        editor.setText(NOTE)
        assert [f.rule_id for f in editor.findings()] == ["identifier.phone"]
        _dismiss(qtbot, editor)
        view.photos.add_files([str(path)])
        qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 1, timeout=15000)
        cleaned = view.photos.cleaned()[0]
        draft_id = view.drafts.draft_id
        _saved(qtbot, store, draft_id, view)
        assert store.load_draft_blobs(draft_id) == {cleaned.image_id: (cleaned.data, "image/jpeg")}
        on_disk = _all_bytes(data_dir)
        for secret in (*VALUES.values(), "Quellmalz", "0176 4433221", "Rückruf"):
            assert secret.encode() not in on_disk
        assert cleaned.data[-200:] not in on_disk  # photo bytes only encrypted
        assert original[-200:] not in on_disk  # the original never
    _as_if_killed(data_dir)
    path.unlink()  # the original is gone: the restore must not need it

    threads: list[bool] = []
    real_preview = preview_image

    def preview_on(result: Any, *, boxes: bool = True) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return real_preview(result, boxes=boxes)

    monkeypatch.setattr(photo_restored, "preview_image", preview_on)
    with services_for(server.url, data_dir=data_dir, keychain=True) as services:  # next start
        again = services.store
        other = _view(qtbot, CompleteReferralView, services)
        page = DraftsPage(again)
        qtbot.addWidget(page)
        page.open_draft.connect(lambda draft, _kind: other.load_draft(draft))
        banner = page.findChild(QWidget, "recovery_banner")
        assert banner is not None
        [offer] = [
            b for b in banner.findChildren(QPushButton) if b.objectName() == "message_bar_action"
        ]
        qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)

        assert other.drafts.draft_id == draft_id
        for name, value in VALUES.items():
            assert other.inputs[name].text() == value
        assert other.consent_gate.answer is True
        assert other.freetext_consent.isChecked()
        restored = _free_text(other)
        assert restored.text() == NOTE
        assert restored.findings() == []  # the same finding stays dismissed
        assert not restored.message.label.isVisible()
        [tile] = other.photos.tiles  # at once; the bytes are read back on the db pool
        assert other.photos.busy()  # nothing can be sent before they are back
        other.drafts.autosaver.flush()  # an autosave meanwhile leaves the stored photo alone
        qtbot.waitUntil(lambda: tile.ready, timeout=10000)
        qtbot.waitUntil(lambda: not other.drafts.autosaver.has_pending(), timeout=10000)
        assert again.load_draft_blobs(draft_id) == {cleaned.image_id: (cleaned.data, "image/jpeg")}
        assert other.photos.cleaned() == [cleaned]
        qtbot.waitUntil(lambda: not tile.picture.pixmap().isNull(), timeout=10000)
        assert not tile.progress.isVisible()
        assert threads == [False]  # decoded on a worker
        assert "Aufnahmeort (GPS) entfernt" in tile.details.text()
        assert "Aufnahmeort (GPS) entfernt" in tile.accessibleDescription()

        restored.setText(f"{NOTE} oder {NEW_NUMBER}")  # a NEW finding still warns
        [finding] = restored.findings()
        assert restored.text()[finding.start : finding.end] == NEW_NUMBER
        restored.setText(NOTE)
        assert restored.findings() == []

        other.send()
        qtbot.waitUntil(lambda: other.referral_number.isVisible(), timeout=15000)
        [referral] = services.client.list_referrals(client_ref=other.form.client_ref).items
        session = api_session(server.url, "demo", "demo")
        try:
            base = f"{server.url}/api/v1/referrals/{referral['id']}/images"
            listed = session.get(base, timeout=10).json()
            uploaded = session.get(f"{base}/{cleaned.image_id}", timeout=10)
        finally:
            session.close()
        assert [i["image_id"] for i in listed] == [cleaned.image_id]
        assert uploaded.content == cleaned.data
        assert again.load_draft(draft_id) is None
        assert again.conn.execute("SELECT COUNT(*) FROM draft_blobs").fetchone()[0] == 0


def test_removed_photo_and_withdrawn_consent_leave_the_draft(
    qtbot: Any, server: Any, tmp_path: Path
) -> None:
    paths = []
    for seed in (0, 1):
        paths.append(tmp_path / f"schaden{seed}.jpg")
        paths[-1].write_bytes(_gps_jpeg(seed))
    with services_for(server.url) as services:
        store = services.store
        view = _view(qtbot, CompleteReferralView, services)
        _fill(view)
        editor = _free_text(view)
        editor.setText(NOTE)
        _dismiss(qtbot, editor)
        view.photos.add_files([str(p) for p in paths])
        qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 2, timeout=15000)
        draft_id = view.drafts.draft_id
        _saved(qtbot, store, draft_id, view)
        assert len(store.load_draft_blobs(draft_id)) == 2
        assert len(store.load_draft(draft_id)["photos"]) == 2  # type: ignore[index]

        kept = view.photos.tiles[1].image_id
        qtbot.mouseClick(view.photos.tiles[0].remove_button, Qt.MouseButton.LeftButton)
        _saved(qtbot, store, draft_id, view)
        assert list(store.load_draft_blobs(draft_id)) == [kept]

        view.consent_gate.no.click()  # voluntary data, photos and their dismissals go
        _saved(qtbot, store, draft_id, view)
        draft = store.load_draft(draft_id) or {}
        assert store.load_draft_blobs(draft_id) == {}
        assert draft["photos"] == []
        assert draft["dismissed"] == {}

        view.consent.undo_withdrawal()  # undo brings all of it back into the draft
        _saved(qtbot, store, draft_id, view)
        assert list(store.load_draft_blobs(draft_id)) == [kept]
        assert (store.load_draft(draft_id) or {})["dismissed"] == {
            "zusatzinfo": [["identifier.phone", "0176 4433221"]]
        }


def test_opened_from_the_drafts_page_a_quick_draft_keeps_its_dismissal(
    qtbot: Any, server: Any, tmp_path: Path
) -> None:
    with services_for(server.url) as services:
        store = services.store
        view = _view(qtbot, QuickReferralView, services)
        _fill(view)
        _free_text(view).setText(NOTE)
        _dismiss(qtbot, _free_text(view))
        draft_id = view.drafts.draft_id
        _saved(qtbot, store, draft_id, view)
        other = _view(qtbot, QuickReferralView, services)
        page = DraftsPage(store)
        qtbot.addWidget(page)
        page.show()
        page.open_draft.connect(lambda draft, _kind: other.load_draft(draft))
        assert page.selected_draft_id() == draft_id
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        assert _free_text(other).text() == NOTE
        assert _free_text(other).findings() == []
        _free_text(other).setText(f"Rückruf {NEW_NUMBER}")
        assert [f.rule_id for f in _free_text(other).findings()] == ["identifier.phone"]
        _saved(qtbot, store, draft_id, other)  # nothing left to write after the runner ends


def test_restored_photo_with_faces_can_still_be_blurred_and_the_draft_follows(
    qtbot: Any, server: Any, tmp_path: Path
) -> None:
    from tests.privacy_image.conftest import FACES_DIR

    path = FACES_DIR / "with_faces" / "examples_obama.jpg"
    if not path.exists():
        pytest.skip("shared face photo missing")
    with services_for(server.url) as services:
        store = services.store
        view = _view(qtbot, CompleteReferralView, services)
        _fill(view)
        view.photos.add_files([str(path)])
        qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 1, timeout=30000)
        first = view.photos.tiles[0]
        assert first.result.faces
        draft_id = view.drafts.draft_id
        _saved(qtbot, store, draft_id, view)

        other = _view(qtbot, CompleteReferralView, services)
        assert other.load_draft(draft_id)
        [tile] = other.photos.tiles
        qtbot.waitUntil(lambda: not tile.picture.pixmap().isNull(), timeout=10000)
        assert tile.result.faces == first.result.faces
        assert "Gesichter erkannt" in tile.details.text()
        assert tile.blur_button.isVisible()
        tile.blur_button.click()  # the cleaned bytes are the input: the original is not read
        assert other.photos.busy()
        qtbot.waitUntil(lambda: not other.photos.busy(), timeout=30000)
        assert tile.blurred
        assert "Gesichter unkenntlich gemacht." in tile.details.text()
        assert not tile.blur_button.isVisible()
        blurred = other.photos.cleaned()[0]
        assert blurred.image_id == first.image_id
        assert blurred.data != first.result.data
        _saved(qtbot, store, draft_id, other)
        assert store.load_draft_blobs(draft_id) == {
            f"{first.image_id}.blurred": (blurred.data, blurred.media_type)
        }
        third = _view(qtbot, CompleteReferralView, services)
        assert third.load_draft(draft_id)
        qtbot.waitUntil(lambda: bool(third.photos.cleaned()), timeout=10000)
        assert third.photos.cleaned() == [blurred]
        assert third.photos.tiles[0].blurred
        qtbot.waitUntil(lambda: not third.photos.tiles[0].progress.isVisible(), timeout=10000)
        assert not third.photos.tiles[0].blur_button.isVisible()
        _saved(qtbot, store, draft_id, third)


def test_in_the_app_the_next_start_opens_the_draft_with_its_photo(
    qtbot: Any, tmp_path: Path, memory_keyring: Any
) -> None:
    from desktop.app import create_main_window
    from tests.helpers.qt_fixtures import app_threads, close_window, log_in

    path = tmp_path / "schaden.jpg"
    path.write_bytes(_gps_jpeg())
    before = app_threads()
    window = create_main_window(data_dir=tmp_path / "data")
    log_in(qtbot, window)
    window.show_page("complete")
    view: Any = window.page("complete")
    _fill(view)
    _free_text(view).setText(NOTE)
    _dismiss(qtbot, _free_text(view))
    view.photos.add_files([str(path)])
    qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 1, timeout=15000)
    cleaned = view.photos.cleaned()[0]
    close_window(qtbot, window, before)  # quitting flushes the autosave
    for secret in (*VALUES.values(), "0176 4433221"):
        assert secret.encode() not in _all_bytes(tmp_path / "data")
    path.unlink()

    window = create_main_window(data_dir=tmp_path / "data")
    log_in(qtbot, window)
    window.show_page("drafts")
    drafts: Any = window.page("drafts")
    qtbot.mouseClick(drafts.open_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "complete"
    view = window.page("complete")
    qtbot.waitUntil(lambda: view.photos.cleaned() == [cleaned], timeout=10000)
    assert view.inputs["nachname"].text() == VALUES["nachname"]
    assert _free_text(view).text() == NOTE
    assert _free_text(view).findings() == []
    qtbot.waitUntil(lambda: not view.photos.tiles[0].progress.isVisible(), timeout=10000)
    assert "Aufnahmeort (GPS) entfernt" in view.photos.tiles[0].details.text()
    close_window(qtbot, window, before)


def test_a_restored_dismissal_never_hides_a_blocking_finding(qtbot: Any) -> None:
    from desktop.widgets.checked_text import CheckedTextEdit

    edit = CheckedTextEdit("zusatzinfo", delay_ms=10)
    qtbot.addWidget(edit)
    edit.set_dismissed([("health.hearing", "schwerhörig"), ("identifier.phone", "0176 4433221")])
    edit.setText("Kunde ist schwerhörig, " + NOTE)
    assert [f.rule_id for f in edit.findings()] == ["health.hearing"]  # the phone is dismissed
    assert edit.blocking
