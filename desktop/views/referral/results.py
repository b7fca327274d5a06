"""What a referral view shows once sending has started: stored in the Postausgang (and
whether it is going out), photo progress, the referral number, the server's refusal at the
fields (outbox dead letters)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.referral_form import pointer_field
from desktop.views.referral.drafts import DraftKeeper
from desktop.views.referral.problems import field_problem_text, problem_text
from desktop.views.referral.review_box import ReviewBox
from desktop.views.referral.send import QueuedFailure, ReferralSender, ReplacedItemGoneError
from desktop.widgets.error_summary import announce
from desktop.widgets.message_bar import MessageBar


class SendResults(QObject):
    """Follows ``transport`` for one view and keeps the send state (in flight, sent, the
    dead letter a corrected referral replaces).

    Signals:
        refused(list): ``[(field, text), …]`` the server refused; the view shows them.
        referral_sent(dict): the server acknowledged a referral.
        held_changed(): :attr:`held_item` changed.
        replaced_gone(str): the failed item a correction was to replace is no longer a dead
            letter ("deleted", "pending" or "sent"); nothing was stored.
    """

    refused = Signal(list)
    referral_sent = Signal(dict)
    held_changed = Signal()
    replaced_gone = Signal(str)

    def __init__(
        self,
        box: ReviewBox,
        banner: MessageBar,
        transport: ReferralSender,
        drafts: DraftKeeper,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._box = box
        self._banner = banner
        self._transport = transport
        self._drafts = drafts
        self.in_flight = False
        self.sent = False
        self.dead_item: str | None = None  # outbox item the server refused
        self.replacing: str | None = None  # the dead letter a correction being stored replaces
        transport.sent.connect(self._on_sent)
        transport.failed.connect(self._on_failed)
        transport.queued.connect(self._on_queued)
        transport.waiting.connect(self._on_waiting)
        transport.progress.connect(self._on_progress)

    def set_in_flight(self, busy: bool) -> None:
        """Sending (or storing) is under way: no second press of "Senden"."""
        self.in_flight = busy
        self._box.send_button.setEnabled(not busy and not self.sent)

    @property
    def held_item(self) -> str | None:
        """The failed Postausgang item this form holds for correction (until it is sent,
        replaced or the form reset): the Postausgang neither retries nor deletes it."""
        return None if self.sent else (self.dead_item or self.replacing)

    def start_send(self) -> str | None:
        """Sending starts: returns the dead letter the referral replaces (held until the
        corrected one is stored)."""
        self.replacing, self.dead_item = self.dead_item, None
        self.set_in_flight(True)
        return self.replacing

    def reset(self) -> None:
        """A new referral: nothing sent, nothing shown."""
        box = self._box
        self.sent, self.dead_item, self.replacing = False, None, None
        self.set_in_flight(False)
        box.send_button.setText(self.tr("&Senden (Strg+Enter)"))
        box.referral_number.clear()
        box.referral_number.hide()
        box.new_button.hide()
        box.send_status.clear()
        self.held_changed.emit()

    @Slot(str)
    def _on_queued(self, _item_id: str) -> None:
        # Safe on disk: the agent may already start the next referral.
        self.sent, self.replacing = True, None
        self.set_in_flight(False)
        self._drafts.discard()
        self._on_waiting(self._transport.state)
        self._box.new_button.show()
        self.held_changed.emit()

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
        self._box.send_status.setText(text)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        text = (
            self.tr("Schadenbilder hochgeladen: %1 von %2")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )
        if not self._box.referral_number.isHidden():  # outbox: photos follow the referral
            text = self.tr("Vermittlung übermittelt.") + " " + text
        self._box.send_status.setText(text)

    @Slot(dict)
    def _on_sent(self, result: dict[str, Any]) -> None:
        box = self._box
        self.sent = True
        self.set_in_flight(False)
        number = str(result.get("number") or result.get("id") or "")
        box.referral_number.setText(number)
        box.referral_number.setAccessibleName(self.tr("Vermittlungsnummer"))
        box.referral_number.show()
        box.send_status.setText(self.tr("Vermittlung übermittelt."))
        self._banner.show_message(self.banner_text(number), "positive")
        box.new_button.show()
        self._drafts.discard()
        self.referral_sent.emit(result)
        announce(box.referral_number, self.banner_text(number))
        box.new_button.setFocus()

    def show_refusal(self, failure: QueuedFailure) -> None:
        """A refused referral reopened from the Postausgang: shown as after a fresh send
        (errors at the fields, "Erneut senden"; sending again replaces ``failure.item_id``)."""
        self._on_failed(failure)

    def _on_refused_in_outbox(self, failure: QueuedFailure) -> None:
        """The server refused the queued referral: back to the form, errors at the fields;
        sending again replaces the dead letter in the Postausgang."""
        self.sent, self.dead_item = False, failure.item_id
        self.set_in_flight(False)
        self.held_changed.emit()
        text = problem_text(failure.code)
        entries = [(pointer_field(p), field_problem_text(c)) for p, c in failure.fields]
        self._box.send_status.setText(text)
        self.refused.emit(entries or [("", text)])

    def banner_text(self, number: str) -> str:
        """Success sentence (banner and screen-reader announcement)."""
        return self.tr("Vermittlung übermittelt (Nr. %1).").replace("%1", number)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.set_in_flight(False)
        self._box.send_button.setText(self.tr("Erneut &senden (Strg+Enter)"))
        if isinstance(error, QueuedFailure):
            self._on_refused_in_outbox(error)
            return
        if isinstance(error, ReplacedItemGoneError):
            self.replacing = None  # nothing left to replace
            self._box.send_status.clear()
            self.held_changed.emit()
            self.replaced_gone.emit(error.state)
            return
        # it could not even be stored: the failed item it replaces stays held
        self.dead_item, self.replacing = self.replacing, None
        self._box.send_status.setText(problem_text(""))
