"""The name field: a word after the name is read as said of the person ("Meier Gips" as
"Kunde hat Gips."), so a short health word or abbreviation that needs a person in running
text counts there -- not a first name, a known surname or a word standing alone."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check


def _categories(text: str) -> set[str]:
    return {f.category for f in check(text, "nachname")}


@pytest.mark.parametrize(
    "text",
    [
        "Meier Gips",
        "Schulz MS",
        "Fischer OP",
        "MEIER GIPS",
        "meier gips",
        "Meier (Gips)",
        "Wagner, MS",
        "Meier - Gips",
        "Frau Busch COPD",
    ],
)
def test_short_health_word_after_the_name(text: str) -> None:
    assert _categories(text) == {"name_misuse", "health"}


@pytest.mark.parametrize(
    "text",
    [
        "Gips",  # a word alone is the name
        "Zucker",
        "Herr Gips",  # after a salutation it is the surname
        "Hans Gips",  # after a first name it is the surname
        "Brigitte Zucker",
        "Lorenz Krebs",
        "Meier Herz",  # a frequent surname (GenWiki top 3,000)
        "Schmidt Galle",
        "Meier Schmidt",
        "Nguyen Thi Hoa",
        "Herr Dr. Ms",
        "Ms Jones",
        "Graf von Bülow",
    ],
)
def test_names_stay_clean(text: str) -> None:
    assert _categories(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a remark of a few words is read as a predicate of the person ("Kunde ist ein Schatz.")
        ("Otto, ein Schatz", {"name_misuse", "judgement"}),
        ("Otto (Tochter übersetzt)", {"name_misuse"}),
        ("Arnold (Hausarzt informiert)", {"name_misuse"}),
        # an adjective before a noun that is no person describes the noun
        ("Beck – schwieriger Zugang", {"name_misuse"}),
        ("Beck – schwieriger Kunde", {"name_misuse", "judgement"}),
        ("Meier (angenehmer Typ)", {"name_misuse", "judgement"}),
    ],
)
def test_remark_of_several_words(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected
