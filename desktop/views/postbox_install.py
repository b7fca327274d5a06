"""Wiring of the Postkorb page into the main window: page, badge, tray and status notes.

The Postkorb worker itself is built, connected to the outbox worker and shut down by
:class:`desktop.services.Services`; this module only puts its page on screen.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtWidgets import QWidget

from desktop.views.postbox_notify import PostboxNotifier, window_tray
from desktop.views.postbox_page import PostboxPage
from desktop.workers.postbox_worker import PostboxWorker

__all__ = ["PageHost", "install_postbox"]

log = logging.getLogger(__name__)


class PageHost(Protocol):
    """What the Postkorb needs of the main window."""

    def set_page(self, key: str, widget: QWidget) -> None:
        """Put ``widget`` on the page ``key``."""

    def set_badge(self, key: str, count: int) -> None:
        """Show ``count`` on the navigation entry ``key``."""

    def isActiveWindow(self) -> bool:  # noqa: N802 - QWidget's name
        """True while the window has the focus."""

    def show_status(self, text: str) -> None:
        """Show ``text`` in the status bar for a few seconds."""


def install_postbox(window: PageHost, worker: PostboxWorker) -> PostboxPage:
    """Create the page on ``worker``, put it under "postbox", connect badge and notes."""
    page = PostboxPage(worker)
    window.set_page("postbox", page)
    page.unread_changed.connect(lambda n: window.set_badge("postbox", n))
    window.set_badge("postbox", worker.unread_total)
    notifier = PostboxNotifier(
        window_tray(window),
        window_active=window.isActiveWindow,
        status=window.show_status,
        parent=page,
    )
    worker.new_staff_messages.connect(notifier.on_new_staff_messages)
    page.notifier = notifier
    return page
