"""Face and document flagging quality on the shared face photo set (prints figures).

Usage: python bench/faces_quality.py [FACES_DIR] [--upsample 1] [--threshold 0.0]

FACES_DIR (default ``../shared/data/faces`` next to the checkout, or $GV_FACES_DIR) holds
``with_faces/`` (every photo shows a face) and ``without_faces/`` (windscreen damage, no person).
Every photo goes through the real pipeline, ``scrub(data)`` (sniffing, orientation, the
downscaled copy the detector sees), with a HOG detector built from the options. Prints
image-level recall, false-positive rate, document false alarms, the missed / falsely flagged
file names (public test photos), the lowest detector margin on a face photo and the highest on
a windscreen photo (how far the threshold is from a miss or a false alarm), and the
face-detection wall and CPU time per photo. The photos are read in
place, never copied into the project.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from desktop.privacy.image import FaceBox, HogFaceDetector, ImageRejected, scrub
from desktop.privacy.image.faces import DETECT_SIDE
from desktop.privacy.image.native import dlib_module

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "faces"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("faces_dir", nargs="?", default=os.environ.get("GV_FACES_DIR", DEFAULT_DIR))
    ap.add_argument("--upsample", type=int, default=1)
    ap.add_argument("--threshold", type=float, default=0.0)
    a = ap.parse_args()
    root = Path(a.faces_dir)
    detector = _Measured(HogFaceDetector(upsample=a.upsample, threshold=a.threshold), a.upsample)
    detector.detect(np.zeros((64, 64, 3), np.uint8))  # dlib loaded outside the timing
    detector.cpu.clear()
    times: list[float] = []
    margins: dict[str, list[float]] = {}
    for group in ("with_faces", "without_faces"):
        files = sorted(p for p in (root / group).iterdir() if p.is_file())
        flagged, docs, odd = 0, 0, []
        for path in files:
            try:
                result = scrub(path.read_bytes(), detector=detector)
            except ImageRejected as exc:
                print(f"  {path.name}: refused ({exc.code})")
                continue
            times.append(result.timings.get("faces", 0.0))
            margins.setdefault(group, []).append(detector.best_margin)
            flagged += bool(result.faces)
            docs += "document" in result.warnings
            if bool(result.faces) != (group == "with_faces"):
                odd.append(path.name)
        rate = flagged / len(files)
        what = "recall" if group == "with_faces" else "false-positive rate"
        label = "missed" if group == "with_faces" else "falsely flagged"
        print(f"{group}: {flagged}/{len(files)} flagged ({what} {rate:.2f}); "
              f"document flag {docs}; {label}: {', '.join(odd) or '-'}")  # fmt: skip
    low, high = min(margins["with_faces"]), max(margins["without_faces"])
    print(f"detector margin: lowest best face {low:.2f}, highest windscreen window {high:.2f} "
          f"(threshold {a.threshold})")  # fmt: skip
    cpu = detector.cpu
    print(f"face detection per photo (in scrub): median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms wall; CPU median {statistics.median(cpu) * 1000:.0f} "
          f"ms, max {max(cpu) * 1000:.0f} ms (≤ {DETECT_SIDE} px, dlib HOG, "
          f"upsample {a.upsample})")  # fmt: skip


class _Measured:
    """The detector plus its CPU time per call and the best raw margin of the picture.

    The margin comes from a second run at a very low threshold (not timed), so that the bench
    shows how close the photos are to the threshold on either side.
    """

    def __init__(self, inner: HogFaceDetector, upsample: int) -> None:
        self.inner, self.upsample = inner, upsample
        self.cpu: list[float] = []
        self.best_margin = float("nan")
        self._raw: Any = None

    def detect(self, rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> list[FaceBox]:
        start = time.process_time()
        boxes = self.inner.detect(rgb)
        self.cpu.append(time.process_time() - start)
        if self._raw is None:
            self._raw = dlib_module().get_frontal_face_detector()
        _, scores, _ = self._raw.run(np.ascontiguousarray(rgb), self.upsample, -2.0)
        self.best_margin = max(scores, default=-2.0)
        return boxes


if __name__ == "__main__":
    main()
