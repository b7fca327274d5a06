"""One damage photo: scrubbed on the "media" pool, shown cleaned with what was removed.

Only the cleaned bytes are kept (in memory); the original file is re-read from its path when
the agent asks to blur faces, and never copied anywhere. Decoding and scaling the preview
happen on the worker too (a 12-megapixel JPEG takes far longer than a frame to decode), and
the server's byte limit (``/config`` ``limits.max_image_bytes``) is applied while cleaning,
so an oversized photo is shrunk or refused here with a German message, never by the server.

A photo with a flagged face, person or document is not sendable until the agent has blurred
every flagged region or confirmed a false alarm (:mod:`desktop.privacy.photo_review`): the
tile boxes each flag in the preview and offers both actions.
"""

from __future__ import annotations

import functools
import io
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.privacy.photo_review import BLURRED, PENDING, flags_of, review_state
from desktop.tasks import TaskRunner
from desktop.widgets.photo_state import state_text

if TYPE_CHECKING:  # the package would load the pipeline (Pillow) on the GUI thread
    from desktop.privacy.image.model import FaceBox, ScrubResult

log = logging.getLogger(__name__)
THUMB = 220
_BOX_COLOURS = {"face": (220, 0, 0), "person": (230, 120, 0), "document": (0, 90, 220)}


@dataclass(frozen=True, slots=True)
class Preview:
    """The tile's picture as packed RGB pixels (made on a worker, shown on the GUI thread)."""

    rgb: bytes
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class CleanedPhoto:
    """Worker result: the pipeline's ``ScrubResult`` and a ready preview."""

    result: ScrubResult
    preview: Preview


def scrub_file(
    path: str,
    blur_faces: bool,
    max_output_bytes: int | None = None,
    shown: ScrubResult | None = None,
) -> CleanedPhoto:
    """Worker: read the original, clean it and render the preview.

    ``shown`` is the earlier result whose boxes the agent saw: when blurring, exactly those
    regions (and any face found again) are made unrecognisable in the full-resolution upload.
    """
    # lazy heavy import: the pipeline (Pillow, numpy, the detectors) loads on the worker
    from desktop.privacy.image import scrub  # type: ignore[attr-defined,unused-ignore]

    data = Path(path).read_bytes()
    result = scrub(
        data,
        detect_faces=True,
        blur_faces=blur_faces,
        max_output_bytes=max_output_bytes,
        **shown_boxes(shown if blur_faces else None),
    )
    return CleanedPhoto(result, preview_image(result, boxes=not blur_faces))


def warm_up_photo_check() -> None:
    """Worker: load the photo check's libraries and model before the first photo arrives (the
    pipeline on a tiny photo, and its preview)."""
    # lazy heavy import: this is the function that loads the pipeline, on a worker
    from desktop.privacy.image.pipeline import warm_up

    preview_image(warm_up())


def shown_boxes(shown: ScrubResult | None) -> dict[str, Any]:
    """``scrub`` arguments that blur the boxes of the result ``shown`` to the agent."""
    boxes = flagged_boxes(shown)
    if shown is None or not boxes:
        return {}
    return {"blur_boxes": boxes, "boxes_size": (shown.width, shown.height)}


def flagged_boxes(result: ScrubResult | None) -> list[FaceBox]:
    """Every flagged region of a ``ScrubResult``: faces, persons and documents."""
    if result is None:
        return []
    return [*result.faces, *result.documents]


def preview_image(result: ScrubResult, *, boxes: bool = True) -> Preview:
    """The cleaned picture scaled to fit the tile, each flagged region boxed (any thread):
    faces in red, persons in orange, documents in blue.

    Pillow, not QImage/QPainter: Qt image calls on a worker thread hold Python's GIL while
    they take Qt-internal locks (image plugin loader, scaling pool), which once deadlocked
    against the GUI thread waiting for the GIL in ``QObject.disconnect``. Pillow releases the
    GIL while decoding and scaling and takes no Qt lock; the GUI thread only wraps the pixels
    (:func:`preview_qimage`).
    """
    from PIL import Image, ImageDraw

    with Image.open(io.BytesIO(result.data)) as img:
        width = img.width
        img.draft("RGB", (THUMB, THUMB))  # JPEG: decode at a reduced scale, still >= THUMB
        picture = img.convert("RGB")
    factor = min(THUMB / picture.width, THUMB / picture.height)
    size = (max(1, round(picture.width * factor)), max(1, round(picture.height * factor)))
    picture = picture.resize(size, Image.Resampling.LANCZOS)
    flagged = flagged_boxes(result)
    if boxes and flagged and width > 0:
        scale = picture.width / width
        draw = ImageDraw.Draw(picture)
        for face in flagged:
            draw.rectangle(
                (
                    face.x * scale,
                    face.y * scale,
                    (face.x + face.w) * scale,
                    (face.y + face.h) * scale,
                ),
                outline=_BOX_COLOURS.get(face.kind, (220, 0, 0)),
                width=2,
            )
    return Preview(picture.tobytes(), picture.width, picture.height)


def preview_qimage(preview: Preview) -> QImage:
    """GUI thread: a QImage owning a copy of the preview's pixels."""
    if not preview.width or not preview.height:
        return QImage()
    image = QImage(
        preview.rgb, preview.width, preview.height, 3 * preview.width, QImage.Format.Format_RGB888
    )
    return image.copy()  # detach from the Python bytes


def warning_text(code: str) -> str:
    """German text for a scrub warning code."""
    texts = {
        "faces": QCoreApplication.translate(
            "PhotoTile", "Gesichter erkannt – bitte unkenntlich machen."
        ),
        "document": QCoreApplication.translate(
            "PhotoTile", "Möglicherweise ein Dokument im Bild (Vertrag, Ausweis) – bitte prüfen."
        ),
        "truncated": QCoreApplication.translate("PhotoTile", "Die Datei war unvollständig."),
        "downscaled": QCoreApplication.translate(
            "PhotoTile", "Für den Versand verkleinert (Größenlimit des Servers)."
        ),
    }
    return texts.get(code) or QCoreApplication.translate("PhotoTile", "Bitte prüfen Sie das Bild.")


def reject_text(code: str, fallback: str) -> str:
    """German text for a rejected photo (``ImageRejected.code``)."""
    texts = {
        "empty": QCoreApplication.translate("PhotoTile", "Die Datei ist leer."),
        "unsupported-format": QCoreApplication.translate(
            "PhotoTile", "Dieses Dateiformat wird nicht unterstützt (JPEG, PNG, WebP, GIF, HEIC)."
        ),
        "too-many-pixels": QCoreApplication.translate(
            "PhotoTile", "Das Bild hat zu viele Bildpunkte und wird nicht geöffnet."
        ),
        "corrupt": QCoreApplication.translate(
            "PhotoTile", "Die Datei ist beschädigt und kann nicht gelesen werden."
        ),
        "too-large": QCoreApplication.translate(
            "PhotoTile", "Das Bild ist auch verkleinert noch zu groß für den Versand."
        ),
        "unclean": QCoreApplication.translate(
            "PhotoTile", "Die Metadaten konnten nicht sicher entfernt werden."
        ),
        "unreadable": QCoreApplication.translate(
            "PhotoTile", "Die Datei kann nicht gelesen werden."
        ),
    }
    return (
        texts.get(code)
        or fallback
        or QCoreApplication.translate("PhotoTile", "Das Bild kann nicht verwendet werden.")
    )


class PhotoServices(Protocol):
    """What the photo widgets use of the app's services (``desktop.services.Services``)."""

    @property
    def tasks(self) -> TaskRunner:
        """The app's background runner (the "media" and "db" pools)."""
        ...

    @property
    def config(self) -> Mapping[str, Any] | None:
        """The server's ``/config`` (its ``limits``), ``None`` before it is loaded."""
        ...


class PhotoTile(QFrame):
    """Tile for one photo.

    Signals:
        changed(): the cleaned picture, or the agent's decision about its flags, changed.
        remove_requested(): the agent removed the photo.

    Attributes:
        blurred: The sendable bytes have every flagged face and person made unrecognisable.
        confirmed: The agent confirmed "keine erkennbare Person / kein Dokument".
    """

    changed = Signal()
    remove_requested = Signal()

    def __init__(
        self,
        services: PhotoServices,
        path: str,
        index: int,
        parent: QWidget | None = None,
        *,
        start: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"photo_{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.services, self.path = services, path
        self.image_id = str(uuid.uuid4())
        self.result: ScrubResult | None = None
        # a restored draft photo's description until its bytes are read (RestoredPhotoTile)
        self.pending_meta: dict[str, Any] | None = None
        self.error: str | None = None
        self._generation = 0
        self._pending_blur = False
        self.blurred = False
        self.confirmed = False
        self.picture = QLabel(self)
        self.picture.setFixedSize(THUMB, THUMB)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(self.tr("Bereinigtes Schadenbild"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Bild wird bereinigt"))
        self.details = QLabel(self)
        self.details.setObjectName(f"photo_{index}_details")
        self.details.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName(f"photo_{index}_state")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.blur_button = QPushButton(self.tr("Markierte Bereiche &unkenntlich machen"), self)
        self.blur_button.setObjectName(f"photo_{index}_blur")
        self.blur_button.setAutoDefault(False)
        self.blur_button.hide()
        self.blur_button.clicked.connect(self.blur_faces)
        self.confirm = QCheckBox(
            self.tr("Fehlalarm: keine erkennbare Person / kein Dokument"), self
        )
        self.confirm.setObjectName(f"photo_{index}_confirm")
        self.confirm.setAccessibleName(
            self.tr("Fehlalarm bestätigen: keine erkennbare Person und kein Dokument auf dem Foto")
        )
        self.confirm.hide()
        self.confirm.toggled.connect(self._on_confirm)
        self.remove_button = QPushButton(self.tr("Entfernen"), self)
        self.remove_button.setObjectName(f"photo_{index}_remove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_requested.emit)
        layout = QVBoxLayout(self)
        for widget in (
            self.picture,
            self.progress,
            self.details,
            self.state,
            self.blur_button,
            self.confirm,
            self.remove_button,
        ):
            layout.addWidget(widget)
        if start:
            self._start(blur=False)

    def clean(self) -> None:
        """Start cleaning the photo (for a tile made with ``start=False``)."""
        self._start(blur=False)

    @property
    def ready(self) -> bool:
        """True when cleaned bytes are available."""
        return self.result is not None and self.error is None

    @property
    def review(self) -> str:
        """The photo's review state (:mod:`desktop.privacy.photo_review`); ``pending`` blocks
        sending."""
        if not self.ready:
            return PENDING
        return review_state(flags_of(self.result), blurred=self.blurred, confirmed=self.confirmed)

    def focus_chain(self) -> list[QWidget]:
        """Focusable widgets in tab order."""
        return [self.blur_button, self.confirm, self.remove_button]

    @Slot(bool)
    def _on_confirm(self, checked: bool) -> None:
        if checked == self.confirmed:
            return
        self.confirmed = checked
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        """The state line and which of the two actions are offered."""
        result = self.result
        if result is None or not self.ready:
            self.state.clear()
            self.confirm.setVisible(self.confirmed and self.error is None)
            return
        flags = flags_of(result)
        state = self.review
        self.state.setText(state_text(flags, state, cleaned=bool(result.removed)))
        self.blur_button.setVisible(bool(flagged_boxes(self.result)) and not self.blurred)
        settled_by_blur = state == BLURRED and not self.confirmed
        self.confirm.setVisible(flags.any and not settled_by_blur)
        with_state = " ".join(filter(None, (self.details.text(), self.state.text())))
        self.setAccessibleDescription(with_state.replace("\n", " "))

    def _start(self, *, blur: bool) -> None:
        self._generation += 1
        generation = self._generation
        shown = self.result
        self._pending_blur = blur
        # The previous result is dropped: while blurring, the unblurred bytes must not be
        # sendable (busy() is True until the new result arrives).
        self.result, self.error = None, None
        self.progress.show()
        self.blur_button.setEnabled(False)
        self._show_state()
        self.services.tasks.run(
            functools.partial(scrub_file, self.path, blur, self._max_bytes(), shown),
            on_done=functools.partial(self._on_done, generation),
            on_error=functools.partial(self._on_error, generation),
            pool="media",
        )

    def _max_bytes(self) -> int | None:
        """The server's per-image byte limit from ``/config`` (None: no limit known)."""
        config = self.services.config or {}
        value = (config.get("limits") or {}).get("max_image_bytes")
        return int(value) if isinstance(value, int | float) and value > 0 else None

    @Slot()
    def blur_faces(self) -> None:
        """Re-run the pipeline on the original with faces blurred."""
        self._start(blur=True)

    def discard(self) -> None:
        """The tile is going away: a result still under way is dropped when it arrives."""
        self._generation += 1

    def _current(self, generation: int) -> bool:
        """True if a worker result is for the latest run and the tile still exists."""
        return generation == self._generation and shiboken6.isValid(self)

    def _on_done(self, generation: int, cleaned: CleanedPhoto) -> None:
        if not self._current(generation):
            return  # latest wins; a removed tile ignores it
        result = cleaned.result
        self.result, self.error, self.blurred = result, None, self._pending_blur
        self.progress.hide()
        self.picture.setPixmap(QPixmap.fromImage(preview_qimage(cleaned.preview)))
        lines = [self.tr("%1 entfernt").replace("%1", item.label) for item in result.removed]
        for code in result.warnings:
            if code == "faces" and self.blurred:
                lines.append(self.tr("Gesichter unkenntlich gemacht."))
            elif code != "faces" or result.faces:
                lines.append(warning_text(code))
        if not lines:
            lines = [self.tr("Keine Metadaten gefunden.")]
        self.details.setText("\n".join(lines))
        self.blur_button.setEnabled(True)
        self._show_state()
        self.changed.emit()

    def _on_error(self, generation: int, exc: BaseException) -> None:
        if not self._current(generation):
            return
        self.progress.hide()
        self.result = None
        code = str(getattr(exc, "code", "")) or ("unreadable" if isinstance(exc, OSError) else "")
        self.error = reject_text(code, str(getattr(exc, "message", "")))
        log.info("photo rejected: %s", getattr(exc, "code", type(exc).__name__))
        self.details.setText(self.error)
        self._show_state()
        self.changed.emit()
