"""Time-to-serve of the embedded demo server, from the app process's start to a login answered.

    python bench/server_startup.py             # 9 runs (after one warm-up run)
    python bench/server_startup.py --runs 15 --spawn

Each run is a fresh interpreter that does what the app's entry point does before it loads Qt
(:func:`desktop.launch.spawn_embedded_server`): it imports :mod:`extranet.server_process`,
forks the server's process (``--spawn``: starts a new interpreter, as on macOS and Windows)
and tells it to serve at once. It prints, from the interpreter's start:

* ``ready``: the child reports that it serves (the app's ``ready_ms`` waits for this);
* ``login``: the first ``POST /api/v1/session`` (demo/demo) is answered, i.e. what a user
  who submits the login at once waits for;
* ``login2``: a second login (scrypt included; the steady-state cost of a login);
* ``cpu_ready``, ``cpu_login``: the server process's CPU time (Linux: the ``schedstat`` of its
  threads)
  when it reported ready and when the first login was answered; on a loaded machine these
  show the server's own cost while the wall times include waiting for a CPU.

Medians, minimum and maximum over the runs, and the load average before and after (the
machine may be shared). Bytecode is cached in a temporary ``PYTHONPYCACHEPREFIX`` as an
installed app has it (``--no-bytecode-cache`` keeps the environment as it is).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

DRIVER = """
import time
t0 = time.perf_counter()
import http.client, json, multiprocessing, sys
from pathlib import Path
from extranet.server_process import ServerProcess

def ms():
    return (time.perf_counter() - t0) * 1000

def cpu_ms():
    total = 0
    try:
        for task in Path(f"/proc/{child}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])
    except OSError:
        return float("nan")
    return total / 1e6

server = ServerProcess(Path(sys.argv[1]), ephemeral=True).spawn(fork=sys.argv[2] == "fork")
child = multiprocessing.active_children()[0].pid
url = server.begin().start()
ready = ms()
cpu_ready = cpu_ms()
host, port = url.removeprefix("http://").rsplit(":", 1)
conn = http.client.HTTPConnection(host, int(port), timeout=60)
body = json.dumps({"login": "demo", "password": "demo"})
headers = {"Content-Type": "application/json", "X-Client": "glasvermittler"}
logins = []
for _ in range(2):
    conn.request("POST", "/api/v1/session", body, headers)
    response = conn.getresponse()
    response.read()
    assert response.status == 200, response.status
    logins.append(ms())
    if len(logins) == 1:
        cpu_login = cpu_ms()
conn.close()
server.stop()
print(f"ready={ready:.1f} login={logins[0]:.1f} login2={logins[1] - logins[0]:.1f}"
      f" cpu_ready={cpu_ready:.1f} cpu_login={cpu_login:.1f}")
"""


def _run(env: dict[str, str], db: Path, method: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", DRIVER, str(db), method],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    last = out.strip().splitlines()[-1]
    return {key: float(value) for key, value in (item.split("=") for item in last.split())}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--spawn", action="store_true", help="start a new interpreter")
    parser.add_argument("--no-bytecode-cache", action="store_true")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="gv-server-startup-"))
    env = dict(os.environ)
    if not args.no_bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    method = "spawn" if args.spawn else "fork"
    db = tmp / "embedded.db"
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    _run(env, db, method)  # warm-up: bytecode cache
    rows = [_run(env, db, method) for _ in range(args.runs)]
    print(f"runs: {args.runs}, start method {method}, from interpreter start (ms):")
    for key in ("ready", "login", "login2", "cpu_ready", "cpu_login"):
        values = [row[key] for row in rows]
        print(
            f"  {key:9s} median {statistics.median(values):6.0f}"
            f"  min {min(values):6.0f}  max {max(values):6.0f}"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
