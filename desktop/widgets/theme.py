"""Colours of inline messages for the light and the dark theme (light to import: the login
dialog uses it before the form widgets and their validators are loaded)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["dark_theme", "message_style"]

_STYLE = {
    "error": "color: #b00020;",
    "warning": "color: #8a4b00;",
    "info": "color: #444444;",
}
_STYLE_DARK = {
    "error": "color: #ff8a80;",
    "warning": "color: #ffc46b;",
    "info": "color: #d0d0d0;",
}


def dark_theme() -> bool:
    """True when the application palette is dark (text colours must stay readable)."""
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def message_style(kind: str) -> str:
    """Style sheet of an inline message of ``kind`` for the current (light/dark) theme."""
    styles = _STYLE_DARK if dark_theme() else _STYLE
    return styles.get(kind, styles["info"])
