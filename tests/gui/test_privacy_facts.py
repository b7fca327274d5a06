"""The Datenschutz page says where local data is kept from the store's real state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.store import DataKey, LocalStore
from tests.gui.test_privacy_page import PageServices


def _facts(qtbot: Any, store: LocalStore) -> list[str]:
    page = PageServices(store).page()
    qtbot.addWidget(page)
    label = page.findChild(QLabel, "local_data_facts")
    assert label is not None
    return [line for line in label.text().splitlines() if line.strip()]


def _line(lines: list[str], start: str) -> str:
    found = [line for line in lines if start in line]
    assert len(found) == 1, lines
    return found[0]


def test_memory_only_never_claims_encryption_on_disk(qtbot: Any, tmp_path: Path) -> None:
    store = LocalStore(tmp_path, None)
    lines = _facts(qtbot, store)
    outbox = _line(lines, "Postausgang")
    assert "verschlüsselt" not in outbox
    assert "Arbeitsspeicher" in outbox
    assert "beim Beenden verloren" in outbox
    assert not any("„Anmeldung merken“ legt" in line for line in lines)
    assert "keine Anmeldung" in _line(lines, "Schlüsselbund merkt")
    store.close()


def test_with_a_keychain_the_outbox_is_stated_encrypted(qtbot: Any, tmp_path: Path) -> None:
    store = LocalStore(tmp_path, DataKey.generate())
    lines = _facts(qtbot, store)
    outbox = _line(lines, "Postausgang")
    assert "verschlüsselt" in outbox
    assert "Arbeitsspeicher" not in outbox
    assert any("„Anmeldung merken“ legt" in line for line in lines)
    store.close()
