"""The fixed interface: fields, Finding, severities, suggestions, length warning."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.privacy.text import CATEGORIES, FIELDS, Finding, check


def test_fields_are_the_five_free_text_fields() -> None:
    assert {"nachname", "zusatzinfo", "bemerkungen", "betreff", "beschreibung"} == FIELDS


@pytest.mark.parametrize("field", ["vorname", "", "Nachname", "telefon"])
def test_unknown_field_raises_value_error(field: str) -> None:
    with pytest.raises(ValueError, match="field"):
        check("Kunde ist schwerhörig", field)


def test_finding_is_frozen() -> None:
    finding = check("Kunde ist schwerhörig", "zusatzinfo")[0]
    assert isinstance(finding, Finding)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 0  # type: ignore[misc]


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_empty_and_blank_text_is_clean(field: str) -> None:
    assert check("", field) == []
    assert check("   \n ", field) == []


@pytest.mark.parametrize(
    ("text", "field", "category", "severity"),
    [
        ("Kunde ist schwerhörig", "zusatzinfo", "health", "block"),
        ("Kundin ist Polin", "bemerkungen", "ethnic_origin", "block"),
        ("Kunde ist sehr unhöflich", "beschreibung", "judgement", "block"),
        ("Meier (Rollstuhl)", "nachname", "name_misuse", "block"),
        ("Rückruf unter 0171 2345678", "bemerkungen", "identifier", "warn"),
    ],
)
def test_severity_per_category(text: str, field: str, category: str, severity: str) -> None:
    findings = [f for f in check(text, field) if f.category == category]
    assert findings, text
    assert {f.severity for f in findings} == {severity}
    assert all(f.category in CATEGORIES for f in check(text, field))


def test_findings_are_sorted_and_inside_the_text() -> None:
    text = "Kd. gehörlos, Tel. 0171 2345678, Katholik, sehr unfreundlich"
    findings = check(text, "beschreibung")
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert {f.category for f in findings} >= {"health", "identifier", "religion", "judgement"}
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kundin ist schwerhörig", "laut und deutlich klingeln"),
        ("Kunde hört schlecht", "laut und deutlich klingeln"),
        ("Kunde ist gehbehindert", "etwas länger"),
        ("Kunde kann schlecht laufen", "etwas länger"),
        ("Kunde läuft schlecht", "etwas länger"),
        ("Kd. ist taub", "laut und deutlich klingeln"),
        ("KUNDIN TRÄGT HÖRGERÄT", "laut und deutlich klingeln"),
        ("Kd. s c h w e r h o e r i g", "laut und deutlich klingeln"),
        ("Kunde sitzt im Rolstuhl", "etwas länger"),
        ("Kunde uses a wheelchair", "etwas länger"),
    ],
)
def test_neutral_suggestion_from_the_notice(text: str, expected: str) -> None:
    health = [f for f in check(text, "zusatzinfo") if f.category == "health"]
    assert health
    assert expected in (health[0].suggestion or "").lower()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Kd. streikt am Montag", "union"),
        ("Kunde ist am Samstag auf einer Demo", "political"),
    ],
)
def test_unavailability_reasons_get_a_neutral_suggestion(text: str, category: str) -> None:
    found = [f for f in check(text, "zusatzinfo") if f.category == category]
    assert found
    assert found[0].suggestion == "Kunde ist zu diesem Zeitpunkt nicht erreichbar"


def test_judgements_offer_no_replacement_text() -> None:
    # A judgement has no neutral rewording: an instruction must not replace the typed word.
    found = check("Kunde ist ein Choleriker", "zusatzinfo")
    assert [f.category for f in found] == ["judgement"]
    assert found[0].suggestion is None


def test_length_warning_only_past_the_limit() -> None:
    short = "Bitte laut und deutlich klingeln. " * 3
    assert [f for f in check(short, "zusatzinfo") if f.category == "length"] == []
    long_text = "Bitte vor der Einfahrt parken, Tor ist meist offen. " * 20
    length = [f for f in check(long_text, "zusatzinfo") if f.category == "length"]
    assert len(length) == 1
    assert length[0].severity == "warn"
    assert 0 < length[0].start < length[0].end == len(long_text)


def test_no_length_warning_in_the_name_field() -> None:
    assert all(f.category != "length" for f in check("Meier " * 100, "nachname"))
