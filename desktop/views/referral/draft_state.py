"""The parts of a referral draft beyond the form values: dismissed privacy findings and the
cleaned photos, so that a restored draft (Entwürfe "Öffnen", or the offer after a crash) is
exactly what the agent left.

- Dismissals are saved per field as the editor's ``(rule_id, matched text)`` keys: the same
  finding stays dismissed, any new finding still warns. A key whose text is no longer in the
  field is not saved (nothing typed and deleted again lingers in the draft).
- Photos: only the cleaned bytes are saved, as encrypted blobs of the draft
  (``LocalStore.save_draft(..., photos=...)`` through the autosaver); the payload holds what
  the tile shows (kinds of metadata removed, warnings, face boxes). The original file is
  never stored nor read on restore; the bytes are read back on the "db" pool, and until they
  are, autosaves leave the stored photos untouched. A removed photo, or all photos after consent is
  withdrawn, leave the next autosave's set and so the store.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Protocol

import shiboken6

from desktop.views.referral.layout import ReferralLayout
from desktop.widgets.checked_text import CheckedTextEdit
from desktop.widgets.photo_restored import RestoredPhotoTile, blob_id, photo_meta
from desktop.widgets.photo_tiles import PhotoStrip

__all__ = [
    "draft_extras",
    "draft_photos",
    "fill_restored",
    "restore_dismissed",
]

log = logging.getLogger(__name__)

DISMISSED = "dismissed"
PHOTOS = "photos"


class HasPhotos(Protocol):
    """A referral view or its widgets: whatever holds the photo strip (``None``: quick)."""

    @property
    def photos(self) -> PhotoStrip | None: ...


def _dismissals(editor: CheckedTextEdit) -> list[list[str]]:
    text = editor.text().casefold()
    if not text.strip():
        return []
    return [[rule, words] for rule, words in editor.dismissed() if not words or words in text]


def draft_extras(fields: ReferralLayout) -> dict[str, Any]:
    """``{"dismissed": {field: [[rule_id, text], …]}, "photos": [meta, …]}`` of a view."""
    checked: Mapping[str, CheckedTextEdit] = fields.checked
    dismissed = {name: keys for name, editor in checked.items() if (keys := _dismissals(editor))}
    strip = fields.photos
    metas: list[dict[str, Any]] = []
    for tile in strip.tiles if strip is not None else []:
        if tile.ready and tile.result is not None:
            metas.append(photo_meta(tile.image_id, tile.result, tile.blurred, tile.confirmed))
        elif isinstance(tile, RestoredPhotoTile) and tile.pending_meta is not None:
            metas.append(tile.pending_meta)  # restored, its bytes still being read back
    return {DISMISSED: dismissed, PHOTOS: metas}


def draft_photos(owner: HasPhotos) -> dict[str, tuple[bytes, str]]:
    """The cleaned photos for the store: ``{blob_id: (data, media_type)}`` (references)."""
    strip = owner.photos
    if strip is None:
        return {}
    return {
        blob_id(t.image_id, t.blurred): (t.result.data, t.result.media_type)
        for t in strip.tiles
        if t.ready and t.result is not None
    }


def restore_dismissed(fields: ReferralLayout, draft: Mapping[str, Any]) -> None:
    """Put dismissals back before the values are written (the checks then honour them)."""
    saved = draft.get(DISMISSED) or {}
    if not isinstance(saved, Mapping):
        return
    for name, editor in fields.checked.items():
        keys = saved.get(name) or []
        editor.set_dismissed([k for k in keys if isinstance(k, list | tuple) and len(k) == 2])


def fill_restored(fields: ReferralLayout, tiles: list[Any], blobs: Mapping[str, Any]) -> None:
    """Give the restored tiles their bytes read back from the store."""
    strip = fields.photos
    if strip is None:
        return
    left = dict(blobs)
    for tile in tiles:
        if not shiboken6.isValid(tile):
            continue  # removed meanwhile
        blob = left.pop(tile.stored_blob, None)
        if blob is None:
            tile.fail(LookupError("photo missing in the draft"))
        else:
            tile.fill(*blob)
    if left and fields.consent_gate.answer is True:  # bytes without a description
        metas = [
            {"image_id": key.split(".")[0], "blurred": key.endswith(".blurred"), "blob": key}
            for key in left
        ]
        for tile in strip.add_restored(metas):
            if isinstance(tile, RestoredPhotoTile):
                tile.fill(*left[tile.stored_blob])
    log.info("draft restore: %d photo(s) back", len(tiles) + len(left))
    strip.changed.emit()  # the autosave now includes the photos again
