"""Bundle size and start-up time: PyInstaller one-folder bundle vs running from source.

Build the bundle and measure (venv active, repository root; ~1.5-2.5 min on 2 cores)::

    pip install -e ".[bundle]"
    python bench/bundle.py                 # runs: pyinstaller --noconfirm --clean build.spec
    python bench/bundle.py --dist dist/glasvermittler   # measure an existing bundle

Prints the unpacked size of the bundle (goal <= 300 MB), its largest parts, and the medians of
``--runs`` (default 3) start-ups of ``glasvermittler --check-startup`` from the bundle and of
``python -m desktop --check-startup`` from source, alternating: wall clock from launch until the
main window is shown (``startup_ms`` line), until the app is ready (``ready_ms``: embedded server
up, login dialog open) and until the process has exited. Start-ups run offscreen with temporary
data/config directories, so nothing touches the user's files.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "glasvermittler.exe" if sys.platform == "win32" else "glasvermittler"
GOAL_MB = 300.0  # 250 MB before the face/person models and onnxruntime (+48 MB)


def build(distpath: Path, workpath: Path) -> Path:
    """Run PyInstaller on build.spec; returns the bundle folder."""
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(distpath),
        "--workpath",
        str(workpath),
        str(ROOT / "build.spec"),
    ]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    print(f"build: {time.perf_counter() - started:.1f} s")
    return distpath / "glasvermittler"


def tree_size(path: Path) -> int:
    """Bytes of all regular files below ``path`` (symlinks not followed or counted)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            full = Path(dirpath) / name
            if not full.is_symlink():
                total += full.stat().st_size
    return total


def largest_parts(bundle: Path, count: int = 8) -> list[tuple[str, int]]:
    """The biggest top-level entries of the bundle's ``_internal`` folder."""
    inner = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    sizes = []
    for entry in inner.iterdir():
        if entry.is_symlink():  # PyInstaller links duplicates to one copy; count that once
            continue
        size = tree_size(entry) if entry.is_dir() else entry.stat().st_size
        sizes.append((entry.name, size))
    return sorted(sizes, key=lambda item: item[1], reverse=True)[:count]


def run_once(cmd: list[str]) -> dict[str, float]:
    """One offscreen start-up with fresh data/config dirs.

    Returns ``shown_s`` (launch until the app prints ``startup_ms``: main window shown),
    ``ready_s`` (until ``ready_ms``: embedded server up, login dialog open) and ``exit_s``
    (until the process has quit), all wall clock measured from outside, plus ``code``.
    """
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="gv-bench-") as tmp:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            GLASVERMITTLER_DATA_DIR=str(Path(tmp) / "data"),
            GLASVERMITTLER_CONFIG_DIR=str(Path(tmp) / "config"),
        )
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            key = line.split("=", 1)[0].strip()
            if key in ("startup_ms", "ready_ms"):
                figures[key.replace("startup_ms", "shown_s").replace("ready_ms", "ready_s")] = (
                    time.perf_counter() - started
                )
        _out, err = proc.communicate(timeout=120)
        figures["exit_s"] = time.perf_counter() - started
        figures["code"] = proc.returncode
        if proc.returncode != 0:
            print(err[-2000:], file=sys.stderr)
    return figures


def time_startups(commands: dict[str, list[str]], runs: int) -> dict[str, list[dict[str, float]]]:
    """``runs`` start-ups of each command, alternating so machine load hits all alike."""
    results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            results[name].append(run_once(cmd))
    return results


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description="Bundle size and start-up time")
    parser.add_argument("--dist", type=Path, help="existing bundle folder (skip the build)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="dist folder for builds")
    args = parser.parse_args(argv)

    bundle = args.dist
    if bundle is None:
        bundle = build(args.out, ROOT / "build")
    exe = bundle / EXE_NAME
    if not exe.exists():
        print(f"no {EXE_NAME} in {bundle}", file=sys.stderr)
        return 2

    size_mb = tree_size(bundle) / 1e6
    verdict = "within" if size_mb <= GOAL_MB else "OVER"
    print(f"bundle size (unpacked): {size_mb:.1f} MB ({verdict} the {GOAL_MB:.0f} MB goal)")
    for name, size in largest_parts(bundle):
        print(f"  {size / 1e6:7.1f} MB  {name}")

    commands = {
        "bundle": [str(exe), "--check-startup"],
        "source": [sys.executable, "-m", "desktop", "--check-startup"],
    }
    results = time_startups(commands, args.runs)
    print(f"start-up --check-startup (wall clock from launch), median of {args.runs}:")
    ok = True
    for name, rows in results.items():
        codes = [int(row["code"]) for row in rows]
        ok = ok and all(code == 0 for code in codes)
        shown, ready, done = (
            statistics.median(row.get(key, float("nan")) for row in rows)
            for key in ("shown_s", "ready_s", "exit_s")
        )
        print(
            f"  {name}: window shown {shown:.2f} s, ready {ready:.2f} s, "
            f"exited {done:.2f} s  exit codes {codes}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
