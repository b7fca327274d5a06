"""Run the cleaning CLI over the shared 42-file corpus and audit every output (prints a summary).

Usage: python bench/image_corpus.py [--corpus DIR] [--faces] [--details]

Without ``--corpus`` the full corpus (12 MP files and HEIC included, ~1 min) is generated into
a temporary directory with ``../shared/data/image/make_corpus.py``; every output is audited
with ``../shared/data/image/audit.py`` (ExifTool tag classes, raw marker scan, corner check for
EXIF-aware and EXIF-unaware viewers, PSNR colour-managed). The acTL-derived ExifTool tags of the
animated PNG (AnimationFrames/AnimationPlays) are structure, not metadata, and are not counted.
Rotated JPEGs are scrubbed once more in-process to see which path baked the orientation
(lossless DCT rotation or the q95 re-encode; the CLI's JSON lines do not say); their PSNRs are
printed per path.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
IMAGE_DATA = Path(os.environ.get("GV_IMAGE_DATA", ROOT.parent / "shared" / "data" / "image"))
APNG_TAGS = {"PNG:AnimationFrames", "PNG:AnimationPlays"}


def _auditor() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gv_image_audit", IMAGE_DATA / "audit.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _leaks(report: dict[str, Any], markers: set[str]) -> list[str]:
    cats = report.get("exiftool", {}).get("categories", {})
    tags = [t.split("=", 1)[0] for c, ts in cats.items() if c in report["sensitive"] for t in ts]
    found = [t for t in tags if t not in APNG_TAGS]
    return found + [f"marker:{k}" for k in report.get("raw_markers", {}) if k in markers]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="an already generated corpus (manifest.json)")
    ap.add_argument("--faces", action="store_true", help="run face detection too")
    ap.add_argument("--details", action="store_true", help="one line per file")
    a = ap.parse_args()
    auditor = _auditor()
    work = Path(tempfile.mkdtemp(prefix="gv-image-corpus-"))
    try:
        corpus = a.corpus
        if corpus is None:
            corpus = work / "corpus"
            subprocess.run([sys.executable, str(IMAGE_DATA / "make_corpus.py"), str(corpus)],
                           check=True, capture_output=True)  # fmt: skip
        entries = json.loads((corpus / "manifest.json").read_text())["files"]
        out = work / "out"
        cmd = [sys.executable, "-m", "desktop.privacy", "image", "--out", str(out), "--json"]
        cmd += [] if a.faces else ["--no-faces"]
        proc = subprocess.run(cmd + [str(corpus / e["file"]) for e in entries],
                              capture_output=True, text=True, check=False, cwd=ROOT)  # fmt: skip
        lines = {Path(d["input"]).name: d for d in map(json.loads, proc.stdout.splitlines())}
        _summarise(auditor, corpus, entries, lines, proc.returncode, a.details)
        _rotation_paths(auditor, corpus, entries, lines)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _summarise(
    auditor: ModuleType,
    corpus: Path,
    entries: list[dict[str, Any]],
    lines: dict[str, dict[str, Any]],
    rc: int,
    details: bool,
) -> None:
    refused, leaking, aware, unaware, lossless, psnrs, icc_kept = [], [], 0, 0, 0, [], 0
    rotated = [e for e in entries if e.get("orientation", 1) != 1]
    jpegs = with_icc = 0
    for e in entries:
        line = lines[e["file"]]
        if not line["ok"]:
            refused.append(f"{e['file']}={line['error']['code']}")
            continue
        r = auditor.audit(line["output"], str(corpus / e["file"]), e.get("display_size"))
        leaks = _leaks(r, set(auditor.MARKERS))
        leaking += [e["file"]] if leaks else []
        ok_a = r.get("orientation_exif_aware", {}).get("ok", False)
        ok_u = r.get("orientation_exif_unaware", {}).get("ok", False)
        if e.get("orientation", 1) != 1:
            aware += ok_a
            unaware += ok_u
        q = r.get("quality", {}).get("psnr_colour_managed")
        if e["format"] == "JPEG" and q is not None:
            jpegs += 1
            lossless += q >= 99
            if q < 99:
                psnrs.append(q)
        if e.get("icc"):
            with_icc += 1
            icc_kept += r["icc_kept"]
        if details:
            print(f"  {e['file']:<26} {line['media_type']:<10} leaks={leaks or '-'} "
                  f"upright aware/unaware={ok_a}/{ok_u} psnr_cm={q} "
                  f"warn={line['warnings']}")  # fmt: skip
    opened = len(entries) - len(refused)
    print(f"corpus: {len(entries)} files, CLI exit status {rc}")
    print(f"cleaned outputs: {opened}; refused: {', '.join(refused)}")
    print(f"outputs leaking (ExifTool sensitive tags or marker bytes): {len(leaking)} {leaking}")
    print(f"rotated/mirrored files upright: EXIF-aware {aware}/{len(rotated)}, "
          f"EXIF-unaware {unaware}/{len(rotated)} (truncated.jpg is one of them)")  # fmt: skip
    print(f"decodable JPEGs with identical pixels (lossless strip): {lossless}/{jpegs}")
    if psnrs:
        print(f"JPEGs with changed pixels (orientation baked), colour-managed PSNR: median "
              f"{statistics.median(psnrs):.1f} dB, min {min(psnrs):.1f} dB")  # fmt: skip
    print(f"ICC profile kept: {icc_kept}/{with_icc}")
    for code in ("faces", "document", "truncated"):
        hits = [n for n, line in lines.items() if code in line.get("warnings", [])]
        print(f"warning '{code}' on {len(hits)} file(s) {hits}")


def _rotation_paths(
    auditor: ModuleType, corpus: Path, entries: list[dict[str, Any]], lines: dict[str, Any]
) -> None:
    """Which rotated JPEGs took the lossless DCT rotation, and the PSNR of each path."""
    from desktop.privacy.image import ImageRejected, scrub

    paths: dict[str, list[tuple[str, float | None]]] = {"lossless": [], "re-encode": []}
    for e in entries:
        line = lines[e["file"]]
        if e["format"] != "JPEG" or e.get("orientation", 1) == 1 or not line["ok"]:
            continue
        try:
            result = scrub((corpus / e["file"]).read_bytes(), detect_faces=False)
        except ImageRejected:
            continue
        r = auditor.audit(line["output"], str(corpus / e["file"]), e.get("display_size"))
        q = r.get("quality", {}).get("psnr_colour_managed")
        paths["lossless" if "rotate" in result.timings else "re-encode"].append((e["file"], q))
    for name, files in paths.items():
        qs = [q for _, q in files if q is not None]
        figures = f"PSNR median {statistics.median(qs):.1f} dB, min {min(qs):.1f} dB" if qs else ""
        print(f"rotated JPEGs baked by {name}: {len(files)} {figures} {[f for f, _ in files]}")


if __name__ == "__main__":
    main()
