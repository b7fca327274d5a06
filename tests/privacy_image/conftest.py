"""Fixtures of the photo-pipeline tests: the shared nasty corpus, generated once per session.

The corpus generator and auditor live in the shared data folder next to the checkout
(``../shared/data/image``; override with ``$GV_IMAGE_DATA``). ``$GV_IMAGE_CORPUS`` may point at
an already generated corpus (``make_corpus.py DIR --no-big``) to skip the ~6 s generation.
The 12 MP files are left out here; ``bench/image_corpus.py`` covers the full corpus.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
IMAGE_DATA = Path(os.environ.get("GV_IMAGE_DATA", SHARED / "image"))
FACES_DIR = Path(os.environ.get("GV_FACES_DIR", SHARED / "faces"))


def missing(reason: str) -> NoReturn:
    """Skip a test whose shared data or tool is absent; fail instead when it is required.

    ``.ci/run`` sets ``GV_REQUIRE_IMAGE_DATA=1`` when the shared data folder is beside the
    checkout (and installs ExifTool): there a missing piece means the corpus audit silently
    stopped running, which must be red. A checkout without the shared folder skips.
    """
    if os.environ.get("GV_REQUIRE_IMAGE_DATA", "") == "1":
        pytest.fail(f"{reason} (GV_REQUIRE_IMAGE_DATA=1)")
    pytest.skip(reason)


def _need(path: Path) -> Path:
    if not path.exists():
        missing(f"shared test data missing: {path.name}")
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory with the generated corpus (small variant) and its ``manifest.json``."""
    given = os.environ.get("GV_IMAGE_CORPUS")
    if given:
        return Path(given)
    script = _need(IMAGE_DATA / "make_corpus.py")
    out = tmp_path_factory.mktemp("image-corpus")
    subprocess.run(
        [sys.executable, str(script), str(out), "--no-big"],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return out


@pytest.fixture(scope="session")
def manifest(corpus: Path) -> dict[str, dict[str, Any]]:
    """Corpus entries by file name."""
    data = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["files"]}


@pytest.fixture(scope="session")
def auditor() -> ModuleType:
    """The shared ``audit.py`` module (ExifTool + byte scan + orientation/pixel checks)."""
    path = _need(IMAGE_DATA / "audit.py")
    spec = importlib.util.spec_from_file_location("gv_image_audit", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def exiftool() -> str:
    """Path of ExifTool (Debian ``libimage-exiftool-perl``); skips when not installed."""
    found = shutil.which("exiftool")
    if not found:
        missing("exiftool not installed (apt-get install libimage-exiftool-perl)")
    return found


@dataclass(frozen=True)
class CliRun:
    """One ``python -m desktop.privacy image --json`` run over the whole corpus."""

    returncode: int
    lines: dict[str, dict[str, Any]]  # by input file name
    out_dir: Path


@pytest.fixture(scope="session")
def cli_run(
    corpus: Path, manifest: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> CliRun:
    """The CLI over every corpus file (faces off: the corpus has none; faces are tested apart)."""
    out = tmp_path_factory.mktemp("image-cleaned")
    files = [str(corpus / name) for name in sorted(manifest)]
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.privacy", "image", "--out", str(out), "--json",
         "--no-faces", "--show-values", *files],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=240,
    )  # fmt: skip
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return CliRun(proc.returncode, {Path(line["input"]).name: line for line in lines}, out)
