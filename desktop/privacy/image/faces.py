"""Face and person flagging behind a small protocol, and the blur that hides what was flagged.

The default detector (:func:`default_detector`) is :class:`~desktop.privacy.image.neural.
NeuralDetector`: CenterFace for faces (small, turned, masked, dim) and YOLOX-nano for persons
whose face is not visible, run by onnxruntime, imported on first use. Where onnxruntime or its
model files are missing (a platform without a wheel), dlib's HOG frontal face detector
(:class:`HogFaceDetector`, compiled into the ``dlib-bin`` wheel; a copy of its model ships in
``resources/faces`` because it loads ~150× faster) takes over. Measured by
``bench/faces_quality.py`` on the easy and the hard public face sets.
Flagging is advisory: the agent sees the boxes and decides; :func:`blur_regions` hides them.
"""

from __future__ import annotations

import pickle
import threading
from typing import Any, Protocol

import numpy as np
from PIL import Image, ImageFilter

from desktop.privacy.image.model import FaceBox
from desktop.privacy.image.native import dlib_module

DETECT_SIDE = 1280  # longest side of the copy the detector is given (at most)
HOG_SIDE = 640  # the HOG detector shrinks larger copies to this


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
        """Faces in ``rgb`` (searched on a copy of at most :data:`HOG_SIDE` px); boxes
        overlapping each other are merged."""
        height, width = rgb.shape[:2]
        if max(height, width) > HOG_SIDE:
            factor = HOG_SIDE / max(height, width)
            size = (max(1, round(width * factor)), max(1, round(height * factor)))
            small = np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BOX))
            return scale_boxes(self.detect(small), width / size[0], (width, height))
        dlib = dlib_module()
        detector: Any = getattr(self._local, "detector", None)
        if detector is None:
            detector = self._local.detector = _new_detector(dlib)
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
    """Drop boxes overlapping a higher-scored one of the same kind by more than ``threshold``
    IoU."""
    kept: list[FaceBox] = []
    for box in sorted(boxes, key=lambda b: (-b.score, -b.w * b.h)):
        if all(k.kind != box.kind or _iou(box, k) <= threshold for k in kept):
            kept.append(box)
    return kept


_default: FaceDetector | None = None
_default_lock = threading.Lock()


def default_detector() -> FaceDetector:
    """The shared detector, created once: faces and persons with onnxruntime where it is
    installed with its models (imported on first detect), else dlib's HOG face detector."""
    global _default
    with _default_lock:
        if _default is None:
            from desktop.privacy.image import neural

            _default = neural.NeuralDetector() if neural.runtime_available() else HogFaceDetector()
        return _default


def scale_boxes(boxes: list[FaceBox], factor: float, size: tuple[int, int]) -> list[FaceBox]:
    """Boxes from a downscaled copy mapped to an image of ``size`` (clamped to it)."""
    w_max, h_max = size
    out = []
    for b in boxes:
        x, y = min(w_max - 1, round(b.x * factor)), min(h_max - 1, round(b.y * factor))
        w, h = min(w_max - x, round(b.w * factor)), min(h_max - y, round(b.h * factor))
        out.append(FaceBox(x, y, max(1, w), max(1, h), b.score, b.kind))
    return out


BLUR_MARGIN = {"face": 0.3, "person": 0.05}  # share of the box added on every side
SMALL_FACE, SMALL_FACE_MARGIN = 40, 0.6  # faces below 40 px get a wider margin
BLUR_CELLS = 4  # a blurred region keeps about this many averaged pixels across its longer side
_FILTERABLE = ("RGB", "RGBA", "L", "LA", "CMYK")


def blur_regions(img: Image.Image, boxes: list[FaceBox]) -> Image.Image:
    """Copy of ``img`` with every box (grown by :data:`BLUR_MARGIN`) blurred beyond recognition.

    Works on the full-resolution photo: each region is reduced to about :data:`BLUR_CELLS` px
    across its longer side (averaging), blurred there, enlarged back smoothly and blurred again
    with a radius of 1/:data:`BLUR_CELLS` of that side: a smooth blot of the region's colours,
    no facial feature and no mosaic edge survives; the cost grows with the box area only.
    """
    if img.mode in _FILTERABLE:
        out = img.copy()
    else:  # palette, 1-bit, 16-bit: Pillow cannot blur them in place
        alpha = img.mode in ("PA", "La") or "transparency" in img.info
        out = img.convert("RGBA" if alpha else "RGB")
    for b in boxes:
        margin = BLUR_MARGIN.get(b.kind, BLUR_MARGIN["face"])
        if b.kind == "face" and max(b.w, b.h) < SMALL_FACE:
            margin = SMALL_FACE_MARGIN  # hair, chin and neck of a tiny face still read as one
        dx, dy = round(b.w * margin), round(b.h * margin)
        box = (
            max(0, b.x - dx),
            max(0, b.y - dy),
            min(img.width, b.x + b.w + dx),
            min(img.height, b.y + b.h + dy),
        )
        if box[2] <= box[0] or box[3] <= box[1]:
            continue
        region = out.crop(box)
        side = max(region.size)
        factor = min(1.0, BLUR_CELLS / side)
        small = region.resize(
            (max(1, round(region.width * factor)), max(1, round(region.height * factor))),
            Image.Resampling.BOX,
        ).filter(ImageFilter.GaussianBlur(1.5))
        smooth = small.resize(region.size, Image.Resampling.BICUBIC)
        out.paste(smooth.filter(ImageFilter.GaussianBlur(max(1.0, side / BLUR_CELLS))), box[:2])
    return out


def pixelate(img: Image.Image, boxes: list[FaceBox]) -> Image.Image:
    """Former name of :func:`blur_regions` (same blur)."""
    return blur_regions(img, boxes)
