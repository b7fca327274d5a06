"""No unasked sending: a photo with a flagged face cannot be sent until the agent has blurred
it or confirmed a false alarm; the blurred upload shows no face any more, a confirmed photo
goes out unchanged, and the decision survives a draft restore."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.privacy.image.pipeline import flagged_regions
from desktop.views.referral.wizard import CompleteReferralView
from tests.gui.test_draft_restore import _saved
from tests.gui.test_wizard_helpers import press, services_for, shown_view
from tests.helpers.photos import contract_photo
from tests.helpers.server_fixtures import api_session
from tools.screenshots import synthetic_photo


@pytest.fixture
def face_path(tmp_path: Path) -> Path:
    """The synthetic windscreen photo with a drawn face (and GPS/camera EXIF)."""
    path = tmp_path / "schaden_mit_gesicht.jpg"
    path.write_bytes(synthetic_photo())
    return path


@pytest.fixture
def complete(qtbot: Any, server: Any) -> Iterator[CompleteReferralView]:
    with shown_view(qtbot, CompleteReferralView, server.url, (900, 1000)) as view:
        yield view


def _fill(view: CompleteReferralView) -> None:
    view.inputs["nachname"].setText("Ott")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("0221 1234567")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("K-O 1")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("123456789")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)
    view.consent_gate.yes.click()


def _add(qtbot: Any, view: CompleteReferralView, path: Path) -> Any:
    assert view.photos is not None
    view.photos.add_files([str(path)])
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=30000)
    return view.photos.tiles[-1]


def _stored(server: Any, view: CompleteReferralView, image_id: str) -> bytes:
    referral = view.services.client.list_referrals(client_ref=view.form.client_ref).items[0]
    session = api_session(server.url, "demo", "demo")
    try:
        answer = session.get(
            f"{server.url}/api/v1/referrals/{referral['id']}/images/{image_id}", timeout=10
        )
    finally:
        session.close()
    assert answer.status_code == 200
    return answer.content


def test_a_face_blocks_sending_until_it_is_made_unrecognisable(
    qtbot: Any, complete: CompleteReferralView, server: Any, face_path: Path
) -> None:
    view = complete
    _fill(view)
    tile = _add(qtbot, view, face_path)
    assert [box.kind for box in tile.result.faces] == ["face"]
    assert tile.review == "pending"
    assert tile.state.text() == "1 Gesicht markiert – Entscheidung fehlt"
    assert tile.blur_button.isVisible()
    assert tile.confirm.isVisible()
    view.send()
    assert not view.referral_number.isVisible()
    assert view.error_summary.isVisible()
    [(name, text)] = view.error_summary.entries
    assert name == "photos"
    assert "Person, ein Gesicht oder ein Dokument markiert" in text
    view.errors.focus_field(name)  # the summary's link leads to the photo waiting for a decision
    assert tile.blur_button.hasFocus()
    assert "Bild 1: 1 Gesicht markiert – Entscheidung fehlt" in view.review.toPlainText()
    assert view.services.client.list_referrals(client_ref=view.form.client_ref).items == []

    tile.blur_button.setFocus()
    press(tile.blur_button, Qt.Key.Key_Space)  # keyboard: the button takes Space
    assert view.photos.busy()  # re-cleaning: the unblurred bytes cannot be sent meanwhile
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=30000)
    assert tile.blurred
    assert tile.review == "blurred"
    assert tile.state.text() == "Metadaten entfernt, 1 Gesicht unkenntlich gemacht"
    assert not tile.confirm.isVisible()
    view.update_review()
    assert "Bild 1: Metadaten entfernt, 1 Gesicht unkenntlich gemacht" in view.review.toPlainText()
    [upload] = view.photos.cleaned()
    assert upload.review == "blurred"
    assert (tile.result.width, tile.result.height) == (1280, 960)  # full resolution
    view.send()
    qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=20000)
    stored = _stored(server, view, upload.image_id)
    assert stored == upload.data
    assert flagged_regions(stored) == []  # no detectable face on what the server holds


def test_a_confirmed_false_alarm_is_sent_unchanged(
    qtbot: Any, complete: CompleteReferralView, server: Any, face_path: Path
) -> None:
    view = complete
    _fill(view)
    tile = _add(qtbot, view, face_path)
    before = tile.result.data
    tile.confirm.setFocus()
    press(tile.confirm, Qt.Key.Key_Space)  # keyboard: the check box toggles on Space
    QApplication.processEvents()
    assert tile.confirmed
    assert tile.review == "confirmed"
    assert tile.state.text() == "Metadaten entfernt, als Fehlalarm bestätigt"
    view.update_review()
    assert "Bild 1: Metadaten entfernt, als Fehlalarm bestätigt" in view.review.toPlainText()
    view.send()
    qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=20000)
    [upload] = view.photos.cleaned()
    stored = _stored(server, view, upload.image_id)
    assert stored == before  # the agent's photo, unchanged
    assert [box.kind for box in flagged_regions(stored)] == ["face"]


@pytest.mark.usefixtures("memory_keyring")
def test_the_decision_comes_back_with_the_draft(
    qtbot: Any, server: Any, tmp_path: Path, face_path: Path
) -> None:
    (tmp_path / "data").mkdir()
    with services_for(server.url, data_dir=tmp_path / "data", keychain=True) as services:
        store = services.store
        assert not store.memory_only
        view = CompleteReferralView(services)
        qtbot.addWidget(view)
        view.show()
        _fill(view)
        tile = _add(qtbot, view, face_path)
        tile.confirm.setChecked(True)
        draft_id = view.drafts.draft_id
        _saved(qtbot, store, draft_id, view)  # the draft holds the confirmation
        other = CompleteReferralView(services)
        qtbot.addWidget(other)
        other.show()
        assert other.load_draft(draft_id)
        assert other.photos is not None
        [restored] = other.photos.tiles
        qtbot.waitUntil(lambda: restored.ready, timeout=10000)
        qtbot.waitUntil(lambda: not restored.progress.isVisible(), timeout=10000)
        assert restored.confirmed
        assert restored.confirm.isChecked()
        assert restored.review == "confirmed"
        assert [box.kind for box in restored.result.faces] == ["face"]
        assert restored.state.text() == "Metadaten entfernt, als Fehlalarm bestätigt"
        _saved(qtbot, store, draft_id, other)  # nothing left to write once the store closes


def test_a_document_is_boxed_and_can_be_blurred_or_confirmed(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path
) -> None:
    path = contract_photo(tmp_path / "vertrag.jpg")
    view = complete
    _fill(view)
    tile = _add(qtbot, view, path)
    assert tile.review == "pending"
    assert tile.state.text() == "Dokument markiert – Entscheidung fehlt"
    [box] = tile.result.documents
    assert box.kind == "document"
    assert box.x <= 185  # the text block, from the left end of its lines ...
    assert box.y <= 105  # ... and its first line ...
    assert box.x + box.w >= 480  # ... and the right end of the longest lines ...
    assert box.y + box.h >= 580  # ... to its last line
    assert tile.blur_button.isVisible()
    assert tile.confirm.isVisible()
    assert view.photos is not None
    assert view.photos.undecided() == [tile]
    tile.confirm.setChecked(True)
    assert view.photos.undecided() == []
    assert tile.state.text() == "Keine Metadaten gefunden, als Fehlalarm bestätigt"
    tile.confirm.setChecked(False)
    assert view.photos.undecided() == [tile]
    tile.blur_button.click()
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=30000)
    assert tile.review == "blurred"
    assert tile.state.text() == "Keine Metadaten gefunden, Dokument unkenntlich gemacht"
    import io

    import numpy as np
    from PIL import Image

    from desktop.privacy.image.document import looks_like_document

    sent = Image.open(io.BytesIO(view.photos.cleaned()[0].data)).convert("RGB")
    assert not looks_like_document(np.asarray(sent))  # the text is unreadable now
