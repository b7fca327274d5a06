"""The ONE place that builds the feature pages of the main window.

Each feature owner adds a builder here. Every builder runs guarded: a module that fails to
import or build shows an error placeholder on its page instead of crashing the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

__all__ = ["BUILDERS", "install_pages"]

log = logging.getLogger(__name__)


def _quick(window: Any, services: Any) -> QWidget:
    from desktop.views.referral_wizard import QuickReferralView

    return _wire_wizard(window, QuickReferralView(services))


def _complete(window: Any, services: Any) -> QWidget:
    from desktop.views.referral_wizard import CompleteReferralView

    return _wire_wizard(window, CompleteReferralView(services))


def _wire_wizard(window: Any, view: QWidget) -> QWidget:
    why = getattr(view, "why_requested", None)
    if why is not None:
        why.connect(lambda: window.show_page("privacy"))
    return view


def _drafts(window: Any, services: Any) -> QWidget:
    from desktop.views.drafts_page import DraftsPage

    page = DraftsPage(services)
    page.open_draft.connect(lambda draft_id, kind: _open_draft(window, draft_id, kind))
    return page


def _open_draft(window: Any, draft_id: str, kind: str) -> None:
    """Open a draft in the wizard of its kind."""
    key = kind if kind in ("quick", "complete") else "quick"
    view = window.page(key)
    loader = getattr(view, "load_draft", None)
    if callable(loader):
        loader(draft_id)
    window.show_page(key)


def _referrals(window: Any, services: Any) -> QWidget:
    from desktop.views.referrals_page import ReferralsPage

    return ReferralsPage(services)


def _postbox(window: Any, services: Any) -> QWidget | None:
    from desktop.views.postbox_install import install_postbox

    page = install_postbox(window, services)  # calls window.set_page("postbox", ...) itself
    notify = getattr(services, "notify_auth_required", None)
    if notify is not None:
        page.worker.auth_required.connect(notify)
    return None


def _outbox(window: Any, services: Any) -> QWidget:
    from desktop.views.outbox_page import OutboxPage

    page = OutboxPage(services)
    page.edit_item.connect(lambda item_id, _kind: _edit_outbox_item(window, services, item_id))
    return page


def _edit_outbox_item(window: Any, services: Any, item_id: str) -> None:
    """Open a failed outbox referral in its wizard (``edit_outbox_item`` of the view)."""
    outbox = getattr(services, "outbox", None)
    payload = (outbox.payload(item_id) if outbox is not None else None) or {}
    kind = payload.get("kind")
    key = kind if kind in ("quick", "complete") else "complete"
    editor = getattr(window.page(key), "edit_outbox_item", None)
    if callable(editor):
        editor(item_id)
        window.show_page(key)
        return
    window.message_bar.show_message(
        QCoreApplication.translate(
            "MainWindow",
            "Das Bearbeiten im Assistenten folgt. Bitte „Erneut senden“ oder „Löschen“ nutzen.",
        ),
        "info",
    )


def _privacy(window: Any, services: Any) -> QWidget:
    from desktop.views.privacy_page import PrivacyPage, connect_why_links

    # built last: "Warum?" of every checked field built so far jumps to its section
    connect_why_links(window)
    return PrivacyPage(services)


BUILDERS: dict[str, Callable[[Any, Any], QWidget | None]] = {
    "quick": _quick,
    "complete": _complete,
    "drafts": _drafts,
    "referrals": _referrals,
    "postbox": _postbox,
    "outbox": _outbox,
    "privacy": _privacy,
}
"""Page key → builder ``(window, services) -> widget`` (``None``: it installed itself)."""


def install_pages(window: Any, services: Any) -> dict[str, str]:
    """Build every feature page and put it into ``window``.

    Returns:
        Page key → ``"ok"`` or the exception type name of a page that failed (its placeholder
        then says so).
    """
    results: dict[str, str] = {}
    for key, builder in BUILDERS.items():
        try:
            widget = builder(window, services)
            if widget is not None:
                window.set_page(key, widget)
            results[key] = "ok"
        except Exception as exc:
            log.exception("page %s failed to build: %s", key, type(exc).__name__)
            results[key] = type(exc).__name__
            window.set_placeholder(
                key,
                QCoreApplication.translate(
                    "MainWindow",
                    "Diese Seite konnte nicht geladen werden. Die übrigen Funktionen sind "
                    "nutzbar; Details stehen in der Protokolldatei.",
                ),
            )
    return results
