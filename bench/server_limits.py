"""Server peak memory under oversized input, and recovery after a crash mid-insert.

Starts the reference server (``python -m extranet``) on loopback in a subprocess for each
measurement and prints:

- ``body``: peak RSS (VmHWM) of a server that was sent an unauthenticated 100 MB JSON body,
  announced by Content-Length and, separately, streamed chunked (no length);
- ``bomb``: peak RSS of a server that was sent a 13000 × 13000 px PNG of a few hundred kB
  (a decompression bomb) as a damage photo;
- ``crash``: the server process dies inside the referral insert transaction; the seconds from
  starting it again until the retried referral (same Idempotency-Key, one try a second) is
  created.

Linux only (reads ``/proc/<pid>/status``). ``--repo`` runs another checkout's server (e.g. an
export of an older commit) for a before/after comparison.

    python bench/server_limits.py [--repo PATH] [--only body,bomb,crash]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parents[1]
HEADERS = {"X-Client": "glasvermittler"}
BODY_BYTES = 100 * 1000 * 1000

_CRASH_INSIDE_INSERT = """
import os, sys, threading
from extranet import referral_store
_insert = referral_store.insert_referral
def insert_then_die(conn, owner_id, data):
    referral_id = _insert(conn, owner_id, data)
    if threading.current_thread() is not threading.main_thread():  # a request, not the seed
        os._exit(9)
    return referral_id
referral_store.insert_referral = insert_then_die
from extranet.__main__ import main
sys.exit(main(sys.argv[1:]))
"""
_PLAIN = "import sys; from extranet.__main__ import main; sys.exit(main(sys.argv[1:]))"


@contextmanager
def server(repo: Path, db: Path, code: str = _PLAIN) -> Iterator[tuple[str, int]]:
    """``(url, pid)`` of a server started from ``repo`` on ``db``."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(repo))
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--port", "0", "--db", str(db), "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=repo,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("listening on "):
            raise RuntimeError(f"server did not start: {line!r}")
        yield line.split()[-1], proc.pid
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()


def peak_rss_mb(pid: int) -> float:
    """Peak resident set size (VmHWM) of ``pid`` in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def _raw_post(url: str, path: str, head_extra: str, body: Iterator[bytes]) -> str:
    """Send a request on a raw socket, streaming ``body`` until the server stops reading;
    return the status line (or what went wrong)."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=600) as sock:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nX-Client: glasvermittler\r\n"
            f"Content-Type: application/json\r\n{head_extra}\r\n"
        )
        sock.sendall(head.encode("latin-1"))
        try:
            for chunk in body:
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before the body ended
        try:
            answer = sock.recv(65536)
        except (ConnectionResetError, TimeoutError) as exc:
            return type(exc).__name__
    return answer.split(b"\r\n", 1)[0].decode("latin-1", "replace")


def _json_body() -> Iterator[bytes]:
    """A 100 MB JSON document: one huge string value."""
    yield b'{"nachname": "'
    block = b"x" * (1 << 20)
    sent = 15
    while sent + len(block) < BODY_BYTES - 2:
        yield block
        sent += len(block)
    yield b"x" * (BODY_BYTES - 2 - sent) + b'"}'


def _chunked(body: Iterator[bytes]) -> Iterator[bytes]:
    for piece in body:
        yield f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    yield b"0\r\n\r\n"


def measure_body(repo: Path, tmp: Path) -> None:
    for label, head, body in (
        ("content-length", f"Content-Length: {BODY_BYTES}\r\n", _json_body()),
        ("chunked", "Transfer-Encoding: chunked\r\n", _chunked(_json_body())),
    ):
        with server(repo, tmp / f"body-{label}.sqlite") as (url, pid):
            idle = peak_rss_mb(pid)
            started = time.perf_counter()
            status = _raw_post(url, "/api/v1/referrals", head, body)
            seconds = time.perf_counter() - started
            time.sleep(0.5)
            peak = peak_rss_mb(pid)
        print(
            f"body {label}: 100 MB unauthenticated JSON -> {status!r} in {seconds:.1f} s;"
            f" server peak RSS {peak:.0f} MB (idle peak {idle:.0f} MB)"
        )


def png_bomb(width: int, height: int) -> bytes:
    """A valid 8-bit RGB PNG of ``width`` × ``height`` black pixels (a few hundred kB)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row = bytes(3 * width + 1)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def _referral() -> dict[str, object]:
    return {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": "SN-100234",
        "nachname": "Mustermann",
        "telefon": "+49 30 1234567",
        "kennzeichen": "B-XY 123",
        "versicherungsscheinnummer": "KV-1234-5678",
        "repair_consent": True,
        "consent": {"granted": False},
        "voluntary": {},
    }


def _login(url: str) -> requests.Session:
    session = requests.Session()
    session.headers.update(HEADERS)
    response = session.post(
        f"{url}/api/v1/session", json={"login": "demo", "password": "demo"}, timeout=30
    )
    response.raise_for_status()
    return session


def measure_bomb(repo: Path, tmp: Path) -> None:
    bomb = png_bomb(13000, 13000)
    with server(repo, tmp / "bomb.sqlite") as (url, pid):
        session = _login(url)
        created = session.post(
            f"{url}/api/v1/referrals",
            json=_referral(),
            headers={"Idempotency-Key": str(uuid.uuid4())},
            timeout=30,
        ).json()
        idle = peak_rss_mb(pid)
        started = time.perf_counter()
        response = session.put(
            f"{url}/api/v1/referrals/{created['id']}/images/{uuid.uuid4()}",
            data=bomb,
            headers={"Content-Type": "image/png"},
            timeout=300,
        )
        seconds = time.perf_counter() - started
        peak = peak_rss_mb(pid)
    code = response.json().get("code", "") if response.content else ""
    print(
        f"bomb: {len(bomb) / 1e6:.2f} MB PNG of 13000x13000 px -> {response.status_code} {code}"
        f" in {seconds:.1f} s; server peak RSS {peak:.0f} MB (before the upload {idle:.0f} MB)"
    )


def measure_crash(repo: Path, tmp: Path, give_up_s: float = 300.0) -> None:
    db = tmp / "crash.sqlite"
    key, payload = str(uuid.uuid4()), _referral()
    with server(repo, db, _CRASH_INSIDE_INSERT) as (url, _pid):
        session = _login(url)
        try:
            session.post(
                f"{url}/api/v1/referrals",
                json=payload,
                headers={"Idempotency-Key": key},
                timeout=30,
            )
            raise RuntimeError("the server did not die inside the insert")
        except requests.ConnectionError:
            pass
    restarted = time.perf_counter()
    with server(repo, db) as (url, _pid):
        session = _login(url)
        attempts, statuses = 0, []
        while True:
            attempts += 1
            response = session.post(
                f"{url}/api/v1/referrals",
                json=payload,
                headers={"Idempotency-Key": key},
                timeout=30,
            )
            statuses.append(response.status_code)
            if response.status_code == 201:
                break
            if time.perf_counter() - restarted > give_up_s:
                break
            time.sleep(1.0)
        seconds = time.perf_counter() - restarted
    seen = sorted(set(statuses))
    outcome = "arrived" if statuses[-1] == 201 else "did NOT arrive"
    print(
        f"crash: killed inside the insert transaction; retried referral {outcome} {seconds:.1f} s"
        f" after the restart ({attempts} tries, statuses {json.dumps(seen)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout whose server to run")
    parser.add_argument("--only", default="body,bomb,crash", help="comma-separated measurements")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "body" in wanted:
            measure_body(args.repo.resolve(), tmp)
        if "bomb" in wanted:
            measure_bomb(args.repo.resolve(), tmp)
        if "crash" in wanted:
            measure_crash(args.repo.resolve(), tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
