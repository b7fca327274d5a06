"""Kill test: a process typing into a draft is SIGKILLed; a new process restores the draft."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest

from desktop.store import DataKey, LocalStore
from tests.store.file_keyring import install
from tests.store.kill_child import PHOTOS, SERVICE, STATE, TEXT

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_loses_at_most_the_last_second(tmp_path: Path) -> None:
    data_dir, keyring_file = tmp_path / "data", tmp_path / "keyring.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.store.kill_child", str(data_dir), str(keyring_file), "d1"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )
    assert child.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        assert line, "child ended early"
        lines.append(line)
        if int(line.split()[0]) >= 120:  # ~2.4 s of typing
            break
    child.send_signal(signal.SIGKILL)
    lines += child.stdout.readlines()
    child.stdout.close()
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    keystrokes = [(int(n), float(t)) for n, t in (line.split() for line in lines)]
    typed, last_time = keystrokes[-1]
    within_last_second = sum(1 for _n, t in keystrokes if t > last_time - 1.0)

    previous = keyring.get_keyring()
    install(keyring_file)
    try:
        store = LocalStore(data_dir, DataKey.load_or_create(SERVICE))
        draft = store.load_draft("d1")
        photos = store.load_draft_blobs("d1")
        offered = [d.draft_id for d in store.recovered_drafts()]
    finally:
        keyring.set_keyring(previous)
    assert store.unclean_shutdown
    assert offered == ["d1"]  # the next start offers the draft back
    assert draft is not None
    assert {k: draft[k] for k in STATE} == STATE  # consent state, dismissed findings, step
    assert photos == PHOTOS  # cleaned photos, byte for byte
    restored = draft["voluntary"]["zusatzinfo"]
    assert TEXT.startswith(restored)
    assert len(restored) >= typed - within_last_second, (len(restored), typed)
    on_disk = b"".join(p.read_bytes() for p in data_dir.iterdir() if p.is_file())
    assert b"Quellmalz" not in on_disk
    assert b"Steinschlag" not in on_disk
    assert b"KILLTESTPHOTO" not in on_disk
    store.close()
    again = LocalStore(data_dir, DataKey.generate())  # clean close → nothing to recover
    assert not again.unclean_shutdown
    assert again.recovered_drafts() == []
