"""Typed settings: one declared option table, stored as an INI file in ``paths.config_dir()``.

Every key is declared once in :data:`OPTIONS` (name, type, default, purpose). Read and write
through the typed properties of :class:`Settings` (``settings.server_url``) or
:meth:`Settings.get` / :meth:`Settings.set` with a declared name; undeclared names raise
``KeyError``. No personal data of customers is ever stored here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from desktop import paths

__all__ = ["OPTIONS", "Option", "Settings", "validate_server_url"]

log = logging.getLogger(__name__)

SETTINGS_FILE = paths.SETTINGS_FILE


@dataclass(frozen=True)
class Option:
    """One setting.

    Attributes:
        name: Key in the INI file.
        type: ``str``, ``bool`` or ``int``.
        default: Value when the key is absent or unreadable.
        doc: What it is for.
    """

    name: str
    type: type
    default: Any
    doc: str


OPTIONS: dict[str, Option] = {
    option.name: option
    for option in (
        Option("server_url", str, "", "Extranet base URL; empty = embedded demo server"),
        Option("remember_login", bool, False, "Keep the login in the OS keychain"),
        Option("language", str, "de", "UI language code (de, en)"),
        Option("request_timeout_s", int, 10, "Timeout of one API call in seconds"),
    )
}


def validate_server_url(url: str) -> str | None:
    """Check a server URL typed by the user.

    Returns:
        ``None`` if ``url`` is empty (embedded server) or usable (https, or http to a loopback
        address), otherwise a short reason code: ``"scheme"``, ``"host"``, ``"query"``,
        ``"insecure"`` (see :func:`desktop.api.server_url.server_url_problem`).
    """
    url = url.strip()
    if not url:
        return None  # the embedded server: start-up reads this before the window shows
    # lazy heavy import: the desktop.api package loads requests (settings are read at start-up)
    from desktop.api.server_url import server_url_problem

    return server_url_problem(url)


class Settings:
    """Typed access to the settings file.

    Args:
        path: INI file; default ``paths.config_dir() / "glasvermittler.ini"``.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.config_dir() / SETTINGS_FILE
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, name: str) -> Any:
        """Value of a declared option (its default if absent or malformed)."""
        option = OPTIONS[name]
        raw = self._qs.value(name, None)
        if raw is None:
            return option.default
        try:
            if option.type is bool:
                if isinstance(raw, bool):
                    return raw
                return str(raw).strip().lower() in ("1", "true", "yes", "on")
            return option.type(raw)
        except (TypeError, ValueError):
            return option.default

    def set(self, name: str, value: Any) -> None:
        """Store a declared option (type-checked) and write the file."""
        option = OPTIONS[name]
        if not isinstance(value, option.type):
            raise TypeError(f"{name} expects {option.type.__name__}")
        self._qs.setValue(name, value)
        self._qs.sync()

    def reset(self, name: str) -> None:
        """Remove an option so that its default applies again."""
        OPTIONS[name]
        self._qs.remove(name)
        self._qs.sync()

    # Typed accessors ---------------------------------------------------------
    @property
    def server_url(self) -> str:
        """Configured Extranet URL ("" = embedded demo server; also for an unusable stored
        address, e.g. plain http to another PC written into the file by hand)."""
        url = str(self.get("server_url")).strip()
        if validate_server_url(url) is not None:
            log.warning("ignoring the unusable server_url in the settings file")
            return ""
        return url

    @server_url.setter
    def server_url(self, value: str) -> None:
        if validate_server_url(value) is not None:
            raise ValueError("invalid server URL")
        self.set("server_url", value.strip().rstrip("/"))

    @property
    def remember_login(self) -> bool:
        """Whether the login is kept in the OS keychain."""
        return bool(self.get("remember_login"))

    @remember_login.setter
    def remember_login(self, value: bool) -> None:
        self.set("remember_login", value)

    @property
    def language(self) -> str:
        """UI language code."""
        return str(self.get("language"))

    @language.setter
    def language(self, value: str) -> None:
        self.set("language", value)

    @property
    def request_timeout_s(self) -> int:
        """Timeout of one API call in seconds (at least 1)."""
        return max(1, int(self.get("request_timeout_s")))
