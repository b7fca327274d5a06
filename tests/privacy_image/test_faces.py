"""Face flagging and blurring on a photo of the shared face set (read in place, never copied)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop.privacy.image import FaceBox, HogFaceDetector, find_metadata, scrub
from desktop.privacy.image.faces import merge_boxes, pixelate
from tests.privacy_image.conftest import FACES_DIR, missing

FACE = "with_faces/examples_obama.jpg"
NO_FACE = "without_faces/wss_21.png"


def _read(rel: str) -> bytes:
    path = FACES_DIR / rel
    if not path.exists():
        missing(f"shared face photo missing: {rel}")
    return path.read_bytes()


@pytest.fixture(scope="module")
def face_photo() -> bytes:
    return _read(FACE)


def test_face_is_detected_and_reported(face_photo: bytes) -> None:
    result = scrub(face_photo)
    assert result.faces
    assert "faces" in result.warnings
    for box in result.faces:
        assert 0 <= box.x < result.width
        assert 0 <= box.y < result.height
        assert box.x + box.w <= result.width
        assert box.y + box.h <= result.height
        assert 0 < box.score <= 1


def test_blur_makes_the_face_unrecognisable(face_photo: bytes) -> None:
    plain = scrub(face_photo, detect_faces=False)
    blurred = scrub(face_photo, blur_faces=True)
    assert blurred.faces
    assert find_metadata(blurred.data) == []
    box = max(blurred.faces, key=lambda b: b.w * b.h)
    crop = (box.x, box.y, box.x + box.w, box.y + box.h)
    with Image.open(io.BytesIO(plain.data)) as a, Image.open(io.BytesIO(blurred.data)) as b:
        before = np.asarray(a.convert("L").crop(crop), dtype=np.float64)
        after = np.asarray(b.convert("L").crop(crop), dtype=np.float64)
    # a 6×6 mosaic leaves almost no detail: local gradients collapse
    assert np.abs(np.diff(after, axis=1)).mean() < 0.25 * np.abs(np.diff(before, axis=1)).mean()
    # and the detector itself no longer finds those faces
    again = scrub(blurred.data).faces
    assert all(_iou(old, new) < 0.2 for old in blurred.faces for new in again)


def test_windscreen_photo_has_no_faces() -> None:
    result = scrub(_read(NO_FACE))
    assert result.faces == []
    assert "faces" not in result.warnings


def test_no_faces_option_skips_detection(face_photo: bytes) -> None:
    result = scrub(face_photo, detect_faces=False)
    assert result.faces == []
    assert "faces" not in result.timings


def _iou(a: FaceBox, b: FaceBox) -> float:
    ix = max(0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    return ix * iy / (a.w * a.h + b.w * b.h - ix * iy)


class _FixedDetector:
    def __init__(self, boxes: list[FaceBox]) -> None:
        self.boxes = boxes

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        return self.boxes


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])  # JPEG: decoded at 1/2 DCT scale for detection
def test_boxes_are_scaled_to_output_coordinates(fmt: str) -> None:
    img = Image.new("RGB", (2560, 1920), (128, 128, 128))
    buf = io.BytesIO()
    img.save(buf, fmt)
    detector = _FixedDetector([FaceBox(64, 48, 32, 32, 0.9)])  # on the 640-px copy
    result = scrub(buf.getvalue(), detector=detector)
    assert result.faces == [FaceBox(256, 192, 128, 128, 0.9)]
    smaller = scrub(buf.getvalue(), detector=detector, max_side=1280)
    assert (smaller.width, smaller.height) == (1280, 960)
    assert smaller.faces == [FaceBox(128, 96, 64, 64, 0.9)]


def test_blur_hits_the_reported_box_on_a_large_jpeg() -> None:
    rng = np.random.default_rng(5)
    img = Image.fromarray(rng.integers(0, 255, (1920, 2560, 3), dtype=np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    detector = _FixedDetector([FaceBox(320, 240, 40, 40, 0.9)])
    result = scrub(buf.getvalue(), detector=detector, blur_faces=True)
    (box,) = result.faces
    with Image.open(io.BytesIO(result.data)) as out:
        face = np.asarray(out.convert("L").crop((box.x, box.y, box.x + box.w, box.y + box.h)))
        elsewhere = np.asarray(out.convert("L").crop((0, 0, box.w, box.h)))
    assert face.std() < 0.5 * elsewhere.std()


def test_merge_keeps_the_best_of_overlapping_boxes() -> None:
    a, b, c = FaceBox(0, 0, 10, 10, 0.9), FaceBox(1, 1, 10, 10, 0.5), FaceBox(50, 50, 5, 5, 0.4)
    assert merge_boxes([b, c, a]) == [a, c]


def test_pixelate_changes_only_the_box_and_its_margin() -> None:
    rng = np.random.default_rng(1)
    img = Image.fromarray(rng.integers(0, 255, (100, 100, 3), dtype=np.uint8))
    out = pixelate(img, [FaceBox(40, 40, 20, 20, 1.0)])
    a, b = np.asarray(img), np.asarray(out)
    assert (a[:30] == b[:30]).all()
    assert (a[40:60, 40:60] != b[40:60, 40:60]).any()


def test_hog_detector_loads_the_built_in_model() -> None:
    assert HogFaceDetector().detect(np.zeros((64, 64, 3), np.uint8)) == []


def test_face_set_directory_layout() -> None:
    root = Path(FACES_DIR)
    if not root.exists():
        missing("shared face set missing")
    assert (root / "with_faces").is_dir()
    assert (root / "without_faces").is_dir()


def test_concurrent_detection_gives_the_same_boxes(face_photo: bytes) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from desktop.privacy.image.render import open_image, shrink

    rgb = np.asarray(shrink(open_image(face_photo).convert("RGB"), 320))
    detector = HogFaceDetector()
    expected = detector.detect(rgb)
    assert expected
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _: detector.detect(rgb), range(6)))
    assert all(result == expected for result in results)


class _RecordingDetector(_FixedDetector):
    def __init__(self, boxes: list[FaceBox]) -> None:
        super().__init__(boxes)
        self.shapes: list[tuple[int, ...]] = []

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        self.shapes.append(rgb.shape)
        return self.boxes


def _rotated_noise_jpeg() -> bytes:
    """2560×1920 stored pixels with EXIF Orientation 6: shown upright as 1920×2560."""
    rng = np.random.default_rng(7)
    img = Image.fromarray(rng.integers(0, 255, (1920, 2560, 3), dtype=np.uint8))
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif.tobytes())
    return buf.getvalue()


def test_rotated_jpeg_is_analysed_upright_while_the_bake_runs_alongside() -> None:
    data = _rotated_noise_jpeg()
    detector = _RecordingDetector([FaceBox(100, 200, 40, 40, 0.9)])
    result = scrub(data, detector=detector)
    assert (result.width, result.height) == (1920, 2560)
    assert detector.shapes == [(640, 480, 3)]  # the detector saw an upright copy
    assert result.faces == [FaceBox(400, 800, 160, 160, 0.9)]
    assert result.warnings == ["faces"]
    # The re-encode does not depend on the analysis that ran next to it.
    assert scrub(data, detect_faces=False, detect_documents=False).data == result.data
    blurred = scrub(data, detector=detector, blur_faces=True)
    assert blurred.faces == result.faces
    with Image.open(io.BytesIO(blurred.data)) as out:
        gray = out.convert("L")
        face = np.asarray(gray.crop((400, 800, 560, 960)))
        elsewhere = np.asarray(gray.crop((0, 0, 160, 160)))
    assert face.std() < 0.5 * elsewhere.std()


_COLD_START = """
import threading, time
import numpy as np
from desktop.privacy.image import HogFaceDetector
from desktop.privacy.image.document import looks_like_document
detector, codes = HogFaceDetector(), []
def run(delay):
    time.sleep(delay)  # staggered: later threads arrive while the first is importing dlib
    try:
        detector.detect(np.zeros((64, 64, 3), np.uint8))
        looks_like_document(np.zeros((64, 64, 3), np.uint8))
        codes.append("ok")
    except Exception as exc:
        codes.append(type(exc).__name__)
threads = [threading.Thread(target=run, args=(i * 0.004,)) for i in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print(",".join(sorted(codes)))
"""


def test_parallel_first_use_in_a_fresh_process_never_fails() -> None:
    # Two threads importing a native module at once can give one of them a half-initialised
    # module (it did with OpenCV: a "corrupt" photo). Each run is a fresh interpreter.
    import subprocess
    import sys

    from tests.privacy_image.conftest import ROOT

    for _ in range(3):
        proc = subprocess.run(
            [sys.executable, "-c", _COLD_START], cwd=ROOT, capture_output=True, text=True,
            timeout=120, check=True,
        )  # fmt: skip
        assert proc.stdout.strip() == ",".join(["ok"] * 16)


def test_shipped_face_model_is_dlibs_built_in_model(tmp_path: Path) -> None:
    """resources/faces holds dlib's built-in model unchanged. After a dlib update, regenerate:
    python -c "import dlib; dlib.get_frontal_face_detector().save(
    'resources/faces/frontal_face_hog.svm')"
    """
    import dlib

    from desktop.paths import resource_path
    from desktop.privacy.image.faces import MODEL_FILE

    built_in = tmp_path / "built_in.svm"
    dlib.get_frontal_face_detector().save(str(built_in))
    assert resource_path(MODEL_FILE).read_bytes() == built_in.read_bytes()


def test_detector_uses_the_shipped_model_and_falls_back_to_the_built_in_one(
    monkeypatch: pytest.MonkeyPatch, face_photo: bytes
) -> None:
    from desktop.privacy.image import faces
    from desktop.privacy.image.native import dlib_module

    dlib = dlib_module()
    rgb = np.asarray(Image.open(io.BytesIO(face_photo)).convert("RGB"))
    loaded: list[str] = []
    real = dlib.fhog_object_detector

    def recording(path: str) -> object:
        loaded.append(path)
        return real(path)

    monkeypatch.setattr(dlib, "fhog_object_detector", recording)
    monkeypatch.setattr(faces, "_model", None)
    shipped = HogFaceDetector().detect(rgb)
    assert shipped
    assert len(loaded) == 1
    assert loaded[0].endswith("frontal_face_hog.svm")
    monkeypatch.setattr(faces, "_model", None)
    monkeypatch.setattr(faces, "MODEL_FILE", "faces/missing.svm")  # dlib raises: built-in
    assert HogFaceDetector().detect(rgb) == shipped
    assert len(loaded) == 2
