"""Drafts of a referral view: which draft the form is, its autosave payload, and restoring a
saved draft (values, consent, dismissed findings, cleaned photos read back on the "db" pool).
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject

from desktop.referral_form import ReferralForm
from desktop.views.referral import draft_state
from desktop.views.referral.layout import ReferralLayout
from desktop.workers.autosave import DraftAutosaver

if TYPE_CHECKING:
    from desktop.services import Services

log = logging.getLogger(__name__)


class DraftKeeper(QObject):
    """Autosave and restore for one referral view.

    ``form`` gives the view's current :class:`ReferralForm` (a new one after each reset).
    """

    def __init__(
        self,
        fields: ReferralLayout,
        services: Services,
        form: Callable[[], ReferralForm],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fields = fields
        self._services = services
        self._form = form
        self.draft_id = str(uuid.uuid4())
        self.autosaver = DraftAutosaver(services.store, services.tasks, parent=self)
        # (draft_id, token) while a restored draft's photo bytes are read back.
        self._photos_loading: tuple[str, object] | None = None
        # The form is a refused referral reopened from the Postausgang: that item is its
        # stored copy, so no draft is made (the same referral would wait in two places).
        self.held_in_outbox = False

    def start_new(self) -> None:
        """The form is a new referral: later autosaves go to a new draft."""
        self.draft_id = str(uuid.uuid4())
        self.held_in_outbox = False

    def schedule(self) -> None:
        """Note a change; untouched forms make no draft."""
        if self._fields.has_content() and not self.held_in_outbox:
            self.autosaver.schedule(self.draft_id, self._fields.kind, self.payload, self.photos)

    def discard(self) -> None:
        """The referral is safe elsewhere: forget its unsaved changes."""
        self.autosaver.discard(self.draft_id)

    def payload(self) -> dict[str, Any]:
        """Raw form values, dismissed findings and photo descriptions for the draft store."""
        form = self._fields.collect_form(self._form())
        payload = {
            "kind": self._fields.kind,
            "mandatory": dict(form.mandatory),
            "repair_consent": form.repair_consent,
            "consent": form.consent,
            "consent_text_version": form.consent_text_version,
            "consent_captured_at": form.consent_captured_at,
            "freetext_consent": form.freetext_consent,
            "voluntary": dict(form.voluntary),
        }
        return payload | draft_state.draft_extras(self._fields)

    @property
    def photos(self) -> Callable[[], dict[str, tuple[bytes, str]]] | None:
        """The autosaver's photos callable: it gives the cleaned photos saved with the draft
        (only cleaned bytes ever reach the store). ``None`` while a restored draft's photos
        are still being read back (the stored ones stay untouched)."""
        loading = self._photos_loading
        if loading is not None and loading[0] == self.draft_id:
            return None
        return functools.partial(draft_state.draft_photos, self._fields)

    def restore(self, draft_id: str, draft: Mapping[str, Any]) -> None:
        """Continue the saved draft ``draft_id`` in the (just reset) form."""
        self.draft_id = draft_id
        self._restore_values(dict(draft))
        self._restore_photos(draft, draft_id)

    def restore_refused(
        self, values: Mapping[str, Any], blobs: Mapping[str, tuple[bytes, str]]
    ) -> None:
        """Fill the (just reset) form with a refused referral from the Postausgang: its values
        (:func:`desktop.views.referral.reopen.form_state`) and its photos' cleaned bytes."""
        self.held_in_outbox = True
        self._restore_values(dict(values))
        strip = self._fields.photos
        metas = [dict(m) for m in values.get(draft_state.PHOTOS) or [] if isinstance(m, Mapping)]
        if strip is not None and metas:
            draft_state.fill_restored(self._fields, strip.add_restored(metas), blobs)

    def _restore_values(self, draft: dict[str, Any]) -> None:
        fields, form = self._fields, self._form()
        draft_state.restore_dismissed(fields, draft)  # before the values are checked
        for name, value in (draft.get("mandatory") or {}).items():
            widget = fields.inputs.get(name)
            if widget is not None:
                widget.setText(str(value))  # type: ignore[attr-defined]
        fields.repair_consent.setChecked(bool(draft.get("repair_consent")))
        consent = draft.get("consent")
        saved_version, current = draft.get("consent_text_version"), fields.consent_gate.text_version
        if consent is True and current and saved_version != current:  # none: never a valid Ja
            self._restore_for_new_consent(draft)
            return
        fields.consent_gate.set_answer(consent if isinstance(consent, bool) else None)
        if consent is True:
            # The customer agreed during the call, to the text read out then.
            if draft.get("consent_captured_at"):
                form.consent_captured_at = str(draft["consent_captured_at"])
            if draft.get("consent_text_version"):
                form.consent_text_version = str(draft["consent_text_version"])
            fields.write_voluntary(draft.get("voluntary") or {})
            fields.freetext_consent.setChecked(bool(draft.get("freetext_consent")))

    def _restore_for_new_consent(self, draft: dict[str, Any]) -> None:
        """The consent text changed since the draft was saved: the customer must be asked
        again. The voluntary values come back, but stay disabled (and unsent) until Ja."""
        fields = self._fields
        fields.consent_gate.set_answer(None)
        fields.write_voluntary(draft.get("voluntary") or {})
        fields.freetext_consent.setChecked(bool(draft.get("freetext_consent")))
        fields.voluntary_box.setEnabled(False)
        fields.messages["consent"].show_text(
            self.tr(
                "Der Einwilligungstext wurde geändert, seit der Entwurf gespeichert wurde. "
                "Bitte lesen Sie die aktuelle Fassung vor und fragen Sie erneut."
            ),
            "warning",
        )

    def _restore_photos(self, draft: Mapping[str, Any], draft_id: str) -> int:
        """Put the draft's cleaned photos back into the photo tiles; returns how many.

        The tiles appear at once; their bytes are read (and decrypted) on the "db" pool and
        the previews decoded on the "media" pool. Photos are voluntary: without consent "Ja"
        in the draft none are restored.
        """
        strip, store = self._fields.photos, self._services.store
        if strip is None or draft.get("consent") is not True:
            return 0
        metas = [dict(m) for m in draft.get(draft_state.PHOTOS) or [] if isinstance(m, Mapping)]
        tiles = strip.add_restored(metas) if metas else []
        token = (draft_id, object())
        self._photos_loading = token
        self._services.tasks.run(
            store.load_draft_blobs,
            draft_id,
            on_done=functools.partial(self._on_photos_read, token, tiles),
            on_error=functools.partial(self._on_photos_failed, token, tiles),
            pool="db",
        )
        return len(tiles)

    def _current(self, token: tuple[str, object]) -> bool:
        return bool(
            shiboken6.isValid(self) and self._photos_loading is token and self.draft_id == token[0]
        )

    def _on_photos_read(
        self, token: tuple[str, object], tiles: list[Any], blobs: Mapping[str, Any]
    ) -> None:
        if not self._current(token):
            return  # the view moved on (reset, another draft) or is gone
        self._photos_loading = None
        draft_state.fill_restored(self._fields, tiles, blobs)

    def _on_photos_failed(
        self, token: tuple[str, object], tiles: list[Any], exc: BaseException
    ) -> None:
        """Reading the photos back failed: the tiles say so; the stored photos stay untouched
        (``photos`` keeps answering None for this draft), nothing is deleted by accident."""
        log.warning("draft restore: photos not readable (%s)", type(exc).__name__)
        if not self._current(token):
            return
        for tile in tiles:
            if shiboken6.isValid(tile):
                tile.fail(exc)
