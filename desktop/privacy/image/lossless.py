"""Lossless JPEG rotation in the DCT domain (what ``jpegtran -perfect`` does), via ``jpeglib``.

The coefficient blocks are rearranged instead of decoding and re-encoding the pixels:

* transpose: the block grid is transposed, each block's coefficients ``B[v][u]`` become
  ``B[u][v]``, the quantisation tables are transposed and every component's sampling factors
  swap (4:2:2 becomes 4:4:0);
* horizontal flip: the block columns are reversed and coefficients with an odd horizontal
  frequency ``u`` change sign; vertical flip likewise with rows and odd ``v``;
* the EXIF orientations 2..8 are combinations of these (see ``_OPS``).

This is exact only when the edge that moves to the top or left consists of whole MCUs
(8 px × the largest sampling factor: 16 px for 4:2:0). A partial MCU there would shift the
block grid, so :func:`rotate` returns ``None`` and the caller re-encodes. It also returns
``None`` for anything else it does not handle exactly (CMYK/4 components, Adobe RGB, an
unusual table layout, a missing or failing library); the re-encode is always the fallback.

``jpeglib`` (PyPI, bundles several libjpeg builds loaded with ctypes) works on files. Its own
helpers copy the file into the *global* temp directory; to keep photos out of shared places,
this module calls its C binding directly on files in a private directory (mode 0700, removed
afterwards). The input is already allow-list stripped, so no metadata reaches the disk. The
output keeps the ICC profile (written as APP2 markers) and has no EXIF (so no orientation).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import struct
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

#: libjpeg build of jpeglib used (the fastest of its builds here; ``import jpeglib`` loads its
#: default 6b first, so build.spec ships those two).
LIBJPEG_VERSION = "turbo210"

#: Optimised Huffman tables: about 9 % smaller files for a second entropy pass (~0.09 s CPU
#: per 12 MP photo). Off: the output stays about the size of the source.
OPTIMIZE = False

#: EXIF orientation → (transpose, flip horizontally, flip vertically), applied in that order.
_OPS: dict[int, tuple[bool, bool, bool]] = {
    2: (False, True, False),
    3: (False, True, True),
    4: (False, False, True),
    5: (True, False, False),
    6: (True, True, False),  # 90° clockwise
    7: (True, True, True),
    8: (True, False, True),  # 90° counter-clockwise
}
_JCS_GRAYSCALE, _JCS_YCBCR = 1, 3
_APP2 = 0xE2
_OTHER_SOF = {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_SIGN = np.where(np.arange(8) % 2 == 1, -1, 1).astype(np.int16)  # (-1)^frequency

_lock = threading.Lock()
_binding: Any = None


def _lib() -> Any:
    """jpeglib's C binding with :data:`LIBJPEG_VERSION` loaded (imported on first rotation)."""
    global _binding
    with _lock:
        if _binding is None:
            import jpeglib
            from jpeglib._bind import CJpegLib

            jpeglib.version.set(LIBJPEG_VERSION)
            _binding = CJpegLib
        return _binding


def fits(width: int, height: int, sampling: list[tuple[int, int]], orientation: int) -> bool:
    """Whether ``orientation`` can be undone losslessly (edges moving to top/left are whole MCUs).

    Args:
        width: Stored width in pixels.
        height: Stored height in pixels.
        sampling: ``(h, v)`` sampling factors per component, as in the SOF.
        orientation: EXIF orientation 2..8 (anything else: False).
    """
    op = _OPS.get(orientation)
    if op is None or not sampling:
        return False
    transpose, hflip, vflip = op
    mcu_w = 8 * max(h for h, _ in sampling)
    mcu_h = 8 * max(v for _, v in sampling)
    if transpose:  # output width is the stored height, output MCUs are transposed too
        width, height, mcu_w, mcu_h = height, width, mcu_h, mcu_w
    return (not hflip or width % mcu_w == 0) and (not vflip or height % mcu_h == 0)


def transform_blocks(blocks: np.ndarray, orientation: int) -> np.ndarray:
    """Rearrange one component's coefficient blocks ``[rows, cols, v, u]`` for ``orientation``.

    The grid moves are views; the sign changes and the copy into a new contiguous array are one
    ``np.multiply`` pass (a third of the time of flipping and copying step by step on 12 MP).
    """
    transpose, hflip, vflip = _OPS[orientation]
    sign = np.ones((8, 8), dtype=np.int16)
    if transpose:
        blocks = blocks.transpose(1, 0, 3, 2)
    if hflip:
        blocks = blocks[:, ::-1]
        sign = sign * _SIGN[np.newaxis, :]
    if vflip:
        blocks = blocks[::-1]
        sign = sign * _SIGN[:, np.newaxis]
    out = np.empty(blocks.shape, dtype=np.int16)
    np.multiply(blocks, sign, out=out)
    return out


def rotate(data: bytes, orientation: int, icc: bytes | None = None) -> bytes | None:
    """The JPEG with ``orientation`` applied losslessly, or ``None`` when that is not exact.

    Args:
        data: An allow-list stripped, complete JPEG (no EXIF).
        orientation: EXIF orientation 2..8 of the source.
        icc: ICC profile to keep (written as APP2 ``ICC_PROFILE`` chunks).

    Returns:
        Baseline JPEG bytes (JFIF, optional ICC) or ``None``.
    """
    if orientation not in _OPS:
        return None
    try:
        lib = _lib()
    except (ImportError, OSError, RuntimeError):
        return None
    folder = Path(tempfile.mkdtemp(prefix="gv-rot-"))  # mkdtemp: mode 0700, unique name
    try:
        src, dst = folder / "in.jpg", folder / "out.jpg"
        src.write_bytes(data)
        if not _transcode(lib, src, dst, orientation, icc):
            return None
        return dst.read_bytes()
    except (OSError, ValueError, RuntimeError):
        return None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class _Header:
    """What the SOF (and APP14) of a JPEG say, read without libjpeg."""

    width: int
    height: int
    sampling: list[tuple[int, int]]  # (h, v) per component
    space: int  # libjpeg J_COLOR_SPACE the coefficients are in

    def block_dims(self) -> list[tuple[int, int]]:
        """(rows, cols) of coefficient blocks per component, as libjpeg computes them."""
        hmax = max(h for h, _ in self.sampling)
        vmax = max(v for _, v in self.sampling)
        return [
            (-(-self.height * v // (vmax * 8)), -(-self.width * h // (hmax * 8)))
            for h, v in self.sampling
        ]


def _header(data: bytes) -> _Header | None:
    """Baseline/extended/progressive Huffman 8-bit greyscale or YCbCr JPEG, else None.

    libjpeg's own header probe in jpeglib (``read_jpeg_info``) decodes every scan to count them;
    the SOF is all that is needed here. Colour space as libjpeg infers it: one component is
    greyscale; three are YCbCr unless an Adobe APP14 says "no transform" or the component ids
    spell R, G, B (those, CMYK/YCCK and arithmetic or lossless coding are left to the re-encode).
    """
    pos, n = 2, len(data)
    adobe_transform: int | None = None
    while pos + 4 <= n and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        payload = data[pos + 4 : pos + 2 + length]
        if marker == 0xEE and payload.startswith(b"Adobe") and len(payload) >= 12:
            adobe_transform = payload[11]
        if marker in (0xC0, 0xC1, 0xC2):
            if len(payload) < 6 or payload[0] != 8:
                return None
            height, width, count = struct.unpack(">HHB", payload[1:6])
            comps = payload[6 : 6 + 3 * count]
            if len(comps) != 3 * count or width == 0 or height == 0:
                return None
            ids = bytes(comps[0::3])
            sampling = [(c >> 4, c & 15) for c in comps[1::3]]
            if any(not (1 <= h <= 4 and 1 <= v <= 4) for h, v in sampling):
                return None
            if count == 1:
                return _Header(width, height, sampling, _JCS_GRAYSCALE)
            if count == 3 and adobe_transform in (None, 1) and ids != b"RGB":
                return _Header(width, height, sampling, _JCS_YCBCR)
            return None
        if marker in _OTHER_SOF or marker == 0xDA:
            return None
        pos += 2 + length
    return None


def _transcode(lib: Any, src: Path, dst: Path, orientation: int, icc: bytes | None) -> bool:
    header = _header(src.read_bytes())
    if header is None or not fits(header.width, header.height, header.sampling, orientation):
        return False
    n, space = len(header.sampling), header.space
    samp = np.array([(v, h) for h, v in header.sampling], dtype=np.int32)  # jpeglib: [v, h]
    comps = [np.zeros((r, c, 8, 8), dtype=np.int16) for r, c in header.block_dims()]
    qt = np.zeros((4, 8, 8), dtype=np.uint16)
    tbl_no = np.zeros(4, dtype=np.int16)
    ptrs: list[Any] = [_ptr(c, ctypes.c_short) for c in comps] + [None] * (4 - n)
    # the C function itself: jpeglib's wrapper prints the file name to stdout on failure
    # (which would corrupt the CLI's JSON lines); libjpeg errors are caught in C (status 0)
    status = lib.get().read_jpeg_dct(
        _cpath(src), *ptrs,
        _ptr(qt, ctypes.c_ushort), _ptr(tbl_no, ctypes.c_short),
    )  # fmt: skip
    if not status:
        return False
    tables = tbl_no[:n].tolist()
    # jpeglib fills table slots >= 2 from the component's own index: only exact layouts pass;
    # libjpeg would write a 0 entry as 1, so such (broken) tables are not copied either.
    if any(t < 0 or t > 3 or (t >= 2 and t != i) for i, t in enumerate(tables)):
        return False
    if any(not qt[t].all() for t in set(tables)):
        return False
    transpose = _OPS[orientation][0]
    out = [transform_blocks(c, orientation) for c in comps]
    width, height = header.width, header.height
    if transpose:
        width, height = height, width
        samp = np.ascontiguousarray(samp[:, ::-1])
        qt = np.ascontiguousarray(qt.transpose(0, 2, 1))
    block_dims = np.array([c.shape[:2] for c in out], dtype=np.int32).reshape(-1)
    block_dims = np.concatenate([block_dims, np.zeros(6 - block_dims.size, dtype=np.int32)])
    markers = _icc_markers(icc)
    lengths = np.array([len(m) for m in markers], dtype=np.int32)
    types = np.array([_APP2] * len(markers), dtype=np.int32)
    blob = np.frombuffer(b"".join(markers) or b"\0", dtype=np.uint8).copy()
    out_ptrs = [_ptr(c, ctypes.c_short) for c in out] + [None] * (4 - n)
    image_dims = np.array([height, width], dtype=np.int32)
    samp_c = np.ascontiguousarray(samp.reshape(-1), dtype=np.int32)
    out_tables = np.concatenate([tbl_no[:n], np.full(4 - n, -1, np.int16)])
    overwrite, value = lib.flags_to_mask(["+OPTIMIZE_CODING" if OPTIMIZE else "-OPTIMIZE_CODING"])
    status = lib.get().write_jpeg_dct(
        None,
        _cpath(dst),
        *out_ptrs,
        _ptr(image_dims, ctypes.c_int),
        _ptr(block_dims, ctypes.c_int),
        _ptr(samp_c, ctypes.c_int),
        ctypes.c_int(space),
        ctypes.c_int(n),
        _ptr(qt, ctypes.c_ushort),
        ctypes.c_short(-1),
        _ptr(out_tables, ctypes.c_short),
        ctypes.c_int(len(markers)),
        _ptr(types, ctypes.c_int),
        _ptr(lengths, ctypes.c_int),
        _ptr(blob, ctypes.c_ubyte),
        overwrite,
        value,
    )
    return bool(status)


def _cpath(path: Path) -> Any:
    """File name for C ``fopen``: on Windows in the ANSI code page, as MSVC's ``fopen`` expects.

    A temp folder under ``C:\\Users\\Müller`` works; one that the code page cannot spell
    raises ValueError, and the photo is re-encoded instead.
    """
    if sys.platform == "win32":
        try:
            return ctypes.c_char_p(str(path).encode("mbcs", errors="strict"))
        except UnicodeEncodeError as exc:
            raise ValueError("temp path not in the ANSI code page") from exc
    return ctypes.c_char_p(os.fsencode(path))


def _ptr(arr: np.ndarray, ctype: Any) -> Any:
    """C pointer to a contiguous numpy array (the array must outlive the call)."""
    assert arr.flags["C_CONTIGUOUS"]
    return arr.ctypes.data_as(ctypes.POINTER(ctype))


def _icc_markers(icc: bytes | None) -> list[bytes]:
    """APP2 ``ICC_PROFILE`` payloads (without marker and length) for ``icc``."""
    if not icc:
        return []
    size = 65519  # 65533 bytes of marker payload minus the 14-byte chunk header
    parts = [icc[i : i + size] for i in range(0, len(icc), size)]
    return [b"ICC_PROFILE\0" + bytes([i + 1, len(parts)]) + p for i, p in enumerate(parts)]
