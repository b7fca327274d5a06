"""The first window is never larger than the screen (e.g. a laptop at 200 % scaling, where
the offscreen test screen's 800 x 600 logical pixels is a 1600 x 1200 panel)."""

from __future__ import annotations

from typing import Any


def test_first_window_fits_the_available_screen(main_window: Any) -> None:
    available = main_window.screen().availableGeometry()
    assert available.width() < 1100  # the test screen is smaller than the preferred size
    frame = main_window.frameGeometry()
    assert frame.width() <= available.width()
    assert frame.height() <= available.height()
    assert available.contains(frame)
