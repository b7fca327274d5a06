"""An attribute said of an animal is no person's data: the head noun of the clause's subject
decides ("Hofhund", "Hund des Kunden", "ihr Hund" are animals), while a person who is the
subject, or who is named beside the animal, keeps the finding. Fresh sentences (in no
corpus)."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    "text",
    [
        "Schäferhündin der Kundin ist seit Jahren zuckerkrank, bitte Tor geschlossen halten",
        "Die Katze vom Nachbarn hat Epilepsie und liegt oft unter dem Auto",
        "Sein Hund ist blind und taub, bellt aber nicht",
        "Der alte Hofhund ist dement und läuft frei auf dem Gelände herum",
        "Beim Kunden ist das Pferd krank, Termin deshalb nur vormittags",
        "Kater von Frau Jansen hat Diabetes, Tierarzt kommt um 10 Uhr",
    ],
)
def test_attribute_of_an_animal_is_clean(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # the person is the subject, the animal only a companion
        "Kunde ist mit seinem Hund beim Tierarzt, er selbst ist Diabetiker",
        "Kundin und ihr Hund sind beide zuckerkrank",
        # an animal that reveals its owner's condition
        "Kd. kommt mit seinem Blindenhund zur Tür",
        # the animal is named but the person is the subject
        "Halterin der Katze hat Epilepsie",
        "Frau Jansen hat einen Hund und ist seit Jahren depressiv",
        # a word merely containing an animal's name
        "Kunde ist seit hundert Tagen krankgeschrieben",
    ],
)
def test_person_beside_an_animal_stays_flagged(text: str) -> None:
    assert "health" in categories(text)
