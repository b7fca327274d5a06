"""System-tray note and status-line message when the customer service answers in the Postkorb.

The status line shows the same calm, count-only text for a few seconds, also where no system
tray exists (many Linux desktops, CI). The tray decision (:meth:`PostboxNotifier.decide`) is
separate from showing, so it is testable on machines without a system tray. Neither ever
contains server text: subjects and bodies are personal data, and some platforms render tray
messages as markup.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

__all__ = [
    "Notification",
    "PostboxNotifier",
    "TrayHost",
    "TrayNote",
    "notification_for",
    "window_tray",
]

log = logging.getLogger(__name__)

SHOW_MS = 5000
_SEEN_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class Notification:
    """What the tray should show."""

    title: str
    text: str
    count: int


def _tr(text: str) -> str:
    return QCoreApplication.translate("Postkorb", text)


def notification_for(count: int) -> Notification | None:
    """German title and text for ``count`` new staff replies (``None`` for zero)."""
    if count <= 0:
        return None
    if count == 1:
        text = _tr("Neue Antwort vom Kundenservice im Postkorb")
    else:
        text = _tr("{n} neue Antworten vom Kundenservice im Postkorb").format(n=count)
    return Notification(_tr("Postkorb"), text, count)


class TrayNote(Protocol):
    """What the notifier needs of a tray icon (``QSystemTrayIcon``)."""

    def showMessage(  # noqa: N802 - QSystemTrayIcon's name
        self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, _msecs: int, /
    ) -> None:
        """Show a note next to the tray icon."""


class PostboxNotifier(QObject):
    """Turns ``PostboxWorker.new_staff_messages`` into (at most one) tray note per sync.

    Args:
        tray: The tray icon, or a callable returning it (``None`` → no note).
        available: Whether a system tray exists (default
            ``QSystemTrayIcon.isSystemTrayAvailable``).
        window_active: Whether the user is looking at the app right now (then the badge is
            enough and no note pops up). Default: never active.
        status: Shows a text in the window's status line (the main window's ``show_status``); called
            for every new reply, with or without a tray. ``None`` → no status message.

    Signals:
        notified(str, str): title and text of a note that was shown.
    """

    notified = Signal(str, str)

    def __init__(
        self,
        tray: TrayNote | Callable[[], TrayNote | None] | None = None,
        *,
        available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        window_active: Callable[[], bool] = lambda: False,
        status: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._available = available
        self._window_active = window_active
        self._status = status
        self._seen: set[str] = set()

    def tray(self) -> TrayNote | None:
        """The current tray icon (or ``None``)."""
        return self._tray() if callable(self._tray) else self._tray

    def decide(self, message_ids: list[str]) -> Notification | None:
        """The note to show for these new staff messages, or ``None``.

        No note when nothing is new (ids already notified are ignored), when there is no
        system tray, or while the app window is active.
        """
        return self._tray_note(self._take_fresh(message_ids))

    def _take_fresh(self, message_ids: list[str]) -> list[str]:
        fresh = [m for m in dict.fromkeys(message_ids) if m not in self._seen]
        if len(self._seen) > _SEEN_LIMIT:
            self._seen.clear()
        self._seen.update(fresh)
        return fresh

    def _tray_note(self, fresh: list[str]) -> Notification | None:
        if not fresh or not self._available() or self._window_active():
            return None
        return notification_for(len(fresh))

    def on_new_staff_messages(self, message_ids: list[str]) -> None:
        """Slot for ``PostboxWorker.new_staff_messages``."""
        fresh = self._take_fresh([str(m) for m in message_ids])
        status_note = notification_for(len(fresh))
        if status_note is not None and self._status is not None:
            self._status(status_note.text)
        note = self._tray_note(fresh)
        if note is None:
            return
        tray = self.tray()
        if tray is None:
            return
        tray.showMessage(note.title, note.text, QSystemTrayIcon.MessageIcon.Information, SHOW_MS)
        self.notified.emit(note.title, note.text)


class TrayHost(Protocol):
    """What the tray icon needs of the main window."""

    def windowIcon(self) -> QIcon:  # noqa: N802 - QWidget's name
        """The icon the tray entry shows."""

    def show_page(self, key: str) -> None:
        """Bring the page ``key`` to the front."""


def window_tray(window: TrayHost) -> Callable[[], QSystemTrayIcon | None]:
    """A tray icon for ``window``, created on first use; a click on its note opens the Postkorb."""
    own: list[QSystemTrayIcon] = []

    def get() -> QSystemTrayIcon | None:
        if not own:
            icon = window.windowIcon()
            if icon.isNull():
                return None  # a tray entry without an icon is invisible anyway
            created = QSystemTrayIcon(icon, window if isinstance(window, QObject) else None)
            created.setToolTip(_tr("Glasvermittler"))
            created.show()
            created.messageClicked.connect(lambda: window.show_page("postbox"))
            own.append(created)
        return own[0]

    return get
