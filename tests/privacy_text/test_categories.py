"""One or more positive examples per Art. 9 category and for judgements (own sentences)."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check


def _categories(text: str, field: str = "zusatzinfo") -> set[str]:
    return {f.category for f in check(text, field)}


@pytest.mark.parametrize(
    "text",
    [
        "Kunde ist schwerhörig",
        "VN trägt Hörgeräte",
        "Kundin ist Hörgeräteträgerin",
        "Kd. hört schlecht",
        "Kundin kann schlecht laufen",
        "Kunde sitzt im Rollstuhl",
        "Kd. ist Dialysepatient, dienstags nie da",
        "Kunde hat Diabetes",
        "Kundin ist schwanger",
        "Kunde ist nach einem Schlaganfall halbseitig gelähmt",
        "Kunde liegt im Krankenhaus",
        "Kunde ist depressiv",
        "Kd. hat Pflegegrad 2",
        "Kunde ist blind",
        "customer is deaf",
        "Kunde ist Rolstuhlfahrer",  # typo
        "Kd. kann nicht lange stehen",
        "Kd. nach Knie-OP noch nicht mobil",
        "Kd. hat Mukoviszidose",
        "Kd. ist in Chemotherapie",
        "Kunde läuft schlecht",
        "Kd. muss zur Darmspiegelung am Dienstag",
        "Kundin ist in der 30. SSW",
        "Kd. hat eine Hörschädigung",
        "Kd. hat ein künstliches Hüftgelenk",
        "Kd. ist auf Sauerstoff angewiesen",
    ],
)
def test_health(text: str) -> None:
    assert "health" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunde ist Türke",
        "Kundin ist Russin",
        "Kunde ist Flüchtling",
        "dunkelhäutiger Kunde",
        "Kundin stammt aus Nigeria",
    ],
)
def test_ethnic_origin(text: str) -> None:
    assert "ethnic_origin" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunde ist AfD-Mitglied",
        "Kd. ist Grünen-Wähler",
        "Kunde ist Reichsbürger",
        "Kd. ist Mitglied der Grünen",
        "Kd. geht montags demonstrieren",
    ],
)
def test_political(text: str) -> None:
    assert "political" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunde ist Muslim",
        "Kundin ist katholisch",
        "Kd. ist Zeuge Jehovas",
        "evangelisch-freikirchlich",
    ],
)
def test_religion(text: str) -> None:
    assert "religion" in _categories(text)


@pytest.mark.parametrize(
    "text",
    ["Kunde ist in der IG Metall", "Kundin ist bei ver.di aktiv", "Kd. steht als Streikposten"],
)
def test_union(text: str) -> None:
    assert "union" in _categories(text)


@pytest.mark.parametrize(
    "text", ["Kunde ist schwul", "Kundin ist lesbisch", "Kunde hat eine Affäre"]
)
def test_sex_life(text: str) -> None:
    assert "sex_life" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunde hat ein Selfie zur Legitimation geschickt",
        "Fingerabdruck des Kunden",
        "Vaterschaftstest",
    ],
)
def test_biometric_genetic(text: str) -> None:
    assert "biometric_genetic" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunde ist unfreundlich",
        "Kundin ist sehr nett",
        "Kd. ist ein Choleriker",
        "VN ist verpeilt",
        "Kd. hat einen schwierigen Charakter",
        "Kd. war sehr kooperativ",
        "schwieriger Kunde",
    ],
)
def test_judgement_negative_and_positive(text: str) -> None:
    assert "judgement" in _categories(text)


@pytest.mark.parametrize("field", ["zusatzinfo", "bemerkungen", "betreff", "beschreibung"])
def test_every_free_text_field_is_checked(field: str) -> None:
    assert "health" in _categories("Kunde ist schwerhörig", field)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Kd. ist Deutschtürke", "ethnic_origin"),
        ("Kd. hat keinen deutschen Pass", "ethnic_origin"),
        ("Kd. ist schwarz, bitte nicht wundern", "ethnic_origin"),
        ("Kd. wählt die Grünen", "political"),
        ("Kd. hat bei der Wahl die Grünen gewählt", "political"),
        ("Kd. (m) ist mit einem Mann verheiratet", "sex_life"),
        ("Kundin betrügt ihren Mann", "sex_life"),
        ("Customer is a devout Christian", "religion"),
        ("Kd. ist ein Angeber", "judgement"),
        ("Kd. nervt", "judgement"),
        ("Kd. ist etwas einfach gestrickt", "judgement"),
        ("Kd. ist herzlich und lustig", "judgement"),
        ("Kd. ist ein Schlitzohr", "judgement"),
        ("Kd. ist Mitglied der Jungen Union", "political"),
        ("Kd. sammelt Unterschriften für die Linke", "political"),
        ("Kd. ist zum Islam konvertiert", "religion"),
        ("Kd. geht fremd", "sex_life"),
        ("Kd. hat eine große Klappe", "judgement"),
        ("Kd. ist Muslima", "religion"),
        ("Kd. sitzt im Rolstul", "health"),
        ("Kd. ist dement und verwirrt wegen der Rechnung", "health"),
        ("customer uses a walker", "health"),
        ("customer had surgery last week", "health"),
        ("customer is a Green party member", "political"),
    ],
)
def test_more_paraphrases(text: str, category: str) -> None:
    assert category in _categories(text, "bemerkungen")
