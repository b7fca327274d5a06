"""Geometry of flagged regions: overlap, merging and scaling between image sizes."""

from __future__ import annotations

from desktop.privacy.image.model import FaceBox


def _iou(a: FaceBox, b: FaceBox) -> float:
    ix = max(0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    inter = ix * iy
    union = a.w * a.h + b.w * b.h - inter
    return inter / union if union else 0.0


def merge_boxes(boxes: list[FaceBox], threshold: float = 0.3) -> list[FaceBox]:
    """Drop boxes overlapping a higher-scored one of the same kind by more than ``threshold``
    IoU."""
    kept: list[FaceBox] = []
    for box in sorted(boxes, key=lambda b: (-b.score, -b.w * b.h)):
        if all(k.kind != box.kind or _iou(box, k) <= threshold for k in kept):
            kept.append(box)
    return kept


def scale_boxes(boxes: list[FaceBox], factor: float, size: tuple[int, int]) -> list[FaceBox]:
    """Boxes from a downscaled copy mapped to an image of ``size`` (clamped to it)."""
    w_max, h_max = size
    out = []
    for b in boxes:
        x, y = min(w_max - 1, round(b.x * factor)), min(h_max - 1, round(b.y * factor))
        w, h = min(w_max - x, round(b.w * factor)), min(h_max - y, round(b.h * factor))
        out.append(FaceBox(x, y, max(1, w), max(1, h), b.score, b.kind))
    return out
