"""Server-side image checks: sniffing, the metadata audit, decoding and the people check.

The metadata audit and the people check are the client's own Qt-free photo pipeline
(``desktop.privacy.image``): the same allow-list walker that strips a photo judges the upload
(no pixel decoding), and the same detector that flags faces and persons on the agent's PC
looks at the upload once more on a reduced-scale decode.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from desktop.privacy.image.audit import find_metadata

__all__ = ["Decoded", "ImageInvalid", "decode", "find_metadata", "people_on", "sniff"]

log = logging.getLogger("extranet")

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

#: Review states an upload may declare in the ``Photo-Review`` header.
REVIEW_STATES = ("none", "blurred", "confirmed")

#: Smallest detector score (0..1) the server refuses an upload for; the client flags from
#: 0.5, so a photo whose re-encode moved a borderline window just past the detector's own
#: threshold is not refused for a flag the agent never saw.
MIN_SCORE = 0.55


class ImageInvalid(ValueError):  # noqa: N818 - reads better at call sites
    """The file is not a well-formed image of its type."""


def sniff(data: bytes) -> str | None:
    """Media type from the magic bytes (JPEG/PNG only)."""
    if data.startswith(JPEG_MAGIC):
        return "image/jpeg"
    if data.startswith(PNG_MAGIC):
        return "image/png"
    return None


@dataclass(frozen=True)
class Decoded:
    """Basic facts of a decoded image."""

    width: int
    height: int


def decode(data: bytes, media_type: str) -> Decoded:
    """Fully decode ``data`` with Pillow; :class:`ImageInvalid` when it does not decode."""
    from PIL import Image

    expected = {"image/jpeg": "JPEG", "image/png": "PNG"}[media_type]
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.format != expected:
                raise ImageInvalid("format mismatch")
            img.verify()
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            return Decoded(int(img.width), int(img.height))
    except ImageInvalid:
        raise
    except Exception as exc:
        raise ImageInvalid("does not decode") from exc


def people_on(data: bytes, review: str) -> list[str]:
    """Kinds (``face``, ``person``) the declared ``review`` state leaves unexplained.

    ``confirmed`` (the agent saw the flags and confirmed a false alarm) is taken as declared;
    ``blurred`` must show no face any more; ``none`` (nothing was flagged) must show neither a
    face nor a person. Empty when the detector is not available on this platform.
    """
    if review == "confirmed":
        return []
    try:
        from desktop.privacy.image.pipeline import flagged_regions

        boxes = flagged_regions(data)
    except ImportError:  # no detector runtime here: the metadata checks still hold
        log.warning("photo people check skipped: detector not available")
        return []
    except Exception as exc:
        raise ImageInvalid("does not decode") from exc
    kinds = {box.kind for box in boxes if box.score >= MIN_SCORE}
    if review == "blurred":
        kinds &= {"face"}
    return sorted(kinds)
