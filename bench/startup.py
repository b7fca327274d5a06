"""Start-up benchmark: ``python -m desktop --check-startup`` against a bare PySide6 window.

    python bench/startup.py            # 5 runs each (after one warm-up run of each)
    python bench/startup.py --runs 9
    python bench/startup.py --no-bytecode-cache   # keep PYTHONDONTWRITEBYTECODE as set

Both are measured the same way, from outside: wall time from launching the subprocess until
it prints that its window is shown (interpreter start and imports included). The app also
prints ``login_ms`` (the login dialog takes input), ``client_ms`` (the app's own process has
what a login needs: API client, keychain, local store) and ``ready_ms`` (the embedded server is
up too: a submitted login would be served); they are converted to wall time with the same
offset. ``ready`` is the later of ``client`` and the server's start, which runs in its own
process: comparing the two shows which side is the longer one.
Runs alternate app/bare so that machine load hits both alike. Goals (issue 15): shown and
login <= 2x the bare window, ready <= 4x. Uses temporary data/config dirs;
``QT_QPA_PLATFORM`` defaults to offscreen when no display is set. Prints figures only.

Both run with compiled bytecode, as an installed app does (pip and PyInstaller ship ``.pyc``
files): the runs write and read it in a temporary ``PYTHONPYCACHEPREFIX``, even where the
environment sets ``PYTHONDONTWRITEBYTECODE`` (else every run of the app would compile its own
modules from source again). ``--no-bytecode-cache`` measures with the environment as it is.
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

BARE = """
import time
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.setWindowTitle("bare")
w.resize(1100, 760)
w.show()
def shown():
    print(f"startup_ms={(time.perf_counter() - t0) * 1000:.0f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def _run(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``cmd``; return wall ms until ``startup_ms=`` appeared plus every ``key=value``."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    figures: dict[str, float] = {}
    for line in proc.stdout:
        key, sep, value = line.strip().partition("=")
        if not sep:
            continue
        try:
            figures[key] = float(value)
        except ValueError:
            continue
        if key == "startup_ms":
            figures["wall_ms"] = (time.perf_counter() - start) * 1000
    code = proc.wait(timeout=120)
    if code != 0 or "wall_ms" not in figures:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {code})")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="do not cache compiled bytecode (keeps PYTHONDONTWRITEBYTECODE as set)",
    )
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="gv-startup-"))
    env = dict(os.environ)
    if not args.no_bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    env["GLASVERMITTLER_DATA_DIR"] = str(tmp / "data")
    env["GLASVERMITTLER_CONFIG_DIR"] = str(tmp / "config")
    app_cmd = [sys.executable, "-m", "desktop", "--check-startup"]
    bare_cmd = [sys.executable, "-c", BARE]

    first = _run(app_cmd, env)  # creates the embedded server's DB with demo data
    _run(bare_cmd, env)
    print(
        f"first_run (new data dir): shown {first['wall_ms']:.0f} ms, "
        f"ready {first.get('ready_ms', float('nan')):.0f} ms (internal)"
    )
    apps: list[dict[str, float]] = []
    bares: list[dict[str, float]] = []
    for _ in range(args.runs):
        apps.append(_run(app_cmd, env))
        bares.append(_run(bare_cmd, env))

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(row[key] for row in rows if key in row)

    bare_ms = med(bares, "wall_ms")
    offset = med(apps, "wall_ms") - med(apps, "startup_ms")  # process start → first figure
    print(
        f"runs: {args.runs} each, platform {env['QT_QPA_PLATFORM']}, bytecode "
        + ("as the environment says" if args.no_bytecode_cache else "cached (as installed)")
    )
    print(f"bare_qwidget_shown_ms (median wall): {bare_ms:.0f}")
    for key, what, goal in (
        ("startup_ms", "window shown", "goal <= 2"),
        ("login_ms", "login takes input", "goal <= 2"),
        ("client_ms", "the app's process has what a login needs", "part of ready"),
        ("ready_ms", "a submitted login is served", "goal <= 4"),
    ):
        wall = med(apps, key) + offset
        print(f"app_{key} ({what}, median wall): {wall:.0f}  ratio {wall / bare_ms:.2f}  ({goal})")
    print("app wall per run:", " ".join(f"{row['wall_ms']:.0f}" for row in apps))
    print("bare wall per run:", " ".join(f"{row['wall_ms']:.0f}" for row in bares))
    return 0


if __name__ == "__main__":
    sys.exit(main())
