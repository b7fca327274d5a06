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

import threading
from typing import Any, Protocol

import numpy as np
from PIL import Image, ImageFilter

from desktop.privacy.image import neural
from desktop.privacy.image.boxes import merge_boxes, scale_boxes
from desktop.privacy.image.hog import MODEL_FILE, HogFaceDetector
from desktop.privacy.image.model import FaceBox

__all__ = [
    "DETECT_SIDE",
    "MODEL_FILE",
    "FaceDetector",
    "HogFaceDetector",
    "blur_regions",
    "default_detector",
    "merge_boxes",
    "scale_boxes",
]

DETECT_SIDE = 1280  # longest side of the copy the detector is given (at most)


BLUR_MARGIN = {"face": 0.3, "person": 0.05}  # share of the box added on every side
SMALL_FACE, SMALL_FACE_MARGIN = 40, 0.6  # faces below 40 px get a wider margin
BLUR_CELLS = 4  # a blurred region keeps about this many averaged pixels across its longer side
_FILTERABLE = ("RGB", "RGBA", "L", "LA", "CMYK")


class FaceDetector(Protocol):
    """Anything that finds faces in an RGB array (H×W×3, uint8) in that array's coordinates."""

    def detect(self, rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> list[FaceBox]:
        """Return face boxes with scores in 0..1."""
        ...


_default: FaceDetector | None = None
_default_lock = threading.Lock()


def default_detector() -> FaceDetector:
    """The shared detector, created once: faces and persons with onnxruntime where it is
    installed with its models (imported on first detect), else dlib's HOG face detector."""
    global _default
    with _default_lock:
        if _default is None:
            _default = neural.NeuralDetector() if neural.runtime_available() else HogFaceDetector()
        return _default


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
