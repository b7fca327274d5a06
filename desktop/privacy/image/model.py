"""Result types of the photo pipeline and the one exception that may escape it."""

from __future__ import annotations

from dataclasses import dataclass, field

#: German label per removed-metadata kind (shown in the preview: "<label> entfernt").
KIND_LABELS: dict[str, str] = {
    "gps": "Aufnahmeort (GPS)",
    "datetime": "Aufnahmezeit",
    "camera": "Kamera-Modell und Software",
    "serial": "Kamera-Seriennummer",
    "owner": "Name des Urhebers oder Besitzers",
    "comment": "Kommentar oder Bildbeschreibung",
    "makernote": "Herstellerdaten (MakerNote)",
    "thumbnail": "Eingebettetes Vorschaubild",
    "xmp": "XMP-Metadaten",
    "iptc": "IPTC-Metadaten",
    "text_chunk": "Textfelder in der PNG-Datei",
    "exif": "Weitere EXIF-Daten",
    "extra_image": "Zusätzliches eingebettetes Bild",
    "trailer": "Angehängte Daten nach dem Bildende",
    "other": "Sonstige Zusatzdaten",
}

#: German text per warning code.
WARNING_LABELS: dict[str, str] = {
    "truncated": "Foto unvollständig",
    "faces": "Gesichter erkannt",
    "document": "Dokument oder Text im Bild erkannt",
    "downscaled": "Foto für den Versand verkleinert",
}

#: German message per rejection code.
REJECT_MESSAGES: dict[str, str] = {
    "empty": "Die Datei ist leer.",
    "unsupported-format": "Dieses Dateiformat wird nicht unterstützt (JPEG, PNG, WebP, GIF, HEIC).",
    "too-many-pixels": "Das Bild hat zu viele Bildpunkte und wird nicht geöffnet.",
    "corrupt": "Die Datei ist beschädigt und kann nicht gelesen werden.",
    "too-large": "Das Bild ist auch verkleinert noch zu groß für den Versand.",
    "unclean": "Die Metadaten konnten nicht sicher entfernt werden.",
}

#: German message for a damaged file that cannot be cleaned at all (PNG/WebP/GIF cut short).
TRUNCATED_MESSAGE = "Das Foto ist unvollständig und kann nicht gelesen werden."


class ImageRejected(Exception):  # noqa: N818 - name fixed by the interface
    """The photo cannot be cleaned; ``code`` is stable, ``message`` is German UI text."""

    def __init__(self, code: str, message: str | None = None) -> None:
        self.code = code
        self.message = message or REJECT_MESSAGES.get(code, REJECT_MESSAGES["corrupt"])
        super().__init__(f"{code}: {self.message}")


@dataclass(frozen=True, slots=True)
class RemovedItem:
    """One kind of metadata found and removed; ``value`` only for GPS and time."""

    kind: str
    label: str
    value: str | None = None


def removed(kind: str, value: str | None = None) -> RemovedItem:
    """A :class:`RemovedItem` with the German label of ``kind``."""
    return RemovedItem(kind, KIND_LABELS.get(kind, KIND_LABELS["other"]), value)


@dataclass(frozen=True, slots=True)
class FaceBox:
    """A flagged region in output-image pixel coordinates; ``score`` in 0..1.

    ``kind`` is what was found there: ``"face"`` or ``"person"`` (a person seen without a
    detectable face); ``"document"`` in ``ScrubResult.documents``.
    """

    x: int
    y: int
    w: int
    h: int
    score: float
    kind: str = "face"


@dataclass(frozen=True, slots=True)
class ScrubResult:
    """The cleaned photo and what was done to it."""

    data: bytes
    media_type: str
    width: int
    height: int
    removed: list[RemovedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    faces: list[FaceBox] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    #: Regions that look like a document (``kind == "document"``), same coordinates as ``faces``.
    documents: list[FaceBox] = field(default_factory=list)


def merge_removed(items: list[RemovedItem]) -> list[RemovedItem]:
    """One item per kind, keeping the first value found, in a stable order."""
    order = list(KIND_LABELS)
    best: dict[str, RemovedItem] = {}
    for item in items:
        prev = best.get(item.kind)
        if prev is None or (prev.value is None and item.value is not None):
            best[item.kind] = item
    return sorted(best.values(), key=lambda i: order.index(i.kind) if i.kind in order else 99)
