"""The settings dialog's URL error goes when the field is emptied or corrected, and the dialog
grows to hold it (nothing overlaps the Sprache box) and shrinks back when it goes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.settings import Settings


def test_url_error_fits_and_goes_when_cleared(qtbot: Any, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.height()
    dialog.server_url.setText("ftp://extranet.example.com")
    dialog.save()
    error = dialog.error_label
    assert error.isVisible()
    qtbot.wait(50)
    # The whole error line is inside the dialog, below the Sprache box, not over it.
    assert dialog.height() >= dialog.sizeHint().height()
    assert error.geometry().top() >= dialog.language.geometry().bottom()
    assert error.geometry().bottom() <= dialog.rect().bottom()
    assert error.height() >= error.heightForWidth(error.width())
    dialog.server_url.clear()
    assert not error.isVisible()
    assert dialog.height() == height  # the error's room went with it: no gap left
    dialog.server_url.setText("ftp://x")
    assert not error.isVisible()  # no new verdict while typing; only on OK


def test_url_error_goes_when_corrected(qtbot: Any, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server_url.setText("extranet.example.com")
    dialog.save()
    assert dialog.error_label.isVisible()
    dialog.server_url.setText("https://extranet.example.com")
    assert not dialog.error_label.isVisible()
