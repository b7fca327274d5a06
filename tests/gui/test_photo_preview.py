"""The photo tile's preview: made with Pillow on a worker, wrapped as a QImage on the GUI thread."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from desktop.privacy.image.model import FaceBox, ScrubResult
from desktop.widgets.photo_tile import THUMB, preview_image, preview_qimage


def _result(width: int, height: int, faces: list[FaceBox]) -> ScrubResult:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 40)).save(buf, "JPEG", quality=95)
    return ScrubResult(buf.getvalue(), "image/jpeg", width, height, faces=faces)


def test_preview_fits_the_tile_and_boxes_faces_in_red(qtbot: Any) -> None:
    face = FaceBox(800, 600, 800, 800, 1.0)
    preview = preview_image(_result(4000, 3000, [face]), boxes=True)
    assert (preview.width, preview.height) == (THUMB, 165)  # aspect kept
    image = preview_qimage(preview)
    assert (image.width(), image.height()) == (THUMB, 165)
    left = round(800 * THUMB / 4000)
    edge = image.pixelColor(left, 40)  # on the box's left edge
    assert edge.red() > 180
    assert edge.green() < 60
    inside = image.pixelColor(left + 20, 40)
    assert inside.green() > inside.red()  # the face itself is not painted over


def test_preview_without_boxes_after_blurring(qtbot: Any) -> None:
    face = FaceBox(800, 600, 800, 800, 1.0)
    image = preview_qimage(preview_image(_result(4000, 3000, [face]), boxes=False))
    left = round(800 * THUMB / 4000)
    assert image.pixelColor(left, 40).red() < 100
