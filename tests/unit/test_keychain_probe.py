"""keyring's backend discovery runs no external program off macOS (desktop.workarounds)."""

from __future__ import annotations

import ctypes.util
import importlib
import sys

import keyring.backends.fail
import pytest

from desktop import workarounds


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS uses the probed frameworks")
def test_macos_backend_is_not_probed_off_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[str] = []
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: looked_up.append(name))
    monkeypatch.delitem(sys.modules, "keyring.backends.macOS", raising=False)
    monkeypatch.delitem(sys.modules, "keyring.backends.macOS.api", raising=False)
    assert workarounds.skip_macos_keychain_probe()
    macos = importlib.import_module("keyring.backends.macOS")
    assert looked_up == []  # without the work-around: Security, CoreServices, Foundation
    assert not macos.Keyring.viable  # as before: the macOS backend needs Darwin
    assert keyring.backends.fail.Keyring.viable
