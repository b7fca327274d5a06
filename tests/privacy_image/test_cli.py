"""``python -m desktop.privacy image``: JSON lines, output files and exit status (in-process)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import piexif
import pytest
from PIL import Image

from desktop.privacy.image.cli import _cost_order, main
from desktop.privacy.image.jpeg import header_orientation

KEYS = {"input", "ok", "output", "media_type", "width", "height", "removed", "warnings", "faces",
        "error"}  # fmt: skip


def _photo(tmp_path: Path, name: str = "foto.jpeg") -> Path:
    buf = io.BytesIO()
    g = piexif.GPSIFD
    gps = {
        g.GPSLatitudeRef: b"N",
        g.GPSLatitude: ((52, 1), (31, 1), (12, 1)),
        g.GPSLongitudeRef: b"E",
        g.GPSLongitude: ((13, 1), (24, 1), (0, 1)),
    }
    Image.new("RGB", (64, 48), (10, 200, 30)).save(
        buf, "JPEG", exif=piexif.dump({"GPS": gps}), comment=b"secret"
    )
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    return path


def _lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_json_line_per_input_and_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _photo(tmp_path)
    out = tmp_path / "out"
    assert main(["--out", str(out), "--json", "--no-faces", str(src)]) == 0
    (line,) = _lines(capsys)
    assert set(line) == KEYS
    assert line["ok"] is True
    assert line["error"] is None
    assert line["output"] == str(out / "foto.jpg")
    assert (line["media_type"], line["width"], line["height"]) == ("image/jpeg", 64, 48)
    kinds = {item["kind"]: item for item in line["removed"]}  # type: ignore[attr-defined]
    assert kinds["gps"] == {"kind": "gps", "label": "Aufnahmeort (GPS)", "value": None}
    assert "comment" in kinds
    cleaned = (out / "foto.jpg").read_bytes()
    assert b"secret" not in cleaned
    assert b"Exif" not in cleaned


def test_one_failure_gives_exit_1_and_the_rest_is_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _photo(tmp_path)
    empty = tmp_path / "leer.jpg"
    empty.write_bytes(b"")
    missing = tmp_path / "fehlt.jpg"
    out = tmp_path / "out"
    assert main(["--out", str(out), "--json", str(empty), str(missing), str(good)]) == 1
    lines = _lines(capsys)
    assert [line["ok"] for line in lines] == [False, False, True]
    assert lines[0]["error"] == {"code": "empty", "message": "Die Datei ist leer."}
    assert lines[1]["error"]["code"] == "unreadable"  # type: ignore[index]
    assert (out / "foto.jpg").exists()


def test_without_json_failures_go_to_stderr_without_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kaputt.jpg"
    bad.write_bytes(b"not an image")
    assert main(["--out", str(tmp_path / "out"), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == "kaputt.jpg: unsupported-format"


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json"]) == 2
    capsys.readouterr()


def test_blur_faces_flag_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _photo(tmp_path)
    assert main(["--out", str(tmp_path / "o"), "--json", "--blur-faces", str(src)]) == 0
    (line,) = _lines(capsys)
    assert line["faces"] == []


def test_same_stem_twice_gets_two_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = _photo(tmp_path / "a"), _photo(tmp_path / "b")
    out = tmp_path / "out"
    assert main(["--out", str(out), "--json", "--no-faces", str(first), str(second)]) == 0
    outputs = [line["output"] for line in _lines(capsys)]
    assert outputs == [str(out / "foto.jpg"), str(out / "foto-2.jpg")]


def test_values_only_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _photo(tmp_path)
    out = str(tmp_path / "out")
    assert main(["--out", out, "--json", "--no-faces", "--show-values", str(src)]) == 0
    (line,) = _lines(capsys)
    kinds = {item["kind"]: item for item in line["removed"]}  # type: ignore[attr-defined]
    assert kinds["gps"]["value"] == "52.52, 13.40"


def test_parallel_jobs_keep_input_order_and_give_the_same_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.jpg"  # slowest first: later inputs finish earlier on the other worker
    Image.effect_noise((1600, 1200), 40).convert("RGB").save(big, "JPEG", quality=90)
    names = [big, _photo(tmp_path, "a.jpg"), tmp_path / "leer.jpg", _photo(tmp_path, "b.jpg")]
    names[2].write_bytes(b"")
    lines = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code = main(["--out", str(out), "--json", "--jobs", jobs, *map(str, names)])
        assert code == 1  # the empty file fails, the others are done
        lines[jobs] = _lines(capsys)
        assert [line["input"] for line in lines[jobs]] == [str(p) for p in names]
    assert [line["ok"] for line in lines["2"]] == [True, True, False, True]
    for one, two in zip(lines["1"], lines["2"], strict=True):
        assert {**one, "output": None} == {**two, "output": None}
        if one["ok"]:
            assert Path(str(one["output"])).read_bytes() == Path(str(two["output"])).read_bytes()


def _turned(tmp_path: Path, name: str) -> Path:
    """A 64×48 JPEG stored sideways with EXIF Orientation 6."""
    buf = io.BytesIO()
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: 6}})
    Image.new("RGB", (48, 64), (200, 30, 10)).save(buf, "JPEG", exif=exif)
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    return path


def test_turned_jpegs_start_first_and_lines_keep_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = [_photo(tmp_path, "a.jpg"), _photo(tmp_path, "b.jpg"), _turned(tmp_path, "c.jpg")]
    names.append(tmp_path / "fehlt.jpg")  # unreadable: no hint, reported by its worker
    assert _cost_order(names) == [2, 0, 1, 3]
    assert main(["--out", str(tmp_path / "out"), "--json", *map(str, names)]) == 1
    lines = _lines(capsys)
    assert [line["input"] for line in lines] == [str(p) for p in names]
    assert [line["ok"] for line in lines] == [True, True, True, False]
    assert (lines[2]["width"], lines[2]["height"]) == (64, 48)  # turned upright


def test_orientation_hint_reads_the_header_only(tmp_path: Path) -> None:
    turned = _turned(tmp_path, "t.jpg").read_bytes()
    assert header_orientation(turned) == 6
    assert header_orientation(turned[:200]) == 6  # the EXIF segment is all it needs
    assert header_orientation(turned[:30]) == 1  # cut inside the EXIF segment: no hint
    assert header_orientation(_photo(tmp_path).read_bytes()) == 1  # EXIF without Orientation
    assert header_orientation(b"\x89PNG\r\n\x1a\n") == 1
