"""Phone number check via ``phonenumbers`` (REFERENCE §2.2), canonical E.164.

Impossible numbers are errors, possible-but-not-valid ones warnings; ``49…`` typed without
``+``/``00`` gets a hint with the likely meant number; numbers without area code
(LOCAL_ONLY) and very short national numbers get a warning. Foreign numbers are accepted.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from desktop.validation.result import FieldResult, Issue, Severity, required

DEFAULT_REGION = "DE"
MIN_NATIONAL_DIGITS = 7
MIN_ANY_DIGITS = 3
_ALLOWED = re.compile(r"^[\d\s+()/.\-–]+$")
_POSSIBLE_ERRORS = {
    ValidationResult.TOO_SHORT: "phone.too-short",
    ValidationResult.TOO_LONG: "phone.too-long",
    ValidationResult.INVALID_LENGTH: "phone.invalid-length",
    ValidationResult.INVALID_COUNTRY_CODE: "phone.invalid-country",
}
_PARSE_ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: "phone.invalid-country",
    NumberParseException.TOO_SHORT_NSN: "phone.too-short",
    NumberParseException.TOO_SHORT_AFTER_IDD: "phone.too-short",
    NumberParseException.TOO_LONG: "phone.too-long",
}


def _missing_plus_hint(raw: str, parsed_valid: bool) -> Issue | None:
    digits = re.sub(r"\D", "", raw)
    if not digits.startswith("49") or raw.lstrip().startswith(("+", "00")):
        return None
    try:
        guess = phonenumbers.parse("+" + digits, None)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(guess):
        return None
    suggestion = phonenumbers.format_number(guess, PhoneNumberFormat.INTERNATIONAL)
    severity: Severity = "hint" if parsed_valid else "warning"
    return Issue("phone.missing-plus", severity, {"suggestion": suggestion})


def _parse(raw: str) -> phonenumbers.PhoneNumber | Issue:
    if not _ALLOWED.match(raw):
        return Issue("phone.invalid-characters", "error")
    try:
        return phonenumbers.parse(raw, DEFAULT_REGION)
    except NumberParseException as exc:
        return Issue(_PARSE_ERRORS.get(exc.error_type, "phone.invalid"), "error")


def check_phone(raw: str) -> FieldResult:
    """Phone number, canonical E.164 (``+492211234567``)."""
    missing = required(raw)
    if missing is not None:
        return missing
    parsed = _parse(raw.strip())
    if isinstance(parsed, Issue):
        return FieldResult(None, (parsed,))
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    if reason in _POSSIBLE_ERRORS:
        return FieldResult(None, (Issue(_POSSIBLE_ERRORS[reason], "error"),))
    if len(str(parsed.national_number)) < MIN_ANY_DIGITS:
        return FieldResult(None, (Issue("phone.too-short", "error"),))
    canonical = phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    valid = phonenumbers.is_valid_number(parsed)
    issues: list[Issue] = []
    hint = _missing_plus_hint(raw, valid)
    if hint is not None:
        issues.append(hint)
    if reason == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        issues.append(Issue("phone.local-only", "warning"))
    elif not valid:
        issues.append(Issue("phone.unlikely", "warning"))
    elif len(str(parsed.national_number)) < MIN_NATIONAL_DIGITS:
        issues.append(Issue("phone.short", "warning"))
    region = phonenumbers.region_code_for_number(parsed)
    if region and region != DEFAULT_REGION:
        issues.append(Issue("phone.foreign", "hint", {"region": region}))
    return FieldResult(canonical, tuple(issues))


def display_phone(canonical: str) -> str:
    """Human-readable form of an E.164 number (national for German numbers)."""
    try:
        parsed = phonenumbers.parse(canonical, None)
    except NumberParseException:
        return canonical
    region = phonenumbers.region_code_for_number(parsed)
    fmt = (
        PhoneNumberFormat.NATIONAL if region == DEFAULT_REGION else PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, fmt)
