"""What a referral view shows once sending has started: stored in the Postausgang (and
whether it is going out), photo progress, the referral number, the server's refusal at the
fields (outbox dead letters)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot

from desktop.referral_form import pointer_field
from desktop.views.referral.consent import ConsentMixin
from desktop.views.referral.problems import field_problem_text, problem_text
from desktop.views.referral.send import QueuedFailure, ReferralSender
from desktop.widgets.error_summary import announce
from desktop.workers.autosave import DraftAutosaver


class SendResultsMixin(ConsentMixin):
    """Send results for :class:`desktop.views.referral.view.ReferralView`."""

    transport: ReferralSender
    autosaver: DraftAutosaver
    referral_sent: Any  # Signal(dict), declared on the view
    _sent: bool
    _dead_item: str | None

    def _set_in_flight(self, busy: bool) -> None:  # pragma: no cover - the flow's
        raise NotImplementedError

    def _show_errors(self, entries: list[tuple[str, str]]) -> None:  # pragma: no cover
        raise NotImplementedError

    @Slot(str)
    def _on_queued(self, _item_id: str) -> None:
        # Safe on disk: the agent may already start the next referral.
        self._sent = True
        self._set_in_flight(False)
        self.autosaver.discard(self._draft_id)
        self._on_waiting(self.transport.state)
        self.new_button.show()

    @Slot(str)
    def _on_waiting(self, state: str) -> None:
        """The stored referral is still in the Postausgang: say whether it is going out."""
        if state == "login":
            text = self.tr(
                "Im Postausgang – wird gesendet, sobald Sie sich wieder angemeldet haben."
            )
        elif state == "offline":
            text = self.tr(
                "Offline: Im Postausgang – wird gesendet, sobald eine Verbindung besteht."
            )
        else:
            text = self.tr("Im Postausgang gespeichert – wird gesendet …")
        self.send_status.setText(text)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        text = (
            self.tr("Schadenbilder hochgeladen: %1 von %2")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )
        if not self.referral_number.isHidden():  # outbox: photos follow the referral
            text = self.tr("Vermittlung übermittelt.") + " " + text
        self.send_status.setText(text)

    @Slot(dict)
    def _on_sent(self, result: dict[str, Any]) -> None:
        self._sent = True
        self._set_in_flight(False)
        number = str(result.get("number") or result.get("id") or "")
        self.referral_number.setText(number)
        self.referral_number.setAccessibleName(self.tr("Vermittlungsnummer"))
        self.referral_number.show()
        self.send_status.setText(self.tr("Vermittlung übermittelt."))
        self.banner.show_message(self.banner_text(number), "positive")
        self.new_button.show()
        self.autosaver.discard(self._draft_id)
        self.referral_sent.emit(result)
        announce(self.referral_number, self.banner_text(number))
        self.new_button.setFocus()

    def _on_refused_in_outbox(self, failure: QueuedFailure) -> None:
        """The server refused the queued referral: back to the form, errors at the fields;
        sending again replaces the dead letter in the Postausgang."""
        self._sent, self._dead_item = False, failure.item_id
        self._set_in_flight(False)
        text = problem_text(failure.code, failure.detail)
        entries = [(pointer_field(p), field_problem_text(c, "")) for p, c in failure.fields]
        self.send_status.setText(text)
        self._show_errors(entries or [("", text)])

    def banner_text(self, number: str) -> str:
        """Success sentence (banner and screen-reader announcement)."""
        return self.tr("Vermittlung übermittelt (Nr. %1).").replace("%1", number)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._set_in_flight(False)
        self.send_button.setText(self.tr("Erneut &senden (Strg+Enter)"))
        if isinstance(error, QueuedFailure):
            self._on_refused_in_outbox(error)
            return
        self.send_status.setText(problem_text(""))  # it could not even be stored
