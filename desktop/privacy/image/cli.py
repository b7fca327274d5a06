"""``python -m desktop.privacy image --out DIR [--json] [--no-faces] [--blur-faces] FILE...``.

Options beyond the issue's: ``--show-values`` (see below) and ``--jobs N`` (files cleaned at the
same time, default 2; output names and JSON lines keep the input order).

Writes each cleaned file into DIR (input stem + ``.jpg``/``.png``); with ``--json`` prints one
JSON line per input. Exit status 0 when every input was cleaned, 1 when any failed (the others
are still done), 2 on usage errors. Prints no personal data: removed items carry kind and
German label, their ``value`` (the GPS position or capture time found) stays ``null`` unless
``--show-values`` asks for it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from desktop.privacy.image.jpeg import header_orientation
from desktop.privacy.image.model import ImageRejected, ScrubResult
from desktop.privacy.image.pipeline import scrub

_EXT = {"image/jpeg": ".jpg", "image/png": ".png"}


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m desktop.privacy image", description=__doc__)
    ap.add_argument("--out", required=True, type=Path, help="directory for the cleaned files")
    ap.add_argument("--json", action="store_true", help="print one JSON line per input")
    ap.add_argument("--no-faces", action="store_true", help="skip face detection")
    ap.add_argument(
        "--blur-faces",
        action="store_true",
        help="blur detected faces and persons beyond recognition",
    )
    ap.add_argument(
        "--show-values", action="store_true", help="include the GPS position / time found"
    )
    ap.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="files cleaned at the same time (default: 2, or 1 on a single CPU)",
    )
    ap.add_argument("files", nargs="+", type=Path)
    return ap


def _target(out_dir: Path, stem: str, ext: str, used: set[Path]) -> Path:
    """``DIR/stem.ext``, or ``stem-2.ext`` ... when an earlier input of this run took the name."""
    target, n = out_dir / (stem + ext), 1
    while target in used:
        n += 1
        target = out_dir / f"{stem}-{n}{ext}"
    used.add(target)
    return target


_HEAD = 1 << 17  # the first 128 KiB of a file hold its EXIF segment (at most 64 KiB)


def _cost_order(paths: list[Path]) -> list[int]:
    """Indices of ``paths``, the JPEGs that must be turned upright first (then input order).

    A turned JPEG costs the most (its DCT rotation runs beside its analysis): started first,
    it overlaps the other photos' work instead of being the one photo left at the end.
    """

    def turned(path: Path) -> bool:
        try:
            with path.open("rb") as f:
                return header_orientation(f.read(_HEAD)) != 1
        except OSError:
            return False  # the worker reports it

    flags = [turned(p) for p in paths]
    return sorted(range(len(paths)), key=lambda i: not flags[i])


def _clean(path: Path, args: argparse.Namespace) -> ScrubResult | dict[str, str]:
    """Read and scrub one file (runs on a worker thread); an error dict when it fails."""
    try:
        data = path.read_bytes()
    except OSError:
        return {"code": "unreadable", "message": "Die Datei kann nicht gelesen werden."}
    try:
        return scrub(data, detect_faces=not args.no_faces, blur_faces=args.blur_faces)
    except ImageRejected as exc:
        return {"code": exc.code, "message": exc.message}


def _line(
    path: Path,
    outcome: ScrubResult | dict[str, str],
    args: argparse.Namespace,
    used: set[Path],
) -> dict[str, Any]:
    """Write the cleaned file (in input order, so output names are stable) and describe it."""
    line: dict[str, Any] = {"input": str(path), "ok": False, "output": None, "media_type": None,
                            "width": None, "height": None, "removed": [], "warnings": [],
                            "faces": [], "error": None}  # fmt: skip
    if isinstance(outcome, dict):
        line["error"] = outcome
        return line
    target = _target(args.out, path.stem, _EXT[outcome.media_type], used)
    target.write_bytes(outcome.data)
    line.update(
        ok=True,
        output=str(target),
        media_type=outcome.media_type,
        width=outcome.width,
        height=outcome.height,
        removed=[
            {**asdict(item), "value": item.value if args.show_values else None}
            for item in outcome.removed
        ],
        warnings=outcome.warnings,
        faces=[asdict(face) for face in outcome.faces],
    )
    return line


def _preload(faces: bool) -> None:
    """Import numpy and the document check, and (with faces) load the face/person networks
    (or the HOG fallback) ahead of the first analysis."""
    try:  # lazy heavy imports on purpose: this runs on its own thread beside the first photos
        import desktop.privacy.image.document  # noqa: F401

        if faces:
            # lazy heavy imports (numpy, onnxruntime, dlib), as above
            from desktop.privacy.image import neural
            from desktop.privacy.image.faces import default_detector
            from desktop.privacy.image.native import dlib_module

            if isinstance(default_detector(), neural.NeuralDetector):
                neural.preload()
            else:
                dlib_module()
    except Exception:  # noqa: BLE001 - the analysis itself reports a missing library
        return


def main(argv: list[str]) -> int:
    """Clean every FILE into --out; return 0 if all succeeded, 1 if any failed."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    args.out.mkdir(parents=True, exist_ok=True)
    # The analysis libraries load on their own thread while the first files are read, parsed
    # and decoded (Pillow's decoder releases the GIL): start-up overlaps the first photo.
    jobs = max(1, min(args.jobs, len(args.files)))
    if jobs == 1 and not args.no_faces:  # one photo at a time: both cores for its networks
        # lazy heavy import: numpy comes with it, needed only when faces are checked
        from desktop.privacy.image import neural

        neural.set_threads(2)
    threading.Thread(target=_preload, args=(not args.no_faces,), daemon=True).start()
    failed = 0
    used: set[Path] = set()
    # Files are cleaned by --jobs threads (decoding, encoding and onnxruntime release the
    # GIL), the costliest first; results are taken in input order and written here, one at a
    # time.
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures: dict[int, Future[ScrubResult | dict[str, str]]] = {}
        for i in _cost_order(args.files) if jobs > 1 else range(len(args.files)):
            futures[i] = pool.submit(_clean, args.files[i], args)
        for i, path in enumerate(args.files):
            line = _line(path, futures.pop(i).result(), args, used)
            failed += not line["ok"]
            if args.json:
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            elif not line["ok"]:
                sys.stderr.write(f"{path.name}: {line['error']['code']}\n")
    return 1 if failed else 0
