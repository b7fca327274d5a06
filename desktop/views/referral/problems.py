"""German texts for the server's problem+json codes (referral send)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.widgets.finding_texts import issue_text


def problem_text(code: str, detail: str = "") -> str:
    """German text for a server problem code (problem+json ``code``)."""
    texts = {
        "consent-required": QCoreApplication.translate(
            "ReferralFlow", "Freiwillige Angaben nur mit Einwilligung des Kunden."
        ),
        "repair-consent-required": QCoreApplication.translate(
            "ReferralFlow", "Der Kunde muss mit Reparatur oder Austausch einverstanden sein."
        ),
        "privacy-violation": QCoreApplication.translate(
            "ReferralFlow", "Der Text enthält Angaben, die nicht übermittelt werden dürfen."
        ),
        "validation-failed": QCoreApplication.translate(
            "ReferralFlow", "Bitte prüfen Sie die markierten Angaben."
        ),
        "idempotency-key-reused": QCoreApplication.translate(
            "ReferralFlow", "Diese Vermittlung wurde mit anderen Angaben schon gesendet."
        ),
        "not-authenticated": QCoreApplication.translate(
            "ReferralFlow", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich neu an."
        ),
        "photo-not-reviewed": QCoreApplication.translate(
            "ReferralFlow",
            "Ein Foto wurde ohne Entscheidung zu markierten Personen oder Dokumenten gesendet. "
            "Bitte prüfen Sie die Schadenbilder und senden Sie erneut.",
        ),
        "photo-shows-person": QCoreApplication.translate(
            "ReferralFlow",
            "Das Extranet erkennt auf einem Foto eine Person oder ein Gesicht. Bitte machen Sie "
            "die Stelle unkenntlich oder bestätigen Sie am Foto, dass niemand erkennbar ist.",
        ),
        "network": QCoreApplication.translate(
            "ReferralFlow",
            "Keine Verbindung zum Extranet. Ihre Eingaben bleiben erhalten – bitte erneut senden.",
        ),
    }
    return (
        texts.get(code)
        or detail
        or QCoreApplication.translate(
            "ReferralFlow", "Das Senden ist fehlgeschlagen. Bitte versuchen Sie es erneut."
        )
    )


def field_problem_text(code: str, detail: str) -> str:
    """German text for one ``errors[]`` entry (same codes as desktop.validation where shared)."""
    if code in ("consent-required", "privacy-violation"):
        return problem_text(code)
    if code in ("face", "person"):  # what the server's people check found on a photo
        return problem_text("photo-shows-person")
    known = issue_text(code)
    if known != issue_text("__unknown__"):
        return known
    return detail or issue_text("__unknown__")
