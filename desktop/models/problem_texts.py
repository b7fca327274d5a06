"""The app's own sentence for every problem code the Extranet answers with.

The server's ``detail`` is never shown: it may be English, technical or name a field by its
JSON pointer. Codes the app does not know get one general sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["PROBLEM_SENTENCES", "problem_sentence"]

_CONTEXT = "ProblemTexts"

#: code -> sentence (source text; translated when asked for)
PROBLEM_SENTENCES: dict[str, object] = {  # QT_TRANSLATE_NOOP is typed as object
    "bad-request": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Das Extranet konnte die Anfrage nicht verarbeiten."
    ),
    "client-header-missing": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Das Extranet erkennt dieses Programm nicht. Bitte installieren Sie die aktuelle Fassung.",
    ),
    "consent-required": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Freiwillige Angaben dürfen nur mit Einwilligung des Kunden übermittelt werden.",
    ),
    "cursor-expired": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Die Liste ist veraltet. Bitte laden Sie sie neu."
    ),
    "cursor-invalid": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Die Liste konnte nicht weitergeladen werden. Bitte laden Sie sie neu."
    ),
    "forbidden": QT_TRANSLATE_NOOP("ProblemTexts", "Dafür fehlt Ihrem Zugang die Berechtigung."),
    "host-not-allowed": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Das Extranet nimmt unter dieser Adresse keine Anfragen an."
    ),
    "http-error": QT_TRANSLATE_NOOP("ProblemTexts", "Das Extranet hat die Anfrage abgelehnt."),
    "idempotency-in-flight": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Diese Sendung wird gerade schon übertragen. Bitte warten Sie einen Moment.",
    ),
    "idempotency-key-invalid": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Die Sendung konnte nicht eindeutig gekennzeichnet werden."
    ),
    "idempotency-key-missing": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Die Sendung konnte nicht eindeutig gekennzeichnet werden."
    ),
    "idempotency-key-reused": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Diese Vermittlung wurde mit anderen Angaben schon gesendet."
    ),
    "image-conflict": QT_TRANSLATE_NOOP(
        "ProblemTexts", "An dieser Stelle liegt schon ein anderes Schadenbild."
    ),
    "image-invalid": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Ein Schadenbild ist beschädigt und kann nicht gelesen werden."
    ),
    "image-metadata": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Ein Schadenbild enthält noch Metadaten wie Ort oder Kamera."
    ),
    "image-too-large": QT_TRANSLATE_NOOP("ProblemTexts", "Ein Schadenbild ist zu groß."),
    "image-too-many-pixels": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Ein Schadenbild hat zu viele Bildpunkte."
    ),
    "internal-error": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Im Extranet ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.",
    ),
    "invalid-credentials": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Anmeldename oder Passwort stimmen nicht."
    ),
    "invalid-image-id": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Ein Schadenbild konnte nicht zugeordnet werden."
    ),
    "method-not-allowed": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Das Extranet unterstützt diese Anfrage nicht."
    ),
    "network": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Keine Verbindung zum Extranet. Ihre Eingaben bleiben erhalten – bitte erneut senden.",
    ),
    "not-acceptable": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Das Extranet unterstützt diese Anfrage nicht."
    ),
    "not-authenticated": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich neu an."
    ),
    "not-found": QT_TRANSLATE_NOOP("ProblemTexts", "Der Vorgang wurde im Extranet nicht gefunden."),
    "payload-too-large": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Die Sendung ist zu groß. Bitte kürzen Sie die Texte."
    ),
    "photo-not-reviewed": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Ein Foto wurde ohne Entscheidung zu markierten Personen oder Dokumenten gesendet. "
        "Bitte prüfen Sie die Schadenbilder und senden Sie erneut.",
    ),
    "photo-shows-person": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Das Extranet erkennt auf einem Foto eine Person oder ein Gesicht. Bitte machen Sie "
        "die Stelle unkenntlich oder bestätigen Sie am Foto, dass niemand erkennbar ist.",
    ),
    "precondition-failed": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Der Vorgang wurde inzwischen geändert. Bitte laden Sie ihn neu und versuchen Sie "
        "es erneut.",
    ),
    "precondition-required": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Der Vorgang konnte nicht sicher geändert werden. Bitte laden Sie ihn neu."
    ),
    "privacy-violation": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Ein Text enthält Angaben, die aus Datenschutzgründen nicht übermittelt werden dürfen.",
    ),
    "repair-consent-required": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Bitte bestätigen Sie, dass der Kunde mit Reparatur oder Austausch einverstanden ist.",
    ),
    "too-many-attempts": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Zu viele Anmeldeversuche. Bitte warten Sie einige Minuten."
    ),
    "too-many-images": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Zu dieser Vermittlung sind schon alle erlaubten Schadenbilder gesendet."
    ),
    "unavailable": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Das Extranet ist vorübergehend nicht erreichbar."
    ),
    "unsupported-media-type": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Das Format eines Schadenbilds wird nicht unterstützt (nur JPEG oder PNG)."
    ),
    "validation-failed": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Bitte prüfen Sie die markierten Angaben."
    ),
}


def problem_sentence(code: str | None) -> str:
    """The app's sentence for ``code`` (a general one for a code it does not know)."""
    source = PROBLEM_SENTENCES.get(code or "")
    if source is None:
        return QCoreApplication.translate(
            _CONTEXT, "Das Senden ist fehlgeschlagen. Bitte versuchen Sie es erneut."
        )
    return QCoreApplication.translate(_CONTEXT, str(source))
