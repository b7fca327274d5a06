"""Lossless DCT rotation of rotated JPEGs (``jpegtran -perfect`` semantics) and its fallback.

Losslessness is checked on the coefficients: turning the output back with the inverse
transform must decode to exactly the source pixels (the decoder is the same, so equal pixels
mean equal coefficients). Against Pillow's ``exif_transpose`` of the decoded source the pixels
differ by a few levels at most: the decoder's rounding (IDCT pass order, chroma upsampling) is
not symmetric under flips and transposes; that is measured here, not hidden.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import piexif
import pytest
from PIL import Image, ImageOps
from PIL.JpegImagePlugin import get_sampling

from desktop.privacy.image import find_metadata, scrub
from desktop.privacy.image.lossless import fits, rotate

ICC = b"\0\1\2\3" * 40  # Pillow embeds any bytes as a profile; only equality is checked
INVERSE = {2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6}
SWAPS = (5, 6, 7, 8)


def _photo(w: int, h: int, mode: str = "RGB") -> Image.Image:
    """Smooth gradients with texture and a red block top-left (where "top-left" went is visible)."""
    yy, xx = np.mgrid[0:h, 0:w]
    rng = np.random.default_rng(3)
    arr = np.stack(
        [xx * 200 // w + 20, yy * 200 // h + 20, (xx + yy) * 100 // (w + h) + 60], axis=-1
    ) + rng.integers(-12, 12, (h, w, 3))
    arr[: h // 4, : w // 4] = (220, 20, 20)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).convert(mode)


def _jpeg(img: Image.Image, orientation: int, **params: Any) -> bytes:
    exif = piexif.dump(
        {
            "0th": {piexif.ImageIFD.Orientation: orientation},
            "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((52, 1),)},
        }
    )
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=params.pop("quality", 90), exif=exif, **params)
    return buf.getvalue()


def _pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as img:
        return np.asarray(img).astype(np.int16)


def _expected(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as img:
        return np.asarray(ImageOps.exif_transpose(img)).astype(np.int16)


@pytest.mark.parametrize("orientation", range(2, 9))
@pytest.mark.parametrize(
    ("subsampling", "mode", "progressive"),
    [(2, "RGB", False), (1, "RGB", True), (0, "RGB", False), (0, "L", False)],
)
def test_aligned_jpeg_is_rotated_losslessly(
    orientation: int, subsampling: int, mode: str, progressive: bool
) -> None:
    data = _jpeg(
        _photo(64, 48, mode), orientation, subsampling=subsampling, progressive=progressive,
        icc_profile=ICC,
    )  # fmt: skip
    result = scrub(data, detect_faces=False, detect_documents=False)
    assert "rotate" in result.timings  # the lossless path, not the re-encode
    assert (result.width, result.height) == ((48, 64) if orientation in SWAPS else (64, 48))
    assert find_metadata(result.data) == []
    assert b"Exif" not in result.data
    assert b"GPS" not in result.data
    with Image.open(io.BytesIO(result.data)) as img:
        assert img.info.get("icc_profile") == ICC
        assert "exif" not in img.info
        assert img.getexif().get(0x0112) is None
        if mode == "RGB" and orientation not in SWAPS:
            assert get_sampling(img) == subsampling
    # coefficients unchanged: the inverse transform gives back exactly the source's pixels
    back = rotate(result.data, INVERSE[orientation], ICC)
    assert back is not None
    assert np.array_equal(_pixels(back), _pixels(data))
    # upright: against Pillow's exif_transpose of the decoded source, decoder rounding only
    diff = np.abs(_pixels(result.data) - _expected(data))
    assert diff.max() <= (1 if mode == "L" else 4)
    assert diff.mean() < 0.5
    out = _pixels(result.data)
    red = out[2, -3] if orientation in (2, 6) else out[-3, -3] if orientation in (3, 7) else None
    if mode == "RGB" and red is not None:
        assert red[0] > 180
        assert red[1] < 80


@pytest.mark.parametrize("orientation", range(2, 9))
def test_unaligned_jpeg_falls_back_to_the_re_encode(orientation: int) -> None:
    # 4:2:0 has 16 px MCUs: 72 x 40 leaves a partial MCU at the right and bottom edge
    data = _jpeg(_photo(72, 40), orientation, subsampling=2, icc_profile=ICC)
    result = scrub(data, detect_faces=False, detect_documents=False)
    lossless = orientation == 5  # a transpose keeps partial MCUs at the right/bottom edge
    assert ("rotate" in result.timings) == lossless
    assert (result.width, result.height) == ((40, 72) if orientation in SWAPS else (72, 40))
    assert find_metadata(result.data) == []
    with Image.open(io.BytesIO(result.data)) as img:
        assert img.info.get("icc_profile") == ICC
        assert img.getexif().get(0x0112) is None
    diff = _pixels(result.data) - _expected(data)
    psnr = 10 * np.log10(255**2 / max(float(np.mean(diff.astype(np.float64) ** 2)), 1e-9))
    assert psnr > 38


def test_mcu_rule_follows_jpegtran_perfect() -> None:
    s420 = [(2, 2), (1, 1), (1, 1)]
    # a 4000 x 3000 4:2:0 phone photo: 3000 is no multiple of 16
    assert [fits(4000, 3000, s420, o) for o in range(2, 9)] == [
        True, False, False, True, False, False, True,
    ]  # fmt: skip
    assert all(fits(4000, 3008, s420, o) for o in range(2, 9))
    s422 = [(2, 1), (1, 1), (1, 1)]  # MCU 16 wide, 8 high
    assert fits(48, 40, s422, 4)
    assert not fits(40, 48, s422, 2)
    assert fits(40, 48, s422, 6)
    assert not fits(40, 48, s422, 8)
    assert not fits(64, 48, s420, 1)
    assert not fits(64, 48, [], 6)


def test_cmyk_and_downscale_take_the_re_encode() -> None:
    cmyk = _jpeg(_photo(64, 48).convert("CMYK"), 6)
    result = scrub(cmyk, detect_faces=False, detect_documents=False)
    assert "rotate" not in result.timings
    assert (result.width, result.height) == (48, 64)
    aligned = _jpeg(_photo(64, 48), 6, icc_profile=ICC)
    small = scrub(aligned, detect_faces=False, detect_documents=False, max_side=32)
    assert "rotate" not in small.timings
    assert max(small.width, small.height) <= 32
    assert "downscaled" in small.warnings


def test_upright_jpeg_does_not_load_the_rotation_library() -> None:
    import subprocess
    import sys

    code = (
        "import io, sys; from PIL import Image; from desktop.privacy.image import scrub; "
        "b = io.BytesIO(); Image.new('RGB', (32, 32)).save(b, 'JPEG'); "
        "scrub(b.getvalue(), detect_faces=False); print('jpeglib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_broken_jpeg_gives_none_without_printing(capsys: pytest.CaptureFixture[str]) -> None:
    data = _jpeg(_photo(64, 48), 6)
    pos, kept = 2, bytearray(data[:2])
    while data[pos + 1] != 0xDA:  # drop the quantisation tables: libjpeg refuses the file
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if data[pos + 1] != 0xDB:
            kept += data[pos:end]
        pos = end
    kept += data[pos:]
    assert rotate(bytes(kept), 6) is None
    assert capsys.readouterr().out == ""  # the CLI's JSON lines stay clean


def test_turned_jpeg_strip_only_is_never_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.privacy.image import render

    data = _jpeg(_photo(64, 48), 6, icc_profile=ICC)

    def no_decode(_img: Image.Image) -> Image.Image:
        raise AssertionError("decoded")

    monkeypatch.setattr(render, "load", no_decode)  # headers may be read, pixels never
    result = scrub(data, detect_faces=False, detect_documents=False)
    assert "rotate" in result.timings
    assert (result.width, result.height) == (48, 64)
    assert find_metadata(result.data) == []
    monkeypatch.undo()
    back = rotate(result.data, INVERSE[6], ICC)  # the coefficients, unchanged
    assert back is not None
    assert np.array_equal(_pixels(back), _pixels(data))


def test_turned_output_with_metadata_is_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.privacy.image import lossless

    original = lossless.rotate

    def leaky(data: bytes, orientation: int, icc: bytes | None = None) -> bytes | None:
        out = original(data, orientation, icc)
        assert out is not None
        return out[:2] + b"\xff\xfe\x00\x0eKundin Frau!" + out[2:]  # a COM segment

    monkeypatch.setattr(lossless, "rotate", leaky)
    data = _jpeg(_photo(64, 48), 6)
    result = scrub(data, detect_faces=False, detect_documents=False)
    assert "rotate" not in result.timings  # the re-encode took over
    assert (result.width, result.height) == (48, 64)
    assert find_metadata(result.data) == []
    assert b"Kundin" not in result.data
