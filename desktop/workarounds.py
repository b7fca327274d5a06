"""Work-arounds for bugs of Qt/PySide6 and keyring, applied once and explicitly at start-up.

Every entry is tagged ``# WORKAROUND`` with the upstream bug or a reproduction, so that it can
be dropped when the bug is fixed. :func:`apply` is called by :func:`desktop.app.main` (through
``_ensure_app``), by the test suite's ``conftest.py`` and by the bench scripts that build
widgets themselves; it is idempotent.
"""

from __future__ import annotations

import ctypes
import sys
import types

__all__ = ["apply", "mod_uses_pyside", "pin_singletons", "skip_macos_keychain_probe"]

_EXTRA = 1 << 40
_pinned = False


def apply() -> None:
    """Apply every work-around of this module (idempotent; cheap)."""
    pin_singletons()
    _replace_pyside_import_check()
    skip_macos_keychain_probe()


# WORKAROUND: PySide6 6.12 on CPython 3.11 drops one reference to None per call of a Qt
# method returning void (QTimer.stop(), QWidget.setEnabled(), QThreadPool.start(), ...).
# Reproduction (aborts with "Fatal Python error: none_dealloc" at the latest at exit):
#     app = QCoreApplication([]); t = QTimer(); n = sys.getrefcount(None)
#     for _ in range(1000): t.stop()
#     print(sys.getrefcount(None) - n)   # -1000 on 3.11; 0 on 3.12+ (None is immortal there)
# Typing one key in a checked field costs about two references, so a working day would
# run None's count (a few thousand after start-up) down and kill the app mid-referral.
def pin_singletons() -> bool:
    """Make ``None``/``True``/``False`` effectively immortal on CPython < 3.12.

    Gives them a huge extra reference count (what 3.12 does natively). A no-op on 3.12+.

    Returns:
        True when the counts were raised now or earlier, False when not needed.
    """
    global _pinned  # once per process
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not _pinned:
        for obj in (None, True, False):
            # ob_refcnt is the first field of every PyObject (CPython < 3.12 layout).
            ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA
        _pinned = True
    return True


# WORKAROUND: after every import PySide6 asks ``shibokensupport.feature._mod_uses_pyside``
# whether the new module mentions PySide6, through ``inspect.getsource``, which probes
# ``module.__wrapped__``. Modules with a lazy ``__getattr__`` (pydantic, imported by the
# embedded server on a pool thread) then import more modules from inside that probe; with
# another pool thread importing at the same time this intermittently failed the server's
# start with "ImportError: ... partially initialized module". Reproduction: import
# ``extranet.app`` on one thread while another imports ``desktop.views.referral.wizard``
# (the app's start-up before this work-around; 1 in ~20 starts on a loaded 2-core PC).
def mod_uses_pyside(module: types.ModuleType) -> bool:
    """PySide's test "does this module's source mention PySide6?" without ``inspect``.

    Reading the file is the same test, cheaper, and touches no module attribute.
    """
    path = module.__dict__.get("__file__")
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # builtin, extension or source-less module: what inspect concludes too
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def _replace_pyside_import_check() -> None:
    import shiboken6  # noqa: F401 - loads shibokensupport.feature

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", mod_uses_pyside)  # noqa: B010 - not typed


# WORKAROUND: keyring (25.7) picks its backend by importing every built-in one, and
# ``keyring.backends.macOS.api`` calls ``ctypes.util.find_library`` for three macOS frameworks
# when imported, on every OS. On Linux each call runs ``ldconfig -p``, then ``gcc`` and ``ld``
# where installed: 15 processes, 50-100 ms on the way to the first login (the store's data key
# is read from the keychain), only for an import that fails and is ignored there anyway (the
# macOS backend needs Darwin). Reproduction on Linux:
#     strace -f -e trace=execve python -c "import keyring; keyring.get_keyring()"
# Marked as absent off macOS, the import fails at once, and keyring handles that as before
# (``try: from . import api`` / ``except Exception: pass``).
def skip_macos_keychain_probe() -> bool:
    """Off macOS, keep keyring from probing for the macOS frameworks.

    Returns:
        True when the probe is skipped (every OS but macOS).
    """
    if sys.platform == "darwin":
        return False
    sys.modules.setdefault("keyring.backends.macOS.api", None)  # type: ignore[arg-type]
    return True
