""" "Alle lokalen Daten löschen" also empties what the running app shows and keeps in memory."""

from __future__ import annotations

from typing import Any

from desktop.views.main_window import nav_title
from tests.server.util import referral_payload


def test_wipe_empties_open_forms_counters_and_lists(qtbot: Any, logged_in_window: Any) -> None:
    window = logged_in_window
    services = window.services
    quick = window.page("quick")
    window.show_page("quick")
    quick.inputs["nachname"].setText("Quellmalz")
    qtbot.waitUntil(lambda: bool(services.store.list_drafts()), timeout=5_000)
    # a referral the server refuses (wrong Servicenummer) waits in the Postausgang as failed
    services.outbox.enqueue_referral(referral_payload(servicenummer="SN-999999"))
    services.outbox_worker.notify_enqueued()
    qtbot.waitUntil(lambda: window.badge("outbox") == 1, timeout=15_000)
    assert window.nav_button("outbox").text() == f"{nav_title('outbox')} (1)"
    assert window.outbox_button.isVisible()
    window.show_page("outbox")
    assert window.page("outbox").model.rowCount() == 1

    page = window.page("privacy")
    with qtbot.waitSignal(page.local_data_wiped, timeout=15_000):
        page.wipe_local_data()

    assert quick.inputs["nachname"].text() == ""
    assert window.badge("outbox") == 0
    assert window.nav_button("outbox").text() == nav_title("outbox")
    assert not window.outbox_button.isVisible()
    assert window.page("outbox").model.rowCount() == 0
    assert window.page("drafts").model.rowCount() == 0
    qtbot.wait(1_200)  # longer than the autosave's longest delay: no draft comes back
    assert services.store.list_drafts() == []
    assert services.outbox.items() == []
    # typing again after the wipe starts a new draft, not the old one
    quick.inputs["nachname"].setText("Neu")
    qtbot.waitUntil(lambda: len(services.store.list_drafts()) == 1, timeout=5_000)
