"""Consent gating of a referral view: Ja enables the voluntary sections, Nein clears them
(photos included) with an undo offered in the banner; nothing voluntary is sent without Ja.

The consent text comes from the server's configuration, cached for offline use: its age is
shown with it, and a new text version from the server asks the customer again, once.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Slot

from desktop.referral_form import ReferralForm, is_empty
from desktop.views.referral.layout import ReferralLayout

_HOUR = 3600.0
_DAY = 86400.0


def config_age_text(fetched_at: float | None, now: float | None = None) -> str:
    """ "Stand: vor 3 Tagen": the age of the server configuration ("" if unknown)."""
    if fetched_at is None:
        return ""
    age = max(0.0, (time.time() if now is None else now) - fetched_at)
    if age < _HOUR:
        return QCoreApplication.translate("ConsentSection", "Stand: vor weniger als einer Stunde")
    if age < _DAY:
        return QCoreApplication.translate(
            "ConsentSection", "Stand: vor %n Stunde(n)", "", int(age // _HOUR)
        )
    return QCoreApplication.translate(
        "ConsentSection", "Stand: vor %n Tag(en)", "", int(age // _DAY)
    )


class ConsentSection(QObject):
    """Applies the consent answer to the voluntary widgets of ``fields`` and keeps what
    "Rückgängig" would bring back after a Nein."""

    def __init__(self, fields: ReferralLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields = fields
        self._undo: dict[str, Any] | None = None

    def apply(self, granted: bool) -> None:
        """Ja enables the voluntary sections; Nein empties and disables them (undo offered)."""
        fields = self._fields
        fields.messages["consent"].clear()
        if granted:
            fields.voluntary_box.setEnabled(True)
            fields.banner.hide()
            self.drop_undo()  # asked again: the old values are not coming back
            return
        snapshot = self._voluntary_snapshot()
        fields.write_voluntary({})
        fields.freetext_consent.setChecked(False)
        fields.voluntary_box.setEnabled(False)
        if snapshot:
            self._undo = snapshot
            fields.banner.show_message(
                self.tr("Keine Einwilligung: Die freiwilligen Angaben wurden gelöscht."),
                "warning",
                actions=[(self.tr("Rückgängig"), self.undo_withdrawal)],
            )

    def ask_again_if_changed(self, form: ReferralForm, version: str | None) -> bool:
        """The server's consent text is now ``version``: a Ja given to another version is
        withdrawn and the customer is asked again (the voluntary values stay, disabled and
        unsent, until the next Ja). Asked once: afterwards the form holds no Ja to compare.

        Returns:
            True if the question was reset.
        """
        given = form.consent_text_version
        if form.consent is not True or not given or not version or given == version:
            return False
        fields = self._fields
        fields.consent_gate.set_answer(None)
        form.consent = None
        form.consent_text_version = None
        form.consent_captured_at = None
        fields.voluntary_box.setEnabled(False)
        fields.messages["consent"].show_text(
            self.tr(
                "Das Extranet hat einen neuen Einwilligungstext. Die Einwilligung galt der "
                "vorigen Fassung: Bitte lesen Sie dem Kunden den neuen Text vor und fragen Sie "
                "erneut."
            ),
            "warning",
        )
        return True

    def _voluntary_snapshot(self) -> dict[str, Any]:
        fields = self._fields
        values = fields.voluntary_values()
        snapshot: dict[str, Any] = {k: v for k, v in values.items() if not is_empty(v)}
        if fields.freetext_consent.isChecked():
            snapshot["freetext_consent"] = True
        if fields.photos is not None and fields.photos.count():
            snapshot["__photos__"] = fields.photos.take_all()
        return snapshot

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
        fields = self._fields
        fields.consent_gate.set_answer(True)
        if snapshot:
            fields.write_voluntary(snapshot)
            fields.freetext_consent.setChecked(bool(snapshot.get("freetext_consent")))
        fields.banner.hide()
