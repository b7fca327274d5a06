"""Server-side image checks: allow-list metadata parser (JPEG/PNG), sniffing, decoding.

The parser does not decode pixels; it walks the container and reports every kind of
metadata still present. Anything not on the allow-list is reported.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from dataclasses import dataclass

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_JPEG_TABLES = {0xC4, 0xCC, 0xDB, 0xDD}  # DHT, DAC, DQT, DRI
_APP_ALLOWED = {0xE0: (b"JFIF\x00",), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}
_APP_KINDS = (
    (b"Exif\x00", "exif"),
    (b"http://ns.adobe.com/xap/1.0/", "xmp"),
    (b"http://ns.adobe.com/xmp/extension/", "xmp"),
    (b"Photoshop 3.0\x00", "iptc"),
    (b"JFXX\x00", "thumbnail"),
    (b"MPF\x00", "mpf"),
)
_PNG_CRITICAL = {b"IHDR", b"PLTE", b"IDAT", b"IEND"}
_PNG_ALLOWED = {
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"iCCP",
    b"sBIT",
    b"bKGD",
    b"pHYs",
    b"hIST",
    b"cICP",
    b"cLLI",
    b"mDCV",
}
_PNG_KINDS = {
    b"tEXt": "text",
    b"zTXt": "text",
    b"iTXt": "text",
    b"eXIf": "exif",
    b"tIME": "timestamp",
}


class ImageInvalid(ValueError):  # noqa: N818 - reads better at call sites
    """The file is not a well-formed image of its type."""


class ImageTooManyPixels(ValueError):  # noqa: N818 - reads better at call sites
    """The header declares more pixels than the server decodes."""


def sniff(data: bytes) -> str | None:
    """Media type from the magic bytes (JPEG/PNG only)."""
    if data.startswith(JPEG_MAGIC):
        return "image/jpeg"
    if data.startswith(PNG_MAGIC):
        return "image/png"
    return None


def _app_kind(marker: int, payload: bytes) -> str | None:
    for prefix in _APP_ALLOWED.get(marker, ()):
        if payload.startswith(prefix):
            return None
    for prefix, kind in _APP_KINDS:
        if payload.startswith(prefix):
            return kind
    return f"app{marker - 0xE0}"


def _skip_scan(data: bytes, pos: int) -> int:
    """Position of the next marker after entropy-coded data starting at ``pos``."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise ImageInvalid("unterminated scan")
        nxt = data[pos + 1]
        if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
            pos += 1 if nxt == 0xFF else 2
            continue
        return pos


def jpeg_metadata(data: bytes) -> list[str]:
    """Kinds of metadata in a JPEG (empty = clean); :class:`ImageInvalid` if malformed."""
    if not data.startswith(b"\xff\xd8"):
        raise ImageInvalid("no SOI")
    found: list[str] = []
    pos = 2
    size = len(data)
    while True:
        if pos >= size or data[pos] != 0xFF:
            raise ImageInvalid("marker expected")
        while pos < size and data[pos] == 0xFF:
            pos += 1
        if pos >= size:
            raise ImageInvalid("truncated")
        marker = data[pos]
        pos += 1
        if marker == 0xD9:
            if pos != size:
                found.append("trailing-data")
            return found
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue
        if pos + 2 > size:
            raise ImageInvalid("truncated")
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        if length < 2 or pos + length > size:
            raise ImageInvalid("bad segment length")
        payload = data[pos + 2 : pos + length]
        pos += length
        if marker == 0xDA:
            pos = _skip_scan(data, pos)
        elif 0xE0 <= marker <= 0xEF:
            kind = _app_kind(marker, payload)
            if kind:
                found.append(kind)
        elif marker == 0xFE:
            found.append("comment")
        elif marker not in _SOF and marker not in _JPEG_TABLES:
            found.append(f"segment-{marker:02x}")


def png_metadata(data: bytes) -> list[str]:
    """Kinds of metadata in a PNG (empty = clean); :class:`ImageInvalid` if malformed."""
    if not data.startswith(PNG_MAGIC):
        raise ImageInvalid("no signature")
    found: list[str] = []
    pos = len(PNG_MAGIC)
    size = len(data)
    while True:
        if pos + 8 > size:
            raise ImageInvalid("truncated")
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > size:
            raise ImageInvalid("truncated chunk")
        pos = end
        if ctype == b"IEND":
            if pos != size:
                found.append("trailing-data")
            return found
        if ctype in _PNG_CRITICAL or ctype in _PNG_ALLOWED:
            continue
        if ctype in _PNG_KINDS:
            found.append(_PNG_KINDS[ctype])
        elif ctype[0:1].isupper():
            raise ImageInvalid("unknown critical chunk")
        else:
            found.append("chunk-" + ctype.decode("latin-1"))


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


def _own_find_metadata(data: bytes) -> list[str]:
    kind = sniff(data)
    if kind == "image/jpeg":
        return jpeg_metadata(data)
    if kind == "image/png":
        return png_metadata(data)
    raise ImageInvalid("unknown format")


def metadata_finder() -> Callable[[bytes], list[str]]:
    """The image pipeline's ``find_metadata`` when installed, else this module's parser."""
    try:
        from desktop.privacy.image.audit import (  # type: ignore[import-not-found,unused-ignore]
            find_metadata,
        )
    except ImportError:
        return _own_find_metadata
    return find_metadata  # type: ignore[no-any-return,unused-ignore]


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
