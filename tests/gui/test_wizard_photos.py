"""Photos in the Komplettvermittlung: drag & drop, scrubbed on a worker, the tile lists what
was removed, only cleaned bytes leave the PC, consent withdrawal takes them away (undo)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.views.referral_wizard import CompleteReferralView
from tests.gui.test_wizard_helpers import services_for
from tests.helpers.server_fixtures import api_session

image = pytest.importorskip("desktop.privacy.image")
if not hasattr(image, "scrub"):  # pragma: no cover - until the image pipeline lands
    pytest.skip("image pipeline not landed", allow_module_level=True)


def _gps_jpeg() -> bytes:
    from PIL import Image

    picture = Image.new("RGB", (320, 240), (90, 120, 160))
    exif = Image.Exif()
    exif[0x010F] = "ACME"  # Make
    exif[0x0110] = "Cam 1"  # Model
    exif[0x8825] = {1: "N", 2: (50.0, 56.0, 0.0), 3: "E", 4: (6.0, 57.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def _drop(widget: Any, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)


@pytest.fixture
def complete(qtbot: Any, server: Any) -> Iterator[CompleteReferralView]:
    with services_for(server.url) as services:
        view = CompleteReferralView(services)
        qtbot.addWidget(view)
        view.resize(900, 1000)
        view.show()
        yield view
        view.close()


def test_dropped_photo_is_cleaned_and_only_clean_bytes_are_uploaded(
    qtbot: Any, complete: CompleteReferralView, server: Any, tmp_path: Path
) -> None:
    from PIL import Image

    original = _gps_jpeg()
    path = tmp_path / "schaden.jpg"
    path.write_bytes(original)
    view = complete
    view.consent_gate.yes.click()
    assert view.photos is not None
    _drop(view.photos, path)
    assert view.photos.count() == 1
    qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 1, timeout=15000)
    tile = view.photos.tiles[0]
    assert not tile.progress.isVisible()
    details = tile.details.text()
    assert "Aufnahmeort (GPS) entfernt" in details
    assert "Aufnahmeort (GPS) entfernt" in tile.accessibleDescription()
    cleaned = view.photos.cleaned()[0]
    assert not Image.open(io.BytesIO(cleaned.data)).getexif()
    assert path.read_bytes() == original  # the original is never touched
    view.inputs["nachname"].setText("Ott")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("0221 1234567")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("K-O 1")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("123456789")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)
    view.send()
    qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=15000)
    referral = view.services.client.list_referrals(client_ref=view.form.client_ref).items[0]
    session = api_session(server.url, "demo", "demo")
    try:
        stored = session.get(
            f"{server.url}/api/v1/referrals/{referral['id']}/images/{cleaned.image_id}",
            timeout=10,
        )
    finally:
        session.close()
    assert stored.status_code == 200
    assert stored.content == cleaned.data
    assert stored.content != original


def test_withdrawing_consent_takes_the_photos_undo_brings_them_back(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path
) -> None:
    path = tmp_path / "schaden.jpg"
    path.write_bytes(_gps_jpeg())
    view = complete
    view.consent_gate.yes.click()
    assert view.photos is not None
    view.photos.add_files([str(path)])
    qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 1, timeout=15000)
    add = view.photos.add_button
    assert add.nextInFocusChain() is view.photos.tiles[0].blur_button  # tiles join the chain
    assert view.photos.tiles[0].remove_button.nextInFocusChain() is view.send_button
    view.consent_gate.no.click()
    assert view.photos.count() == 0
    view.update_review()
    assert "Schadenbild" not in view.review.toPlainText()
    view.undo_withdrawal()
    assert view.photos.count() == 1
    assert len(view.photos.cleaned()) == 1
