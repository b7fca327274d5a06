"""Seed the Postkorb through the staff API and time a full broker sync.

``python -m extranet.loadtest [--url URL] [--tickets 10000] [--messages 5]`` — without
``--url`` a demo server is started on a temporary database in a child process. Prints
``seed_*`` and ``sync_*`` figures (no personal data involved: fixed fictitious texts).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import requests

API = "/api/v1"


def _login(url: str, login: str) -> requests.Session:
    session = requests.Session()
    session.headers["X-Client"] = "glasvermittler"
    session.post(
        f"{url}{API}/session", json={"login": login, "password": login}, timeout=30
    ).raise_for_status()
    return session


def _post(session: requests.Session, url: str, body: dict[str, Any]) -> dict[str, Any]:
    response = session.post(
        url, json=body, headers={"Idempotency-Key": str(uuid.uuid4())}, timeout=30
    )
    response.raise_for_status()
    result: dict[str, Any] = response.json()
    return result


def seed(url: str, tickets: int, per_ticket: int) -> float:
    """Create ``tickets`` tickets for ``demo`` with ``per_ticket`` messages each; seconds."""
    staff = _login(url, "service")
    started = time.perf_counter()
    for i in range(tickets):
        ticket = _post(
            staff,
            f"{url}{API}/postbox/tickets",
            {
                "client_ref": str(uuid.uuid4()),
                "subject": f"Lastvorgang {i}",
                "body": "Bitte um Rückruf.",
                "owner": "demo",
            },
        )
        for j in range(per_ticket - 1):
            _post(
                staff,
                f"{url}{API}/postbox/tickets/{ticket['id']}/messages",
                {"client_ref": str(uuid.uuid4()), "body": f"Antwort {j}"},
            )
    return time.perf_counter() - started


def full_sync(url: str, limit: int) -> tuple[int, float, list[float], str]:
    """Page through the broker's whole Postkorb; (pages, seconds, page times, cursor)."""
    demo = _login(url, "demo")
    cursor: str | None = None
    times: list[float] = []
    started = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["since"] = cursor
        page = demo.get(f"{url}{API}/postbox/changes", params=params, timeout=30).json()
        times.append(time.perf_counter() - t0)
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return len(times), time.perf_counter() - started, times, cursor or ""


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Run the load test and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m extranet.loadtest")
    parser.add_argument("--url")
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=5, help="messages per ticket")
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args(argv)
    proc = None
    url = args.url
    with tempfile.TemporaryDirectory() as tmp:
        if not url:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "extranet",
                    "--port",
                    "0",
                    "--demo",
                    "--db",
                    str(Path(tmp) / "load.sqlite"),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            assert proc.stdout is not None
            url = proc.stdout.readline().strip().removeprefix("listening on ")
        try:
            seconds = seed(url, args.tickets, args.messages)
            total = args.tickets * args.messages
            _say(
                f"seed_tickets={args.tickets} seed_messages={total} "
                f"seed_s={seconds:.1f} seed_requests_per_s={total / seconds:.0f}"
            )
            pages, sync_s, times, _ = full_sync(url, args.limit)
            _say(
                f"sync_pages={pages} sync_total_s={sync_s:.2f} "
                f"sync_median_page_ms={statistics.median(times) * 1000:.0f} "
                f"sync_max_page_ms={max(times) * 1000:.0f}"
            )
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=15)
                if proc.stdout is not None:
                    proc.stdout.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
