"""Decoding and re-encoding with Pillow, never trusting its save defaults.

Every encode starts from a *fresh* image built from raw pixel bytes (empty ``.info``) and passes
each metadata argument explicitly, so nothing Pillow remembered from the source (COM, GIF
comments, XMP, EXIF) can slip into the output.
"""

from __future__ import annotations

import io
import threading
from typing import Any

from PIL import Image, ImageOps

from desktop.privacy.image.model import ImageRejected

JPEG_QUALITY = 95
_heif_lock = threading.Lock()
_heif_ready = False

# EXIF orientation → the transpose that makes the stored pixels upright.
UPRIGHT: dict[int, Image.Transpose | None] = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def open_image(data: bytes) -> Image.Image:
    """``Image.open`` with Pillow's bomb guard mapped to :class:`ImageRejected`."""
    try:
        return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ImageRejected("too-many-pixels") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageRejected("corrupt") from exc


def load(img: Image.Image) -> Image.Image:
    """Decode the pixels; damaged data becomes :class:`ImageRejected` ("corrupt")."""
    try:
        img.load()
    except Image.DecompressionBombError as exc:
        raise ImageRejected("too-many-pixels") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageRejected("corrupt") from exc
    return img


def register_heif() -> None:
    """Register pi-heif's opener once (lazy: only HEIC input pays its import).

    pi-heif is the decode-only build of pillow-heif (same maintainer, same ``.info`` keys and
    pixels): without the x265 encoder library it is ~22 MB smaller in the bundle.
    """
    global _heif_ready
    with _heif_lock:
        if not _heif_ready:
            import pi_heif

            pi_heif.register_heif_opener()
            _heif_ready = True


def fresh(img: Image.Image) -> Image.Image:
    """A new plain image with the same pixels (and palette) and an empty ``.info``.

    ``copy()`` builds a bare ``Image.Image`` (no plugin state, no ``encoderinfo``, no cached
    EXIF) around one copy of the pixel memory; only ``.info`` is carried over, and it is
    replaced. A third of the cost of ``frombytes(tobytes())`` (two conversions) on 12 MP.
    """
    out = img.copy()
    out.info = {}
    return out


def upright(img: Image.Image, orientation: int) -> Image.Image:
    """Apply the EXIF orientation to the pixels."""
    op = UPRIGHT.get(orientation)
    return img if op is None else img.transpose(op)


def encode_jpeg(img: Image.Image, icc: bytes | None, subsampling: int) -> bytes:
    """JPEG q95 from a fresh image: only JFIF (or Adobe for CMYK) and the given ICC profile."""
    if img.mode not in ("RGB", "L", "CMYK"):
        img = img.convert("RGB")
    buf = io.BytesIO()
    fresh(img).save(
        buf,
        "JPEG",
        quality=JPEG_QUALITY,
        subsampling=subsampling if img.mode != "L" else 0,
        icc_profile=icc or None,
        exif=b"",
        comment=b"",
        xmp=b"",
        optimize=False,
        progressive=False,
    )
    return buf.getvalue()


def encode_png(img: Image.Image, icc: bytes | None, transparency: Any = None) -> bytes:
    """PNG from a fresh image: no text, time or EXIF chunks; ICC and transparency explicit."""
    params: dict[str, Any] = {"icc_profile": icc or None, "exif": b"", "pnginfo": None}
    if transparency is not None:
        params["transparency"] = transparency
    buf = io.BytesIO()
    fresh(img).save(buf, "PNG", compress_level=6, **params)
    return buf.getvalue()


def encode_apng(frames: list[Image.Image], durations: list[int], loop: int) -> bytes:
    """Animated PNG from fresh RGBA frames (GIF animations keep all their frames)."""
    first, *rest = [fresh(f.convert("RGBA")) for f in frames]
    buf = io.BytesIO()
    first.save(
        buf,
        "PNG",
        save_all=True,
        append_images=rest,
        duration=durations,
        loop=loop,
        disposal=0,
        blend=0,
        default_image=False,
        icc_profile=None,
        exif=b"",
        pnginfo=None,
    )
    return buf.getvalue()


def draft_rgb(img: Image.Image, side: int) -> Image.Image:
    """Decode a JPEG at the smallest DCT scale whose longest side is still ≥ ``side``."""
    w, h = img.size
    if max(w, h) > side and img.format == "JPEG":
        f = side / max(w, h)
        img.draft(img.mode if img.mode in ("RGB", "L") else "RGB", (round(w * f), round(h * f)))
    return load(img)


def to_rgb(img: Image.Image) -> Image.Image:
    """RGB view for the detectors (exif-free, palette/alpha/16-bit flattened)."""
    if img.mode == "RGB":
        return img
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        return ImageOps.autocontrast(
            img.convert("I").point(lambda v: v / 256).convert("L")
        ).convert("RGB")
    return (
        img.convert("RGBA").convert("RGB")
        if "A" in img.mode or img.mode == "P"
        else img.convert("RGB")
    )


def shrink(img: Image.Image, side: int) -> Image.Image:
    """Copy no larger than ``side`` on its longest edge (same image when already small)."""
    if max(img.size) <= side:
        return img
    f = side / max(img.size)
    return img.resize(
        (max(1, round(img.width * f)), max(1, round(img.height * f))), Image.Resampling.BOX
    )
