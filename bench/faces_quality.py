"""Face and document flagging quality on the shared face photo set (prints figures).

Usage: python bench/faces_quality.py [FACES_DIR] [--scale-factor 1.1] [--min-neighbors 5]

FACES_DIR (default ``../shared/data/faces`` next to the checkout, or $GV_FACES_DIR) holds
``with_faces/`` (every photo shows a face) and ``without_faces/`` (windscreen damage, no person).
Prints image-level recall, false-positive rate, document false alarms and time per photo. The
photos are read in place, never copied into the project.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from desktop.privacy.image.document import looks_like_document
from desktop.privacy.image.faces import DETECT_SIDE, HaarFaceDetector
from desktop.privacy.image.render import shrink

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "faces"


def _load(path: Path) -> np.ndarray:
    with Image.open(path) as img:
        rgb = ImageOps.exif_transpose(img).convert("RGB")
    return np.asarray(shrink(rgb, 1000))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("faces_dir", nargs="?", default=os.environ.get("GV_FACES_DIR", DEFAULT_DIR))
    ap.add_argument("--min-neighbors", type=int, default=5)
    ap.add_argument("--scale-factor", type=float, default=1.1)
    a = ap.parse_args()
    root = Path(a.faces_dir)
    detector = HaarFaceDetector(min_neighbors=a.min_neighbors, scale_factor=a.scale_factor)
    detector.detect(np.zeros((64, 64, 3), np.uint8))  # load cascades outside the timing
    times: list[float] = []
    for group in ("with_faces", "without_faces"):
        files = sorted(p for p in (root / group).iterdir() if p.is_file())
        flagged = docs = 0
        for path in files:
            rgb = _load(path)
            small = np.asarray(shrink(Image.fromarray(rgb), DETECT_SIDE))
            t = time.perf_counter()
            boxes = detector.detect(small)
            times.append(time.perf_counter() - t)
            flagged += bool(boxes)
            docs += looks_like_document(rgb)
        rate = flagged / len(files)
        what = "recall" if group == "with_faces" else "false-positive rate"
        print(f"{group}: {flagged}/{len(files)} flagged ({what} {rate:.2f}); document flag {docs}")
    print(
        f"face detection per photo: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms (≤ {DETECT_SIDE} px, frontal + profile×2)"
    )


if __name__ == "__main__":
    main()
