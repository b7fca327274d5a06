"""From a referral in "Meine Vermittlungen" to a Postkorb request about it (whole app, real
embedded server)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

from desktop.views.postbox.page import PostboxPage
from desktop.views.referrals.detail import ReferralDetailDialog
from desktop.views.referrals.page import ReferralsPage

WAIT = 15_000


def test_ask_about_a_referral_preselects_it_in_neue_anfrage(
    logged_in_window: Any, qtbot: Any
) -> None:
    window = logged_in_window
    window.show_page("referrals")
    page = window.page("referrals")
    assert isinstance(page, ReferralsPage)
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 1, timeout=WAIT)
    index = page.proxy.index(1, 0)
    dialog = page.open_detail(index)
    assert isinstance(dialog, ReferralDetailDialog)
    referral_id = str(page.model.item(page.proxy.mapToSource(index).row())["id"])
    ask = dialog.findChild(QPushButton, "ask_button")
    assert ask is not None
    ask.click()
    postbox = window.page("postbox")
    assert isinstance(postbox, PostboxPage)
    assert window.current_key() == "postbox"
    new_ticket = postbox._dialog
    assert new_ticket is not None
    assert new_ticket.values()[2] == referral_id
    qtbot.waitUntil(lambda: new_ticket.referral.count() > 2, timeout=WAIT)
    assert new_ticket.values()[2] == referral_id
    assert new_ticket.referral.currentText().startswith("GV-")
    new_ticket.reject()
