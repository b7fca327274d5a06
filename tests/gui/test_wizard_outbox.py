"""Wizard with the app's services: autosaved drafts reload, and sending goes through the
persistent outbox and its worker with exactly one referral."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.views.referral.wizard import QuickReferralView, ReferralView
from tests.gui.test_wizard_helpers import config_of, services_for


def _fill(view: ReferralView) -> None:
    view.inputs["nachname"].setText("Krüger")  # type: ignore[attr-defined]
    view.inputs["telefon"].setText("040 1234567")  # type: ignore[attr-defined]
    view.inputs["kennzeichen"].setText("HH-AB 12")  # type: ignore[attr-defined]
    view.inputs["versicherungsscheinnummer"].setText("P-1234")  # type: ignore[attr-defined]
    view.repair_consent.setChecked(True)


def test_draft_autosaved_and_reloaded(qtbot: Any, server: Any, tmp_path: Path) -> None:
    with services_for(server.url) as services:
        store = services.store
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        _fill(view)
        view.consent_gate.yes.click()
        view.form.consent_captured_at = "2026-01-05T09:00:00Z"  # asked earlier in the call
        view.inputs["schadenart"].setCurrentIndex(2)  # type: ignore[attr-defined]
        draft_id = view.drafts.draft_id
        qtbot.waitUntil(lambda: store.load_draft(draft_id) is not None, timeout=5000)
        view.drafts.autosaver.flush()
        qtbot.waitUntil(
            lambda: (
                (store.load_draft(draft_id) or {}).get("voluntary", {}).get("schadenart")
                is not None
            ),
            timeout=5000,
        )
        other = QuickReferralView(services)
        qtbot.addWidget(other)
        assert other.load_draft(draft_id)
        assert other.inputs["nachname"].text() == "Krüger"  # type: ignore[attr-defined]
        assert other.consent_gate.answer is True
        assert other.inputs["schadenart"].currentIndex() == 2  # type: ignore[attr-defined]
        # consent keeps the time and text version of the call, not of the restore
        assert other.form.consent_captured_at == "2026-01-05T09:00:00Z"
        assert other.form.consent_text_version == view.form.consent_text_version


def test_send_through_outbox_makes_one_referral(qtbot: Any, server: Any, tmp_path: Path) -> None:
    with services_for(server.url) as services:
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        view.show()
        _fill(view)
        view.consent_gate.no.click()
        view.send()
        view.send()  # a double send is ignored while in flight
        qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=10000)
        items = services.client.list_referrals(client_ref=view.form.client_ref).items
        assert len(items) == 1
        assert items[0]["number"] == view.referral_number.text()
        assert services.outbox.pending_count() == 0


def test_offline_send_waits_in_the_postausgang_and_goes_out_once(
    qtbot: Any, server: Any, tmp_path: Path
) -> None:
    from tests.helpers.fault_proxy import FaultProxy

    with FaultProxy(server.url) as proxy, services_for(proxy.url) as services:
        worker = services.outbox_worker
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        view.show()
        _fill(view)
        view.consent_gate.no.click()
        client_ref = view.form.client_ref
        proxy.drop_before_forward_next(100_000, method="POST")  # the line is down
        with qtbot.waitSignal(worker.drained, timeout=20000):
            view.send()
        assert view.send_status.text().startswith("Offline: Im Postausgang")
        assert not view.referral_number.isVisible()
        assert view.new_button.isVisible()  # the agent can take the next call at once
        assert not view.send_button.isEnabled()  # and cannot send the same referral twice
        assert worker.pending == 1
        view.new_button.click()
        assert view.inputs["nachname"].text() == ""  # type: ignore[attr-defined]
        assert view.form.client_ref != client_ref
        proxy.clear_faults()
        with qtbot.waitSignal(worker.item_sent, timeout=20000):
            worker.flush_now()  # back online ("Jetzt senden")
        qtbot.waitUntil(lambda: worker.pending == 0, timeout=5000)
        items = services.client.list_referrals(client_ref=client_ref).items
        assert len(items) == 1
        assert items[0]["voluntary"] == {}
        assert not view.referral_number.isVisible()  # the new form is not the queued one
        worker.stop()


def test_refused_in_the_outbox_back_to_the_field_and_resent_once(
    qtbot: Any, server: Any, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QWidget

    with services_for(server.url) as services:
        worker = services.outbox_worker
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        view.show()
        _fill(view)
        view.consent_gate.text_version = "veraltet"  # consent asked with an outdated text
        view.consent_gate.yes.click()
        view.send()
        qtbot.waitUntil(lambda: view.error_summary.isVisible(), timeout=15000)
        assert [name for name, _ in view.error_summary.entries] == ["consent"]
        message = view.findChild(QWidget, "consent_message")
        assert "Einwilligungstext wurde geändert" in message.text()
        assert view.send_button.isEnabled()  # back to the form: correct and send again
        assert services.outbox.dead_count() == 1
        view.consent_gate.text_version = config_of(services)["consent"]["text_version"]
        view.consent_gate.no.click()  # asked again with the current text: no
        view.consent_gate.yes.click()  # ... then yes
        view.send()
        qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=15000)
        items = services.client.list_referrals(client_ref=view.form.client_ref).items
        assert len(items) == 1
        assert services.outbox.dead_count() == 0  # the dead letter was replaced
        assert services.outbox.pending_count() == 0
        worker.stop()


def test_expired_session_the_queued_referral_waits_for_the_login(
    qtbot: Any, server: Any, tmp_path: Path
) -> None:

    with services_for(server.url) as services:
        worker = services.outbox_worker
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        view.show()
        _fill(view)
        view.consent_gate.no.click()
        services.client.logout()  # the session ended while the agent was typing
        with qtbot.waitSignal(worker.auth_required, timeout=15000):
            view.send()
        assert view.send_status.text() == (
            "Im Postausgang – wird gesendet, sobald Sie sich wieder angemeldet haben."
        )
        services.client.login("demo", "demo")
        with qtbot.waitSignal(worker.item_sent, timeout=20000):
            worker.resume()
        qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=5000)
        assert len(services.client.list_referrals(client_ref=view.form.client_ref).items) == 1
        worker.stop()


def test_draft_with_consent_to_an_older_text_asks_again(
    qtbot: Any, server: Any, tmp_path: Path
) -> None:
    with services_for(server.url) as services:
        store = services.store
        view = QuickReferralView(services)
        qtbot.addWidget(view)
        _fill(view)
        view.consent_gate.yes.click()
        view.form.consent_text_version = "2025-01"  # the text read out back then
        view.inputs["schadenart"].setCurrentIndex(2)  # type: ignore[attr-defined]
        view.drafts.autosaver.flush()
        draft_id = view.drafts.draft_id
        qtbot.waitUntil(
            lambda: (store.load_draft(draft_id) or {}).get("consent_text_version") == "2025-01",
            timeout=5000,
        )
        other = QuickReferralView(services)
        qtbot.addWidget(other)
        other.show()
        assert other.load_draft(draft_id)
        assert other.consent_gate.answer is None  # to be asked again with the current text
        assert not other.voluntary_box.isEnabled()
        assert "Einwilligungstext wurde geändert" in other.messages["consent"].text
        assert other.inputs["schadenart"].currentIndex() == 2  # type: ignore[attr-defined]
        other.update_review()
        assert '"voluntary": {}' in other.review_json.toPlainText()  # nothing voluntary meanwhile
        assert "die Einwilligung fehlt" in other.review.toPlainText()
        other.consent_gate.yes.click()
        assert other.voluntary_box.isEnabled()
        assert other.form.consent_text_version == config_of(services)["consent"]["text_version"]
        assert other.messages["consent"].text == ""
        other.update_review()
        assert '"schadenart"' in other.review_json.toPlainText()
        assert "Schadenart: " in other.review.toPlainText()
        other.drafts.autosaver.flush()  # the consent answer is saved before the services shut down
        qtbot.waitUntil(lambda: not other.drafts.autosaver.has_pending(), timeout=5000)


def test_photo_upload_progress_through_the_outbox(qtbot: Any, server: Any, tmp_path: Path) -> None:
    from desktop.views.referral.wizard import CompleteReferralView
    from tests.gui.test_wizard_photos import _gps_jpeg
    from tests.helpers.fault_proxy import FaultProxy

    with FaultProxy(server.url) as proxy, services_for(proxy.url) as services:
        worker = services.outbox_worker
        view = CompleteReferralView(services)
        qtbot.addWidget(view)
        view.show()
        _fill(view)
        view.consent_gate.yes.click()
        assert view.photos is not None
        for name in ("a.jpg", "b.jpg"):
            (tmp_path / name).write_bytes(_gps_jpeg())
            view.photos.add_files([str(tmp_path / name)])
        qtbot.waitUntil(lambda: len(view.photos.cleaned()) == 2, timeout=20000)
        progress: list[tuple[int, int]] = []
        view.transport.progress.connect(lambda done, total: progress.append((done, total)))
        # more refusals than the client retries at once: both photos wait for the worker
        proxy.fail_next(8, status=503, retry_after="1", method="PUT")
        view.send()
        qtbot.waitUntil(lambda: view.referral_number.isVisible(), timeout=20000)
        qtbot.waitUntil(lambda: progress[-1:] == [(2, 2)], timeout=40000)
        assert progress[0] == (0, 2)  # referral sent, the photos wait for their retry
        assert view.send_status.text() == (
            "Vermittlung übermittelt. Schadenbilder hochgeladen: 2 von 2"
        )
        worker.stop()
