"""dlib, imported once under a lock.

The native extension is loaded lazily (the app must not pay for it at start-up) and possibly
from several worker threads at once; importing it under one lock means no thread ever sees a
half-initialised module. Every use in this package goes through :func:`dlib_module`.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_module: Any = None


def dlib_module() -> Any:
    """The fully initialised ``dlib`` module (imported on first call, thread-safe)."""
    global _module
    if _module is None:
        with _lock:
            if _module is None:
                import dlib

                _module = dlib
    return _module
