"""Face and document flagging quality on the shared face photo set (prints figures).

Usage: python bench/faces_quality.py [FACES_DIR] [--scale-factor 1.1] [--min-neighbors 5]
       [--profile-scale 0.75]

FACES_DIR (default ``../shared/data/faces`` next to the checkout, or $GV_FACES_DIR) holds
``with_faces/`` (every photo shows a face) and ``without_faces/`` (windscreen damage, no person).
Every photo goes through the real pipeline, ``scrub(data)`` (sniffing, orientation, the
downscaled copy the detector sees), with a Haar detector built from the options. Prints
image-level recall, false-positive rate, document false alarms, the missed / falsely flagged
file names (public test photos) and the face-detection time per photo. The photos are read in
place, never copied into the project.
"""

from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

from desktop.privacy.image import HaarFaceDetector, ImageRejected, scrub
from desktop.privacy.image.faces import DETECT_SIDE

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "faces"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("faces_dir", nargs="?", default=os.environ.get("GV_FACES_DIR", DEFAULT_DIR))
    ap.add_argument("--min-neighbors", type=int, default=5)
    ap.add_argument("--scale-factor", type=float, default=1.1)
    ap.add_argument("--profile-scale", type=float, default=0.75)
    a = ap.parse_args()
    root = Path(a.faces_dir)
    detector = HaarFaceDetector(
        min_neighbors=a.min_neighbors, scale_factor=a.scale_factor, profile_scale=a.profile_scale
    )
    times: list[float] = []
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
            flagged += bool(result.faces)
            docs += "document" in result.warnings
            if bool(result.faces) != (group == "with_faces"):
                odd.append(path.name)
        rate = flagged / len(files)
        what = "recall" if group == "with_faces" else "false-positive rate"
        label = "missed" if group == "with_faces" else "falsely flagged"
        print(f"{group}: {flagged}/{len(files)} flagged ({what} {rate:.2f}); "
              f"document flag {docs}; {label}: {', '.join(odd) or '-'}")  # fmt: skip
    print(f"face detection per photo (in scrub): median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms (≤ {DETECT_SIDE} px, frontal + profile×2, "
          f"scale factor {a.scale_factor}, min neighbours {a.min_neighbors}, "
          f"profile pass at {a.profile_scale}×)")  # fmt: skip


if __name__ == "__main__":
    main()
