"""The photo area of a referral: add by file dialog or drag & drop, one tile per photo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.privacy.photo_review import PENDING
from desktop.referral_form import PhotoUpload
from desktop.widgets.photo_restored import RestoredPhotoTile, photo_meta
from desktop.widgets.photo_tile import PhotoServices, PhotoTile, warm_up_photo_check

_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif")


class PhotoStrip(QWidget):
    """Photos of one referral; ``cleaned()`` returns only scrubbed bytes.

    Signals:
        changed(): a photo was added, cleaned, blurred or removed.
    """

    changed = Signal()

    def __init__(self, services: PhotoServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photos")
        self.setAcceptDrops(True)
        self.services = services
        self.tiles: list[PhotoTile] = []
        self._counter = 0
        self._warmed = False
        self.add_button = QPushButton(self.tr("&Foto hinzufügen …"), self)
        self.add_button.setObjectName("photos_add")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.choose_files)
        hint = QLabel(
            self.tr(
                "Oder Bilder hierher ziehen. Ortsangaben und Kameradaten werden vor dem "
                "Senden entfernt; bitte keine Personen oder Dokumente fotografieren."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("photos_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self._row = QHBoxLayout()
        self._row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.add_button)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addLayout(self._row)

    def _warm_up(self) -> None:
        """Once the agent can add photos (shown and enabled, e.g. after consent "Ja"), the photo
        check's libraries load on the "media" pool, so the first photo does not wait for them."""
        if self._warmed or not (self.isVisible() and self.isEnabled()):
            return
        self._warmed = True
        self.services.tasks.run(warm_up_photo_check, pool="media")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """See :meth:`_warm_up`."""
        super().showEvent(event)
        self._warm_up()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """See :meth:`_warm_up`."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._warm_up()

    def _limit(self) -> int:
        config = self.services.config or {}
        return int((config.get("limits") or {}).get("max_images", 10))

    @Slot()
    def choose_files(self) -> None:
        """File dialog for photos."""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Schadenbilder auswählen"),
            "",
            self.tr("Bilder (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif)"),
        )
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Add photos; each is scrubbed on the "media" pool right away.

        The cleaning starts once every new tile exists: building a tile is Python work on the
        GUI thread, which would otherwise wait for the GIL behind the first photos' workers.
        """
        self.message.hide()
        self.setAccessibleDescription("")
        added: list[PhotoTile] = []
        for index, path in enumerate(paths):
            if len(self.tiles) >= self._limit():
                self._say_limit(len(paths) - index)
                break
            self._counter += 1
            tile = PhotoTile(self.services, path, self._counter, self, start=False)
            tile.changed.connect(self.changed)
            tile.remove_requested.connect(lambda t=tile: self.remove(t))
            self._row.insertWidget(self._row.count() - 1, tile)
            self.tiles.append(tile)
            added.append(tile)
        for tile in added:
            tile.clean()
        self.changed.emit()

    def add_restored(self, photos: list[dict[str, Any]]) -> list[PhotoTile]:
        """Put photos cleaned in an earlier session back (a restored draft); no original file
        is read: the caller hands each tile its cleaned bytes (``RestoredPhotoTile.fill``).

        Args:
            photos: Descriptions saved with the draft
                (:func:`desktop.widgets.photo_restored.photo_meta`).

        Returns:
            The new tiles, in order.
        """
        tiles: list[PhotoTile] = []
        for meta in photos:
            self._counter += 1
            tile = RestoredPhotoTile(self.services, meta, self._counter, self)
            tile.changed.connect(self.changed)
            tile.remove_requested.connect(lambda t=tile: self.remove(t))
            self._row.insertWidget(self._row.count() - 1, tile)
            self.tiles.append(tile)
            tiles.append(tile)
        self.changed.emit()
        return tiles

    def _say_limit(self, left_out: int) -> None:
        text = self.tr(
            "Höchstens %1 Schadenbilder pro Vermittlung – %n Bild(er) nicht übernommen.",
            "",
            left_out,
        ).replace("%1", str(self._limit()))
        self.message.setText(text)
        self.message.show()
        self.setAccessibleDescription(text)

    def remove(self, tile: PhotoTile) -> None:
        """Drop one photo (its cleaned bytes are forgotten)."""
        if tile in self.tiles:
            self.tiles.remove(tile)
            self._row.removeWidget(tile)
            tile.discard()  # a cleaning still under way must not touch the deleted tile
            tile.deleteLater()
            self.changed.emit()

    def count(self) -> int:
        """Number of photos (cleaned or still working)."""
        return len(self.tiles)

    def busy(self) -> bool:
        """True while a photo is still being cleaned."""
        return any(t.result is None and t.error is None for t in self.tiles)

    def cleaned(self) -> list[PhotoUpload]:
        """Cleaned photos with their review state (``pending`` ones must not be sent:
        :meth:`undecided`)."""
        return [
            PhotoUpload(
                t.image_id,
                t.result.data,
                t.result.media_type,
                t.review,
                photo_meta(t.image_id, t.result, t.blurred, t.confirmed),
            )
            for t in self.tiles
            if t.ready and t.result is not None
        ]

    def undecided(self) -> list[PhotoTile]:
        """Cleaned photos with a flag (face, person, document) the agent has not decided on."""
        return [t for t in self.tiles if t.ready and t.review == PENDING]

    def states(self) -> list[str]:
        """One German state line per cleaned photo, in order (for the review page)."""
        return [t.state.text() for t in self.tiles if t.ready]

    def clear(self) -> None:
        """Remove every photo."""
        for tile in list(self.tiles):
            self.remove(tile)

    def take_all(self) -> list[PhotoTile]:
        """Detach all tiles (for undo after consent withdrawal)."""
        tiles, self.tiles = list(self.tiles), []
        for tile in tiles:
            self._row.removeWidget(tile)
            tile.hide()
        self.changed.emit()
        return tiles

    def put_back(self, tiles: list[PhotoTile]) -> None:
        """Re-attach tiles taken by :meth:`take_all`."""
        for tile in tiles:
            self._row.insertWidget(self._row.count() - 1, tile)
            tile.show()
            self.tiles.append(tile)
        self.changed.emit()

    def focus_chain(self) -> list[QWidget]:
        """Focusable widgets in tab order."""
        chain: list[QWidget] = [self.add_button]
        for tile in self.tiles:
            chain += tile.focus_chain()
        return chain

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        """Accept dragged image files."""
        urls = event.mimeData().urls()
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(_SUFFIXES) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        """Add dropped image files."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files([p for p in paths if p.lower().endswith(_SUFFIXES)])
        event.acceptProposedAction()
