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

import functools
import logging
from collections.abc import Callable, Mapping
from typing import Any

import shiboken6

from desktop.widgets.checked_text import CheckedTextEdit
from desktop.widgets.photo_restored import blob_id, photo_meta

__all__ = [
    "draft_extras",
    "draft_photos",
    "photos_to_save",
    "restore_dismissed",
    "restore_photos",
]

log = logging.getLogger(__name__)

DISMISSED = "dismissed"
PHOTOS = "photos"
_LOADING = "_draft_photos_loading"  # on the view: (draft_id, token) while bytes are read back


def _dismissals(editor: CheckedTextEdit) -> list[list[str]]:
    text = editor.text().casefold()
    if not text.strip():
        return []
    return [[rule, words] for rule, words in editor.dismissed() if not words or words in text]


def draft_extras(view: Any) -> dict[str, Any]:
    """``{"dismissed": {field: [[rule_id, text], …]}, "photos": [meta, …]}`` of a view."""
    checked: Mapping[str, CheckedTextEdit] = view.checked
    dismissed = {name: keys for name, editor in checked.items() if (keys := _dismissals(editor))}
    strip = view.photos
    metas: list[dict[str, Any]] = []
    for tile in strip.tiles if strip is not None else []:
        if tile.ready:
            metas.append(photo_meta(tile.image_id, tile.result, tile.blurred, tile.confirmed))
        elif (pending := getattr(tile, "pending_meta", None)) is not None:
            metas.append(pending)  # restored, its bytes still being read back
    return {DISMISSED: dismissed, PHOTOS: metas}


def draft_photos(view: Any) -> dict[str, tuple[bytes, str]]:
    """The cleaned photos for the store: ``{blob_id: (data, media_type)}`` (references)."""
    strip = view.photos
    if strip is None:
        return {}
    return {
        blob_id(t.image_id, t.blurred): (t.result.data, t.result.media_type)
        for t in strip.tiles
        if t.ready
    }


def photos_to_save(view: Any) -> Callable[[], dict[str, tuple[bytes, str]]] | None:
    """The autosaver's ``photos`` callable; ``None`` (stored photos stay untouched) while a
    restored draft's photos are still being read back."""
    loading = getattr(view, _LOADING, None)
    if loading is not None and loading[0] == view._draft_id:
        return None
    return functools.partial(draft_photos, view)


def restore_dismissed(view: Any, draft: Mapping[str, Any]) -> None:
    """Put dismissals back before the values are written (the checks then honour them)."""
    saved = draft.get(DISMISSED) or {}
    if not isinstance(saved, Mapping):
        return
    for name, editor in view.checked.items():
        keys = saved.get(name) or []
        editor.set_dismissed([k for k in keys if isinstance(k, list | tuple) and len(k) == 2])


def restore_photos(view: Any, draft: Mapping[str, Any], draft_id: str) -> int:
    """Put the draft's cleaned photos back into the photo tiles; returns how many.

    The tiles appear at once; their bytes are read (and decrypted) on the "db" pool and the
    previews decoded on the "media" pool. Photos are voluntary: without consent "Ja" in the
    draft none are restored.
    """
    strip, store = view.photos, view.services.store
    if strip is None or draft.get("consent") is not True:
        return 0
    metas = [dict(m) for m in draft.get(PHOTOS) or [] if isinstance(m, Mapping)]
    tiles = strip.add_restored(metas) if metas else []
    token = (draft_id, object())
    setattr(view, _LOADING, token)
    done = functools.partial(_fill, view, token, tiles)
    failed = functools.partial(_failed, view, token, tiles)
    view.services.tasks.run(
        store.load_draft_blobs, draft_id, on_done=done, on_error=failed, pool="db"
    )
    return len(tiles)


def _current(view: Any, token: tuple[str, object]) -> bool:
    return bool(
        shiboken6.isValid(view)
        and getattr(view, _LOADING, None) is token
        and view._draft_id == token[0]
    )


def _fill(view: Any, token: tuple[str, object], tiles: list[Any], blobs: Mapping[str, Any]) -> None:
    if not _current(view, token):
        return  # the view moved on (reset, another draft) or is gone
    setattr(view, _LOADING, None)
    left = dict(blobs)
    for tile in tiles:
        if not shiboken6.isValid(tile):
            continue  # removed meanwhile
        blob = left.pop(tile.stored_blob, None)
        if blob is None:
            tile.fail(LookupError("photo missing in the draft"))
        else:
            tile.fill(*blob)
    if left and view.consent_gate.answer is True:  # bytes without a description
        metas = [
            {"image_id": key.split(".")[0], "blurred": key.endswith(".blurred"), "blob": key}
            for key in left
        ]
        for tile in view.photos.add_restored(metas):
            tile.fill(*left[tile.stored_blob])
    log.info("draft restore: %d photo(s) back", len(tiles) + len(left))
    view.photos.changed.emit()  # the autosave now includes the photos again


def _failed(view: Any, token: tuple[str, object], tiles: list[Any], exc: BaseException) -> None:
    """Reading the photos back failed: the tiles say so; the stored photos stay untouched
    (photos_to_save keeps answering None for this draft), nothing is deleted by accident."""
    log.warning("draft restore: photos not readable (%s)", type(exc).__name__)
    if not _current(view, token):
        return
    for tile in tiles:
        if shiboken6.isValid(tile):
            tile.fail(exc)
