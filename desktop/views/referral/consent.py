"""Consent gating of the referral views: Ja enables the voluntary sections, Nein clears them
(photos included) with an undo offered in the banner; nothing voluntary is sent without Ja.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot

from desktop.referral_form import is_empty
from desktop.views.referral.drafts import DraftMixin
from desktop.views.referral.fields import read_value, write_value


class ConsentMixin(DraftMixin):
    """Consent behaviour for :class:`desktop.views.referral.view.ReferralView`."""

    _undo: dict[str, Any] | None

    def _on_changed(self) -> None:  # pragma: no cover - implemented by the flow
        raise NotImplementedError

    @Slot(bool)
    def _on_consent(self, granted: bool) -> None:
        self.form.set_consent(granted, self.consent_gate.text_version)
        self.messages["consent"].clear()
        if granted:
            self.voluntary_box.setEnabled(True)
            self.banner.hide()
            self.drop_undo()  # asked again: the old values are not coming back
        else:
            snapshot = self._voluntary_snapshot()
            self._write_voluntary({})
            self.freetext_consent.setChecked(False)
            self.voluntary_box.setEnabled(False)
            if snapshot:
                self._undo = snapshot
                self.banner.show_message(
                    self.tr("Keine Einwilligung: Die freiwilligen Angaben wurden gelöscht."),
                    "warning",
                    actions=[(self.tr("Rückgängig"), self.undo_withdrawal)],
                )
        self._on_changed()

    def _voluntary_snapshot(self) -> dict[str, Any]:
        values = {
            name: read_value(self.inputs[name])
            for _, names in self._voluntary_names()
            for name in names
        }
        snapshot: dict[str, Any] = {k: v for k, v in values.items() if not is_empty(v)}
        if self.freetext_consent.isChecked():
            snapshot["freetext_consent"] = True
        if self.photos is not None and self.photos.count():
            snapshot["__photos__"] = self.photos.take_all()
        return snapshot

    def _write_voluntary(self, values: dict[str, Any]) -> None:
        for _, names in self._voluntary_names():
            for name in names:
                write_value(self.inputs[name], values.get(name))
        if self.photos is not None:
            if "__photos__" in values:
                self.photos.put_back(values["__photos__"])
            elif not values:
                self.photos.clear()

    def drop_undo(self) -> None:
        """Forget what "Rückgängig" would restore (its photos are deleted for good)."""
        snapshot, self._undo = self._undo, None
        for tile in (snapshot or {}).get("__photos__", []):
            tile.discard()
            tile.deleteLater()

    @Slot()
    def undo_withdrawal(self) -> None:
        """Undo "Nein": consent back to Ja and the cleared values restored."""
        snapshot, self._undo = self._undo, None
        self.consent_gate.set_answer(True)
        if snapshot:
            self._write_voluntary(snapshot)
            self.freetext_consent.setChecked(bool(snapshot.get("freetext_consent")))
        self.banner.hide()
