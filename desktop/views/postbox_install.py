"""Wiring of the Postkorb into the app: worker from ``services``, page, badge, tray note."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.store.db import open_database
from desktop.views.postbox_page import PostboxPage
from desktop.workers.postbox_worker import PostboxWorker

__all__ = ["create_postbox_page", "install_postbox"]

log = logging.getLogger(__name__)


def create_postbox_page(services: Any) -> PostboxPage:
    """Build worker and page from E's ``Services`` (client, tasks, store, outbox, signals)."""
    store = getattr(services, "store", None)
    if store is not None:
        worker = PostboxWorker(
            services.client,
            lambda: store.conn,
            key=lambda: store.key,
            outbox=getattr(services, "outbox", None),
            runner=getattr(services, "tasks", None),
            parent=services,
        )
    else:  # no local store: keep the Postkorb cache in memory only
        conn = open_database(None)
        worker = PostboxWorker(
            services.client,
            lambda: conn,
            outbox=getattr(services, "outbox", None),
            runner=getattr(services, "tasks", None),
            parent=services,
        )
    outbox_worker = getattr(services, "outbox_worker", None)
    if outbox_worker is not None:
        worker.outbox_flush = outbox_worker.flush_now
        outbox_worker.item_sent.connect(lambda *_a: worker.sync_now())
        outbox_worker.item_failed.connect(lambda *_a: worker.sync_now())
    page = PostboxPage(worker)
    if hasattr(services, "logged_in"):
        services.logged_in.connect(worker.start)
    if hasattr(services, "logged_out"):
        services.logged_out.connect(worker.clear_cache)
    if getattr(services.client, "is_authenticated", False):
        worker.start()
    return page


def install_postbox(window: Any, services: Any) -> PostboxPage:
    """Create the page, put it under "postbox" and connect badge and notifications."""
    page = create_postbox_page(services)
    window.set_page("postbox", page)
    set_badge = getattr(window, "set_badge", None)
    if callable(set_badge):
        page.unread_changed.connect(lambda n: set_badge("postbox", n))
    tray = getattr(window, "tray_icon", None)
    if isinstance(tray, QSystemTrayIcon) and QSystemTrayIcon.isSystemTrayAvailable():

        def notify(ids: list[str]) -> None:
            title = QCoreApplication.translate("Postkorb", "Postkorb")
            text = QCoreApplication.translate("Postkorb", "Neue Antwort vom Kundenservice")
            if len(ids) > 1:
                text = QCoreApplication.translate(
                    "Postkorb", "{n} neue Antworten vom Kundenservice"
                ).format(n=len(ids))
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 5000)

        page.worker.new_staff_messages.connect(notify)
    return page
