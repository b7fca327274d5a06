"""Flag photos that show a document or a dense block of text (ID card, contract, letter).

Method (numpy; dlib labels the connected components), on a grayscale copy whose longest side is
``DOC_SIDE`` px:

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
from PIL import Image

from desktop.privacy.image.native import dlib_module

DOC_SIDE = 1000
MIN_LINES = 5

U8 = np.ndarray[Any, np.dtype[np.uint8]]


def looks_like_document(rgb: U8) -> bool:
    """True when ``rgb`` (H×W×3 uint8, any size) shows a block of text lines."""
    return document_region(rgb) is not None


def document_region(rgb: U8) -> tuple[int, int, int, int] | None:
    """The text block ``rgb`` (H×W×3 uint8, any size) shows, as ``(x, y, w, h)`` in ``rgb``'s
    pixels (the union of its stacked lines), or None when it shows no document."""
    h, w = rgb.shape[:2]
    scale = DOC_SIDE / max(h, w)
    if scale < 1:
        size = (round(w * scale), round(h * scale))
        small = Image.fromarray(np.ascontiguousarray(rgb)).resize(size, Image.Resampling.BOX)
        rgb = np.asarray(small, dtype=np.uint8)
    gray = _gray(rgb)
    blackhat = _close(gray, 9, 9) - gray  # closing ≥ image: no underflow
    strokes = (blackhat > max(_otsu(blackhat), 40)).astype(np.uint8)
    lines = _close(strokes, 3, 15)
    boxes = []
    for x, y, bw, bh in _components(lines):
        if not (4 <= bh <= 40 and bw >= 3 * bh and bw >= 20):
            continue
        fill = float(strokes[y : y + bh, x : x + bw].mean())
        if not 0.12 <= fill <= 0.75:
            continue
        if np.median(gray[y : y + bh, x : x + bw]) < 120:
            continue
        if _saturation(rgb[y : y + bh, x : x + bw]).mean() > 70:
            continue
        boxes.append((x, y, bw, bh))
    stacked = _stacked(boxes)
    if len(stacked) < MIN_LINES:
        return None
    f = 1 / scale if scale < 1 else 1.0
    x0, y0 = min(b[0] for b in stacked), min(b[1] for b in stacked)
    x1, y1 = max(b[0] + b[2] for b in stacked), max(b[1] + b[3] for b in stacked)
    left, top = int(x0 * f), int(y0 * f)
    return left, top, min(w, round(x1 * f)) - left, min(h, round(y1 * f)) - top


def _gray(rgb: U8) -> U8:
    """ITU-R BT.601 luma, rounded (as OpenCV's RGB2GRAY)."""
    r, g, b = (rgb[..., i].astype(np.float32) for i in range(3))
    return np.asarray(np.rint(0.299 * r + 0.587 * g + 0.114 * b), dtype=np.uint8)


def _saturation(rgb: U8) -> U8:
    """HSV saturation in 0..255: (max - min) / max."""
    hi = rgb.max(axis=2).astype(np.float32)
    lo = rgb.min(axis=2).astype(np.float32)
    sat = np.divide(255 * (hi - lo), hi, out=np.zeros_like(hi), where=hi > 0)
    return np.asarray(np.rint(sat), dtype=np.uint8)


def _extreme(img: U8, rows: int, cols: int, op: Any) -> U8:
    """Separable max (``np.maximum``) or min filter over a centred rows×cols rectangle.

    Edge pixels are replicated, which for max/min equals ignoring the outside of the image.
    """
    out = img
    if rows > 1:
        n, top = out.shape[0], rows // 2
        padded = np.pad(out, ((top, rows - 1 - top), (0, 0)), mode="edge")
        out = padded[:n].copy()
        for k in range(1, rows):
            op(out, padded[k : k + n], out=out)
    if cols > 1:
        n, left = out.shape[1], cols // 2
        padded = np.pad(out, ((0, 0), (left, cols - 1 - left)), mode="edge")
        out = padded[:, :n].copy()
        for k in range(1, cols):
            op(out, padded[:, k : k + n], out=out)
    return out


def _close(img: U8, rows: int, cols: int) -> U8:
    """Morphological closing (dilate, then erode) with a rows×cols rectangle."""
    return _extreme(_extreme(img, rows, cols, np.maximum), rows, cols, np.minimum)


def _otsu(img: U8) -> int:
    """Otsu's threshold of an 8-bit image: pixels ``> t`` are foreground."""
    hist = np.bincount(img.ravel(), minlength=256).astype(np.float64)
    p = hist / max(1.0, hist.sum())
    omega = np.cumsum(p)
    mu = np.cumsum(p * np.arange(256))
    mu_t = mu[-1]
    denom = omega * (1 - omega)
    sigma = np.divide((mu_t * omega - mu) ** 2, denom, out=np.zeros(256), where=denom > 1e-12)
    return int(np.argmax(sigma))


def _components(mask: U8) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of the 8-connected blobs of non-zero pixels."""
    labels, count = dlib_module().label_connected_blobs(np.ascontiguousarray(mask))
    labels = np.asarray(labels)
    if count <= 1:
        return []
    ys, xs = np.nonzero(labels)
    ids = labels[ys, xs].astype(np.intp)
    x0 = np.full(count, mask.shape[1], np.intp)
    y0 = np.full(count, mask.shape[0], np.intp)
    x1 = np.full(count, -1, np.intp)
    y1 = np.full(count, -1, np.intp)
    np.minimum.at(x0, ids, xs)
    np.minimum.at(y0, ids, ys)
    np.maximum.at(x1, ids, xs)
    np.maximum.at(y1, ids, ys)
    return [
        (int(x0[i]), int(y0[i]), int(x1[i] - x0[i] + 1), int(y1[i] - y0[i] + 1))
        for i in range(1, count)
        if x1[i] >= 0
    ]


def _stacked(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The line boxes that have at least two neighbours stacked above or below them."""
    hits = []
    for i, (x, y, w, h) in enumerate(boxes):
        neighbours = 0
        for j, (x2, y2, w2, h2) in enumerate(boxes):
            if i == j or abs(y2 - y) > 4 * max(h, h2) or abs(y2 - y) < min(h, h2) / 2:
                continue
            overlap = min(x + w, x2 + w2) - max(x, x2)
            if overlap >= 0.5 * min(w, w2):
                neighbours += 1
        if neighbours >= 2:
            hits.append((x, y, w, h))
    return hits
