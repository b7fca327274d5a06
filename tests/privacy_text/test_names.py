"""The name field carries a name and nothing else (notice §1.1)."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check
from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    "name",
    [
        "Meier",
        "Herr Yilmaz",
        "Frau Dr. Brandstätter",
        "von der Heide",
        "de la Cruz",
        "O'Neill",
        "Öztürk",
        "Yıldırım",
        "Müller-Lüdenscheidt",
        "Graf von Bülow",
        "Ben Said",
        "Hans Meier",
        "Meier, Hans",
        "Christ",
        "Kirchner",
        "Schwarz",
        "Weiß",
        "Polenz",
        "Schulz jun.",
        "Herr Türk",
        "Peter Weiß",
        "Frau Prof. Dr. h.c. Schmidt",
        # surnames and first names that are also trigger or remark words
        "Thomas Mann",
        "Mann, Thomas",
        "Herr Vater",
        "Hans Krebs",
        "Krebs, Hans",
        "Ahmet Kaplan",
        "Christian Schulz",
        "Roman Meier",
        "Hans Schweizer",
        "Frau Taub",
        "Herrn Prof. Dr.-Ing. Lutz",
        "Firma Meier GmbH",
    ],
)
def test_real_names_are_clean(name: str) -> None:
    assert check(name, "nachname") == []


@pytest.mark.parametrize(
    ("text", "also"),
    [
        ("Becker, ruft ab 17h zurück", set()),
        ("Brandt – nur Handy", set()),
        ("Meier (taub)", {"health"}),
        ("Schulz sehr unfreundlich", {"judgement"}),
        ("Meier 0171 2345678", {"identifier"}),
        ("Krause [Kunde seit 2010]", set()),
        ("Hoffmann Rollstuhlfahrer", {"health"}),
        ("Meier Türke", {"ethnic_origin"}),
        ("Schmidt Witwe", set()),
        ("Schröder, nett", {"judgement"}),
        ("Meier (schwerhörig)", {"health"}),
        ("Meier (schwerhoerig)", {"health"}),
        ("Meier schwerhörig", {"health"}),
        ("Meier - taub", {"health"}),
        ("Meier hat Krebs", {"health"}),
        ("Krebs (Pfarrer)", {"religion"}),
        ("Meier Sohn ruft an", set()),
        ("Schmidt Vorname Peter", set()),
    ],
)
def test_name_misuse(text: str, also: set[str]) -> None:
    findings = check(text, "nachname")
    categories = {f.category for f in findings}
    assert "name_misuse" in categories
    assert also <= categories
    misuse = next(f for f in findings if f.category == "name_misuse")
    assert misuse.severity == "block"
    assert misuse.start > 0  # the name itself is not underlined
    assert misuse.end == len(text)


def test_trigger_word_in_a_free_text_field_is_still_found() -> None:
    assert check("Kunde ist Christ", "zusatzinfo")


@pytest.mark.parametrize("text", ["Nachname: Meier", "Schwerhörig Meier", "Vorname Peter"])
def test_remark_before_the_name_is_misuse(text: str) -> None:
    assert "name_misuse" in {f.category for f in check(text, "nachname")}


@pytest.mark.parametrize(
    "first_name", ["Hans", "Anna-Lena", "Hans-Peter", "Marie Luise", "Jean-Luc", "Mehmet Ali"]
)
def test_first_names_are_clean(first_name: str) -> None:
    # The Vorname field is checked with the name-field rules (GUI and server re-check).
    assert check(first_name, "nachname") == []


def test_name_misuse_offers_no_replacement_text() -> None:
    # The UI replaces the underlined span with the suggestion: an instruction must never be
    # written into the name field. The health finding keeps the notice's neutral wording.
    findings = check("Meier (schwerhörig)", "nachname")
    misuse = next(f for f in findings if f.category == "name_misuse")
    health = next(f for f in findings if f.category == "health")
    assert misuse.suggestion is None
    assert health.suggestion == "Bitte laut und deutlich klingeln"


def test_instruction_after_a_name_is_misuse_but_no_judgement() -> None:
    found = check("Hartmann schwerhörig, laut klingeln", "nachname")
    assert {f.category for f in found} == {"name_misuse", "health"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Idiot", "judgement"),
        ("Querulant", "judgement"),
        ("Nervensäge", "judgement"),
        ("Bluter", "health"),
        ("Stotterer", "health"),
        ("Herr Choleriker", "judgement"),
        ("Frau Zicke", "judgement"),
    ],
)
def test_a_lone_health_or_judgement_noun_is_no_surname(text: str, category: str) -> None:
    """One name word that names a kind of person by health or character is no name, with or
    without a salutation -- unless it is a known surname (next test)."""
    assert categories(text, "nachname") == {"name_misuse", category}


@pytest.mark.parametrize(
    "text",
    [
        "Krebs",
        "Herr Krebs",
        "Frech",
        "Herr Frech",
        "Deppe",
        "Spinner",
        "Frau Taube",
        "Kropf",
        "Herr Gierig",
    ],
)
def test_a_frequent_surname_that_is_a_trigger_word_stays_a_name(text: str) -> None:
    assert categories(text, "nachname") == set()


@pytest.mark.parametrize("text", ["Ungar", "Herr Jude", "Herr Türk", "Frau Nonne"])
def test_a_lone_origin_or_belief_word_stays_a_surname(text: str) -> None:
    """Origin and belief words are frequent surnames; alone they are read as the name."""
    assert categories(text, "nachname") == set()


@pytest.mark.parametrize("text", ["Müller geb. Schmidt", "Frau Lang geborene Weiß", "Meier, Hans"])
def test_a_birth_name_or_a_first_name_after_the_comma_is_part_of_the_name(text: str) -> None:
    assert categories(text, "nachname") == set()


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Müller geb. 1958", {"name_misuse", "identifier"}),
        ("Meier, VIP", {"name_misuse"}),
    ],
)
def test_a_birth_year_or_an_acronym_after_the_name_is_misuse(text: str, labels: set[str]) -> None:
    assert categories(text, "nachname") == labels


@pytest.mark.parametrize(
    "text", ["Scholz (Ortsbeirat, Linke)", "Scholz (Die Linke)", "Meier, Grüne", "Meier (Volt)"]
)
def test_a_party_named_by_an_ordinary_word_in_a_remark(text: str) -> None:
    assert categories(text, "nachname") == {"name_misuse", "political"}


@pytest.mark.parametrize("text", ["Linke", "Frau Linke", "Hans Linke", "Linke, Hans", "Grüne"])
def test_a_party_word_as_the_surname_stays_a_name(text: str) -> None:
    assert categories(text, "nachname") == set()


@pytest.mark.parametrize("text", ["Hausmeister", "Meier Hausverwaltung", "Herr Inhaber"])
def test_a_role_instead_of_a_name_is_misuse(text: str) -> None:
    assert categories(text, "nachname") == {"name_misuse"}


@pytest.mark.parametrize(
    "text",
    [
        "Ingrid und Klaus Lehmann",
        "Herr Meier u. Frau Schulz",
        "Freund",
        "Hans Freund",
        "Ingrid und Klaus Krebs",
        "Herr und Frau Mann",
    ],
)
def test_two_people_joined_by_und_or_a_surname_that_is_a_relation_word(text: str) -> None:
    assert categories(text, "nachname") == set()


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Meier und Lebensgefährtin", {"name_misuse"}),
        ("Meier und Sohn", {"name_misuse"}),
        ("Lehmann...schwierig", {"name_misuse", "judgement"}),
        ("Lehmann, * 1950", {"name_misuse", "identifier"}),
    ],
)
def test_a_relation_a_glued_judgement_or_a_birth_year_after_the_name(
    text: str, labels: set[str]
) -> None:
    assert categories(text, "nachname") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("krebs", set()),
        ("KREBS", set()),
        ("herr krebs", set()),
        ("ungar", set()),
        ("idiot", {"name_misuse", "judgement"}),
        ("BLUTER", {"name_misuse", "health"}),
        ("meier (taub)", {"name_misuse", "health"}),
    ],
)
def test_a_field_typed_in_one_case_is_read_as_written_normally(text: str, labels: set[str]) -> None:
    assert categories(text, "nachname") == labels
