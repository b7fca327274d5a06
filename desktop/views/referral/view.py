"""A referral view: composes its widgets (:class:`ReferralLayout`) with the parts that
own each concern: consent gating with undo (:class:`ConsentSection`), drafts and autosave
(:class:`DraftKeeper`), sending through the outbox (:class:`ReferralSender`) and what is shown
afterwards (:class:`SendResults`). The view itself keeps the live review, the send check with
an error summary ("reward early, punish late"; shown by :class:`FieldErrors`), and reset.
"""

from __future__ import annotations

import functools
import logging
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.referral_form import (
    FREE_TEXT,
    Kind,
    ReferralForm,
    build_payload,
    damage_is_old,
    review_text,
    send_errors,
    voluntary_format_error,
)
from desktop.validation import register_districts
from desktop.views.referral import draft_state
from desktop.views.referral.consent import ConsentSection, config_age_text
from desktop.views.referral.drafts import DraftKeeper
from desktop.views.referral.errors import FieldErrors
from desktop.views.referral.fields import (
    change_signal,
    populate,
    read_value,
    write_value,
)
from desktop.views.referral.layout import ReferralLayout
from desktop.views.referral.reopen import (
    RefusedReferral,
    ask_send_as_new,
    form_state,
    photo_blobs,
)
from desktop.views.referral.results import SendResults
from desktop.views.referral.review import readable_review
from desktop.views.referral.send import ReferralSender
from desktop.widgets.checked_text import CheckedTextEdit
from desktop.widgets.company import company_name
from desktop.widgets.field_edits import ValidatedLineEdit
from desktop.widgets.finding_texts import issue_text
from desktop.widgets.photo_state import missing_decision_text

if TYPE_CHECKING:
    from desktop.services import Services

log = logging.getLogger(__name__)


class ReferralView(QWidget):
    """Quick or complete referral view wired to ``services``.

    Signals:
        why_requested(): "Warum?" was chosen (the main window shows the privacy page).
        referral_sent(dict): the server acknowledged a referral.
        held_changed(): :meth:`held_item` changed (the Postausgang offers its actions).
    """

    why_requested = Signal()
    referral_sent = Signal(dict)
    held_changed = Signal()

    def __init__(self, services: Services, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.kind: Kind = kind
        self.setObjectName(f"referral_{kind}")
        self.fields = fields = ReferralLayout(services, kind, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(fields)
        # The widgets callers (shell, tests, benches) reach through the view; owned by fields.
        self.inputs, self.messages, self.checked = fields.inputs, fields.messages, fields.checked
        self.banner, self.error_summary = fields.banner, fields.error_summary
        self.scroll_area, self.voluntary_box = fields.scroll_area, fields.voluntary_box
        self.servicenummer, self.consent_gate = fields.servicenummer, fields.consent_gate
        self.repair_consent, self.freetext_consent = fields.repair_consent, fields.freetext_consent
        box = fields.review_box
        self.review, self.review_json = box.review, box.review_json
        self.review_json_toggle, self.send_button = box.review_json_toggle, box.send_button
        self.send_status, self.referral_number = box.send_status, box.referral_number
        self.new_button, self.photos = box.new_button, fields.photos
        self.form = ReferralForm(kind=kind)
        self._catalogs: dict[str, Any] = {}
        self.consent = ConsentSection(fields, self)
        self.drafts = DraftKeeper(fields, services, lambda: self.form, self)
        self.transport = ReferralSender(services, self)
        self.results = SendResults(box, fields.banner, self.transport, self.drafts, self)
        self.errors = FieldErrors(fields, self, self)
        self.results.refused.connect(self.errors.show)
        self.results.refused.connect(self._server_errors_shown)
        self._local_errors_shown = False  # the summary holds "Senden"'s own check
        self.results.referral_sent.connect(self.referral_sent)
        self.results.held_changed.connect(self.held_changed)
        self.results.replaced_gone.connect(self._on_replaced_gone)
        # What a refused referral reopened from the Postausgang looked like when it opened
        # (see has_unsent_correction); None otherwise.
        self._reopened: dict[str, Any] | None = None
        self._review_timer = QTimer(self)
        self._review_timer.setSingleShot(True)
        self._review_timer.setInterval(250)
        self._review_timer.timeout.connect(self.update_review)
        self._wire()
        self.apply_config(services.config)
        services.config_loaded.connect(self.apply_config)
        self.update_review()

    # ---------------------------------------------------------------- wiring
    def _wire(self) -> None:
        for name, widget in self.inputs.items():
            if name in ("repair_consent", "freetext_consent"):
                widget.toggled.connect(self._on_changed)  # type: ignore[attr-defined]
            else:
                change_signal(widget).connect(self._on_changed)
        for editor in self.checked.values():
            editor.why_requested.connect(self._on_why)
        self.consent_gate.answered.connect(self._on_consent)
        self.send_button.clicked.connect(self.send)
        self.new_button.clicked.connect(self.reset)
        new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_shortcut.activated.connect(self._new_after_send)
        for signal in (self.transport.sent, self.transport.queued, self.transport.failed):
            signal.connect(self._lock_when_sent)  # after SendResults has updated ``sent``
        self.error_summary.field_activated.connect(self.errors.focus_field)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.send)
        if self.photos is not None:
            self.photos.changed.connect(self._on_changed)
            self.photos.changed.connect(self.fields.set_tab_order)  # new tiles join the chain
        for name in ("schadendatum", "wunschtermin"):
            if name in self.inputs:
                change_signal(self.inputs[name]).connect(functools.partial(self._check_date, name))
        for name in ("hsn", "tsn", "fin", "erstzulassung", "telefon2"):
            line = self.inputs.get(name)
            if isinstance(line, QLineEdit):
                line.editingFinished.connect(functools.partial(self._hint_voluntary, name))
                line.textEdited.connect(self.messages[name].clear)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Opening a fresh form puts the cursor into Nachname (the call starts there)."""
        super().showEvent(event)
        focus = QApplication.focusWidget()
        fresh = not self.fields.has_content()
        if fresh and (focus is None or not self.isAncestorOf(focus)):
            QTimer.singleShot(0, self, self._focus_first)  # cancelled if self is deleted

    @Slot()
    def _focus_first(self) -> None:
        if self.isVisible():
            self.inputs["nachname"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _hint_voluntary(self, name: str) -> None:
        """Format hint when a checked voluntary field is left (blocks only on send)."""
        code = voluntary_format_error(name, read_value(self.inputs[name]))
        if code is None:
            self.messages[name].clear()
        else:
            self.messages[name].show_text(issue_text(code), "warning")

    @Slot(dict)
    def apply_config(self, config: dict[str, Any] | None) -> None:
        """Fill catalogues, consent text and Servicenummer from ``GET /config``."""
        config = config or {}
        self._catalogs = dict(config.get("catalogs") or {})
        for widget in self.inputs.values():
            catalog = widget.property("catalog_name")
            entries = config.get("catalogs", {}).get(catalog) if catalog else None
            if entries:
                populate(widget, entries)
        self.fields.set_tab_order()
        self.fields.set_company(company_name(config))
        consent = config.get("consent") or {}
        self.consent_gate.set_consent_text(consent.get("text", ""), consent.get("text_version"))
        self.consent_gate.set_age_text(config_age_text(self.services.config_fetched_at))
        version = consent.get("text_version")
        if not self.results.sent and self.consent.ask_again_if_changed(self.form, version):
            self._on_changed()  # the draft keeps the question open
        user = self.services.user
        number = config.get("servicenummer") or (user.servicenummer if user else "") or ""
        self.servicenummer.setText(str(number))
        self.form.servicenummer = str(number)
        # District codes the server knows beyond the shipped list (optional in /config).
        extra = config.get("districts") or config.get("catalogs", {}).get("unterscheidungszeichen")
        register_districts(
            (str(e["code"]), str(e.get("label", "")))
            for e in extra or []
            if isinstance(e, dict) and e.get("code")
        )
        self.update_review()  # the Servicenummer is part of what leaves the PC

    # ---------------------------------------------------------------- changes
    @Slot(bool)
    def _on_consent(self, granted: bool) -> None:
        self.form.set_consent(granted, self.consent_gate.text_version)
        self.consent.apply(granted)
        self._on_changed()

    @Slot(list)
    def _server_errors_shown(self, _entries: list[tuple[str, str]]) -> None:
        self._local_errors_shown = False  # the server's verdict stays until the next send

    def _still_wrong(self) -> set[str]:
        """The fields "Senden" would flag now (privacy findings as last checked)."""
        form = self.fields.collect_form(self.form)
        blocked = {name for name, editor in self.checked.items() if editor.blocking}
        wrong = {e.field for e in send_errors(form, privacy_blocked=blocked)}
        if self.photos is not None and (self.photos.busy() or self.photos.undecided()):
            wrong.add("photos")
        return wrong

    @Slot()
    def _on_changed(self) -> None:
        if self._local_errors_shown:
            self.errors.keep_only(self._still_wrong())  # no stale messages
        self._review_timer.start()
        if not self.results.sent:
            self.drafts.schedule()
        if "freetext_consent" in self.inputs:
            text_len = sum(len(self.checked[n].text()) for n in FREE_TEXT if n in self.checked)
            self.fields.show_count(text_len)

    def _check_date(self, name: str, *_changed: object) -> None:
        """Hint as soon as a date is picked: in the future / past (blocks on send), or a
        damage older than 4 weeks (never blocks)."""
        value = read_value(self.inputs[name])
        code = voluntary_format_error(name, value)
        if code is not None:
            self.messages[name].show_text(issue_text(code), "warning")
        elif name == "schadendatum" and value and damage_is_old(value):
            self.messages[name].show_text(
                self.tr(
                    "Der Schaden ist älter als 4 Wochen – eine Reparatur ist dann seltener möglich."
                ),
                "warning",
            )
        else:
            self.messages[name].clear()

    @Slot()
    def update_review(self) -> None:
        """Show exactly the payload that would leave the PC now."""
        self._show_review(build_payload(self.fields.collect_form(self.form)))

    def _show_review(self, payload: dict[str, Any]) -> None:
        """Readable review (labels, catalogue texts) and the exact JSON below it."""
        photos = self.photos.cleaned() if self.photos is not None else []
        catalogs = self._catalogs or (self.services.config or {}).get("catalogs", {})
        states = self.photos.states() if self.photos is not None else []
        text = readable_review(payload, catalogs, len(photos), states)
        self.fields.review_box.show_review(text, review_text(payload))

    # ---------------------------------------------------------------- send
    def _flush_checks(self) -> None:
        for editor in self.checked.values():
            editor.run_check()

    @Slot()
    def send(self) -> None:
        """Check everything; show the error summary or send (Ctrl+Enter)."""
        if self.results.in_flight or self.results.sent:
            return
        self._flush_checks()
        form = self.fields.collect_form(self.form)
        blocked = {name for name, editor in self.checked.items() if editor.blocking}
        errors = send_errors(form, privacy_blocked=blocked)
        self.errors.clear()
        for widget in self.inputs.values():
            if isinstance(widget, ValidatedLineEdit) and widget.text().strip():
                widget.show_errors()  # format warnings stay visible (they never block)
        for name in ("schadendatum", "wunschtermin"):
            if name in self.inputs:
                self._check_date(name)  # e.g. "älter als 4 Wochen" stays visible
        entries = [(e.field, issue_text(e.code, e.params)) for e in errors]
        if self.photos is not None and self.photos.busy():
            entries.append(("photos", self.tr("Die Schadenbilder werden noch bereinigt.")))
        elif self.photos is not None and self.photos.undecided():
            entries.append(("photos", missing_decision_text()))
        if entries:
            self.errors.show(entries)
            self._local_errors_shown = True
            self.update_review()  # the review is current when the agent looks down there
            return
        payload = build_payload(form)
        self._show_review(payload)
        photos = self.photos.cleaned() if self.photos is not None else []
        replaces = self.results.start_send()
        self.send_status.setText(self.tr("Wird gesendet …"))
        self.transport.send(payload, photos, draft_id=self.drafts.draft_id, replaces=replaces)

    @Slot()
    def _lock_when_sent(self, *_args: object) -> None:
        """Once sent (or safely in the Postausgang) the customer's data is neither editable
        nor sendable again; the top of the view shows the number and "Neue Vermittlung"."""
        self.fields.set_locked(self.results.sent)
        if self.results.sent:
            self.new_button.setFocus()
            if not self.referral_number.isHidden():  # the banner at the top has the number
                self.fields.scroll_to_top()

    # ---------------------------------------------------------------- reset
    @Slot()
    def _new_after_send(self) -> None:
        """Ctrl+N: the next call, once this referral is sent (an unsent form is never
        emptied by a key press)."""
        if self.results.sent:
            self.reset()

    @Slot()
    def reset(self) -> None:
        """Start a new referral without restarting the app."""
        self.transport.forget()
        self._reopened = None
        self.errors.clear()
        for name in list(self.inputs):
            widget = self.inputs[name]
            if isinstance(widget, CheckedTextEdit):
                widget.reset()
            elif name in ("repair_consent", "freetext_consent"):
                widget.setChecked(False)  # type: ignore[attr-defined]
            elif isinstance(widget, ValidatedLineEdit):
                widget.clear()
            else:
                write_value(widget, None)
        if self.photos is not None:
            self.photos.clear()
        self.consent_gate.set_answer(None)
        self.voluntary_box.setEnabled(False)
        servicenummer = self.form.servicenummer
        self.form = ReferralForm(kind=self.kind, servicenummer=servicenummer)
        self.drafts.start_new()
        self.consent.drop_undo()
        self.results.reset()
        self.fields.set_locked(False)
        self.banner.hide()
        self.update_review()
        self.fields.scroll_to_top()
        self.inputs["nachname"].setFocus()

    def load_draft(self, draft_id: str) -> bool:
        """Continue a saved draft (Entwürfe page); later autosaves go to the same draft."""
        draft = self.services.store.load_draft(draft_id)
        if not draft:
            return False
        self.reset()
        self.drafts.restore(draft_id, draft)
        return True

    def has_unsent_input(self) -> bool:
        """True while the form holds a begun referral that is not sent (nor queued)."""
        return not self.results.sent and self.fields.has_content()

    def holds_refused(self, item_id: str) -> bool:
        """True while this form shows the refused Postausgang item ``item_id`` (reopened, or
        refused right after "Senden") for correction."""
        return self.results.held_item == item_id

    def held_item(self) -> str | None:
        """The failed Postausgang item this form holds for correction, if any."""
        return self.results.held_item

    def close_correction(self) -> None:
        """Let the held failed item go and empty the form. Edits after a refusal right after
        "Senden" stay in their draft (as when a draft or another failed item is opened)."""
        if self.results.held_item is None or self.results.in_flight:
            return
        typed = self.drafts.draft_id
        self.drafts.autosaver.flush()
        self.reset()
        self.drafts.autosaver.discard(typed)  # emptying the fields must not overwrite it

    def has_unsent_correction(self) -> bool:
        """True while a refused referral reopened from the Postausgang was changed here and
        the change is not sent: no draft keeps it (the failed item is the stored copy), so
        quitting would lose it. Opening it and leaving it unchanged loses nothing."""
        reopened = self._reopened
        if reopened is None or not self.drafts.held_in_outbox or self.results.sent:
            return False
        if self.results.dead_item is None:  # being stored in the Postausgang right now
            return False
        return self._correction_state() != reopened

    def _correction_state(self) -> dict[str, Any]:
        """What the agent can change: the draft payload, with the photos as the agent's
        choices (which photos, blurred, confirmed) rather than their scrub details, which
        are filled in by the workers after the reopen."""
        state = self.drafts.payload()
        state.pop(draft_state.PHOTOS, None)
        tiles = self.photos.tiles if self.photos is not None else []
        state["photo_choices"] = [(t.image_id, t.blurred, t.confirmed) for t in tiles]
        return state

    @Slot(str)
    def _on_replaced_gone(self, state: str) -> None:
        """The failed item this correction was to replace left the Postausgang (deleted,
        queued again or sent): the form becomes an ordinary begun referral (kept as a draft
        from now on), and the agent decides whether it goes out as a new referral."""
        self.drafts.held_in_outbox = False
        self._reopened = None
        self.form.client_ref = str(uuid.uuid4())  # its own: the failed one may have arrived
        self.drafts.schedule()
        ask_send_as_new(self, state, self.send)

    def open_refused(self, refused: RefusedReferral) -> None:
        """Correct a referral the server refused (Postausgang "Bearbeiten"): its values,
        consent and photos as stored, the server's problems at their fields; sending again
        replaces the failed item. What this form held before stays in its draft."""
        typed = self.drafts.draft_id
        self.drafts.autosaver.flush()  # the begun referral is saved as it is
        self.reset()
        self.drafts.autosaver.discard(typed)  # emptying the fields must not overwrite it
        self.form.client_ref = str(refused.payload.get("client_ref") or self.form.client_ref)
        if not self.form.servicenummer:  # no Servicenummer known now: the one sent then
            self.form.servicenummer = str(refused.payload.get("servicenummer") or "")
            self.servicenummer.setText(self.form.servicenummer)
        self.drafts.restore_refused(form_state(refused), photo_blobs(refused.photos))
        self.results.show_refusal(refused.failure)
        self.update_review()
        self._reopened = self._correction_state()

    @Slot()
    def _on_why(self) -> None:
        self.why_requested.emit()  # the shell (pages.py) shows the privacy page
