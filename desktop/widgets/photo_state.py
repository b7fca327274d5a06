"""German one-line state of a damage photo, shown on its tile and on the review page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.privacy.photo_review import BLURRED, CONFIRMED, PENDING, Flags


def flagged_text(flags: Flags) -> str:
    """What is marked on the photo ("2 Gesichter, 1 Person markiert")."""
    parts = []
    if flags.faces:
        parts.append(QCoreApplication.translate("PhotoState", "%n Gesicht(er)", None, flags.faces))
    if flags.persons:
        parts.append(QCoreApplication.translate("PhotoState", "%n Person(en)", None, flags.persons))
    if flags.document:
        parts.append(QCoreApplication.translate("PhotoState", "Dokument"))
    return QCoreApplication.translate("PhotoState", "%1 markiert").replace("%1", ", ".join(parts))


def state_text(flags: Flags, state: str, *, cleaned: bool = True) -> str:
    """The photo's state, e.g. "Metadaten entfernt, 2 Gesichter unkenntlich gemacht",
    "1 Person markiert – Entscheidung fehlt" or "Metadaten entfernt, als Fehlalarm bestätigt"."""
    if state == PENDING:
        return QCoreApplication.translate("PhotoState", "%1 – Entscheidung fehlt").replace(
            "%1", flagged_text(flags)
        )
    parts = [
        QCoreApplication.translate("PhotoState", "Metadaten entfernt")
        if cleaned
        else QCoreApplication.translate("PhotoState", "Keine Metadaten gefunden")
    ]
    if state == BLURRED:
        if flags.faces:
            parts.append(
                QCoreApplication.translate(
                    "PhotoState", "%n Gesicht(er) unkenntlich gemacht", None, flags.faces
                )
            )
        if flags.persons:
            parts.append(
                QCoreApplication.translate(
                    "PhotoState", "%n Person(en) unkenntlich gemacht", None, flags.persons
                )
            )
        if flags.document:
            parts.append(QCoreApplication.translate("PhotoState", "Dokument unkenntlich gemacht"))
    elif state == CONFIRMED:
        parts.append(QCoreApplication.translate("PhotoState", "als Fehlalarm bestätigt"))
    return ", ".join(parts)


def missing_decision_text() -> str:
    """Why sending is refused while a flagged photo has no decision."""
    return QCoreApplication.translate(
        "PhotoState",
        "Auf mindestens einem Foto ist eine Person, ein Gesicht oder ein Dokument markiert. "
        "Bitte machen Sie die markierten Bereiche unkenntlich oder bestätigen Sie am Foto: "
        "„keine erkennbare Person / kein Dokument“.",
    )
