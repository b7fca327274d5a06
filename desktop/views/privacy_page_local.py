"""Local files behind "Alle lokalen Daten löschen": where the logs are and deleting them (no Qt)."""

from __future__ import annotations

import logging
from pathlib import Path

__all__ = ["delete_local_logs", "log_dir_for"]


def log_dir_for(data_dir: Path) -> Path:
    """The app's log directory inside ``data_dir`` (where :func:`desktop.app.main` logs)."""
    return data_dir / "logs"


def delete_local_logs(log_dir: Path) -> int:
    """Close this process's file handlers writing into ``log_dir`` and delete the log files.

    Handlers reopen their file on the next record, so logging keeps working.

    Returns:
        Number of files deleted.
    """
    if not log_dir.is_dir():
        return 0
    root = log_dir.resolve()
    for handler in logging.getLogger().handlers:
        filename = getattr(handler, "baseFilename", None)
        if filename and Path(filename).resolve().parent == root:
            handler.close()
    deleted = 0
    for path in root.iterdir():
        if path.is_file() and ".log" in path.name:
            try:
                path.unlink()
                deleted += 1
            except OSError:  # Windows: still open elsewhere; empty it instead
                path.write_bytes(b"")
    return deleted
