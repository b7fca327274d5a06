"""The parts of a referral draft beyond the form values: dismissed privacy findings and the
cleaned photos, so that a restored draft (Entwürfe "Öffnen", or the offer after a crash) is
exactly what the agent left.

- Dismissals are saved per field as the editor's ``(rule_id, matched text)`` keys: the same
  finding stays dismissed, any new finding still warns. A key whose text is no longer in the
  field is not saved (nothing typed and deleted again lingers in the draft).
- Photos: only the cleaned bytes are saved, as encrypted blobs of the draft
  (``LocalStore.save_draft(..., photos=...)`` through the autosaver); the payload holds what
  the tile shows (kinds of metadata removed, warnings, face boxes). The original file is
  never stored nor read on restore. A removed photo, or all photos after consent is
  withdrawn, leave the next autosave's set and so the store.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from desktop.widgets.checked_text import CheckedTextEdit
from desktop.widgets.photo_restored import RestoredPhoto, blob_id, photo_meta, restored_photo

__all__ = ["draft_extras", "draft_photos", "restore_dismissed", "restore_photos"]

log = logging.getLogger(__name__)

DISMISSED = "dismissed"
PHOTOS = "photos"


def _dismissals(editor: CheckedTextEdit) -> list[list[str]]:
    text = editor.text().casefold()
    if not text.strip():
        return []
    return [[rule, words] for rule, words in editor.dismissed() if not words or words in text]


def draft_extras(view: Any) -> dict[str, Any]:
    """``{"dismissed": {field: [[rule_id, text], …]}, "photos": [meta, …]}`` of a view."""
    checked: Mapping[str, CheckedTextEdit] = getattr(view, "checked", {})
    dismissed = {name: keys for name, editor in checked.items() if (keys := _dismissals(editor))}
    strip = getattr(view, "photos", None)
    tiles = [t for t in strip.tiles if t.ready] if strip is not None else []
    return {
        DISMISSED: dismissed,
        PHOTOS: [photo_meta(t.image_id, t.result, t.blurred) for t in tiles],
    }


def draft_photos(view: Any) -> dict[str, tuple[bytes, str]]:
    """The cleaned photos for the store: ``{blob_id: (data, media_type)}`` (references)."""
    strip = getattr(view, "photos", None)
    if strip is None:
        return {}
    return {
        blob_id(t.image_id, t.blurred): (t.result.data, t.result.media_type)
        for t in strip.tiles
        if t.ready
    }


def restore_dismissed(view: Any, draft: Mapping[str, Any]) -> None:
    """Put dismissals back before the values are written (the checks then honour them)."""
    saved = draft.get(DISMISSED) or {}
    if not isinstance(saved, Mapping):
        return
    for name, editor in getattr(view, "checked", {}).items():
        keys = saved.get(name) or []
        editor.set_dismissed([k for k in keys if isinstance(k, list | tuple) and len(k) == 2])


def restore_photos(
    view: Any, draft: Mapping[str, Any], blobs: Mapping[str, tuple[bytes, str]]
) -> int:
    """Put the draft's cleaned photos back into the photo tiles; returns how many.

    Photos are voluntary: without consent "Ja" in the draft none are restored.
    """
    strip = getattr(view, "photos", None)
    if strip is None or draft.get("consent") is not True or not blobs:
        return 0
    photos: list[RestoredPhoto] = []
    left = dict(blobs)
    for meta in draft.get(PHOTOS) or []:
        if isinstance(meta, Mapping) and (blob := left.pop(str(meta.get("blob")), None)):
            photos.append(restored_photo(dict(meta), *blob))
    for key, blob in left.items():  # bytes without a description: show them plainly
        meta = {"image_id": key.split(".")[0], "blurred": key.endswith(".blurred")}
        photos.append(restored_photo(meta, *blob))
    if photos:
        strip.add_restored(photos)
        log.info("draft restore: %d photo(s) back", len(photos))
    return len(photos)
