"""The server's own allow-list metadata parser (used until/unless the image audit is present)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from extranet.imagecheck import ImageInvalid, jpeg_metadata, png_metadata


def _jpeg(**save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (1, 2, 3)).save(buffer, "JPEG", **save)
    return buffer.getvalue()


def _with_segment(data: bytes, marker: int, payload: bytes) -> bytes:
    segment = bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
    return data[:2] + segment + data[2:]


def _png_chunk(ctype: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(ctype + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + ctype + payload + struct.pack(">I", crc)


def _png_with(ctype: bytes, payload: bytes = b"x") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG")
    data = buffer.getvalue()
    ihdr_end = 8 + 12 + 13
    return data[:ihdr_end] + _png_chunk(ctype, payload) + data[ihdr_end:]


def test_clean_jpeg_and_allowed_segments() -> None:
    assert jpeg_metadata(_jpeg()) == []
    assert jpeg_metadata(_jpeg(progressive=True)) == []
    assert jpeg_metadata(_with_segment(_jpeg(), 0xE2, b"ICC_PROFILE\x00\x01\x01abc")) == []
    assert jpeg_metadata(_with_segment(_jpeg(), 0xEE, b"Adobe\x00\x64")) == []


@pytest.mark.parametrize(
    ("marker", "payload", "kind"),
    [
        (0xE1, b"Exif\x00\x00II*\x00", "exif"),
        (0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x/>", "xmp"),
        (0xED, b"Photoshop 3.0\x008BIM", "iptc"),
        (0xE0, b"JFXX\x00\x10", "thumbnail"),
        (0xE5, b"vendor", "app5"),
        (0xFE, b"a comment", "comment"),
    ],
)
def test_jpeg_refused_segments(marker: int, payload: bytes, kind: str) -> None:
    assert jpeg_metadata(_with_segment(_jpeg(), marker, payload)) == [kind]


def test_jpeg_trailing_data_and_truncation() -> None:
    assert jpeg_metadata(_jpeg() + b"\x00") == ["trailing-data"]
    with pytest.raises(ImageInvalid):
        jpeg_metadata(_jpeg()[:-10])


@pytest.mark.parametrize(
    ("ctype", "kind"),
    [
        (b"tEXt", "text"),
        (b"zTXt", "text"),
        (b"iTXt", "text"),
        (b"eXIf", "exif"),
        (b"tIME", "timestamp"),
        (b"prVt", "chunk-prVt"),
    ],
)
def test_png_refused_chunks(ctype: bytes, kind: str) -> None:
    assert png_metadata(_png_with(ctype)) == [kind]


def test_png_allowed_chunks_and_broken_files() -> None:
    assert png_metadata(_png_with(b"gAMA", struct.pack(">I", 45455))) == []
    with pytest.raises(ImageInvalid):
        png_metadata(_png_with(b"XXXX"))  # unknown critical chunk
    with pytest.raises(ImageInvalid):
        png_metadata(_png_with(b"tEXt")[:-5])
