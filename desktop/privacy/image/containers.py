"""PNG, WebP and GIF allow-list walkers (same contract as :mod:`jpeg`).

PNG keeps IHDR PLTE IDAT IEND tRNS gAMA cHRM sRGB iCCP sBIT bKGD pHYs cICP mDCv cLLi acTL fcTL
fdAT and stops at IEND. WebP and GIF are only walked to learn what they carry (they are always
re-encoded to PNG or JPEG for upload); the walk also serves :func:`audit.find_metadata`.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

from desktop.privacy.image.exif import parse_exif
from desktop.privacy.image.jpeg import MalformedImage
from desktop.privacy.image.model import RemovedItem, removed

PNG_SIG = b"\x89PNG\r\n\x1a\n"
PNG_KEEP = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
    b"bKGD", b"pHYs", b"cICP", b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip
WEBP_KEEP = {b"VP8X", b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L"}


@dataclass
class ContainerWalk:
    """Kept bytes (PNG only), removed items, orientation, ICC, damage flag."""

    kept: list[bytes] = field(default_factory=list)
    removed: list[RemovedItem] = field(default_factory=list)
    orientation: int = 1
    icc: bytes | None = None
    truncated: bool = False
    lossless: bool = False
    alpha: bool = False

    @property
    def data(self) -> bytes:
        """The stripped file."""
        return b"".join(self.kept)


def _text_kind(chunk_type: bytes, body: bytes) -> RemovedItem:
    key = body.split(b"\0", 1)[0]
    if key == b"XML:com.adobe.xmp":
        return removed("xmp")
    if key.startswith(b"Raw profile type"):
        return removed("exif")
    return removed("text_chunk")


def walk_png(data: bytes) -> ContainerWalk:
    """Walk PNG chunks; ``truncated`` when the file ends before IEND."""
    if not data.startswith(PNG_SIG):
        raise MalformedImage("no PNG signature")
    walk = ContainerWalk(kept=[PNG_SIG])
    pos, n = 8, len(data)
    while True:
        if pos + 12 > n:
            walk.truncated = True
            return walk
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > n:
            walk.truncated = True
            return walk
        body = data[pos + 8 : end - 4]
        if ctype in PNG_KEEP:
            walk.kept.append(data[pos:end])
            if ctype == b"iCCP":
                walk.icc = _iccp(body)
        elif ctype == b"eXIf":
            info = parse_exif(body)
            walk.orientation = info.orientation
            walk.removed.extend(info.items)
        elif ctype in (b"tEXt", b"zTXt", b"iTXt"):
            walk.removed.append(_text_kind(ctype, body))
        elif ctype == b"tIME" and len(body) == 7:
            y, mo, d, h, mi, _ = struct.unpack(">HBBBBB", body)
            walk.removed.append(removed("datetime", f"{d:02d}.{mo:02d}.{y:04d} {h:02d}:{mi:02d}"))
        else:
            walk.removed.append(removed("other"))
        if ctype == b"IEND":
            if data[end:].strip(b"\0"):
                walk.removed.append(removed("trailer"))
            return walk
        pos = end


def _iccp(body: bytes) -> bytes | None:
    name_end = body.find(b"\0")
    if name_end < 0 or name_end + 2 > len(body):
        return None
    try:
        return zlib.decompress(body[name_end + 2 :])
    except zlib.error:
        return None


def walk_webp(data: bytes) -> ContainerWalk:
    """Walk RIFF/WebP chunks."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise MalformedImage("no WebP signature")
    walk = ContainerWalk()
    pos, n = 12, len(data)
    while pos + 8 <= n:
        ctype, length = struct.unpack("<4sI", data[pos : pos + 8])
        end = pos + 8 + length + (length & 1)
        if pos + 8 + length > n:
            walk.truncated = True
            break
        body = data[pos + 8 : pos + 8 + length]
        if ctype == b"ICCP":
            walk.icc = body
        elif ctype == b"EXIF":
            info = parse_exif(body[6:] if body.startswith(b"Exif\0") else body)
            walk.orientation = info.orientation
            walk.removed.extend(info.items)
        elif ctype == b"XMP ":
            walk.removed.append(removed("xmp"))
        elif ctype not in WEBP_KEEP:
            walk.removed.append(removed("other"))
        walk.lossless |= ctype == b"VP8L"
        walk.alpha |= ctype == b"ALPH" or (
            ctype == b"VP8X" and bool(body[:1]) and body[0] & 0x10 != 0
        )
        pos = end
    return walk


def _skip_sub_blocks(data: bytes, pos: int) -> int:
    n = len(data)
    while pos < n:
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos
    raise MalformedImage("GIF data ends inside a block")


def walk_gif(data: bytes) -> ContainerWalk:
    """Walk GIF blocks: comments, XMP and unknown application/plain-text extensions."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise MalformedImage("no GIF signature")
    walk = ContainerWalk()
    flags = data[10]
    pos = 13 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
    try:
        while pos < len(data):
            block = data[pos]
            if block == 0x3B:
                if data[pos + 1 :].strip(b"\0"):
                    walk.removed.append(removed("trailer"))
                return walk
            if block == 0x2C:
                lflags = data[pos + 9]
                pos += 10 + (3 * (2 << (lflags & 7)) if lflags & 0x80 else 0) + 1
                pos = _skip_sub_blocks(data, pos)
            elif block == 0x21:
                label = data[pos + 1]
                if label == 0xFE:
                    walk.removed.append(removed("comment"))
                elif label == 0x01:
                    walk.removed.append(removed("text_chunk"))
                elif label == 0xFF:
                    app = data[pos + 3 : pos + 14]
                    if app.startswith(b"XMP Data"):
                        walk.removed.append(removed("xmp"))
                    elif app not in (b"NETSCAPE2.0", b"ANIMEXTS1.0"):
                        walk.removed.append(removed("other"))
                elif label != 0xF9:
                    walk.removed.append(removed("other"))
                pos = _skip_sub_blocks(data, pos + 2)
            else:
                raise MalformedImage("unknown GIF block")
    except (IndexError, MalformedImage):
        walk.truncated = True
        return walk
    walk.truncated = True
    return walk
