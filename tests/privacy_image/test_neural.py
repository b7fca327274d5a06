"""The neural face/person detector and the blur, on a public-domain portrait the repository holds
(``data/grace_hopper.jpg``, see ``data/SOURCES.txt``) and synthetic scenes made from it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from desktop.privacy.image import FaceBox, HogFaceDetector, neural, scrub
from desktop.privacy.image import faces as faces_module
from desktop.privacy.image.faces import blur_regions, merge_boxes, scale_boxes

PORTRAIT = Path(__file__).parent / "data" / "grace_hopper.jpg"
FACE = (172, 121, 185, 219)  # x, y, w, h of the face in the portrait (as CenterFace finds it)

pytestmark = pytest.mark.skipif(not neural.runtime_available(), reason="onnxruntime missing")


@pytest.fixture(scope="module")
def portrait() -> Image.Image:
    with Image.open(PORTRAIT) as img:
        return img.convert("RGB")


@pytest.fixture(scope="module")
def detector() -> neural.NeuralDetector:
    return neural.NeuralDetector()


def _faces(boxes: list[FaceBox]) -> list[FaceBox]:
    return [b for b in boxes if b.kind == "face"]


def _covers(box: FaceBox, x: float, y: float) -> bool:
    return box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h


def _street(
    portrait: Image.Image, face_px: int, size: tuple[int, int] = (1600, 1200)
) -> tuple[Image.Image, tuple[float, float]]:
    """A grey-brown 'car park' with the portrait's head scaled so the face is ``face_px`` tall."""
    rng = np.random.default_rng(3)
    ground = rng.normal(110, 18, (size[1], size[0], 3)).clip(0, 255).astype(np.uint8)
    scene = Image.fromarray(ground)
    head = portrait.crop((120, 60, 410, 400))
    factor = face_px / FACE[3]
    head = head.resize((round(head.width * factor), round(head.height * factor)))
    at = (size[0] * 2 // 3, size[1] // 3)
    scene.paste(head, at)
    centre_x = at[0] + (FACE[0] - 120 + FACE[2] / 2) * factor
    centre = (centre_x, at[1] + (FACE[1] - 60 + FACE[3] / 2) * factor)
    return scene, centre


def test_face_in_the_portrait_is_found_as_a_face(
    portrait: Image.Image, detector: neural.NeuralDetector
) -> None:
    found = detector.detect(np.asarray(portrait))
    assert [b.kind for b in found] == ["face"]  # the person holding it is not flagged again
    assert _covers(found[0], FACE[0] + FACE[2] / 2, FACE[1] + FACE[3] / 2)
    assert 0.5 < found[0].score <= 1


def test_person_detector_sees_the_person_and_boxes_are_in_image_pixels(
    portrait: Image.Image,
) -> None:
    neural._sessions.load()
    people = neural.find_persons(neural._sessions.person, np.asarray(portrait))
    assert len(people) == 1
    assert people[0].kind == "person"
    box = people[0]
    assert box.w > portrait.width * 0.6
    assert box.h > portrait.height * 0.6
    assert box.x + box.w <= portrait.width
    assert box.y + box.h <= portrait.height


def test_a_small_face_of_a_large_photo_is_found_through_the_pipeline(portrait: Image.Image) -> None:
    scene, centre = _street(portrait, face_px=36)  # box ~16 px on the 640-px copy, ~24 on 960
    buf = io.BytesIO()
    scene.save(buf, "JPEG", quality=92)
    result = scrub(buf.getvalue(), detector=neural.NeuralDetector())
    assert any(b.kind == "face" and _covers(b, *centre) for b in result.faces)
    assert "faces" in result.warnings


def test_a_large_face_of_a_large_copy_is_found_at_the_upright_threshold(
    portrait: Image.Image, detector: neural.NeuralDetector
) -> None:
    factor = 1200 / max(portrait.size)  # a copy this large gets the one upright pass at 960 px
    large = portrait.resize((round(portrait.width * factor), round(portrait.height * factor)))
    assert max(large.size) >= neural.FINE_MIN
    found = _faces(detector.detect(np.asarray(large)))
    centre = ((FACE[0] + FACE[2] / 2) * factor, (FACE[1] + FACE[3] / 2) * factor)
    assert len(found) == 1
    assert _covers(found[0], *centre)
    assert found[0].h > FACE[3] * factor * 0.6


def test_a_small_photo_is_searched_enlarged_too_and_its_small_face_found(
    portrait: Image.Image,
) -> None:
    scene, centre = _street(portrait, face_px=14, size=(640, 480))  # a traffic-camera frame
    rgb = np.asarray(scene)
    assert max(rgb.shape) < neural.FINE_MIN
    neural._sessions.load()
    native_only = neural.find_faces(neural._sessions.face, rgb, rotations=False, fine=False)
    enlarged = neural.find_faces(neural._sessions.face, rgb, rotations=False, fine=True)
    assert not any(_covers(b, *centre) for b in native_only)
    found = [b for b in enlarged if _covers(b, *centre)]
    assert found  # in the photo's own pixels, not the enlarged copy's
    assert all(b.x + b.w <= rgb.shape[1] and b.y + b.h <= rgb.shape[0] for b in enlarged)
    assert found[0].h < 40


class _CountingSession:
    """The face session, recording the input size of every run."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.sizes: list[tuple[int, int]] = []

    def run(self, names: object, feed: dict[str, np.ndarray]) -> object:
        blob = next(iter(feed.values()))
        self.sizes.append((blob.shape[3], blob.shape[2]))
        return self.inner.run(names, feed)


def test_the_960_px_pass_searches_only_where_the_640_px_pass_sees_a_candidate(
    portrait: Image.Image,
) -> None:
    scene, centre = _street(portrait, face_px=36)  # a small face in a 1600 × 1200 photo
    rgb = np.asarray(scene)
    neural._sessions.load()
    session = _CountingSession(neural._sessions.face)
    gated = neural.find_faces(session, rgb, rotations=False)
    assert any(_covers(b, *centre) for b in gated)
    searched = sum(w * h for w, h in session.sizes[1:])  # after the 640-px gate pass
    assert session.sizes[0] == (640, 480)
    assert 0 < searched < 0.25 * 960 * 736  # only around the face, never the whole copy
    _, whole = neural._fine_pass(neural._sessions.face, rgb, neural.FINE_SIDE)
    copy, factor = neural._resized(rgb, neural.FACE_SIDE)
    gate = neural._centerface(neural._sessions.face, copy, neural.GATE_THRESHOLD)
    _, around = neural._fine_pass(neural._sessions.face, rgb, neural.FINE_SIDE, (gate, factor))
    found = [merge_boxes(neural._to_boxes(rows, 1600, 1200, "face")) for rows in (whole, around)]
    assert len(found[0]) == len(found[1]) == 1  # the same face, box and score as the whole copy
    a, b = found[0][0], found[1][0]
    assert max(abs(a.x - b.x), abs(a.y - b.y), abs(a.w - b.w), abs(a.h - b.h)) <= 3
    assert abs(a.score - b.score) <= 0.05
    plain = np.full((1200, 1600, 3), 120, np.uint8)
    session.sizes.clear()
    assert neural.find_faces(session, plain, rotations=False) == []
    assert session.sizes == [(640, 480)]  # no candidate: no 960-px pass at all


def test_gate_regions_are_whole_blocks_around_candidates_or_none_when_too_many() -> None:
    one = np.array([[100.0, 200.0, 120.0, 224.0]], np.float32)  # a 20 × 24 px candidate
    regions = neural._gate_regions(one, (736, 960))
    assert regions == [(64, 160, 160, 256)]  # grown by 32 px, whole 32-px blocks
    apart = np.array([[10, 10, 20, 20], [800, 600, 820, 620]], np.float32)
    assert len(neural._gate_regions(apart, (736, 960)) or []) == 2
    everywhere = np.array(
        [[x, y, x + 20, y + 20] for x in range(0, 960, 64) for y in range(0, 736, 64)], np.float32
    )
    assert neural._gate_regions(everywhere, (736, 960)) is None  # then the whole copy
    assert neural._gate_regions(np.zeros((0, 4), np.float32), (736, 960)) == []


def test_a_night_photo_is_brightened_and_its_face_found(
    portrait: Image.Image, detector: neural.NeuralDetector
) -> None:
    scene, centre = _street(portrait, face_px=45, size=(640, 480))
    rng = np.random.default_rng(0)
    linear = np.asarray(scene).astype(np.float64) / 255
    night = linear**1.6 * 0.3 * 255 + rng.normal(0, 7, linear.shape)  # dim, noisy, blue cast
    night[..., 2] += 10
    rgb = night.clip(0, 255).astype(np.uint8)
    assert neural._mean_luminance(rgb) < neural.DARK_MEAN
    bright = neural.brighten(rgb)
    assert neural._mean_luminance(bright) > 3 * neural._mean_luminance(rgb)
    assert bright.max() == 255
    assert any(_covers(b, *centre) for b in _faces(detector.detect(rgb)))


def test_a_sideways_photo_is_searched_turned(portrait: Image.Image) -> None:
    scene, (cx, cy) = _street(portrait, face_px=30, size=(480, 360))
    sideways = np.ascontiguousarray(np.rot90(np.asarray(scene), 1))  # no EXIF orientation
    x, y = cy, scene.width - cx  # where the face centre went
    neural._sessions.load()
    # fine=False: the enlarged upright copy of a photo this small may find the turned face too
    upright_only = neural.find_faces(neural._sessions.face, sideways, rotations=False, fine=False)
    turned = neural.find_faces(neural._sessions.face, sideways, rotations=True, fine=False)
    assert not any(_covers(b, x, y) for b in upright_only)
    assert any(_covers(b, x, y) for b in turned)


def test_plain_scenes_have_no_flags(detector: neural.NeuralDetector) -> None:
    rng = np.random.default_rng(11)
    noise = rng.integers(0, 255, (480, 640, 3), dtype=np.uint8)
    grey = np.full((480, 640, 3), 128, np.uint8)
    assert detector.detect(noise) == []
    assert detector.detect(grey) == []


def test_blur_hides_the_face_from_the_detector(
    portrait: Image.Image, detector: neural.NeuralDetector
) -> None:
    found = _faces(detector.detect(np.asarray(portrait)))
    blurred = blur_regions(portrait, found)
    again = _faces(detector.detect(np.asarray(blurred)))
    assert not any(_covers(b, FACE[0] + FACE[2] / 2, FACE[1] + FACE[3] / 2) for b in again)
    # and HOG, the fallback, does not find it either
    assert HogFaceDetector().detect(np.asarray(blurred)) == []


def test_blur_on_a_full_resolution_photo_hides_the_face_and_keeps_the_rest(
    portrait: Image.Image, detector: neural.NeuralDetector
) -> None:
    scene, centre = _street(portrait, face_px=400, size=(4000, 3000))
    small = scene.resize((640, 480), Image.Resampling.BOX)
    found = scale_boxes(_faces(detector.detect(np.asarray(small))), 4000 / 640, scene.size)
    assert any(_covers(b, *centre) for b in found)
    blurred = blur_regions(scene, found)
    (box,) = [b for b in found if _covers(b, *centre)]
    before = np.asarray(scene.crop((box.x, box.y, box.x + box.w, box.y + box.h)).convert("L"))
    after = np.asarray(blurred.crop((box.x, box.y, box.x + box.w, box.y + box.h)).convert("L"))
    gradient = np.abs(np.diff(after.astype(float), axis=1)).mean()
    assert gradient < 0.1 * np.abs(np.diff(before.astype(float), axis=1)).mean()
    assert np.array_equal(np.asarray(scene)[:1000, :1000], np.asarray(blurred)[:1000, :1000])
    shown = blurred.resize((640, 480), Image.Resampling.BOX)
    seen = _faces(detector.detect(np.asarray(shown)))
    assert not any(_covers(b, centre[0] * 0.16, centre[1] * 0.16) for b in seen)


def test_blur_covers_a_person_box_with_a_small_margin() -> None:
    rng = np.random.default_rng(2)
    img = Image.fromarray(rng.integers(0, 255, (200, 200, 3), dtype=np.uint8))
    out = np.asarray(blur_regions(img, [FaceBox(50, 50, 100, 100, 0.9, "person")]))
    a = np.asarray(img)
    assert np.array_equal(a[:44], out[:44])
    assert np.array_equal(a[:, :44], out[:, :44])
    assert out[50:150, 50:150].std() < 0.2 * a[50:150, 50:150].std()


def test_kind_survives_scaling_and_merging_keeps_overlapping_kinds_apart() -> None:
    person = FaceBox(10, 10, 100, 200, 0.8, "person")
    face = FaceBox(12, 12, 90, 180, 0.9)
    assert merge_boxes([person, face]) == [face, person]
    assert scale_boxes([person], 2.0, (1000, 1000)) == [FaceBox(20, 20, 200, 400, 0.8, "person")]


def test_missing_runtime_falls_back_to_hog(
    monkeypatch: pytest.MonkeyPatch, portrait: Image.Image
) -> None:
    monkeypatch.setattr(faces_module, "_default", None)
    monkeypatch.setattr(neural, "runtime_available", lambda: False)
    assert isinstance(faces_module.default_detector(), HogFaceDetector)
    monkeypatch.setattr(faces_module, "_default", None)
    monkeypatch.undo()

    def broken() -> None:
        raise ImportError("no onnxruntime for this platform")

    fresh = neural.NeuralDetector()
    monkeypatch.setattr(neural._sessions, "load", broken)
    found = fresh.detect(np.asarray(portrait))
    assert found
    assert all(b.kind == "face" for b in found)


def test_default_detector_is_the_neural_one_and_imports_its_runtime_lazily() -> None:
    import subprocess
    import sys

    from tests.privacy_image.conftest import ROOT

    code = (
        "import sys\n"
        "from desktop.privacy.image.faces import default_detector\n"
        "d = default_detector()\n"
        "print(type(d).__name__, 'onnxruntime' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
        check=True,
    )  # fmt: skip
    assert proc.stdout.split() == ["NeuralDetector", "False"]


_COLD_START = """
import threading, time
import numpy as np
from desktop.privacy.image.neural import NeuralDetector
detector, codes = NeuralDetector(), []
def run(delay):
    time.sleep(delay)  # staggered: later threads arrive while the first loads onnxruntime
    try:
        codes.append(str(detector.detect(np.zeros((96, 128, 3), np.uint8))))
    except Exception as exc:
        codes.append(type(exc).__name__)
threads = [threading.Thread(target=run, args=(i * 0.01,)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(",".join(sorted(codes)), detector._fallback is None)
"""


def test_parallel_first_use_in_a_fresh_process_loads_the_runtime_once() -> None:
    import subprocess
    import sys

    from tests.privacy_image.conftest import ROOT

    proc = subprocess.run(
        [sys.executable, "-c", _COLD_START], cwd=ROOT, capture_output=True, text=True,
        timeout=180, check=True,
    )  # fmt: skip
    assert proc.stdout.split() == [",".join(["[]"] * 8), "True"]


_THREADS = """
from desktop.privacy.image import neural
print(neural._sessions.threads)  # the default
neural.set_threads(2)
neural.preload()
neural.set_threads(1)  # too late: the sessions keep what they were loaded with
print(neural._sessions.face.get_session_options().intra_op_num_threads,
      neural._sessions.person.get_session_options().intra_op_num_threads)
"""


def test_set_threads_before_loading_decides_the_threads_of_both_networks() -> None:
    import subprocess
    import sys

    from tests.privacy_image.conftest import ROOT

    proc = subprocess.run(
        [sys.executable, "-c", _THREADS], cwd=ROOT, capture_output=True, text=True,
        timeout=120, check=True,
    )  # fmt: skip
    assert proc.stdout.split() == ["1", "2", "2"]
