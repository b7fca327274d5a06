"""The CLI over the whole nasty corpus: nothing leaks, pictures stay right, bad files refused.

Audited with the shared ``audit.py`` (ExifTool tag classes + raw marker scan) and our own
allow-list parser; pixels are compared with the original decoded and turned upright by its
EXIF orientation.
"""

from __future__ import annotations

import io
import json
import subprocess
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageOps

from desktop.privacy.image import find_metadata
from tests.privacy_image.conftest import CliRun

REFUSED = {"bomb.png": "too-many-pixels", "bomb_dims.jpg": "too-many-pixels", "empty.jpg": "empty"}
#: EXIF orientation → transpose that shows the stored pixels upright (the EXIF spec).
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
#: Inputs whose picture can be kept without any loss (same decoded pixels).
LOSSLESS_FORMATS = {"PNG", "GIF"}
#: ExifTool tags of an animated PNG (acTL chunk) that the shared auditor files as PNG text.
ANIMATED = "gif_anim_comment.gif"  # becomes an RGBA APNG (frames differ in palette)
APNG_STRUCTURE = {"PNG:AnimationFrames", "PNG:AnimationPlays"}


def _cleaned(cli_run: CliRun, manifest: dict[str, dict[str, Any]]) -> list[str]:
    return [name for name in sorted(manifest) if name not in REFUSED]


def _output(cli_run: CliRun, name: str) -> Path:
    line = cli_run.lines[name]
    assert line["ok"], (name, line["error"])
    return Path(line["output"])


def _open(path: Path) -> Image.Image:
    """Decoded image (from memory: no file handle left open; broken EXIF warnings muted)."""
    import pi_heif

    pi_heif.register_heif_opener()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        img = Image.open(io.BytesIO(path.read_bytes()))
        img.load()
    return img


def _upright_original(path: Path, entry: dict[str, Any]) -> Image.Image:
    """The original as it must be displayed (HEIF decoders apply ``irot`` themselves)."""
    img = _open(path)
    op = UPRIGHT.get(entry["orientation"])
    return img if op is None or entry["format"] == "HEIC" else img.transpose(op)


def _psnr(a: Image.Image, b: Image.Image) -> float:
    x = np.asarray(a.convert("RGB"), dtype=np.float64)
    y = np.asarray(b.convert("RGB"), dtype=np.float64)
    assert x.shape == y.shape
    mse = float(((x - y) ** 2).mean())
    return 99.0 if mse == 0 else 10 * np.log10(255.0**2 / mse)


def test_exit_status_is_1_and_every_input_has_a_line(
    cli_run: CliRun, manifest: dict[str, dict[str, Any]]
) -> None:
    assert cli_run.returncode == 1  # the bombs and the empty file fail, the rest is done
    assert set(cli_run.lines) == set(manifest)


@pytest.mark.parametrize(("name", "code"), sorted(REFUSED.items()))
def test_bad_files_are_refused_with_a_code(cli_run: CliRun, name: str, code: str) -> None:
    line = cli_run.lines[name]
    assert line["ok"] is False
    assert line["output"] is None
    assert line["error"]["code"] == code
    assert line["error"]["message"].endswith(".")
    assert not list(cli_run.out_dir.glob(Path(name).stem + ".*"))


def test_no_output_carries_metadata_by_our_parser_or_marker_bytes(
    cli_run: CliRun, manifest: dict[str, dict[str, Any]], auditor: ModuleType
) -> None:
    for name in _cleaned(cli_run, manifest):
        data = _output(cli_run, name).read_bytes()
        assert find_metadata(data) == [], name
        hits = {k for k in auditor.raw_scan(data, None) if k in auditor.MARKERS}
        assert not hits, (name, hits)
        assert cli_run.lines[name]["media_type"] in ("image/jpeg", "image/png")


def test_exiftool_finds_nothing_but_the_colour_profile(
    cli_run: CliRun, manifest: dict[str, dict[str, Any]], auditor: ModuleType, exiftool: str
) -> None:
    names = _cleaned(cli_run, manifest)
    paths = [str(_output(cli_run, n)) for n in names]
    # One ExifTool process for all files with the auditor's options and tag classes.
    proc = subprocess.run(
        [exiftool, "-j", "-a", "-G1", "-s", "-n", "-u", "-all:all", "-MakerNoteUnknown", *paths],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    by_file = {Path(d["SourceFile"]).name: d for d in json.loads(proc.stdout)}
    for name in names:
        tags = by_file[_output(cli_run, name).name]
        assert "ExifTool:Error" not in tags, name
        leftover = {
            key
            for key in tags
            if key != "SourceFile"
            and auditor.classify(*key.partition(":")[::2]) not in (None, "icc")
        }
        assert leftover <= APNG_STRUCTURE, (name, leftover)


def test_every_picture_is_upright_for_exif_aware_and_unaware_viewers(
    cli_run: CliRun, manifest: dict[str, dict[str, Any]], auditor: ModuleType
) -> None:
    for name in _cleaned(cli_run, manifest):
        entry = manifest[name]
        if name in ("tiny_1x1.jpg", "truncated.jpg"):  # no corners / grey missing part
            continue
        raw = _open(_output(cli_run, name))
        for view in (ImageOps.exif_transpose(raw), raw):
            check = auditor.orientation_check(auditor.to_rgb(view), entry["display_size"])
            assert check["ok"], (name, check)


def test_pixels_are_kept(
    corpus: Path, cli_run: CliRun, manifest: dict[str, dict[str, Any]]
) -> None:
    for name in _cleaned(cli_run, manifest):
        entry = manifest[name]
        if name == "truncated.jpg":
            continue
        original = _upright_original(corpus / name, entry)
        cleaned = _open(_output(cli_run, name))
        assert cleaned.size == original.size, name
        lossless = entry["format"] in LOSSLESS_FORMATS or (
            entry["format"] == "JPEG" and entry["orientation"] == 1
        ) or name == "webp_lossless_meta.webp"  # fmt: skip
        if lossless:
            if original.mode.startswith("I;16") or (original.mode == "P" and name != ANIMATED):
                assert cleaned.mode == original.mode, name  # 16-bit and palettes kept
                assert cleaned.tobytes() == original.tobytes(), name
            else:
                a, b = original.convert("RGBA"), cleaned.convert("RGBA")
                assert a.tobytes() == b.tobytes(), name
        else:  # careful re-encode at q95 (rotation baked, WebP/HEIC → JPEG)
            assert _psnr(original, cleaned) > 36, name


def test_upright_jpegs_stay_bit_exact_apart_from_the_dropped_segments(
    corpus: Path, cli_run: CliRun, manifest: dict[str, dict[str, Any]]
) -> None:
    for name in _cleaned(cli_run, manifest):
        entry = manifest[name]
        if entry["format"] != "JPEG" or entry["orientation"] != 1:
            continue
        src = (corpus / name).read_bytes()
        out = _output(cli_run, name).read_bytes()
        scan = out.index(b"\xff\xda")
        assert src.find(out[scan:]) > 0, name  # entropy-coded data copied unchanged
        assert len(out) <= len(src), name


def test_gif_animation_keeps_its_frames(cli_run: CliRun) -> None:
    img = _open(_output(cli_run, "gif_anim_comment.gif"))
    assert img.format == "PNG"
    assert getattr(img, "n_frames", 1) == 2


def test_colour_profiles_are_kept_byte_for_byte(
    corpus: Path, cli_run: CliRun, manifest: dict[str, dict[str, Any]]
) -> None:
    with_icc = [n for n in _cleaned(cli_run, manifest) if manifest[n].get("icc")]
    assert "p3.jpg" in with_icc
    for name in with_icc:
        with Image.open(corpus / name) as original:
            icc = original.info.get("icc_profile")
        assert icc, name
        with Image.open(_output(cli_run, name)) as cleaned:
            assert cleaned.info.get("icc_profile") == icc, name


def test_removed_items_name_gps_and_time_with_values(cli_run: CliRun) -> None:
    removed = {item["kind"]: item for item in cli_run.lines["all_segments.jpg"]["removed"]}
    assert {"gps", "datetime", "camera", "serial", "owner", "xmp", "iptc", "comment"} <= set(
        removed
    )
    assert removed["gps"]["value"] == "48.86, 2.35"
    assert removed["gps"]["label"] == "Aufnahmeort (GPS)"
    assert removed["datetime"]["value"] == "14.07.2023 09:26"
    thumb = {item["kind"]: item for item in cli_run.lines["thumb_gps.jpg"]["removed"]}
    assert "thumbnail" in thumb
    assert thumb["gps"]["value"] == "48.86, 2.35"  # the thumbnail's own GPS is reported too
    png_kinds = {item["kind"] for item in cli_run.lines["png16_rgb_meta.png"]["removed"]}
    assert {"text_chunk", "xmp", "gps"} <= png_kinds


def test_truncated_file_is_cleaned_with_a_warning(cli_run: CliRun) -> None:
    line = cli_run.lines["truncated.jpg"]
    assert line["ok"]
    assert line["warnings"] == ["truncated"]


def test_png_named_jpg_is_recognised_from_its_bytes(cli_run: CliRun) -> None:
    line = cli_run.lines["png_named.jpg"]
    assert line["media_type"] == "image/png"
    assert line["output"].endswith("png_named.png")


def test_cleaning_twice_changes_nothing(cli_run: CliRun, manifest: dict[str, Any]) -> None:
    from desktop.privacy.image import scrub

    for name in ("orient_6.jpg", "png16_rgb_meta.png", "heic_meta.heic", "cmyk.jpg"):
        once = _output(cli_run, name).read_bytes()
        again = scrub(once, detect_faces=False)
        assert again.data == once, name
        assert again.removed == [], name


def test_outputs_decode_fully(cli_run: CliRun, manifest: dict[str, Any]) -> None:
    for name in _cleaned(cli_run, manifest):
        assert _open(_output(cli_run, name)).size == tuple(manifest[name]["display_size"])
