"""Origin by the person name of a state (StAGN list of state names): every state's name for its
people counts, male, female and plural, while a car, a horse breed or a street named after a
country stays clean. Fresh sentences (in no corpus)."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    "text",
    [
        "Kd. ist Kenianer, Rückruf nach 18 Uhr",
        "Kundin ist Venezolanerin, Tochter übersetzt",
        "Kd. Chilene, Termin Montag",
        "Kd. ist gebürtiger Mongole",
        "Ehemann der Kundin ist Nepalese",
        "Kd. ist Spanier",
        "Kd. ist Isländerin",
    ],
)
def test_the_person_name_of_a_state_is_origin(text: str) -> None:
    assert "ethnic_origin" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. fährt einen Spanier (Seat), Frontscheibe",
        "Kd. reitet Isländer, Pferdeanhänger im Hof",
        "Wagen steht in der Luxemburger Straße",
        "Kd. spricht nur Spanisch, Sohn übersetzt",
        "Kd. fliegt nächste Woche nach Kenia",
    ],
)
def test_cars_horses_streets_languages_and_travel_stay_clean(text: str) -> None:
    assert "ethnic_origin" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    ["Kd. hat subsidiären Schutz, Papiere folgen", "Kd. hat doppelte Staatsbürgerschaft"],
)
def test_protection_status_and_a_second_nationality_are_origin(text: str) -> None:
    assert "ethnic_origin" in categories(text, "bemerkungen")


def test_mountain_passes_are_no_second_passport() -> None:
    assert "ethnic_origin" not in categories(
        "Kd. fährt über zwei Pässe nach Italien", "bemerkungen"
    )


@pytest.mark.parametrize(
    "text",
    ["Kd. ist Friese, Termin Montag", "Kd. Paschtune, Sohn übersetzt", "Kd. ist Tatarin"],
)
def test_peoples_without_a_state_of_their_own_are_origin(text: str) -> None:
    assert "ethnic_origin" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. reitet Friesen",
        "Kd. hat Tatar gegessen",
        "Zulu-Zeit 14:00 UTC",
        "Herr Friese ruft zurück",
    ],
)
def test_horses_dishes_times_and_surnames_stay_clean(text: str) -> None:
    assert "ethnic_origin" not in categories(text, "bemerkungen")
