"""TEST-ONLY keyring backend: a JSON file in the test's tmp dir, shared between processes.

Never used by product code. Activate with :func:`install` (sets it via ``keyring.set_keyring``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest


class FileTestKeyring(keyring.backend.KeyringBackend):
    """Stores secrets in a JSON file (plaintext — test use only)."""

    priority = 0.1

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)

    def _read(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        return dict(json.loads(self.path.read_text("utf-8")))

    def _write(self, data: dict[str, str]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), "utf-8")
        tmp.replace(self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}\0{username}"] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}\0{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("not found")
        self._write(data)


def install(path: Path) -> FileTestKeyring:
    """Make the file keyring the active backend of this process."""
    backend = FileTestKeyring(path)
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[FileTestKeyring]:
    """Pytest fixture: the file keyring for one test, previous backend restored afterwards."""
    previous = keyring.get_keyring()
    backend = install(tmp_path / "test-keyring.json")
    yield backend
    keyring.set_keyring(previous)
