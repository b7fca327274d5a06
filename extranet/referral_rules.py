"""Validation of a referral request: mandatory fields, consent, voluntary values, privacy."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from extranet import catalogs
from extranet.problems import ApiProblem, field_error
from extranet.recheck import privacy_errors

if TYPE_CHECKING:  # imported when first used: desktop.validation loads phonenumbers
    from desktop.validation.free_text import FreeTextField

MANDATORY = ("nachname", "telefon", "kennzeichen", "versicherungsscheinnummer")
KINDS = ("quick", "complete")
STATUSES = ("received", "customer_contacted", "appointment_set", "done", "cancelled")


class ConsentIn(BaseModel):
    """Consent of the insured person to pass on voluntary data."""

    model_config = ConfigDict(extra="ignore")

    granted: bool = False
    text_version: str | None = Field(default=None, max_length=40)
    captured_at: str | None = Field(default=None, max_length=40)


class ReferralIn(BaseModel):
    """``POST /referrals`` body (mandatory values are checked by ``desktop.validation``)."""

    model_config = ConfigDict(extra="ignore")

    client_ref: str = Field(default="", max_length=64)
    kind: str = Field(default="", max_length=20)
    servicenummer: str = Field(default="", max_length=40)
    nachname: str = Field(default="", max_length=200)
    telefon: str = Field(default="", max_length=60)
    kennzeichen: str = Field(default="", max_length=40)
    versicherungsscheinnummer: str = Field(default="", max_length=60)
    repair_consent: bool = False
    consent: ConsentIn = Field(default_factory=ConsentIn)
    voluntary: dict[str, Any] = Field(default_factory=dict)


def is_empty(value: Any) -> bool:
    """True for values that carry no information (None, "", [], False)."""
    if value is None or value is False:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        return not value
    return False


def _check_voluntary(name: str, value: Any) -> tuple[Any, dict[str, str] | None]:
    pointer = f"/voluntary/{name}"
    spec = catalogs.VOLUNTARY_FIELDS.get(name)
    if spec is None:
        return None, field_error(pointer, "unknown-field", "Unbekanntes Feld.")
    kind, catalog, limit = spec
    if kind == "code":
        if not isinstance(value, str) or catalog is None or value not in catalogs.codes(catalog):
            return None, field_error(pointer, "unknown-code", "Unbekannter Wert.")
        return value, None
    if kind == "codes":
        allowed = catalogs.codes(catalog) if catalog else frozenset()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None, field_error(pointer, "invalid", "Liste von Codes erwartet.")
        if any(v not in allowed for v in value) or len(value) > limit:
            return None, field_error(pointer, "unknown-code", "Unbekannter Wert.")
        return sorted(set(value)), None
    if kind == "bool":
        if not isinstance(value, bool):
            return None, field_error(pointer, "invalid", "Ja/Nein erwartet.")
        return value, None
    if not isinstance(value, str):
        return None, field_error(pointer, "invalid", "Text erwartet.")
    text = value.strip()
    if kind == "date":
        try:
            date.fromisoformat(text)
        except ValueError:
            return None, field_error(pointer, "invalid-date", "Datum im Format JJJJ-MM-TT.")
        return text, None
    if len(text) > limit:
        return None, field_error(pointer, "too-long", f"Höchstens {limit} Zeichen.")
    from desktop.validation.free_text import FORMATTED_FIELDS, matches_format

    if name in FORMATTED_FIELDS and not matches_format(name, text):
        return None, field_error(pointer, "invalid-format", "Format stimmt nicht.")
    return text, None


def validate_referral(body: ReferralIn, servicenummer: str) -> dict[str, Any]:
    """Check ``body`` and return the canonical data to store.

    Raises:
        ApiProblem: 422 ``validation-failed``, ``repair-consent-required``,
            ``consent-required`` or ``privacy-violation`` (in this order).
    """
    from desktop.validation import MANDATORY_CHECKS

    errors: list[dict[str, str]] = []
    data: dict[str, Any] = {}
    try:
        data["client_ref"] = str(uuid.UUID(body.client_ref))
    except ValueError:
        errors.append(field_error("/client_ref", "invalid", "UUID erwartet."))
    if body.kind not in KINDS:
        errors.append(field_error("/kind", "invalid", "quick oder complete."))
    data["kind"] = body.kind
    if not body.servicenummer.strip():
        errors.append(field_error("/servicenummer", "required", "Pflichtfeld."))
    elif body.servicenummer.strip() != servicenummer:
        errors.append(field_error("/servicenummer", "mismatch", "Andere Servicenummer."))
    data["servicenummer"] = servicenummer
    for name in MANDATORY:
        result = MANDATORY_CHECKS[name](getattr(body, name))
        blocking = [i for i in result.issues if i.severity == "error"]
        if blocking or result.canonical is None:
            code = blocking[0].code if blocking else "invalid"
            errors.append(field_error(f"/{name}", code, "Pflichtfeld ungültig."))
        else:
            data[name] = result.canonical
    voluntary: dict[str, Any] = {}
    for name, value in body.voluntary.items():
        if is_empty(value) and name in catalogs.VOLUNTARY_FIELDS:
            continue
        clean, error = _check_voluntary(name, value)
        if error:
            errors.append(error)
        else:
            voluntary[name] = clean
    consent = body.consent
    if consent.granted and consent.text_version != catalogs.CONSENT_TEXT_VERSION:
        errors.append(
            field_error(
                "/consent/text_version",
                "unknown-version",
                "Unbekannte Fassung des Einwilligungstextes.",
            )
        )
    if errors:
        raise ApiProblem(422, "validation-failed", "Bitte Eingaben prüfen.", errors=errors)
    if body.repair_consent is not True:
        raise ApiProblem(
            422,
            "repair-consent-required",
            "Der Kunde muss mit Reparatur oder Austausch einverstanden sein.",
            errors=[field_error("/repair_consent", "required")],
        )
    if voluntary and not consent.granted:
        raise ApiProblem(
            422,
            "consent-required",
            "Freiwillige Angaben nur mit Einwilligung des Kunden.",
            errors=[field_error(f"/voluntary/{n}", "consent-required") for n in sorted(voluntary)],
        )
    _privacy_check(data, voluntary)
    data["repair_consent"] = True
    data["consent"] = (
        {"granted": True, "text_version": consent.text_version, "captured_at": consent.captured_at}
        if consent.granted
        else {"granted": False}
    )
    data["voluntary"] = voluntary
    return data


def _privacy_check(data: Mapping[str, Any], voluntary: Mapping[str, Any]) -> None:
    """Every free-text field through the privacy engine, from the list the client uses too."""
    from desktop.validation.free_text import FREE_TEXT_FIELDS

    texts: list[tuple[str, str | FreeTextField, str]] = []
    for name, rule in FREE_TEXT_FIELDS.items():
        if name in data:
            texts.append((f"/{name}", rule, str(data[name])))
        elif name in voluntary:
            texts.append((f"/voluntary/{name}", rule, str(voluntary[name])))
    errors = privacy_errors(texts)
    if errors:
        raise ApiProblem(
            422,
            "privacy-violation",
            "Der Text enthält Angaben, die nicht übermittelt werden dürfen.",
            errors=errors,
        )
