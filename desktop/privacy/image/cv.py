"""OpenCV, imported once under a lock.

``cv2``'s loader swaps modules in ``sys.modules`` while it runs: a second thread importing it
at the same moment gets the half-initialised native module (no ``cv2.data``), which made the
first photos of a parallel batch fail as "corrupt". Every use in this package goes through
:func:`opencv`.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_module: Any = None


def opencv() -> Any:
    """The fully initialised ``cv2`` module (imported on first call, thread-safe)."""
    global _module
    if _module is None:
        with _lock:
            if _module is None:
                import cv2
                import cv2.data

                _module = cv2
    return _module
