"""German one-line state of a damage photo, shown on its tile and on the review page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.privacy.image.review import BLURRED, CONFIRMED, PENDING, Flags


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("PhotoState", text, None, n)


def flagged_text(flags: Flags) -> str:
    """What is marked on the photo ("2 Gesichter, 1 Person markiert")."""
    parts = []
    if flags.faces:
        parts.append(_tr("%n Gesicht(er)", flags.faces))
    if flags.persons:
        parts.append(_tr("%n Person(en)", flags.persons))
    if flags.document:
        parts.append(_tr("Dokument"))
    return _tr("%1 markiert").replace("%1", ", ".join(parts))


def state_text(flags: Flags, state: str, *, cleaned: bool = True) -> str:
    """The photo's state, e.g. "Metadaten entfernt, 2 Gesichter unkenntlich gemacht",
    "1 Person markiert – Entscheidung fehlt" or "Metadaten entfernt, als Fehlalarm bestätigt"."""
    if state == PENDING:
        return _tr("%1 – Entscheidung fehlt").replace("%1", flagged_text(flags))
    parts = [_tr("Metadaten entfernt") if cleaned else _tr("Keine Metadaten gefunden")]
    if state == BLURRED:
        if flags.faces:
            parts.append(_tr("%n Gesicht(er) unkenntlich gemacht", flags.faces))
        if flags.persons:
            parts.append(_tr("%n Person(en) unkenntlich gemacht", flags.persons))
    elif state == CONFIRMED:
        parts.append(_tr("als Fehlalarm bestätigt"))
    return ", ".join(parts)


def missing_decision_text() -> str:
    """Why sending is refused while a flagged photo has no decision."""
    return _tr(
        "Auf mindestens einem Foto ist eine Person, ein Gesicht oder ein Dokument markiert. "
        "Bitte machen Sie die markierten Bereiche unkenntlich oder bestätigen Sie am Foto: "
        "„keine erkennbare Person / kein Dokument“."
    )
