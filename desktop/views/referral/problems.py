"""German texts for the server's problem+json codes (referral send) and its field problems."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.models.problem_texts import problem_sentence
from desktop.widgets.finding_texts import issue_text

#: the server's own ``errors[].code`` values that desktop.validation does not share
_FIELD_SENTENCES: dict[str, object] = {
    "required": QT_TRANSLATE_NOOP("ReferralFlow", "Bitte füllen Sie diese Angabe aus."),
    "invalid": QT_TRANSLATE_NOOP("ReferralFlow", "Diese Angabe ist ungültig."),
    "invalid-date": QT_TRANSLATE_NOOP("ReferralFlow", "Bitte ein gültiges Datum angeben."),
    "invalid-format": QT_TRANSLATE_NOOP(
        "ReferralFlow", "Diese Angabe hat nicht das erwartete Format."
    ),
    "too-long": QT_TRANSLATE_NOOP("ReferralFlow", "Dieser Text ist zu lang."),
    "unknown-code": QT_TRANSLATE_NOOP(
        "ReferralFlow", "Dieser Wert ist im Extranet nicht (mehr) auswählbar."
    ),
    "unknown-field": QT_TRANSLATE_NOOP("ReferralFlow", "Diese Angabe nimmt das Extranet nicht an."),
    "mismatch": QT_TRANSLATE_NOOP(
        "ReferralFlow", "Die Servicenummer passt nicht zu Ihrem Zugang beim Extranet."
    ),
    "not-found": QT_TRANSLATE_NOOP("ReferralFlow", "Der Vorgang wurde nicht gefunden."),
    "unknown": QT_TRANSLATE_NOOP("ReferralFlow", "Dieser Wert ist dem Extranet unbekannt."),
}


def problem_text(code: str) -> str:
    """German text for a server problem code (problem+json ``code``)."""
    return problem_sentence(code)


def field_problem_text(code: str) -> str:
    """German text for one ``errors[]`` entry (same codes as desktop.validation where shared)."""
    if code in ("consent-required", "privacy-violation"):
        return problem_text(code)
    if code in ("face", "person"):  # what the server's people check found on a photo
        return problem_text("photo-shows-person")
    source = _FIELD_SENTENCES.get(code)
    if source is not None:
        return QCoreApplication.translate("ReferralFlow", str(source))
    return issue_text(code)  # shared validation codes; a general sentence for any other
