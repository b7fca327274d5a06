"""The name field carries a name and nothing else (notice §1.1)."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check


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
