"""Work-around for a reference-count bug of PySide6 6.12 on Python 3.11.

Every call of a Qt method that returns ``void`` (``QTimer.stop()``, ``QWidget.setEnabled()``,
``QThreadPool.start()``, ...) drops one reference to ``None`` that it never took (measured:
-1 per call; typing one key in a checked field costs about two). On Python 3.12+ ``None`` is
immortal and nothing happens; on 3.11 its count (a few thousand after start-up) runs down
while the agent works and the process dies with "Fatal Python error: none_dealloc" — in the
middle of a call, with the referral on screen.

:func:`pin_singletons` gives ``None``, ``True`` and ``False`` a huge extra count, which makes
them as good as immortal (what 3.12 does natively). It is idempotent and a no-op on 3.12+.
Imported by ``desktop.widgets`` so every GUI entry point (app, tests, benches) has it.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA = 1 << 40
_pinned = False


def pin_singletons() -> bool:
    """Make ``None``/``True``/``False`` effectively immortal on CPython < 3.12.

    Returns:
        True when the counts were raised now or earlier, False when not needed.
    """
    global _pinned
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not _pinned:
        for obj in (None, True, False):
            # ob_refcnt is the first field of every PyObject (CPython < 3.12 layout).
            ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA
        _pinned = True
    return True
