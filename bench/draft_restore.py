"""Draft state with photos: what it costs on the GUI thread.

Prints, for a Komplettvermittlung with N cleaned photos in the encrypted store:
- the autosave's GUI-thread part per save (``draft_payload()`` + the photos callable: values,
  dismissals, photo descriptions, references to the cleaned bytes), p50/p99;
- restoring the draft: time ``load_draft`` blocks the GUI thread (values, consent,
  dismissals, tiles appear) and the time until every photo's bytes are back (db pool) and
  every preview is decoded (media pool).

    python bench/draft_restore.py [--photos 10] [--side 2000] [--runs 200]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _photo(side: int, seed: int) -> bytes:
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, (side // 50, side // 50, 3), dtype=np.uint8)
    picture = Image.fromarray(small).resize((side, side * 3 // 4), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def _meta(image_id: str, data: bytes, side: int) -> dict[str, object]:
    return {
        "image_id": image_id,
        "blob": image_id,
        "media_type": "image/jpeg",
        "width": side,
        "height": side * 3 // 4,
        "removed": ["gps", "camera"],
        "warnings": [],
        "faces": [],
        "blurred": False,
    }


def main() -> int:
    """Run the measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--side", type=int, default=2000, help="photo width in pixels")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    from app_services import app_services  # bench/app_services.py

    from PySide6.QtWidgets import QApplication

    from desktop import workarounds
    from desktop.views.referral.draft_state import draft_photos
    from desktop.views.referral.wizard import CompleteReferralView

    app = QApplication.instance() or QApplication(sys.argv)
    workarounds.apply()  # as the app does at start
    photos = {f"photo-{i}": _photo(args.side, i) for i in range(args.photos)}
    with app_services() as services:
        store = services.store
        payload = {
            "kind": "complete",
            "mandatory": {"nachname": "Muster", "telefon": "040 1234567"},
            "repair_consent": True,
            "consent": True,
            "freetext_consent": True,
            "voluntary": {"zusatzinfo": "Rückruf bitte unter 0176 4433221"},
            "dismissed": {"zusatzinfo": [["identifier.phone", "0176 4433221"]]},
            "photos": [_meta(k, v, args.side) for k, v in photos.items()],
        }
        store.save_draft(
            "d1", "complete", payload, {k: (v, "image/jpeg") for k, v in photos.items()}
        )
        view = CompleteReferralView(services)
        from desktop.privacy.text import check

        check("Rückruf bitte", "zusatzinfo")  # the engine's one-time start (the app warms it)

        strip = view.photos
        assert strip is not None
        started = time.perf_counter()
        view.load_draft("d1")
        blocked_ms = (time.perf_counter() - started) * 1000.0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (
            len(strip.cleaned()) == args.photos
            and all(not t.picture.pixmap().isNull() for t in strip.tiles)
        ):
            app.processEvents()
            time.sleep(0.001)
        ready_ms = (time.perf_counter() - started) * 1000.0

        costs = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            view.drafts.payload()
            draft_photos(view)
            costs.append((time.perf_counter() - t0) * 1000.0)
        costs.sort()
        size = sum(len(v) for v in photos.values()) / 1e6
        print(f"photos: {args.photos} x {args.side}px JPEG, {size:.1f} MB cleaned bytes in total")
        print(f"restore: GUI thread blocked by load_draft {blocked_ms:.1f} ms")
        print(f"restore: all photos back and previews decoded after {ready_ms:.0f} ms")
        p99 = costs[min(len(costs) - 1, int(len(costs) * 0.99))]
        print(
            f"autosave GUI part (payload + photos): p50 {statistics.median(costs):.3f} ms"
            f"  p99 {p99:.3f} ms"
        )
        view.drafts.autosaver.flush()
        while view.drafts.autosaver.has_pending():
            app.processEvents()
        view.deleteLater()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
