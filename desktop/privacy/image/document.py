"""Flag photos that show a document or a dense block of text (ID card, contract, letter).

Method (OpenCV, on a grayscale copy whose longest side is ``DOC_SIDE`` px):

1. *Dark strokes on a bright ground*: a morphological black-hat (closing minus image) with a
   small rectangular kernel keeps thin dark structures — letters — and removes large ones;
   Otsu's threshold on it (with a floor) gives a stroke mask.
2. *Text lines*: closing the stroke mask with a wide, flat kernel fuses the letters of a line
   into one blob. Each connected component is a line candidate when it is flat (width ≥ 3 ×
   height, height 4–40 px), partly filled with strokes (fill 12–75 %) and lies on bright,
   unsaturated ground (median gray ≥ 120, mean HSV saturation ≤ 70) — paper, not glass or sky.
3. *Paragraph structure*: a document has many such lines stacked above each other. A line
   counts when at least two other lines overlap it horizontally by half and sit within four
   line heights vertically. The photo is flagged when at least ``MIN_LINES`` lines count.

Cracks and chips are long, thin, irregular and rarely stacked in parallel; drawn detection
labels and a watermark are single lines. Measured by ``bench/faces_quality.py`` (false alarms
on the windscreen photos) and by ``tests/privacy_image/test_scrub.py`` (rendered documents).
Limits: documents rotated by more than ~15° or photographed from very far away are missed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from desktop.privacy.image.cv import opencv

DOC_SIDE = 1000
MIN_LINES = 5


def looks_like_document(rgb: np.ndarray[Any, np.dtype[np.uint8]]) -> bool:
    """True when ``rgb`` (H×W×3 uint8, any size) shows a block of text lines."""
    cv2 = opencv()

    h, w = rgb.shape[:2]
    scale = DOC_SIDE / max(h, w)
    if scale < 1:
        size = (round(w * scale), round(h * scale))
        rgb = np.asarray(cv2.resize(rgb, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    sat = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)[..., 1]
    blackhat = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, np.ones((9, 9), np.uint8))
    otsu, _ = cv2.threshold(blackhat, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    strokes = (blackhat > max(otsu, 40)).astype(np.uint8)
    lines = cv2.morphologyEx(strokes, cv2.MORPH_CLOSE, np.ones((3, 15), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    boxes = []
    for x, y, bw, bh, _area in stats[1:count]:
        if not (4 <= bh <= 40 and bw >= 3 * bh and bw >= 20):
            continue
        fill = float(strokes[y : y + bh, x : x + bw].mean())
        if not 0.12 <= fill <= 0.75:
            continue
        if np.median(gray[y : y + bh, x : x + bw]) < 120 or sat[y : y + bh, x : x + bw].mean() > 70:
            continue
        boxes.append((int(x), int(y), int(bw), int(bh)))
    return _stacked(boxes) >= MIN_LINES


def _stacked(boxes: list[tuple[int, int, int, int]]) -> int:
    """How many line boxes have at least two neighbours stacked above or below them."""
    hits = 0
    for i, (x, y, w, h) in enumerate(boxes):
        neighbours = 0
        for j, (x2, y2, w2, h2) in enumerate(boxes):
            if i == j or abs(y2 - y) > 4 * max(h, h2) or abs(y2 - y) < min(h, h2) / 2:
                continue
            overlap = min(x + w, x2 + w2) - max(x, x2)
            if overlap >= 0.5 * min(w, w2):
                neighbours += 1
        hits += neighbours >= 2
    return hits
