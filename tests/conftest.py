"""Test-suite set-up shared by every test.

Qt runs headless (offscreen) and the app's data/config directories point into a temporary
directory for the whole session, so no test touches the developer's real files.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SESSION_TMP = tempfile.mkdtemp(prefix="glasvermittler-tests-")
os.environ.setdefault("GLASVERMITTLER_DATA_DIR", os.path.join(_SESSION_TMP, "data"))
os.environ.setdefault("GLASVERMITTLER_CONFIG_DIR", os.path.join(_SESSION_TMP, "config"))

import pytest  # noqa: E402

from desktop import workarounds  # noqa: E402

workarounds.apply()  # what the app does at start (desktop.app._ensure_app)

# Fixture modules, each owned by the area that needs it.
pytest_plugins = [
    "tests.helpers.server_fixtures",
    "tests.helpers.qt_fixtures",
    "tests.helpers.i18n_fixtures",
]

_QT_FIXTURES = {"qapp", "qtbot", "qtmodeltester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication as ``gui``."""
    for item in items:
        if _QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker("gui")


# Pool threads that outlive a test by design: uvicorn runs the reference server's synchronous
# endpoints on AnyIO's worker threads (they serve the next request too and end after 10 s
# idle; the server's own thread is checked), and the image pipeline keeps one process-wide
# pool ("gv-image_N", desktop.privacy.image.pipeline) whose threads start on first use.
_POOL_THREAD_PREFIXES = ("AnyIO worker thread", "gv-image_")


def _running_threads() -> set[threading.Thread]:
    """Python threads of this process (Qt pool threads seen as dummies are checked apart)."""
    return {
        t
        for t in threading.enumerate()
        if t.is_alive()
        and not isinstance(t, threading._DummyThread)
        and not t.name.startswith(_POOL_THREAD_PREFIXES)
    }


@pytest.fixture(autouse=True)
def no_thread_left_running() -> Iterator[None]:
    """Fail a test that leaves a thread running (a server, a worker, a pool task) behind.

    Threads of fixtures set up before the test (a session's server) are not counted; a thread
    that is ending gets 10 s to do so.
    """
    before = _running_threads()
    yield
    deadline = time.monotonic() + 10.0
    for thread in _running_threads() - before:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    left = sorted(t.name for t in _running_threads() - before)
    assert not left, f"threads left running after the test: {left}"
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        pool = QThreadPool.globalInstance()
        assert pool.waitForDone(10_000), "Qt's global thread pool still busy after the test"
