"""``scrub`` in-process: the error contract, orientation baking details, limits, documents."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import piexif
import pytest
from PIL import Image, ImageDraw, ImageFont
from PIL.JpegImagePlugin import get_sampling

from desktop.privacy.image import (
    REJECT_MESSAGES,
    TRUNCATED_MESSAGE,
    ImageRejected,
    ScrubResult,
    find_metadata,
    scrub,
)


def _jpeg(img: Image.Image, **params: Any) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", **params)
    return buf.getvalue()


def _png(img: Image.Image, **params: Any) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", **params)
    return buf.getvalue()


def _scene(w: int = 320, h: int = 240) -> Image.Image:
    rng = np.random.default_rng(7)
    arr = rng.integers(90, 160, (h, w, 3), dtype=np.uint8)
    arr[: h // 4, : w // 4] = (220, 20, 20)
    return Image.fromarray(arr)


def _reject(data: bytes, **kwargs: Any) -> ImageRejected:
    with pytest.raises(ImageRejected) as info:
        scrub(data, detect_faces=False, **kwargs)
    return info.value


# ------------------------------------------------------------------ error contract
@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n" + b"x" * 100, "unsupported-format"),
        (b"BM" + b"\0" * 100, "unsupported-format"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x13" * 50, "corrupt"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 30, "corrupt"),
        (b"GIF89a" + b"\x01" * 30, "corrupt"),
        (b"RIFF\x10\0\0\0WEBPVP8 " + b"\0" * 20, "corrupt"),
    ],
)
def test_bad_input_raises_one_exception_with_a_code_and_german_message(
    data: bytes, code: str
) -> None:
    exc = _reject(data)
    assert exc.code == code
    assert exc.message in (REJECT_MESSAGES[code], TRUNCATED_MESSAGE)


def test_reject_messages_are_german() -> None:
    assert "leer" in REJECT_MESSAGES["empty"]
    assert "Dateiformat" in REJECT_MESSAGES["unsupported-format"]
    assert "Bildpunkte" in REJECT_MESSAGES["too-many-pixels"]
    assert "beschädigt" in REJECT_MESSAGES["corrupt"]


def test_declared_dimensions_are_refused_before_decoding() -> None:
    data = _jpeg(_scene())
    assert _reject(data, max_pixels=320 * 240 - 1).code == "too-many-pixels"
    assert scrub(data, detect_faces=False, max_pixels=320 * 240).width == 320


def _png_header_only(w: int, h: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(chunk[4:]))


def test_png_header_claiming_a_giant_picture_is_refused() -> None:
    assert _reject(_png_header_only(30000, 30000)).code == "too-many-pixels"


def test_webp_canvas_claiming_a_giant_picture_is_refused() -> None:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\0\0\0\0" + (19999).to_bytes(3, "little") * 2
    data = b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x
    assert _reject(data).code == "too-many-pixels"


def test_mpf_second_image_and_motion_photo_trailer_are_dropped() -> None:
    main = _jpeg(_scene())
    second = _jpeg(_scene(80, 60))
    mpf = b"MPF\0" + b"MM\0\x2a\0\0\0\x08" + b"\0" * 40
    app2 = b"\xff\xe2" + struct.pack(">H", len(mpf) + 2) + mpf
    video = b"\0\0\0\x18ftypmp42" + b"MotionPhoto_Data" + b"\x01" * 200
    data = main[:2] + app2 + main[2:] + second + video
    result = scrub(data, detect_faces=False)
    assert result.data.endswith(main[-64:])  # ends at the first image's EOI
    assert len(result.data) <= len(main)
    assert {"extra_image", "trailer"} <= {item.kind for item in result.removed}
    assert find_metadata(result.data) == []
    assert find_metadata(data) == ["extra_image", "trailer"]


def test_find_metadata_refuses_what_it_cannot_parse() -> None:
    with pytest.raises(ValueError, match="format"):
        find_metadata(b"just text")
    with pytest.raises(ValueError, match="truncated"):
        find_metadata(_png(_scene())[:200])


def test_zero_dimensions_are_corrupt() -> None:
    assert _reject(_png_header_only(0, 10)).code == "corrupt"


def test_truncated_jpeg_is_cleaned_with_a_warning() -> None:
    data = _jpeg(_scene(), exif=piexif.dump({"0th": {piexif.ImageIFD.Make: b"Cam"}}))
    result = scrub(data[: len(data) * 2 // 3], detect_faces=False)
    assert "truncated" in result.warnings
    assert find_metadata(result.data) == []
    assert result.width == 320


def test_truncated_png_is_refused() -> None:
    data = _png(_scene())
    assert _reject(data[: len(data) // 2]).code == "corrupt"


# ------------------------------------------------------------------ orientation / quality
def test_rotated_jpeg_is_baked_keeping_444_sampling_and_icc() -> None:
    icc = b"\0" * 128  # Pillow passes any bytes; only equality is checked here
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: 6}})
    # 244 px high: no multiple of 8, so no lossless DCT rotation (test_lossless_rotation.py)
    data = _jpeg(_scene(320, 244), quality=100, subsampling=0, exif=exif, icc_profile=icc)
    result = scrub(data, detect_faces=False)
    assert "rotate" not in result.timings
    assert (result.width, result.height) == (244, 320)
    with Image.open(io.BytesIO(result.data)) as img:
        assert get_sampling(img) == 0
        assert img.info.get("icc_profile") == icc
        assert "exif" not in img.info
        upright = np.asarray(img.convert("RGB"))
    # the red block was top-left of the stored pixels: orientation 6 puts it top-right
    assert upright[10, -10, 0] > 180
    assert upright[10, -10, 1] < 80


def test_upright_jpeg_is_a_lossless_strip() -> None:
    src = _scene()
    data = _jpeg(src, quality=90, exif=piexif.dump({"0th": {piexif.ImageIFD.Artist: b"X"}}))
    result = scrub(data, detect_faces=False)
    with Image.open(io.BytesIO(data)) as a, Image.open(io.BytesIO(result.data)) as b:
        assert a.tobytes() == b.tobytes()
    assert len(result.data) < len(data)
    assert [item.kind for item in result.removed] == ["owner"]


def test_result_shape_and_timings() -> None:
    result = scrub(_png(_scene()), detect_faces=True)
    assert isinstance(result, ScrubResult)
    assert result.media_type == "image/png"
    assert (result.width, result.height) == (320, 240)
    assert result.faces == []
    assert {"parse", "decode", "faces", "verify", "total"} <= set(result.timings)


def test_png_exif_orientation_is_baked_losslessly() -> None:
    src = _scene()
    exif = Image.Exif()
    exif[0x0112] = 8
    result = scrub(_png(src, exif=exif.tobytes()), detect_faces=False)
    with Image.open(io.BytesIO(result.data)) as img:
        assert img.tobytes() == src.transpose(Image.Transpose.ROTATE_90).tobytes()


def test_max_side_downscales_with_a_warning() -> None:
    result = scrub(_jpeg(_scene()), detect_faces=False, max_side=160)
    assert (result.width, result.height) == (160, 120)
    assert "downscaled" in result.warnings
    assert find_metadata(result.data) == []


# ------------------------------------------------------------------ documents
def _document(w: int = 900, h: int = 700) -> Image.Image:
    """A sheet of typed text lying on a dark dashboard."""
    img = Image.new("RGB", (w, h), (120, 110, 100))
    draw = ImageDraw.Draw(img)
    draw.rectangle((150, 80, 750, 640), fill=(245, 245, 240))
    font = ImageFont.load_default(size=16)
    for row in range(18):
        text = "Versicherungsschein Nr 12345 Muster GmbH" if row % 3 else "Vertrag"
        draw.text((180, 100 + row * 28), text, fill=(20, 20, 20), font=font)
    return img


def test_document_photo_is_flagged() -> None:
    result = scrub(_jpeg(_document(), quality=92), detect_faces=False)
    assert "document" in result.warnings


def test_damage_like_photo_is_not_flagged_as_document() -> None:
    img = _scene(900, 700)
    draw = ImageDraw.Draw(img)
    draw.line((100, 600, 450, 300, 800, 350), fill=(235, 235, 235), width=3)  # a crack
    result = scrub(_jpeg(img), detect_faces=False)
    assert "document" not in result.warnings


def test_detect_documents_can_be_switched_off() -> None:
    result = scrub(_jpeg(_document()), detect_faces=False, detect_documents=False)
    assert result.warnings == []


def test_corpus_heic_keeps_no_metadata(corpus: Path) -> None:
    result = scrub((corpus / "heic_orient6.heic").read_bytes(), detect_faces=False)
    assert result.media_type == "image/jpeg"
    assert (result.width, result.height) == (640, 480)  # irot applied once, EXIF 6 not again
    assert {"gps", "datetime", "serial"} <= {item.kind for item in result.removed}
    assert find_metadata(result.data) == []


def test_heic_is_decoded_by_pi_heif_the_decoder_only_build() -> None:
    """The app registers pi-heif (no x265 encoder in the bundle), never pillow-heif."""
    from desktop.privacy.image import render

    render.register_heif()
    assert Image.OPEN["HEIF"][0].__module__.startswith("pi_heif.")


def test_bundle_heic_sample_is_read_and_cleaned() -> None:
    """The bundle's self-test HEIC (embedded, the bundle cannot encode one) keeps no GPS."""
    import base64

    from tools.bundle_entry import CHECKS, HEIC_SAMPLE

    assert CHECKS["heic-photo"]()
    result = scrub(base64.b64decode("".join(HEIC_SAMPLE)), detect_faces=False)
    assert find_metadata(result.data) == []


@pytest.mark.parametrize(
    "name",
    ["orient_1.jpg", "png16_rgb_meta.png", "webp_lossy_meta.webp", "webp_lossless_meta.webp",
     "gif_comment.gif", "heic_meta.heic"],
)  # fmt: skip
def test_every_format_is_measured_before_decoding(corpus: Path, name: str) -> None:
    data = (corpus / name).read_bytes()
    assert _reject(data, max_pixels=640 * 480 - 1).code == "too-many-pixels"


def test_output_byte_limit_downscales_until_it_fits() -> None:
    data = _jpeg(_scene(640, 480), quality=95)
    result = scrub(data, detect_faces=False, max_output_bytes=len(data) // 3)
    assert len(result.data) <= len(data) // 3
    assert "downscaled" in result.warnings
    assert result.width < 640
    assert find_metadata(result.data) == []


def test_impossible_byte_limit_is_refused() -> None:
    assert _reject(_jpeg(_scene()), max_output_bytes=50).code == "too-large"


@pytest.mark.parametrize(
    "name", ["orient_6.jpg", "png_exif_orient6.png", "webp_orient6.webp", "gif_comment.gif"]
)
def test_damaged_files_give_a_result_or_image_rejected_only(corpus: Path, name: str) -> None:
    original = (corpus / name).read_bytes()
    rng = np.random.default_rng(11)
    codes: list[str] = []
    for _ in range(12):
        data = bytearray(original)
        for pos in rng.integers(0, min(len(data), 4096), 6):  # headers and metadata
            data[int(pos)] = int(rng.integers(0, 256))
        cut = int(rng.integers(len(data) // 2, len(data) + 1))
        codes.append(_outcome(bytes(data[:cut])))
    assert set(codes) <= {"ok", *REJECT_MESSAGES}


def _outcome(data: bytes) -> str:
    """ "ok" (and the output is clean) or the rejection code; any other exception propagates."""
    try:
        result = scrub(data, detect_faces=False, detect_documents=False)
    except ImageRejected as exc:
        return exc.code
    return "ok" if find_metadata(result.data) == [] else "unclean-output"


_STORED = {  # EXIF orientation → how the displayed picture is stored in the file
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


@pytest.mark.parametrize("orientation", sorted(_STORED))
def test_truncated_jpeg_with_orientation_is_turned_never_sideways(orientation: int) -> None:
    shown = Image.new("RGB", (640, 480), (0, 0, 200))
    shown.paste((250, 0, 0), (0, 0, 96, 96))  # red top-left, green top-right: tells all 8 apart
    shown.paste((0, 250, 0), (544, 0, 640, 96))
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: orientation}})
    data = _jpeg(shown.transpose(_STORED[orientation]), exif=exif, quality=90)
    result = scrub(data[: len(data) * 97 // 100], detect_faces=False)  # the last rows missing
    assert "truncated" in result.warnings
    out = Image.open(io.BytesIO(result.data))
    assert out.size == (640, 480)  # upright, not 480 × 640
    assert not out.getexif()  # nothing left for a viewer to turn a second time
    rgb = out.convert("RGB")
    assert _dominant(rgb.getpixel((48, 48))) == "red", orientation
    assert _dominant(rgb.getpixel((592, 48))) == "green", orientation


def _dominant(pixel: Any) -> str:
    return ("red", "green", "blue")[max(range(3), key=lambda i: pixel[i])]


def test_given_boxes_are_blurred_in_the_full_resolution_output() -> None:
    from desktop.privacy.image import FaceBox

    rng = np.random.default_rng(3)
    noisy = Image.fromarray(rng.integers(0, 256, (480, 640, 3), dtype=np.uint8))
    data = _jpeg(noisy, quality=95)
    box = FaceBox(32, 24, 40, 30, 0.9, "person")  # on a 320 × 240 copy the agent saw
    result = scrub(data, detect_faces=False, blur_boxes=[box], boxes_size=(320, 240))
    assert (result.width, result.height) == (640, 480)
    assert result.faces == [box.__class__(64, 48, 80, 60, 0.9, "person")]
    out = np.asarray(Image.open(io.BytesIO(result.data)).convert("RGB")).astype(int)
    inside = out[60:96, 80:128]  # well inside the mapped region: a coarse mosaic, no noise
    assert inside.std(axis=(0, 1)).max() < 12
    outside = out[300:400, 300:400]
    assert outside.std(axis=(0, 1)).min() > 40  # the rest of the photo keeps its detail


def test_strip_only_upright_jpeg_is_never_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.privacy.image import render

    exif = piexif.dump({"0th": {piexif.ImageIFD.Make: b"Cam"}})
    data = _jpeg(_scene(), exif=exif)

    def no_decode(_data: bytes) -> Image.Image:
        raise AssertionError("decoded")

    monkeypatch.setattr(render, "open_image", no_decode)
    result = scrub(data, detect_faces=False, detect_documents=False)
    assert (result.width, result.height) == (320, 240)
    assert find_metadata(result.data) == []
    assert result.data.endswith(data[-64:])  # the image data, byte for byte
    with pytest.raises(ImageRejected):  # the analysis does need the pixels
        scrub(data, detect_faces=False)


_AFTER_WARM_UP = """
import sys
from desktop.privacy.image.pipeline import warm_up
warm_up()
before = set(sys.modules)
from desktop.privacy.image import scrub
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        scrub(f.read())
print(" ".join(sorted(set(sys.modules) - before)) or "-")
"""


def test_after_the_warm_up_a_first_photo_imports_nothing(tmp_path: Path) -> None:
    """Imports hold the GIL the GUI thread needs: the warm-up does them all ahead of time."""
    import subprocess
    import sys

    from tests.privacy_image.conftest import ROOT

    paths = []
    for name, size, orientation in (("upright", (640, 480), 1), ("turned", (480, 640), 6)):
        exif = Image.Exif()
        exif[0x0112] = orientation
        path = tmp_path / f"{name}.jpg"
        Image.new("RGB", size, (90, 120, 150)).save(path, "JPEG", exif=exif.tobytes())
        paths.append(str(path))
    proc = subprocess.run(
        [sys.executable, "-c", _AFTER_WARM_UP, *paths], cwd=ROOT, capture_output=True,
        text=True, timeout=120, check=True,
    )  # fmt: skip
    assert proc.stdout.split() == ["-"]


def test_release_threads_ends_the_re_encode_threads_and_a_later_photo_starts_new_ones() -> None:
    import threading

    from desktop.privacy.image import pipeline

    def image_threads() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name.startswith("gv-image")]

    pipeline.warm_up()  # a sideways photo: its rotation runs on a pool thread
    assert image_threads()
    pipeline.release_threads()
    assert not image_threads()
    assert pipeline.warm_up().width == 48  # turned upright on a new pool thread
    pipeline.release_threads()
    assert not image_threads()
