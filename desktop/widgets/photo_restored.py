"""A damage photo restored from a draft: its cleaned bytes come from the encrypted store.

The original file is never read again (it may be gone, and only cleaned bytes were ever
stored). A restored tile first shows its progress bar while the draft's bytes are read on the
"db" pool; once :meth:`RestoredPhotoTile.fill` gets them they are sendable at once, the
preview is decoded on the "media" pool (never on the GUI thread) and the tile lists what was
removed exactly as before. "Gesichter unkenntlich machen" runs the pipeline again on the
cleaned bytes.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from desktop.widgets.photo_tile import (
    CleanedPhoto,
    PhotoServices,
    PhotoTile,
    preview_image,
    shown_boxes,
)

if TYPE_CHECKING:  # the package would load the pipeline (Pillow) on the GUI thread
    from desktop.privacy.image.model import FaceBox, ScrubResult

__all__ = ["RestoredPhotoTile", "blob_id", "photo_meta", "scrub_result"]


def blob_id(image_id: str, blurred: bool) -> str:
    """Store key of a photo's cleaned bytes: a blurred version is a new blob."""
    return f"{image_id}.blurred" if blurred else image_id


def photo_meta(
    image_id: str, result: ScrubResult, blurred: bool, confirmed: bool = False
) -> dict[str, Any]:
    """JSON-able description of a cleaned photo for the draft payload (no bytes, no values:
    only the kinds of metadata removed, warnings, flagged boxes and the agent's decision)."""
    return {
        "image_id": image_id,
        "blob": blob_id(image_id, blurred),
        "media_type": str(result.media_type),
        "width": result.width,
        "height": result.height,
        "removed": [item.kind for item in result.removed],
        "warnings": list(result.warnings),
        "faces": [[f.x, f.y, f.w, f.h, f.score, f.kind] for f in result.faces],
        "documents": [[d.x, d.y, d.w, d.h, d.score, "document"] for d in result.documents],
        "blurred": bool(blurred),
        "confirmed": bool(confirmed),
    }


def scrub_result(meta: dict[str, Any], data: bytes, media_type: str) -> Any:
    """Rebuild the pipeline's ``ScrubResult`` from :func:`photo_meta` and the cleaned bytes."""
    # lazy heavy import: the desktop.privacy.image package loads Pillow (called on a worker)
    from desktop.privacy.image.model import FaceBox, ScrubResult, removed

    def boxes(key: str, kind: str) -> list[FaceBox]:
        return [
            FaceBox(
                int(b[0]),
                int(b[1]),
                int(b[2]),
                int(b[3]),
                float(b[4]),
                str(b[5]) if len(b) > 5 else kind,
            )
            for b in meta.get(key) or []
        ]

    return ScrubResult(
        data=data,
        media_type=str(media_type or meta.get("media_type") or "image/jpeg"),
        width=int(meta.get("width") or 0),
        height=int(meta.get("height") or 0),
        removed=[removed(str(kind)) for kind in meta.get("removed") or []],
        warnings=[str(code) for code in meta.get("warnings") or []],
        faces=boxes("faces", "face"),
        documents=boxes("documents", "document"),
    )


def render_preview(result: ScrubResult, boxes: bool) -> CleanedPhoto:
    """Worker: decode and scale the cleaned bytes for the tile."""
    return CleanedPhoto(result, preview_image(result, boxes=boxes))


def blur_cleaned(result: ScrubResult, max_output_bytes: int | None) -> CleanedPhoto:
    """Worker: blur the flagged regions (the boxes the agent saw, and any face found again) on
    the cleaned bytes; the tile keeps listing what was removed."""
    # lazy heavy import: the pipeline (Pillow, numpy, the detectors) loads on the worker
    from desktop.privacy.image import scrub  # type: ignore[attr-defined,unused-ignore]

    blurred = scrub(
        result.data,
        detect_faces=True,
        blur_faces=True,
        max_output_bytes=max_output_bytes,
        **shown_boxes(result),
    )
    known = {item.kind for item in result.removed}
    merged = dataclasses.replace(
        blurred,
        removed=list(result.removed) + [i for i in blurred.removed if i.kind not in known],
        warnings=list(dict.fromkeys([*result.warnings, *blurred.warnings])),
    )
    return CleanedPhoto(merged, preview_image(merged, boxes=False))


class RestoredPhotoTile(PhotoTile):
    """Tile of a photo restored from a draft (see the module docstring).

    Args:
        meta: The photo's :func:`photo_meta` from the draft payload.

    Attributes:
        stored_blob: Key of the bytes in the draft's blobs.
        pending_meta: ``meta`` until :meth:`fill` brought the bytes (the draft keeps describing
            the photo meanwhile), then ``None``.
    """

    def __init__(
        self,
        services: PhotoServices,
        meta: dict[str, Any],
        index: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, "", index, parent)  # the base's _start is a no-op here
        self.pending_meta = dict(meta)
        self.image_id = str(meta.get("image_id") or self.image_id)
        self.blurred = bool(meta.get("blurred"))
        self.confirmed = bool(meta.get("confirmed"))
        self.confirm.setChecked(self.confirmed)
        self.stored_blob = str(meta.get("blob") or blob_id(self.image_id, self.blurred))

    def fill(self, data: bytes, media_type: str) -> None:
        """The cleaned bytes arrived: sendable now, the preview follows from the worker."""
        meta, self.pending_meta = self.pending_meta or {}, None
        self.result, self.error = scrub_result(meta, data, media_type), None
        self._start(blur=False)

    def fail(self, exc: BaseException) -> None:
        """The bytes could not be read back: say so on the tile (never sendable)."""
        self.pending_meta = None
        self._on_error(self._generation, exc)

    def _start(self, *, blur: bool) -> None:
        source = self.result
        if self.pending_meta is not None or source is None:
            return  # from the base constructor or before fill(): there is no file to read
        self._generation += 1
        generation = self._generation
        if blur:
            self._pending_blur = True
            self.result, self.error = None, None  # unblurred bytes are not sendable meanwhile
            job = functools.partial(blur_cleaned, source, self._max_bytes())
        else:
            self._pending_blur = self.blurred  # the cleaned bytes stay sendable meanwhile
            job = functools.partial(render_preview, source, not self.blurred)
        self.progress.show()
        self.blur_button.setEnabled(False)
        self.services.tasks.run(
            job,
            on_done=functools.partial(self._on_done, generation),
            on_error=functools.partial(self._on_error, generation),
            pool="media",
        )
