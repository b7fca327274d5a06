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


@pytest.mark.parametrize(
    "text",
    [
        # "er"/"sie"/"es" point back to the subject of the clause before
        "Der Hund ist alt, er hinkt",
        "Ihr Hund ist sehr alt, er hat Diabetes und schläft meist",
        "Die Katze der Kundin ist alt, sie ist fast blind",
        # "der"/"die" before a verb point back to the last noun outside a phrase
        "unser Kater, der ist blind",
        "Achtung Hund im Garten, der ist schon ganz blind und bellt nicht",
        "Kunde hat einen Hund, der blind ist, bitte Tor schließen",
        # a clause without a subject of its own continues the animal's
        "Achtung Hund, ist blind und bissig",
        "Der Hund bellt, hinkt aber seit Wochen",
        # a thing: a blind windscreen or camera
        "Die Frontscheibe ist milchig, sie ist am Rand schon blind",
        "Der Sensor ist verschmutzt, er ist blind",
    ],
)
def test_pronoun_pointing_back_to_an_animal_or_thing_is_clean(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # the subject of the clause before is a person
        "Kunde hat einen Hund, er ist blind",
        "Kunde hat einen neuen Sensor bekommen, er ist blind",
        "Kundin wohnt bei ihrem Sohn, der ist gehbehindert",
        # the pronoun's gender does not agree with the animal: someone else
        "Der Hund ist alt, sie ist schwerhörig, bitte laut klingeln",
        # a relative pronoun after a person
        "Kunde hat einen Sohn, der blind ist, bitte laut klingeln",
        # a subjectless clause after a clause about a person or an appointment
        "Termin Mo, ist schwerhörig",
        # a new sentence: no pronoun is resolved across a full stop
        "Der Hund ist lieb. Er ist blind.",
    ],
)
def test_pronoun_pointing_back_to_a_person_stays_flagged(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat Tabletten für den Hund im Auto vergessen",
        "Insulin für unseren Kater liegt im Kühlschrank, bitte nicht stören",
    ],
)
def test_a_treatment_for_an_animal_is_clean(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat Tabletten für sich und den Hund vergessen",
        "Kd. nimmt Tabletten, für den Hund sorgt die Nachbarin",
    ],
)
def test_a_treatment_of_the_person_beside_an_animal_stays_flagged(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. kommt mit seinem Hund, der ist schon alt und blind",
        "Kunde mit Hund, der ist taub, bitte nicht erschrecken",
    ],
)
def test_a_relative_pronoun_right_after_an_animal_in_a_phrase_points_to_it(text: str) -> None:
    assert "health" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. wohnt bei seiner Mutter, die ist blind",
        "Kd. war mit dem Hund beim Tierarzt, der ist blind",
    ],
)
def test_a_relative_pronoun_after_a_person_stays_a_finding(text: str) -> None:
    assert "health" in categories(text)
