"""Damage-photo privacy pipeline (pure Python, no Qt; call it from a worker thread).

``scrub(data)`` sniffs the format, refuses empty, unknown, oversized and broken files, strips
every metadata item by allow-list (EXIF with GPS and its thumbnail, XMP, IPTC, comments, PNG
text, trailers), bakes the EXIF orientation into the pixels, keeps the ICC profile, flags faces
(CenterFace faces and YOLOX-nano persons via onnxruntime, dlib HOG as the fallback; imported
lazily) and documents, and re-audits its own output.
``find_metadata(data)`` is the cheap allow-list audit the server uses on uploads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.privacy.image.audit import MalformedImage, find_metadata
from desktop.privacy.image.model import (
    KIND_LABELS,
    REJECT_MESSAGES,
    TRUNCATED_MESSAGE,
    WARNING_LABELS,
    FaceBox,
    ImageRejected,
    RemovedItem,
    ScrubResult,
)
from desktop.privacy.image.pipeline import DEFAULT_MAX_PIXELS, scrub

if TYPE_CHECKING:
    from desktop.privacy.image.faces import FaceDetector, HogFaceDetector


def __getattr__(name: str) -> Any:
    """The detector classes, imported on first use (numpy and dlib only when needed)."""
    if name in ("FaceDetector", "HogFaceDetector"):
        # lazy heavy import: numpy, dlib and onnxruntime's loader only when a detector is asked for
        from desktop.privacy.image import faces

        return getattr(faces, name)
    raise AttributeError(name)


__all__ = [
    "DEFAULT_MAX_PIXELS",
    "KIND_LABELS",
    "REJECT_MESSAGES",
    "TRUNCATED_MESSAGE",
    "WARNING_LABELS",
    "FaceBox",
    "FaceDetector",
    "HogFaceDetector",
    "ImageRejected",
    "MalformedImage",
    "RemovedItem",
    "ScrubResult",
    "find_metadata",
    "scrub",
]
