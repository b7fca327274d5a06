"""Server-side image checks: sniffing, the metadata audit, decoding and the people check.

The metadata audit and the people check are the client's own Qt-free photo pipeline
(``desktop.privacy.image``): the same allow-list walker that strips a photo judges the upload
(no pixel decoding), and the same detector that flags faces and persons on the agent's PC
looks at the upload once more on a reduced-scale decode.
"""

from __future__ import annotations

import importlib
import io
import logging
import struct
from dataclasses import dataclass

from desktop.privacy.photo_review import DECLARED

__all__ = ["Decoded", "ImageInvalid", "decode", "find_metadata", "people_on", "sniff", "warm_up"]

log = logging.getLogger("extranet")

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the size
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})

#: Review states an upload may declare in the ``Photo-Review`` header (the client's own list).
REVIEW_STATES = DECLARED

#: Smallest detector score (0..1) the server refuses an upload for; the client flags from
#: 0.5, so a photo whose re-encode moved a borderline window just past the detector's own
#: threshold is not refused for a flag the agent never saw.
MIN_SCORE = 0.55


class ImageInvalid(ValueError):  # noqa: N818 - reads better at call sites
    """The file is not a well-formed image of its type."""


class ImageTooManyPixels(ValueError):  # noqa: N818 - reads better at call sites
    """The header declares more pixels than the server decodes."""


def find_metadata(data: bytes) -> list[str]:
    """Kinds of metadata still present in ``data`` (see
    :func:`desktop.privacy.image.audit.find_metadata`; it raises for a malformed file)."""
    # lazy heavy import: the photo pipeline (Pillow) is not needed to serve a login; it loads
    # with the first upload or with warm_up() once the server listens
    from desktop.privacy.image.audit import find_metadata as audit

    return audit(data)


def warm_up() -> None:
    """Import what the image checks use (the photo pipeline, Pillow), so that the first upload
    does not wait for it; called once the server listens (the login never needs it)."""
    for module in ("desktop.privacy.image.audit", "PIL.Image"):
        importlib.import_module(module)


def sniff(data: bytes) -> str | None:
    """Media type from the magic bytes (JPEG/PNG only)."""
    if data.startswith(JPEG_MAGIC):
        return "image/jpeg"
    if data.startswith(PNG_MAGIC):
        return "image/png"
    return None


def declared_size(data: bytes) -> tuple[int, int] | None:
    """Width and height a JPEG/PNG header declares, read without decoding (None: unreadable)."""
    if data.startswith(PNG_MAGIC):
        if data[12:16] != b"IHDR" or len(data) < 24:
            return None
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if not data.startswith(b"\xff\xd8"):
        return None
    pos, size = 2, len(data)
    while pos + 4 <= size and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in _SOF:
            if pos + 9 > size:
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return int(width), int(height)
        if marker == 0xDA:
            return None
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
    return None


def check_dimensions(data: bytes, max_pixels: int) -> None:
    """Refuse an image whose header declares more than ``max_pixels`` (before any decoding).

    Raises:
        ImageTooManyPixels: the declared size is above the limit.
        ImageInvalid: no size can be read from the header, or it is zero.
    """
    found = declared_size(data)
    if found is None or 0 in found:
        raise ImageInvalid("no readable size")
    if found[0] * found[1] > max_pixels:
        raise ImageTooManyPixels(f"{found[0]}x{found[1]}")


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
        # lazy heavy import: the detectors (numpy, onnxruntime) load with the first re-check
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
