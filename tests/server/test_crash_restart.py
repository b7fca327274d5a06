"""A server process killed inside the referral insert transaction: after the restart the retry
with the same Idempotency-Key creates the referral at once (no 409 for a dead request)."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from tests.helpers.server_fixtures import API, api_session
from tests.server.util import referral_payload

# Runs the real server, but the process dies (like a power cut) right after a request wrote
# its referral row inside the insert transaction, before it commits.
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


@contextmanager
def _server(db: Path, *, crash_inside_insert: bool = False) -> Iterator[str]:
    code = (
        _CRASH_INSIDE_INSERT
        if crash_inside_insert
        else "from extranet.__main__ import main; main()"
    )
    args = [sys.executable, "-c", code, "--port", "0", "--db", str(db), "--demo"]
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=Path.cwd()
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("listening on "), line
        yield line.split()[-1]
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=20)
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.mark.slow
def test_retry_after_a_crash_in_the_insert_transaction_succeeds(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite"
    key = str(uuid.uuid4())
    payload = referral_payload()
    with _server(db, crash_inside_insert=True) as url:
        session = api_session(url, "demo", "demo")
        with pytest.raises(requests.ConnectionError):
            session.post(
                f"{url}{API}/referrals", json=payload, headers={"Idempotency-Key": key}, timeout=30
            )
    with _server(db) as url:
        session = api_session(url, "demo", "demo")
        retried = session.post(
            f"{url}{API}/referrals", json=payload, headers={"Idempotency-Key": key}, timeout=30
        )
        assert retried.status_code == 201, retried.text
        again = session.post(
            f"{url}{API}/referrals", json=payload, headers={"Idempotency-Key": key}, timeout=30
        )
        assert again.json()["id"] == retried.json()["id"]
        found = session.get(
            f"{url}{API}/referrals", params={"client_ref": payload["client_ref"]}, timeout=30
        ).json()["items"]
        assert [item["id"] for item in found] == [retried.json()["id"]]
