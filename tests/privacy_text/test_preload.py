"""The engine is built once per process, even when the app's preload and a first check race."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from desktop.privacy.text import check
from desktop.privacy.text import engine as engine_module


def test_concurrent_first_use_builds_one_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "_ENGINE", None)  # as in a fresh process
    built: list[str] = []
    real = engine_module.Engine

    def counting(*args: Any) -> Any:
        built.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(engine_module, "Engine", counting)
    start = threading.Barrier(4)
    engines: list[object] = []

    def first_use() -> None:
        start.wait()
        engines.append(engine_module.get_engine())

    threads = [threading.Thread(target=first_use, name=f"first-use-{i}") for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(built) == 1
    assert len(engines) == 4
    assert all(engine is engines[0] for engine in engines)
    assert check("Kunde ist schwerhörig", "zusatzinfo")  # the built engine is the one in use
