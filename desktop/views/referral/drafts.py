"""Draft support of the referral views: autosave payload, restore, load from the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.referral_form import MANDATORY, ReferralForm
from desktop.views.referral import draft_state as referral_draft_state
from desktop.views.referral.layout import ReferralLayout


class DraftMixin(ReferralLayout):
    """Autosave/restore for :class:`desktop.views.referral.view.ReferralView`."""

    _draft_id: str
    form: ReferralForm

    def reset(self) -> None:  # pragma: no cover - implemented by the flow
        """Empty the form (provided by the flow)."""
        raise NotImplementedError

    def _write_voluntary(self, values: dict[str, Any]) -> None:  # pragma: no cover
        raise NotImplementedError

    def _has_content(self) -> bool:
        """False for an untouched (or just reset) form: no empty drafts."""
        if self.repair_consent.isChecked() or self.consent_gate.answer is not None:
            return True
        return any(self._text(self.inputs[name]).strip() for name in MANDATORY)

    def draft_payload(self) -> dict[str, Any]:
        """Raw form values, dismissed findings and photo descriptions for the draft store."""
        form = self.collect_form(self.form)
        payload = {
            "kind": self.kind,
            "mandatory": dict(form.mandatory),
            "repair_consent": form.repair_consent,
            "consent": form.consent,
            "consent_text_version": form.consent_text_version,
            "consent_captured_at": form.consent_captured_at,
            "freetext_consent": form.freetext_consent,
            "voluntary": dict(form.voluntary),
        }
        return payload | referral_draft_state.draft_extras(self)

    @property
    def draft_photos(self) -> Callable[[], dict[str, tuple[bytes, str]]] | None:
        """The autosaver's photos callable: ``draft_photos()`` gives the cleaned photos saved
        with the draft (only cleaned bytes ever reach the store). ``None`` while a restored
        draft's photos are still being read back (the stored ones stay untouched)."""
        return referral_draft_state.photos_to_save(self)

    def load_draft(self, draft_id: str) -> bool:
        """Continue a saved draft (Entwürfe page); later autosaves go to the same draft."""
        draft = self.services.store.load_draft(draft_id)
        if not draft:
            return False
        self.reset()
        self._draft_id = draft_id
        self.restore(dict(draft))
        referral_draft_state.restore_photos(self, draft, draft_id)
        return True

    def restore(self, draft: dict[str, Any]) -> None:
        """Fill the view from a draft saved by :meth:`draft_payload`."""
        referral_draft_state.restore_dismissed(self, draft)  # before the values are checked
        for name, value in (draft.get("mandatory") or {}).items():
            widget = self.inputs.get(name)
            if widget is not None:
                widget.setText(str(value))  # type: ignore[attr-defined]
        self.repair_consent.setChecked(bool(draft.get("repair_consent")))
        consent = draft.get("consent")
        saved_version, current = draft.get("consent_text_version"), self.consent_gate.text_version
        if consent is True and saved_version and current and saved_version != current:
            self._restore_for_new_consent(draft)
            return
        self.consent_gate.set_answer(consent if isinstance(consent, bool) else None)
        if consent is True:
            # The customer agreed during the call, to the text read out then.
            if draft.get("consent_captured_at"):
                self.form.consent_captured_at = str(draft["consent_captured_at"])
            if draft.get("consent_text_version"):
                self.form.consent_text_version = str(draft["consent_text_version"])
            self._write_voluntary(draft.get("voluntary") or {})
            self.freetext_consent.setChecked(bool(draft.get("freetext_consent")))

    def _restore_for_new_consent(self, draft: dict[str, Any]) -> None:
        """The consent text changed since the draft was saved: the customer must be asked
        again. The voluntary values come back, but stay disabled (and unsent) until Ja."""
        self.consent_gate.set_answer(None)
        self._write_voluntary(draft.get("voluntary") or {})
        self.freetext_consent.setChecked(bool(draft.get("freetext_consent")))
        self.voluntary_box.setEnabled(False)
        self.messages["consent"].show_text(
            self.tr(
                "Der Einwilligungstext wurde geändert, seit der Entwurf gespeichert wurde. "
                "Bitte lesen Sie die aktuelle Fassung vor und fragen Sie erneut."
            ),
            "warning",
        )
