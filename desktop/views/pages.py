"""The ONE place that builds the feature pages of the main window.

Every builder runs guarded: a page that fails to build shows an error placeholder instead of
crashing the app. Pages are built once the backend is up (``Services.ready``) and the feature
modules are imported (``desktop.app``), so each receives exactly the collaborators it uses.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.views.drafts.page import DraftsPage, memory_only_text
from desktop.views.main_window import nav_title
from desktop.views.outbox.page import OutboxPage
from desktop.views.postbox.install import install_postbox
from desktop.views.postbox.page import PostboxPage
from desktop.views.privacy.page import PrivacyPage, connect_why_links
from desktop.views.referral.reopen import (
    RefusedReferral,
    ask_to_discard,
    ask_to_replace,
    load_refused,
)
from desktop.views.referral.wizard import CompleteReferralView, QuickReferralView, ReferralView
from desktop.views.referrals.page import ReferralsPage

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.views.main_window import MainWindow

__all__ = ["BUILDERS", "install_pages"]

log = logging.getLogger(__name__)


def _quick(window: MainWindow, services: Services) -> QWidget:
    return _wire_wizard(window, QuickReferralView(services))


def _complete(window: MainWindow, services: Services) -> QWidget:
    return _wire_wizard(window, CompleteReferralView(services))


def _wire_wizard(window: MainWindow, view: ReferralView) -> QWidget:
    # "Warum?" is explained in place (connect_why_links in _privacy), the form stays
    return view


def _drafts(window: MainWindow, services: Services) -> QWidget:
    page = DraftsPage(services.store, services.retention)
    services.scope_changed.connect(page.refresh)  # another account's drafts
    page.open_draft.connect(lambda draft_id, kind: _open_draft(window, draft_id, kind))
    return page


def _open_draft(window: MainWindow, draft_id: str, kind: str) -> None:
    """Open a draft in the wizard of its kind."""
    key = kind if kind in ("quick", "complete") else "quick"
    view = window.page(key)
    if isinstance(view, ReferralView):
        view.load_draft(draft_id)
    window.show_page(key)


def _referrals(window: MainWindow, services: Services) -> QWidget:
    page = ReferralsPage(services.client, services.tasks)
    services.logged_in.connect(page.sync)
    services.logged_out.connect(page.clear)
    services.outbox_worker.item_sent.connect(page.sync)
    page.ask_requested.connect(lambda referral_id: _ask_in_postbox(window, referral_id))
    if services.user is not None:  # logged in before the pages were built
        page.sync()
    return page


def _ask_in_postbox(window: MainWindow, referral_id: str) -> None:
    """ "Anfrage stellen" on a referral: the Postkorb with that referral preselected."""
    postbox = window.page("postbox")
    if isinstance(postbox, PostboxPage):
        window.show_page("postbox")
        postbox.open_new_ticket(referral_id=referral_id)


def _postbox(window: MainWindow, services: Services) -> None:
    install_postbox(window, services.postbox_worker)  # calls window.set_page itself
    services.scope_changed.connect(services.postbox_worker.load_tickets)  # cache was cleared


def _outbox(window: MainWindow, services: Services) -> QWidget:
    services.scope_changed.connect(services.outbox_worker.recount)  # the page follows
    page = OutboxPage(services.outbox, services.outbox_worker)
    page.edit_item.connect(lambda item_id, _kind: _open_refused(window, services, item_id))
    page.release_item.connect(lambda item_id: _release_correction(window, item_id))
    views = [v for key in ("quick", "complete") if isinstance(v := window.page(key), ReferralView)]

    def show_held() -> None:  # retry/delete wait while a wizard corrects an item
        page.set_held({item: nav_title(v.kind) for v in views if (item := v.held_item())})

    for view in views:
        view.held_changed.connect(show_held)
    show_held()
    return page


def _open_refused(window: MainWindow, services: Services, item_id: str) -> None:
    """ "Bearbeiten" on a refused referral: read it (payload, photos) on the "db" pool, then
    open it in the wizard of its kind."""
    services.tasks.run(
        functools.partial(load_refused, services.outbox, item_id),
        on_done=lambda refused: _show_refused(window, refused),
        pool="db",
    )


def _show_refused(window: MainWindow, refused: RefusedReferral | None) -> None:
    if refused is None:  # sent again or deleted meanwhile
        window.show_status(
            QCoreApplication.translate(
                "MainWindow", "Diese Sendung ist nicht mehr als fehlgeschlagen im Postausgang."
            )
        )
        return
    view = window.page(refused.kind)
    if not isinstance(view, ReferralView):
        return
    if view.holds_refused(refused.item_id):  # already open there: keep the corrections
        window.show_page(refused.kind)
        return

    def proceed() -> None:
        view.open_refused(refused)
        window.show_page(refused.kind)

    ask_to_replace(
        window,
        nav_title(refused.kind),
        proceed,
        begun=view.has_unsent_input(),
        correcting=view.drafts.held_in_outbox,
    )


def _release_correction(window: MainWindow, item_id: str) -> None:
    """ "Korrektur verwerfen" in the Postausgang: the wizard holding ``item_id`` closes the
    correction (asking first if it was changed); the failed item stays as it is."""
    for key in ("quick", "complete"):
        view = window.page(key)
        if isinstance(view, ReferralView) and view.holds_refused(item_id):
            if view.results.in_flight:  # already being stored: it replaces the item anyway
                return
            changed = view.has_unsent_correction()
            ask_to_discard(window, nav_title(key), view.close_correction, changed=changed)


def _pending_corrections(window: MainWindow) -> list[str]:
    """Titles of the wizards holding changed, unsent corrections of refused referrals (no
    draft keeps them: quitting asks first)."""
    views = (window.page(key) for key in ("quick", "complete"))
    return [
        nav_title(view.kind)
        for view in views
        if isinstance(view, ReferralView) and view.has_unsent_correction()
    ]


def _privacy(window: MainWindow, services: Services) -> QWidget:
    server = services.server  # the embedded demo server: its data is wiped with the rest
    page = PrivacyPage(
        services.store,
        services.tasks,
        services.config,
        wipe_server=server.wipe_data if server is not None else None,
    )
    services.config_loaded.connect(page.apply_config)
    page.local_data_wiped.connect(lambda: _forget_shown_data(window, services))
    # built last: "Warum?" of every checked field built so far jumps to its section
    connect_why_links(window, window.show_page, page)
    return page


def _leave_previous_scope(window: MainWindow) -> None:
    """Another account logged in: open forms are the previous account's. Each is kept as
    that account's draft (its pending autosave written) and emptied, so nobody sees or sends
    another account's referral."""
    emptied = False
    for key in ("quick", "complete"):
        view = window.page(key)
        if isinstance(view, ReferralView) and view.fields.has_content():
            view.drafts.autosaver.flush()
            view.reset()
            emptied = True
    if emptied:
        window.message_bar.show_message(
            QCoreApplication.translate(
                "MainWindow",
                "Angemeldet als anderer Benutzer: Offene Formulare wurden als Entwurf des "
                "vorigen Benutzers gespeichert und geleert.",
            ),
            "info",
        )


def _forget_shown_data(window: MainWindow, services: Services) -> None:
    """After "Alle lokalen Daten löschen": nothing wiped stays on screen or in memory.

    Open forms are emptied without a new draft, the Postausgang counters recounted, the
    Entwürfe, Postausgang, Vermittlungen and Postkorb lists reloaded (empty) from the store.
    """
    for key in ("quick", "complete"):
        view = window.page(key)
        if isinstance(view, ReferralView):
            typed = view.drafts.draft_id
            view.drafts.discard()
            view.reset()
            view.drafts.autosaver.discard(typed)  # what clearing the fields scheduled
            view.drafts.discard()
    services.outbox_worker.recount()
    for key in ("drafts", "outbox"):
        page = window.page(key)
        if isinstance(page, DraftsPage | OutboxPage):
            page.refresh()
    referrals = window.page("referrals")
    if isinstance(referrals, ReferralsPage):
        referrals.clear()
        if services.user is not None:
            referrals.sync()
    services.postbox_worker.clear_cache()
    if services.user is not None:
        services.postbox_worker.start()


BUILDERS: dict[str, Callable[[MainWindow, Services], QWidget | None]] = {
    "quick": _quick,
    "complete": _complete,
    "drafts": _drafts,
    "referrals": _referrals,
    "postbox": _postbox,
    "outbox": _outbox,
    "privacy": _privacy,
}
"""Page key → builder ``(window, services) -> widget`` (``None``: it installed itself)."""


def install_pages(window: MainWindow, services: Services) -> dict[str, str]:
    """Build every feature page and put it into ``window``.

    Returns:
        Page key → ``"ok"`` or the exception type name of a page that failed (its placeholder
        then says so).
    """
    results: dict[str, str] = {}
    if services.store.memory_only:
        # the same note as the Entwürfe page, which then does not repeat it
        window.message_bar.show_message(memory_only_text(), "warning")
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
    services.scope_changed.connect(lambda: _leave_previous_scope(window))
    window.set_pending_corrections(functools.partial(_pending_corrections, window))
    return results
