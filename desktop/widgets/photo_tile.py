"""One damage photo: scrubbed on the "media" pool, shown cleaned with what was removed.

Only the cleaned bytes are kept (in memory); the original file is re-read from its path when
the agent asks to blur faces, and never copied anywhere.
"""

from __future__ import annotations

import functools
import logging
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

log = logging.getLogger(__name__)
THUMB = 220


def scrub_file(path: str, blur_faces: bool) -> Any:
    """Worker: read the original and return ``desktop.privacy.image.scrub``'s result."""
    from desktop.privacy.image import scrub  # type: ignore[attr-defined,unused-ignore]

    data = Path(path).read_bytes()
    return scrub(data, detect_faces=True, blur_faces=blur_faces)


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
    }
    return texts.get(code) or QCoreApplication.translate("PhotoTile", "Bitte prüfen Sie das Bild.")


class PhotoTile(QFrame):
    """Tile for one photo.

    Signals:
        changed(): the cleaned picture became available or changed.
        remove_requested(): the agent removed the photo.
    """

    changed = Signal()
    remove_requested = Signal()

    def __init__(self, services: Any, path: str, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"photo_{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.services, self.path = services, path
        self.image_id = str(uuid.uuid4())
        self.result: Any = None
        self.error: str | None = None
        self._generation = 0
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
        self.blur_button = QPushButton(self.tr("Gesichter &unkenntlich machen"), self)
        self.blur_button.setObjectName(f"photo_{index}_blur")
        self.blur_button.setAutoDefault(False)
        self.blur_button.hide()
        self.blur_button.clicked.connect(self.blur_faces)
        self.remove_button = QPushButton(self.tr("Entfernen"), self)
        self.remove_button.setObjectName(f"photo_{index}_remove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_requested.emit)
        layout = QVBoxLayout(self)
        for widget in (
            self.picture,
            self.progress,
            self.details,
            self.blur_button,
            self.remove_button,
        ):
            layout.addWidget(widget)
        self._start(blur=False)

    @property
    def ready(self) -> bool:
        """True when cleaned bytes are available."""
        return self.result is not None and self.error is None

    def focus_chain(self) -> list[QWidget]:
        """Focusable widgets in tab order."""
        return [self.blur_button, self.remove_button]

    def _start(self, *, blur: bool) -> None:
        self._generation += 1
        generation = self._generation
        self.progress.show()
        self.blur_button.setEnabled(False)
        self.services.tasks.run(
            functools.partial(scrub_file, self.path, blur),
            on_done=functools.partial(self._on_done, generation),
            on_error=functools.partial(self._on_error, generation),
            pool="media",
        )

    @Slot()
    def blur_faces(self) -> None:
        """Re-run the pipeline on the original with faces blurred."""
        self._start(blur=True)

    def _on_done(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return  # latest wins
        self.result, self.error = result, None
        self.progress.hide()
        self.picture.setPixmap(self._thumbnail(result))
        lines = [self.tr("%1 entfernt").replace("%1", item.label) for item in result.removed]
        lines += [warning_text(code) for code in result.warnings if code != "faces" or result.faces]
        if not lines:
            lines = [self.tr("Keine Metadaten gefunden.")]
        self.details.setText("\n".join(lines))
        self.setAccessibleDescription(" ".join(lines))
        self.blur_button.setVisible(bool(result.faces))
        self.blur_button.setEnabled(True)
        self.changed.emit()

    def _on_error(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.progress.hide()
        self.result = None
        self.error = str(getattr(exc, "message", "")) or self.tr(
            "Das Bild kann nicht verwendet werden."
        )
        log.info("photo rejected: %s", getattr(exc, "code", type(exc).__name__))
        self.details.setText(self.error)
        self.changed.emit()

    def _thumbnail(self, result: Any) -> QPixmap:
        image = QImage.fromData(result.data)
        if image.isNull():
            return QPixmap()
        if result.faces:
            painter = QPainter(image)
            painter.setPen(QPen(QColor(220, 0, 0), max(2, image.width() // 200)))
            for face in result.faces:
                painter.drawRect(QRect(int(face.x), int(face.y), int(face.w), int(face.h)))
            painter.end()
        return QPixmap.fromImage(image).scaled(
            THUMB,
            THUMB,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
