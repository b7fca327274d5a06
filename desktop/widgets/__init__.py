"""Reusable widgets (checked text fields, inline messages, photo tiles, error summary)."""

from desktop.widgets.qt_guard import pin_singletons

pin_singletons()  # PySide6 6.12 + Python 3.11: void calls drop references to None
