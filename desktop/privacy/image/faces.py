"""Face flagging behind a small protocol; OpenCV is imported lazily on first use (``cv.opencv``).

The default detector runs OpenCV's frontal and profile Haar cascades (the weights ship inside
``opencv-python-headless<5``, no download) on a downscaled grayscale copy. Profile faces are
searched in the picture and its mirror image, because the cascade only knows one side.
Flagging is advisory: the agent sees the boxes and decides; :func:`pixelate` blurs them.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

import numpy as np
from PIL import Image

from desktop.privacy.image.cv import opencv
from desktop.privacy.image.model import FaceBox

DETECT_SIDE = 640  # longest side of the copy the detector sees


class FaceDetector(Protocol):
    """Anything that finds faces in an RGB array (H×W×3, uint8) in that array's coordinates."""

    def detect(self, rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> list[FaceBox]:
        """Return face boxes with scores in 0..1."""
        ...


class HaarFaceDetector:
    """OpenCV Haar cascades (frontal + profile); thread-safe, loads cv2 on first call.

    OpenCV algorithm objects must not be shared between threads (a ``CascadeClassifier`` keeps
    per-call buffers; concurrent ``detectMultiScale`` calls can crash the process), so every
    thread that detects gets its own pair of cascades (loaded once per thread, ~0.1 s).
    """

    def __init__(
        self,
        min_neighbors: int = 5,
        min_size: int = 20,
        scale_factor: float = 1.1,
        profile_scale: float = 0.75,
    ) -> None:
        self._min_neighbors = min_neighbors
        self._scale_factor = scale_factor
        self._min_size = min_size
        # The profile cascade (run twice: picture and mirror) is the costly part; running it on
        # a 0.75× copy cut CPU time by ~25 % with the same recall/false alarms on the face set
        # (bench/faces_quality.py --profile-scale); the frontal cascade keeps full resolution.
        self._profile_scale = profile_scale
        self._local = threading.local()

    def _load(self) -> list[Any]:
        cv2 = opencv()

        base = cv2.data.haarcascades  # type: ignore[attr-defined,unused-ignore]
        names = ("haarcascade_frontalface_default.xml", "haarcascade_profileface.xml")
        cascades = [cv2.CascadeClassifier(base + name) for name in names]
        if any(c.empty() for c in cascades):
            raise RuntimeError("OpenCV Haar cascades missing (opencv-python-headless>=5?)")
        return cascades

    def detect(self, rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> list[FaceBox]:
        """Faces in ``rgb``; boxes overlapping each other are merged."""
        cv2 = opencv()

        cascades: list[Any] | None = getattr(self._local, "cascades", None)
        if cascades is None:
            cascades = self._local.cascades = self._load()
        frontal, profile = cascades
        gray = cv2.equalizeHist(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
        boxes = self._run(frontal, gray)
        f = self._profile_scale
        side = gray if f == 1 else cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
        width = side.shape[1]
        found = self._run(profile, side) + [
            FaceBox(width - b.x - b.w, b.y, b.w, b.h, b.score)
            for b in self._run(profile, cv2.flip(side, 1))
        ]
        boxes += [
            FaceBox(round(b.x / f), round(b.y / f), round(b.w / f), round(b.h / f), b.score)
            for b in found
        ]
        return merge_boxes(boxes)

    def _run(self, cascade: Any, gray: Any) -> list[FaceBox]:
        size = (self._min_size, self._min_size)
        rects, counts = cascade.detectMultiScale2(
            gray, scaleFactor=self._scale_factor, minNeighbors=self._min_neighbors, minSize=size
        )
        return [
            FaceBox(int(x), int(y), int(w), int(h), round(min(1.0, 0.3 + int(n) / 30), 2))
            for (x, y, w, h), n in zip(rects, counts, strict=False)
        ]


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


_default: HaarFaceDetector | None = None
_default_lock = threading.Lock()


def default_detector() -> FaceDetector:
    """The shared Haar detector (created once, cascades loaded on first detect)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = HaarFaceDetector()
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
