"""Test-suite set-up shared by every test.

Qt runs headless (offscreen) and the app's data/config directories point into a temporary
directory for the whole session, so no test touches the developer's real files.
"""

from __future__ import annotations

import os
import tempfile

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
]

_QT_FIXTURES = {"qapp", "qtbot", "qtmodeltester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication as ``gui``."""
    for item in items:
        if _QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker("gui")
