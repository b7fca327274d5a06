"""Format sniffing from magic bytes and declared pixel dimensions read before any decode."""

from __future__ import annotations

import struct

from desktop.privacy.image.model import ImageRejected

JPEG, PNG, WEBP, GIF, HEIF = "jpeg", "png", "webp", "gif", "heif"
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def sniff(data: bytes) -> str:
    """Container format from the first bytes; :class:`ImageRejected` when unknown or empty."""
    if not data:
        raise ImageRejected("empty")
    if data[:3] == b"\xff\xd8\xff":
        return JPEG
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return HEIF
    raise ImageRejected("unsupported-format")


def declared_size(fmt: str, data: bytes) -> tuple[int, int] | None:
    """Width and height the header claims (None when it cannot be read cheaply)."""
    try:
        if fmt == JPEG:
            return _jpeg_size(data)
        if fmt == PNG:
            return struct.unpack(">II", data[16:24]) if data[12:16] == b"IHDR" else None
        if fmt == WEBP:
            return _webp_size(data)
        if fmt == GIF:
            return struct.unpack("<HH", data[6:10])
        if fmt == HEIF:
            return _heif_size(data)
    except (struct.error, IndexError):
        return None
    return None


def check_pixels(fmt: str, data: bytes, max_pixels: int) -> tuple[int, int] | None:
    """Refuse declared dimensions above ``max_pixels`` (or zero) before decoding."""
    size = declared_size(fmt, data)
    if size is not None:
        w, h = size
        if w <= 0 or h <= 0:
            raise ImageRejected("corrupt")
        if w * h > max_pixels:
            raise ImageRejected("too-many-pixels")
    return size


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos, n = 2, len(data)
    while pos + 4 <= n:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _SOF:
            h, w = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return w, h
        if marker == 0xDA:
            return None
        pos += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    kind = data[12:16]
    body = data[20:]
    if kind == b"VP8X":
        w = int.from_bytes(body[4:7], "little") + 1
        h = int.from_bytes(body[7:10], "little") + 1
        return w, h
    if kind == b"VP8 ":
        if body[3:6] != b"\x9d\x01\x2a":
            return None
        w, h = struct.unpack("<HH", body[6:10])
        return w & 0x3FFF, h & 0x3FFF
    if kind == b"VP8L":
        if body[0] != 0x2F:
            return None
        bits = int.from_bytes(body[1:5], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _heif_size(data: bytes) -> tuple[int, int] | None:
    """Largest ``ispe`` (image spatial extents) property inside the top-level ``meta`` box."""
    pos, n = 0, len(data)
    while pos + 8 <= n:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
        elif size == 0:
            size = n - pos
        if size < 8:
            return None
        if kind == b"meta":
            return _largest_ispe(data[pos : pos + size])
        pos += size
    return None


def _largest_ispe(meta: bytes) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    pos = meta.find(b"ispe")
    while pos >= 4:
        w, h = struct.unpack(">II", meta[pos + 8 : pos + 16])
        if best is None or w * h > best[0] * best[1]:
            best = (w, h)
        pos = meta.find(b"ispe", pos + 4)
    return best
