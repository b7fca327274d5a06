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

from desktop.views.referral.wizard import CompleteReferralView
from tests.gui.test_wizard_helpers import config_of, shown_view
from tests.helpers.photos import contract_photo
from tests.helpers.server_fixtures import api_session


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
    with shown_view(qtbot, CompleteReferralView, server.url, (900, 1000)) as view:
        yield view


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
    assert view.photos.tiles[0].remove_button.nextInFocusChain() is view.review
    view.consent_gate.no.click()
    assert view.photos.count() == 0
    view.update_review()
    assert "Schadenbild" not in view.review.toPlainText()
    view.consent.undo_withdrawal()
    assert view.photos.count() == 1
    assert len(view.photos.cleaned()) == 1


def _noisy_png(side: int = 600) -> bytes:
    """Random pixels: a photo that cannot be compressed below a few hundred kB."""
    import numpy as np
    from PIL import Image

    pixels = np.random.default_rng(5).integers(0, 256, (side, side, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "PNG")
    return buffer.getvalue()


def test_server_byte_limit_shrinks_or_refuses_the_photo_locally(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path
) -> None:
    view = complete
    assert view.photos is not None
    view.consent_gate.yes.click()
    path = tmp_path / "gross.png"
    path.write_bytes(_noisy_png())
    limits = config_of(view.services)["limits"]
    limits["max_image_bytes"] = 150_000  # the server's /config limit
    view.photos.add_files([str(path)])
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=20000)
    tile = view.photos.tiles[0]
    assert tile.ready
    assert len(view.photos.cleaned()[0].data) <= 150_000
    assert "verkleinert" in tile.details.text()
    limits["max_image_bytes"] = 40  # unreachable (even 1x1 px is more): refused, in German
    view.photos.add_files([str(path)])
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=20000)
    refused = view.photos.tiles[1]
    assert not refused.ready
    assert refused.details.text() == "Das Bild ist auch verkleinert noch zu groß für den Versand."
    assert len(view.photos.cleaned()) == 1  # the refused photo is never uploaded


def test_photo_limit_says_what_was_left_out(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path
) -> None:
    view = complete
    assert view.photos is not None
    view.consent_gate.yes.click()
    config_of(view.services)["limits"]["max_images"] = 1
    path = tmp_path / "schaden.jpg"
    path.write_bytes(_gps_jpeg())
    view.photos.add_files([str(path), str(path)])
    assert view.photos.count() == 1
    message = view.photos.message
    assert message.isVisible()
    assert "Höchstens 1 Schadenbilder" in message.text()
    assert "1 Bild nicht übernommen" in message.text()  # German plural forms
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=15000)


def test_document_on_the_photo_is_flagged_on_the_tile(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path
) -> None:
    path = contract_photo(tmp_path / "vertrag.jpg")
    view = complete
    assert view.photos is not None
    view.consent_gate.yes.click()
    view.photos.add_files([str(path)])
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=15000)
    tile = view.photos.tiles[0]
    assert "Dokument im Bild" in tile.details.text()
    assert "Dokument im Bild" in tile.accessibleDescription()


def test_faces_are_boxed_and_can_be_made_unrecognisable(
    qtbot: Any, complete: CompleteReferralView
) -> None:
    from tests.privacy_image.conftest import FACES_DIR

    path = FACES_DIR / "with_faces" / "examples_obama.jpg"
    if not path.exists():
        pytest.skip("shared face photo missing")
    view = complete
    assert view.photos is not None
    view.consent_gate.yes.click()
    view.photos.add_files([str(path)])  # read in place, never copied
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=30000)
    tile = view.photos.tiles[0]
    assert tile.result.faces
    assert "Gesichter erkannt" in tile.details.text()
    assert tile.blur_button.isVisible()
    before = view.photos.cleaned()[0].data
    tile.blur_button.click()
    assert view.photos.busy()  # re-cleaning: nothing can be sent meanwhile
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=30000)
    assert tile.blurred
    assert "Gesichter unkenntlich gemacht." in tile.details.text()
    assert "Gesichter erkannt" not in tile.details.text()
    assert not tile.blur_button.isVisible()
    assert view.photos.cleaned()[0].data != before
    assert not tile.picture.pixmap().isNull()


def test_photo_removed_or_form_reset_while_cleaning(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path
) -> None:
    view = complete
    assert view.photos is not None
    view.consent_gate.yes.click()
    path = tmp_path / "gross.png"
    path.write_bytes(_noisy_png(900))
    view.photos.add_files([str(path)])
    first = view.photos.tiles[0]
    view.photos.remove(first)  # removed before its cleaning finished
    view.photos.add_files([str(path)])
    view.reset()  # new referral while the second one is still being cleaned
    assert view.photos.count() == 0
    view.consent_gate.yes.click()
    view.photos.add_files([str(path)])  # the pool runs in order: this one finishes last
    qtbot.waitUntil(lambda: not view.photos.busy(), timeout=30000)
    assert view.photos.count() == 1  # the late results of the removed tiles changed nothing
    assert len(view.photos.cleaned()) == 1


def test_consent_asked_again_instead_of_undo_forgets_the_photos(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path
) -> None:
    import shiboken6

    path = tmp_path / "schaden.jpg"
    path.write_bytes(_gps_jpeg())
    view = complete
    assert view.photos is not None
    view.consent_gate.yes.click()
    view.photos.add_files([str(path)])
    qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 1, timeout=15000)
    tile = view.photos.tiles[0]
    view.consent_gate.no.click()
    view.consent_gate.yes.click()  # asked again instead of "Rückgängig"
    assert view.photos.count() == 0
    qtbot.waitUntil(lambda: not shiboken6.isValid(tile), timeout=3000)  # cleaned bytes gone
    view.consent.undo_withdrawal()  # nothing left to bring back
    assert view.photos.count() == 0


def test_dropped_photos_start_cleaning_once_every_tile_exists(
    qtbot: Any, complete: CompleteReferralView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = complete
    assert view.photos is not None
    strip = view.photos
    view.consent_gate.yes.click()
    tasks = strip.services.tasks
    started_with: list[int] = []
    run = tasks.run

    def spy(fn: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("pool") == "media":
            started_with.append(strip.count())
        return run(fn, *args, **kwargs)

    monkeypatch.setattr(tasks, "run", spy)
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"schaden{i}.jpg")
        paths[-1].write_bytes(_gps_jpeg())
    strip.add_files([str(p) for p in paths])
    assert started_with[-3:] == [3, 3, 3]  # no worker competes with building the tiles
    qtbot.waitUntil(lambda: len(strip.cleaned()) == 3, timeout=15000)
