"""Drain queued referrals through a flaky loopback connection: time, duplicates, lost.

    python bench/outbox_drain.py [--count 200] [--clean] [--seed 7]

By default a fault proxy (the test suite's loopback ``FaultProxy``) sits in front of the real
reference server and, at random (seeded), makes the referral/photo writes fail the way real
networks do: the answer is lost after the server committed (the duplicate trap), the
connection drops before the server saw anything, or the server answers 503 with
``Retry-After: 1``. ``--clean`` runs without faults. Duplicates and lost referrals are counted
per ``client_ref`` directly on the server (not through the proxy); the goal for both is 0.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.api import ExtranetClient
from desktop.store import DataKey, LocalStore
from desktop.sync.outbox import Outbox
from extranet.runner import EmbeddedServer
from tests.helpers.fault_proxy import FaultProxy, _Fault

#: Per-request fault probabilities for POST/PUT on /referrals.
FAULTS = (("drop-after", 0.08), ("drop-before", 0.04), ("status", 0.04))


class FlakyProxy(FaultProxy):
    """Fault proxy that faults writes at random instead of from a queue."""

    def __init__(self, upstream: str, seed: int) -> None:
        super().__init__(upstream)
        self._rng = random.Random(seed)

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        if method not in ("POST", "PUT") or not path.startswith("/api/v1/referrals"):
            return None
        with self._lock:
            roll = self._rng.random()
        for action, probability in FAULTS:
            if roll < probability:
                return _Fault(action, 1, None, None, 503, "1")
            roll -= probability
        return None


def payload(config: dict[str, Any], i: int) -> dict[str, Any]:
    return {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": config["servicenummer"],
        "nachname": "Mustermann",
        "telefon": "+49 171 5550123",
        "kennzeichen": f"HH-QX {1000 + i}",
        "versicherungsscheinnummer": f"VS{10000000 + i}",
        "repair_consent": True,
        "consent": {"granted": False, "text_version": config["consent"]["text_version"]},
        "voluntary": {},
    }


def server_refs(client: ExtranetClient) -> list[str]:
    refs: list[str] = []
    cursor = None
    while True:
        page = client.list_referrals(since=cursor, limit=500)
        refs += [str(item.get("client_ref")) for item in page.items]
        cursor = page.next_cursor
        if not page.has_more:
            return refs


def run(count: int, *, flaky: bool, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, EmbeddedServer(Path(tmp) / "srv.db") as server:
        direct = ExtranetClient(server.url, retries=0)
        direct.login("demo", "demo")
        config = direct.get_config()
        before = collections.Counter(server_refs(direct))
        proxy = FlakyProxy(server.url, seed) if flaky else None
        url = proxy.start() if proxy is not None else server.url
        client = ExtranetClient(url, retries=0)
        client.login("demo", "demo")
        store = LocalStore(Path(tmp) / "data", DataKey.generate())
        outbox = Outbox(store)
        mine = set()
        start = time.perf_counter()
        for i in range(count):
            body = payload(config, i)
            mine.add(body["client_ref"])
            outbox.enqueue_referral(body)
        enqueue_s = time.perf_counter() - start
        start = time.perf_counter()
        runs = 0
        while outbox.pending_count():
            runs += 1
            outbox.drain(client, max_wait=65)
        drain_s = time.perf_counter() - start
        acknowledged = sum(1 for item in outbox.items(include_sent=True) if item.state == "sent")
        counts = collections.Counter(server_refs(direct)) - before
        faults = collections.Counter(a for _m, _p, a in proxy.log) if proxy is not None else {}
        if proxy is not None:
            proxy.stop()
        store.close()
    lost = len(mine - set(counts))
    duplicates = sum(n - 1 for ref, n in counts.items() if ref in mine and n > 1)
    injected = ", ".join(f"{k} {v}" for k, v in sorted(faults.items()) if k != "forward")
    print(f"== {count} referrals, {'flaky' if flaky else 'clean'} connection ==")
    if flaky:
        print(f"faults injected: {injected or 'none'}  (seed {seed})")
    print(f"enqueue: {enqueue_s:.2f} s ({enqueue_s / count * 1000:.1f} ms each, fsync)")
    print(f"drain:   {drain_s:.2f} s ({count / drain_s:.1f} referrals/s, {runs} drain run(s))")
    print(f"acknowledged locally: {acknowledged}")
    landed = sum(counts[r] for r in mine)
    print(f"on server: {landed}  duplicates: {duplicates}  lost: {lost}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--clean", action="store_true", help="no injected faults")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    run(args.count, flaky=not args.clean, seed=args.seed)


if __name__ == "__main__":
    main()
