"""Where the app keeps its files. Qt-free so that pure code and the server can use it.

Data and config directories come from `platformdirs` (the per-OS conventions: AppData on
Windows, Application Support on macOS, XDG on Linux) and can be overridden with the
environment variables ``GLASVERMITTLER_DATA_DIR`` and ``GLASVERMITTLER_CONFIG_DIR`` (tests
and portable installs use them). Resources are looked up beside the package, or inside a
PyInstaller bundle when frozen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from desktop import APP_NAME, ORG_NAME

DATA_DIR_ENV = "GLASVERMITTLER_DATA_DIR"
CONFIG_DIR_ENV = "GLASVERMITTLER_CONFIG_DIR"
SETTINGS_FILE = "glasvermittler.ini"
"""The settings file (INI) inside :func:`config_dir`."""
EMBEDDED_DB = "embedded-server.db"
"""SQLite file of the embedded demo server inside :func:`data_dir`."""


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Directory for the local database, logs and the embedded server's database."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return _ensure(Path(override))
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME)))


def config_dir() -> Path:
    """Directory for the settings file."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return _ensure(Path(override))
    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, ORG_NAME)))


def make_private(path: Path) -> None:
    """Create ``path`` as an empty file only its owner may read and write (0600), or tighten an
    existing file to that (files of older versions were created 0644). SQLite gives a
    database's ``-wal``/``-shm`` files the permissions of the database file."""
    try:
        if path.exists():
            path.chmod(0o600)
        else:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError:
        return  # the caller's open reports an unusable path


def resources_dir() -> Path:
    """The ``resources/`` tree: lexicons, catalogues, translations, icons."""
    frozen_root = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader only
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(relative: str) -> Path:
    """Absolute path of a file below ``resources/``.

    Example: ``resource_path("privacy/health.txt")``.
    """
    return resources_dir() / relative
