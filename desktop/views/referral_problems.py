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
    known = issue_text(code)
    if known != issue_text("__unknown__"):
        return known
    return detail or issue_text("__unknown__")
