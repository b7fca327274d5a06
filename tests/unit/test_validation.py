"""Unit tests of the mandatory-field rules in ``desktop.validation``."""

from __future__ import annotations

import pytest

from desktop.validation import (
    MANDATORY_CHECKS,
    FieldResult,
    check_phone,
    check_plate,
    check_policy_number,
    check_surname,
    district_place,
    register_districts,
)


def codes(result: FieldResult) -> list[str]:
    return [issue.code for issue in result.issues]


def severity(result: FieldResult, code: str) -> str:
    return next(issue.severity for issue in result.issues if issue.code == code)


@pytest.mark.parametrize("check", list(MANDATORY_CHECKS.values()))
def test_blank_is_required_error(check: object) -> None:
    result = check("   ")  # type: ignore[operator]
    assert result.canonical is None
    assert codes(result) == ["required"]
    assert not result.ok


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("b ab1234", "B-AB 1234"),
        ("MÜ-XY 123E", "MÜ-XY 123E"),
        ("m-ab 123h", "M-AB 123H"),
        ("b-ab-1234", "B-AB 1234"),
        ("KÖN-A 1", "KÖN-A 1"),
        ("MÜXY123", "MÜ-XY 123"),
        ("XAB12", "X-AB 12"),
    ],
)
def test_plate_canonical(raw: str, canonical: str) -> None:
    result = check_plate(raw)
    assert result.canonical == canonical
    assert result.ok
    assert not codes(result)


def test_plate_core_over_eight_is_error() -> None:
    result = check_plate("ABG-AB 1234")
    assert not result.ok
    assert codes(result) == ["plate.too-long"]


def test_plate_suffix_over_eight_is_warning_only() -> None:
    result = check_plate("ABG-AB 123H")
    assert result.ok
    assert result.canonical == "ABG-AB 123H"
    assert severity(result, "plate.too-long-with-suffix") == "warning"


def test_plate_without_separator_ambiguous_is_error() -> None:
    result = check_plate("DES123")
    assert not result.ok
    assert codes(result) == ["plate.ambiguous"]
    assert "DE-S 123" in result.issues[0].params["options"]
    assert "D-ES 123" in result.issues[0].params["options"]


def test_plate_separator_resolves_ambiguity() -> None:
    assert check_plate("DE-S 123").canonical == "DE-S 123"
    assert check_plate("D ES123").canonical == "D-ES 123"


def test_plate_unknown_district_is_warning() -> None:
    result = check_plate("XYZ-AB 12")
    assert result.ok
    assert result.canonical == "XYZ-AB 12"
    assert severity(result, "plate.unknown-district") == "warning"
    assert result.issues[0].params["code"] == "XYZ"


def test_plate_registered_district_becomes_known() -> None:
    register_districts([("QQA", "Testkreis")])
    assert district_place("qqa") == "Testkreis"
    assert "plate.unknown-district" not in codes(check_plate("QQA-AB 12"))


def test_plate_season_months_stripped_with_hint() -> None:
    result = check_plate("B-AB 1234 03-10")
    assert result.canonical == "B-AB 1234"
    assert severity(result, "plate.season-stripped") == "hint"
    assert result.issues[0].params["months"] == "03-10"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("B-ÄB 12", "plate.umlaut-in-letters"),
        ("B-AB 0123", "plate.leading-zero"),
        ("B-AB 12345", "plate.invalid"),
        ("12345", "plate.invalid"),
        ("B-ABC 1", "plate.invalid"),
    ],
)
def test_plate_format_errors(raw: str, code: str) -> None:
    result = check_plate(raw)
    assert not result.ok
    assert code in codes(result)


def test_plate_official_digits_only() -> None:
    result = check_plate("NRW-5 4000")
    assert result.ok
    assert result.canonical == "NRW-54000"
    assert check_plate("B-123456").canonical == "B-123456"


def test_district_list_has_the_known_codes() -> None:
    assert district_place("M") == "Stadt München"
    assert district_place("ÖHR") is not None
    assert district_place("KÖN") is not None
    assert district_place("QQQ") is None


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("0221 1234567", "+492211234567"),
        ("0049 221 1234567", "+492211234567"),
        ("+49 (0) 221 1234567", "+492211234567"),
        ("0221/123456-78", "+4922112345678"),
        ("0171 1234567", "+491711234567"),
    ],
)
def test_phone_canonical_e164(raw: str, canonical: str) -> None:
    result = check_phone(raw)
    assert result.canonical == canonical
    assert result.ok
    assert not codes(result)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("+999 123", "phone.invalid-country"),
        ("0221 12345678901234567", "phone.too-long"),
        ("abc", "phone.invalid-characters"),
        ("12", "phone.too-short"),
    ],
)
def test_phone_impossible_is_error(raw: str, code: str) -> None:
    result = check_phone(raw)
    assert not result.ok
    assert codes(result) == [code]


def test_phone_local_only_is_warning() -> None:
    result = check_phone("110")
    assert result.ok
    assert severity(result, "phone.local-only") == "warning"


def test_phone_short_valid_number_warns() -> None:
    result = check_phone("+49 30123")
    assert result.ok
    assert severity(result, "phone.short") == "warning"


def test_phone_49_without_plus_gets_suggestion() -> None:
    result = check_phone("49 221 1234567")
    issue = next(i for i in result.issues if i.code == "phone.missing-plus")
    assert issue.params["suggestion"] == "+49 221 1234567"
    assert result.ok


def test_phone_foreign_accepted() -> None:
    result = check_phone("+33 1 23 45 67 89")
    assert result.ok
    assert result.canonical == "+33123456789"


def test_phone_unlikely_is_warning() -> None:
    result = check_phone("+49 0000 12345")
    assert "phone.unlikely" in codes(result) or not result.ok


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("AB-123/456.78", "AB12345678"), ("ab 12 34", "AB1234"), ("1234567890", "1234567890")],
)
def test_policy_normalised(raw: str, canonical: str) -> None:
    result = check_policy_number(raw)
    assert result.canonical == canonical
    assert result.ok


@pytest.mark.parametrize(
    ("raw", "code", "sev"),
    [
        ("ÄB12", "policy.invalid-characters", "error"),
        ("--", "policy.empty", "error"),
        ("1" * 21, "policy.too-long", "error"),
        ("1" * 18, "policy.longer-than-gdv", "warning"),
        ("ABCDEF", "policy.letters-only", "warning"),
        ("AB12C3D", "policy.looks-like-evb", "warning"),
    ],
)
def test_policy_issues(raw: str, code: str, sev: str) -> None:
    assert severity(check_policy_number(raw), code) == sev


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("  von  der Leyen ", "von der Leyen"),
        ("O’Brien", "O’Brien"),
        ("Nguyễn", "Nguyễn"),
        ("Li", "Li"),
        ("Ó", "Ó"),
        ("Müller-Lüdenscheidt", "Müller-Lüdenscheidt"),
    ],
)
def test_surname_accepts_real_names(raw: str, canonical: str) -> None:
    result = check_surname(raw)
    assert result.canonical == canonical
    assert result.ok
    assert not codes(result)


def test_surname_digits_warning_and_brackets_error() -> None:
    assert severity(check_surname("Müller2"), "name.digits") == "warning"
    assert not check_surname("Müller (Kunde)").ok
    assert not check_surname("1234").ok
    assert severity(check_surname("Anna Maria von der Leyen"), "name.too-many-words") == "warning"
    assert not check_surname("x" * 101).ok


def test_plate_never_guesses_a_split_of_unknown_districts() -> None:
    result = check_plate("QQQQQ 1")
    assert result.canonical is None
    assert codes(result) == ["plate.split-needed"]
    assert check_plate("QQQ-QQ 1").canonical == "QQQ-QQ 1"  # typed split: kept


def test_policy_separators_dropped_with_a_visible_hint() -> None:
    result = check_policy_number("VS-2024-778899")
    assert result.canonical == "VS2024778899"
    assert severity(result, "policy.sent-as") == "hint"
    assert "policy.sent-as" not in codes(check_policy_number("VS2024778899"))
