"""Wiring of the Postkorb into the app: worker from ``services``, page, badge, tray note."""

from __future__ import annotations

import logging
from typing import Any

from desktop.store.db import open_database
from desktop.views.postbox_notify import PostboxNotifier, window_status, window_tray
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
        _connect_outbox_worker(worker, outbox_worker)
    page = PostboxPage(worker)
    if hasattr(services, "logged_in"):
        services.logged_in.connect(worker.start)
    if hasattr(services, "logged_out"):
        services.logged_out.connect(worker.clear_cache)
    if getattr(services.client, "is_authenticated", False):
        worker.start()
    return page


def _connect_outbox_worker(worker: PostboxWorker, outbox_worker: Any) -> None:
    """Replies queued here are sent at once; delivery (or failure) refreshes the Postkorb;
    when the Postkorb reaches the server again after being offline, the outbox retries now."""
    worker.outbox_flush = getattr(outbox_worker, "notify_enqueued", outbox_worker.flush_now)
    outbox_worker.item_sent.connect(lambda *_a: worker.sync_now())
    outbox_worker.item_failed.connect(lambda *_a: worker.sync_now())
    was_offline = [False]

    def on_state(state: str) -> None:
        if state == "offline":
            was_offline[0] = True
        elif state == "online" and was_offline[0]:
            was_offline[0] = False
            outbox_worker.flush_now()

    worker.state_changed.connect(on_state)


def install_postbox(window: Any, services: Any) -> PostboxPage:
    """Create the page, put it under "postbox" and connect badge and notifications."""
    page = create_postbox_page(services)
    window.set_page("postbox", page)
    set_badge = getattr(window, "set_badge", None)
    if callable(set_badge):
        page.unread_changed.connect(lambda n: set_badge("postbox", n))
        set_badge("postbox", page.worker.unread_total)
    notifier = PostboxNotifier(
        window_tray(window),
        window_active=lambda: bool(getattr(window, "isActiveWindow", lambda: False)()),
        status=window_status(window),
        parent=page,
    )
    page.worker.new_staff_messages.connect(notifier.on_new_staff_messages)
    page.notifier = notifier
    return page
