"""Face flagging behind a small protocol; dlib is imported lazily on first use (``native``).

The default detector is dlib's HOG frontal face detector (``dlib.get_frontal_face_detector``:
five HOG filters — frontal, turned left/right, tilted left/right — compiled into the library of
the ``dlib-bin`` wheel, no download; a copy saved in dlib's binary format ships in
``resources/faces`` because it loads ~150× faster). It runs on a downscaled
copy, upsampled once so that faces down to ~40 px of that copy are found. Measured on the shared
face set by ``bench/faces_quality.py``: 31/31 face photos flagged, 0/13 windscreen photos,
~0.1 s CPU per photo (the OpenCV Haar cascades it replaced: 30/31, 0/13, ~0.55 s CPU).
Flagging is advisory: the agent sees the boxes and decides; :func:`pixelate` blurs them.
"""

from __future__ import annotations

import pickle
import threading
from typing import Any, Protocol

import numpy as np
from PIL import Image

from desktop.privacy.image.model import FaceBox
from desktop.privacy.image.native import dlib_module

DETECT_SIDE = 640  # longest side of the copy the detector sees


class FaceDetector(Protocol):
    """Anything that finds faces in an RGB array (H×W×3, uint8) in that array's coordinates."""

    def detect(self, rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> list[FaceBox]:
        """Return face boxes with scores in 0..1."""
        ...


class HogFaceDetector:
    """dlib's HOG face detector; thread-safe, loads dlib on first call.

    A dlib object detector keeps scratch buffers and must not be used by two threads at once,
    so every thread that detects gets its own copy. The model is read once per process from
    :data:`MODEL_FILE` (~3 ms; decoding dlib's embedded copy would take 0.5-0.9 s CPU),
    further threads get a copy through pickle.
    """

    def __init__(self, upsample: int = 1, threshold: float = 0.0) -> None:
        # upsample 1 finds faces down to ~40 px on the 640-px copy (0: ~80 px) for ~4× the CPU;
        # threshold is the SVM margin a window needs: at 0 (dlib's default) the face set has no
        # false alarm; the best-scored windscreen window reached -0.26 at upsample 0.
        self._upsample = upsample
        self._threshold = threshold
        self._local = threading.local()

    def detect(self, rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> list[FaceBox]:
        """Faces in ``rgb``; boxes overlapping each other are merged."""
        dlib = dlib_module()
        detector: Any = getattr(self._local, "detector", None)
        if detector is None:
            detector = self._local.detector = _new_detector(dlib)
        height, width = rgb.shape[:2]
        rects, scores, _ = detector.run(np.ascontiguousarray(rgb), self._upsample, self._threshold)
        boxes = []
        for rect, score in zip(rects, scores, strict=True):
            x, y = max(0, int(rect.left())), max(0, int(rect.top()))
            w = min(width, int(rect.right()) + 1) - x
            h = min(height, int(rect.bottom()) + 1) - y
            if w > 0 and h > 0:
                boxes.append(FaceBox(x, y, w, h, _confidence(float(score))))
        return merge_boxes(boxes)


_model: bytes | None = None
_model_lock = threading.Lock()


MODEL_FILE = "faces/frontal_face_hog.svm"
"""dlib's built-in frontal face model saved in dlib's own binary format (``detector.save``;
155 KB, Boost Software License): loading it takes ~3 ms, while
``get_frontal_face_detector()`` decodes the model embedded in the library for ~0.5 s CPU.
``tests/privacy_image/test_faces.py`` checks that it is byte-identical to the built-in model."""


def _new_detector(dlib: Any) -> Any:
    """A fresh ``dlib.fhog_object_detector`` for one thread (the model is read once)."""
    global _model
    with _model_lock:
        if _model is None:
            detector = _load_model(dlib)
            _model = pickle.dumps(detector)
            return detector
    return pickle.loads(_model)  # our own bytes, made in this process


def _load_model(dlib: Any) -> Any:
    """The shipped model file; the built-in model if it cannot be read (e.g. a path dlib
    cannot open on Windows: it takes file names in the ANSI code page)."""
    from desktop.paths import resource_path

    try:
        return dlib.fhog_object_detector(str(resource_path(MODEL_FILE)))
    except Exception:  # noqa: BLE001 - same model, only slower to build
        return dlib.get_frontal_face_detector()


def _confidence(margin: float) -> float:
    """The detector's SVM margin (≥ threshold, typically 0..3) mapped into 0..1."""
    return round(min(1.0, max(0.01, 0.5 + margin / 4)), 2)


def _iou(a: FaceBox, b: FaceBox) -> float:
    ix = max(0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    inter = ix * iy
    union = a.w * a.h + b.w * b.h - inter
    return inter / union if union else 0.0


def merge_boxes(boxes: list[FaceBox], threshold: float = 0.3) -> list[FaceBox]:
    """Drop boxes overlapping a higher-scored one by more than ``threshold`` IoU."""
    kept: list[FaceBox] = []
    for box in sorted(boxes, key=lambda b: (-b.score, -b.w * b.h)):
        if all(_iou(box, k) <= threshold for k in kept):
            kept.append(box)
    return kept


_default: HogFaceDetector | None = None
_default_lock = threading.Lock()


def default_detector() -> FaceDetector:
    """The shared HOG detector (created once, dlib loaded on first detect)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = HogFaceDetector()
        return _default


def scale_boxes(boxes: list[FaceBox], factor: float, size: tuple[int, int]) -> list[FaceBox]:
    """Boxes from a downscaled copy mapped to an image of ``size`` (clamped to it)."""
    w_max, h_max = size
    out = []
    for b in boxes:
        x, y = min(w_max - 1, round(b.x * factor)), min(h_max - 1, round(b.y * factor))
        w, h = min(w_max - x, round(b.w * factor)), min(h_max - y, round(b.h * factor))
        out.append(FaceBox(x, y, max(1, w), max(1, h), b.score))
    return out


def pixelate(img: Image.Image, boxes: list[FaceBox], margin: float = 0.25) -> Image.Image:
    """Copy of ``img`` with each box (grown by ``margin``) turned into a coarse 6×6 mosaic."""
    out = img.copy()
    for b in boxes:
        dx, dy = round(b.w * margin), round(b.h * margin)
        box = (
            max(0, b.x - dx),
            max(0, b.y - dy),
            min(img.width, b.x + b.w + dx),
            min(img.height, b.y + b.h + dy),
        )
        region = out.crop(box)
        cells = (max(1, min(6, region.width)), max(1, min(6, region.height)))
        small = region.resize(cells, Image.Resampling.BOX)
        out.paste(small.resize(region.size, Image.Resampling.NEAREST), box[:2])
    return out
