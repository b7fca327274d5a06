"""Tolerant, bounds-checked EXIF (TIFF) reader: orientation and the private items to report.

Hand-written on purpose: piexif and Pillow raise or warn on the broken EXIF blocks real phones
and editors produce, and all we need is a walk over IFD0, the Exif IFD, the GPS IFD and the
IFD1 (thumbnail) pointer. Every read is bounds-checked; a broken block yields what was readable.
"""

from __future__ import annotations

import contextlib
import struct
from dataclasses import dataclass, field

from desktop.privacy.image.model import RemovedItem, removed

_TYPE_SIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
_MAX_ENTRIES = 512

_CAMERA = {0x010F, 0x0110, 0x0131, 0xA433, 0xA434, 0x013C}
_SERIAL = {0xA431, 0xA435, 0xA420, 0xC62F}
_OWNER = {0x013B, 0x8298, 0xA430, 0x9C9D}
_COMMENT = {0x010E, 0x9286, 0x9C9C, 0x9C9B, 0x9C9E, 0x9C9F}
_DATETIME = (0x9003, 0x9004, 0x0132)
_POINTERS = {0x8769, 0x8825, 0xA005}


@dataclass
class ExifInfo:
    """What an EXIF block holds, as far as it could be read."""

    orientation: int = 1
    items: list[RemovedItem] = field(default_factory=list)


class _Reader:
    def __init__(self, tiff: bytes) -> None:
        self.b = tiff
        self.e = "<" if tiff[:2] == b"II" else ">"

    def u16(self, off: int) -> int | None:
        if off < 0 or off + 2 > len(self.b):
            return None
        return int(struct.unpack(self.e + "H", self.b[off : off + 2])[0])

    def u32(self, off: int) -> int | None:
        if off < 0 or off + 4 > len(self.b):
            return None
        return int(struct.unpack(self.e + "I", self.b[off : off + 4])[0])

    def ifd(self, off: int) -> tuple[dict[int, tuple[int, int, int]], int]:
        """Entries {tag: (type, count, value_offset_or_inline_pos)} and the next-IFD offset."""
        n = self.u16(off)
        entries: dict[int, tuple[int, int, int]] = {}
        if n is None or n > _MAX_ENTRIES:
            return entries, 0
        for i in range(n):
            pos = off + 2 + 12 * i
            tag, typ, count = self.u16(pos), self.u16(pos + 2), self.u32(pos + 4)
            if tag is None or typ is None or count is None:
                break
            size = _TYPE_SIZE.get(typ, 1) * count
            where = pos + 8 if size <= 4 else (self.u32(pos + 8) or 0)
            entries[tag] = (typ, count, where)
        return entries, self.u32(off + 2 + 12 * n) or 0

    def raw(self, entry: tuple[int, int, int]) -> bytes:
        typ, count, where = entry
        size = min(_TYPE_SIZE.get(typ, 1) * count, 1 << 20)
        return self.b[where : where + size] if 0 <= where < len(self.b) else b""

    def text(self, entry: tuple[int, int, int]) -> str:
        return self.raw(entry).split(b"\0", 1)[0].decode("latin-1", "replace").strip()

    def rationals(self, entry: tuple[int, int, int]) -> list[float]:
        raw = self.raw(entry)
        out = []
        for i in range(0, len(raw) - 7, 8):
            num, den = struct.unpack(self.e + "II", raw[i : i + 8])
            out.append(num / den if den else 0.0)
        return out


def parse_exif(tiff: bytes, *, _nested: bool = False) -> ExifInfo:
    """Read a TIFF-structured EXIF block (without the ``Exif\\0\\0`` prefix); never raises.

    The EXIF thumbnail (IFD1) is a JPEG of its own and may carry its own EXIF (GPS, serial):
    what it holds is reported too, one level deep.
    """
    info = ExifInfo()
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        info.items.append(removed("exif"))
        return info
    with contextlib.suppress(struct.error, ValueError, IndexError, OverflowError):
        _walk(_Reader(tiff), info, nested=_nested)
    if not info.items:
        info.items.append(removed("exif"))
    return info


def _walk(r: _Reader, info: ExifInfo, *, nested: bool) -> None:
    ifd0, next_off = r.ifd(r.u32(4) or 0)
    exif_ifd = r.ifd(r.u32(ifd0[0x8769][2]) or 0)[0] if 0x8769 in ifd0 else {}
    gps_ifd = r.ifd(r.u32(ifd0[0x8825][2]) or 0)[0] if 0x8825 in ifd0 else {}
    if 0x0112 in ifd0:
        value = r.u16(ifd0[0x0112][2])
        info.orientation = value if value is not None and 1 <= value <= 8 else 1
    tags = {**ifd0, **exif_ifd}
    if gps_ifd:
        info.items.append(removed("gps", _gps_value(r, gps_ifd)))
    for tag in _DATETIME:
        if tag in tags:
            info.items.append(removed("datetime", _date_value(r.text(tags[tag]))))
            break
    for kind, group in (("camera", _CAMERA), ("serial", _SERIAL), ("owner", _OWNER)):
        if group & tags.keys():
            info.items.append(removed(kind))
    if _COMMENT & tags.keys():
        info.items.append(removed("comment"))
    if 0x927C in tags:
        info.items.append(removed("makernote"))
    if next_off:
        info.items.append(removed("thumbnail"))
        if not nested:
            info.items.extend(_thumbnail_items(r, next_off))
    if set(tags) - _CAMERA - _SERIAL - _OWNER - _COMMENT - set(_DATETIME) - _POINTERS - {0x0112}:
        info.items.append(removed("exif"))


def _thumbnail_items(r: _Reader, ifd1_off: int) -> list[RemovedItem]:
    """What the EXIF block inside the IFD1 thumbnail JPEG reveals (its own GPS, serial ...)."""
    ifd1, _ = r.ifd(ifd1_off)
    if 0x0201 not in ifd1 or 0x0202 not in ifd1:
        return []
    start, length = r.u32(ifd1[0x0201][2]) or 0, r.u32(ifd1[0x0202][2]) or 0
    thumb = r.b[start : start + length]
    pos = thumb.find(b"\xff\xe1")
    if not thumb.startswith(b"\xff\xd8") or pos < 0 or thumb[pos + 4 : pos + 10] != b"Exif\0\0":
        return []
    (seg_len,) = struct.unpack(">H", thumb[pos + 2 : pos + 4])
    inner = parse_exif(thumb[pos + 10 : pos + 2 + seg_len], _nested=True)
    return [item for item in inner.items if item.kind != "exif"]


def _gps_value(r: _Reader, gps: dict[int, tuple[int, int, int]]) -> str | None:
    if 2 not in gps or 4 not in gps:
        return None
    lat, lon = r.rationals(gps[2]), r.rationals(gps[4])
    if len(lat) < 3 or len(lon) < 3:
        return None
    lat_v = lat[0] + lat[1] / 60 + lat[2] / 3600
    lon_v = lon[0] + lon[1] / 60 + lon[2] / 3600
    if 1 in gps and r.text(gps[1]).upper().startswith("S"):
        lat_v = -lat_v
    if 3 in gps and r.text(gps[3]).upper().startswith("W"):
        lon_v = -lon_v
    if not (-90 <= lat_v <= 90 and -180 <= lon_v <= 180):
        return None
    return f"{lat_v:.2f}, {lon_v:.2f}"


def _date_value(text: str) -> str | None:
    """``2023:07:14 09:26:53`` → ``14.07.2023 09:26`` (None when not a date)."""
    try:
        date, time = text.split(" ", 1)
        y, m, d = (int(p) for p in date.split(":"))
        hh, mm = (int(p) for p in time.split(":")[:2])
    except ValueError:
        return None
    if not (1 <= m <= 12 and 1 <= d <= 31 and hh < 24 and mm < 60):
        return None
    return f"{d:02d}.{m:02d}.{y:04d} {hh:02d}:{mm:02d}"
