"""A referral the server refused (a dead letter in the Postausgang), reopened in its wizard.

:func:`load_refused` reads the stored payload, its photos and the server's problems on the
"db" pool; :func:`form_state` turns the payload back into the values the wizard restores (the
shape of a saved draft); :func:`ask_to_replace` asks before the wizard's other input makes
way. The view (:meth:`ReferralView.open_refused`) fills itself, shows the problems as after a
fresh send, and sending again replaces the dead letter (stored first, then deleted).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.referral_form import FREE_TEXT, MANDATORY, Kind
from desktop.sync.outbox import Outbox, PendingImage
from desktop.views.referral.send import QueuedFailure
from desktop.widgets.photo_restored import blob_id

__all__ = [
    "RefusedReferral",
    "ask_send_as_new",
    "ask_to_discard",
    "ask_to_replace",
    "form_state",
    "load_refused",
    "photo_blobs",
]

_CONTEXT = "ReferralReopen"


@dataclass(frozen=True, slots=True)
class RefusedReferral:
    """What the Postausgang kept of a refused referral."""

    item_id: str
    kind: Kind
    payload: Mapping[str, Any]
    photos: tuple[PendingImage, ...]
    failure: QueuedFailure


def load_refused(outbox: Outbox, item_id: str) -> RefusedReferral | None:
    """Worker ("db" pool): the refused referral ``item_id``; ``None`` once it is no longer a
    dead letter (sent again, deleted)."""
    item = outbox.item(item_id)
    found = outbox.refused_referral(item_id)
    if item is None or found is None:
        return None
    payload, photos = found
    kind: Kind = "complete" if payload.get("kind") == "complete" else "quick"
    failure = QueuedFailure(item_id, item.error_code or "", "", item.error_fields)
    return RefusedReferral(item_id, kind, payload, tuple(photos), failure)


def _photo_meta(photo: PendingImage) -> dict[str, Any]:
    """The tile description kept with the photo; for a photo stored without one, the
    agent's decision alone (the flags are then unknown)."""
    if photo.meta:
        return dict(photo.meta)
    blurred = photo.review == "blurred"
    return {
        "image_id": photo.image_id,
        "blob": blob_id(photo.image_id, blurred),
        "media_type": photo.media_type,
        "blurred": blurred,
        "confirmed": photo.review == "confirmed",
    }


def form_state(refused: RefusedReferral) -> dict[str, Any]:
    """The payload as the values a wizard restores (the shape of a saved draft)."""
    payload = refused.payload
    consent = payload.get("consent") or {}
    granted = consent.get("granted") is True
    voluntary = dict(payload.get("voluntary") or {})
    return {
        "kind": refused.kind,
        "mandatory": {name: str(payload.get(name) or "") for name in MANDATORY},
        "repair_consent": bool(payload.get("repair_consent")),
        "consent": granted,
        "consent_text_version": consent.get("text_version") if granted else None,
        "consent_captured_at": consent.get("captured_at") if granted else None,
        "freetext_consent": any(name in voluntary for name in FREE_TEXT),
        "voluntary": voluntary,
        "photos": [_photo_meta(photo) for photo in refused.photos] if granted else [],
    }


def photo_blobs(photos: Sequence[PendingImage]) -> dict[str, tuple[bytes, str]]:
    """The photos' cleaned bytes by the key their restored tiles look for."""
    return {str(_photo_meta(photo).get("blob")): (photo.data, photo.media_type) for photo in photos}


def ask_to_replace(
    parent: QWidget,
    title: str,
    proceed: Callable[[], None],
    *,
    begun: bool,
    correcting: bool,
) -> None:
    """Call ``proceed`` at once unless the wizard ``title`` holds a ``begun``, unsent
    referral; then ask first (window-modal on ``parent``; "Abbrechen" is the default).

    A begun referral stays in the Entwürfe (its autosave is written before the form empties);
    one ``correcting`` another refused referral leaves that unchanged in the Postausgang.
    """
    if not begun:
        proceed()
        return
    if correcting:
        text = QCoreApplication.translate(
            _CONTEXT,
            "In der {wizard} wird gerade eine andere fehlgeschlagene Vermittlung korrigiert. "
            "Ihre Änderungen daran werden verworfen; die Vermittlung selbst bleibt unverändert "
            "im Postausgang.",
        )
    else:
        text = QCoreApplication.translate(
            _CONTEXT,
            "In der {wizard} ist eine Vermittlung begonnen. Sie bleibt unter „Entwürfe“ "
            "gespeichert und kann dort fortgesetzt werden.",
        )
    _confirm(
        parent,
        "reopen_confirm",
        QMessageBox.Icon.Question,
        QCoreApplication.translate(_CONTEXT, "Fehlgeschlagene Vermittlung öffnen"),
        text.format(wizard=title),
        QCoreApplication.translate(_CONTEXT, "Die fehlgeschlagene Vermittlung jetzt öffnen?"),
        (QCoreApplication.translate(_CONTEXT, "Öffnen"), QMessageBox.ButtonRole.AcceptRole),
        "reopen_confirm_open",
        proceed,
    )


def _gone_text(state: str) -> str:
    """Why the failed referral a correction was to replace is no longer there."""
    if state == "sent":
        return QCoreApplication.translate(
            _CONTEXT,
            "Die fehlgeschlagene Vermittlung wurde inzwischen unverändert gesendet. Ihre "
            "Korrektur wurde deshalb nicht gesendet: Sie wäre eine zweite Vermittlung.",
        )
    if state == "pending":
        return QCoreApplication.translate(
            _CONTEXT,
            "Die fehlgeschlagene Vermittlung wird inzwischen unverändert erneut gesendet. Ihre "
            "Korrektur wurde deshalb nicht gesendet: Sie wäre eine zweite Vermittlung.",
        )
    return QCoreApplication.translate(
        _CONTEXT,
        "Die fehlgeschlagene Vermittlung wurde aus dem Postausgang gelöscht. Ihre Korrektur "
        "wurde deshalb noch nicht gesendet.",
    )


def ask_send_as_new(parent: QWidget, state: str, proceed: Callable[[], None]) -> None:
    """The failed item a correction was to replace is no longer a dead letter (``state``:
    "deleted", "pending" or "sent"): say so and ask whether the correction goes out as a new
    referral (window-modal on ``parent``; "Abbrechen" is the default, the form stays as it
    is and is kept under "Entwürfe"). "Als neue Vermittlung senden" calls ``proceed``."""
    _confirm(
        parent,
        "replaced_gone",
        QMessageBox.Icon.Warning,
        QCoreApplication.translate(_CONTEXT, "Vermittlung nicht gesendet"),
        _gone_text(state),
        QCoreApplication.translate(
            _CONTEXT,
            "Als neue Vermittlung senden? Sonst bleibt das Formular unverändert und wird unter "
            "„Entwürfe“ gespeichert.",
        ),
        (
            QCoreApplication.translate(_CONTEXT, "Als neue Vermittlung senden"),
            QMessageBox.ButtonRole.AcceptRole,
        ),
        "replaced_gone_send",
        proceed,
    )


def ask_to_discard(
    parent: QWidget, title: str, proceed: Callable[[], None], *, changed: bool
) -> None:
    """Close the correction open in the wizard ``title``: at once if nothing was changed,
    else after asking (window-modal on ``parent``; "Abbrechen" is the default)."""
    if not changed:
        proceed()
        return
    _confirm(
        parent,
        "discard_confirm",
        QMessageBox.Icon.Warning,
        QCoreApplication.translate(_CONTEXT, "Korrektur verwerfen?"),
        QCoreApplication.translate(
            _CONTEXT,
            "Ihre Korrekturen in der {wizard} werden verworfen; die Vermittlung bleibt "
            "unverändert im Postausgang.",
        ).format(wizard=title),
        None,
        (QCoreApplication.translate(_CONTEXT, "Verwerfen"), QMessageBox.ButtonRole.DestructiveRole),
        "discard_confirm_discard",
        proceed,
    )


def _confirm(
    parent: QWidget,
    name: str,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str | None,
    action: tuple[str, QMessageBox.ButtonRole],
    action_name: str,
    proceed: Callable[[], None],
) -> None:
    """A window-modal question on ``parent`` (plain text): the ``action`` button calls
    ``proceed``; "Abbrechen" is the default, so Enter and Escape never lose anything."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    button = box.addButton(*action)
    button.setObjectName(action_name)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.buttonClicked.connect(lambda clicked: proceed() if clicked is button else None)
    box.finished.connect(box.deleteLater)
    box.open()
