"""dlib's HOG frontal face detector: the fallback where onnxruntime or its models are missing.

Compiled into the ``dlib-bin`` wheel; a copy of its model ships in ``resources/faces`` because
it loads ~150× faster than the copy embedded in the library.
"""

from __future__ import annotations

import pickle
import threading
from typing import Any

import numpy as np
from PIL import Image

from desktop.paths import resource_path
from desktop.privacy.image.boxes import merge_boxes, scale_boxes
from desktop.privacy.image.model import FaceBox
from desktop.privacy.image.native import dlib_module

HOG_SIDE = 640  # the HOG detector shrinks larger copies to this


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
    try:
        return dlib.fhog_object_detector(str(resource_path(MODEL_FILE)))
    except Exception:  # noqa: BLE001 - same model, only slower to build
        return dlib.get_frontal_face_detector()


def _confidence(margin: float) -> float:
    """The detector's SVM margin (≥ threshold, typically 0..3) mapped into 0..1."""
    return round(min(1.0, max(0.01, 0.5 + margin / 4)), 2)
