"""``preload()`` builds the engine in the background; ``check()`` works either way."""

from __future__ import annotations

import threading

from desktop.privacy.text import check, preload
from desktop.privacy.text.engine import get_engine


def test_preload_builds_the_engine() -> None:
    preload()
    for thread in threading.enumerate():
        if thread.name == "privacy-text-preload":
            thread.join(timeout=30)
    assert get_engine() is get_engine()
    assert check("Kunde ist schwerhörig", "zusatzinfo")
